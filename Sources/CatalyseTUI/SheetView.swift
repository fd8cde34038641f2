import CatalyseCore

/// The offer sheet: every field of `OfferSheet.fields` (the same as `catalyse show`), wrapped at
/// word boundaries, never truncated. Beside the list on a wide terminal, full screen otherwise.
enum SheetView {
    /// Fields shown as a block (label on its own line, text below): long or multi-line ones.
    static let blockKeys: Set<String> = ["summary", "description", "contact", "apply"]

    /// The sheet's lines; `why` (the reasons the offer is in the list, when a filter is active)
    /// come under the title, one per filter.
    static func lines(offer: Offer, firm: Firm, language: Language, width: Int, favourite: Bool, why: [WhyListed.Line] = [],
                      news: News.Mark? = nil) -> [StyledLine] {
        let s = Strings(language)
        let width = max(1, width)
        var out: [StyledLine] = []
        for line in TextWrap.lines(offer.title, first: width, rest: width) { out.append(StyledLine(line, Palette.title)) }
        if favourite { out.append(StyledLine(s.favouriteMark, Palette.favourite)) }
        if let news { out += newsLines(news, s, width: width) }
        if !why.isEmpty {
            out.append(.blank)
            out.append(StyledLine(s.whyHeading, Palette.heading))
            for reason in why {
                let wrapped = TextWrap.lines(reason.text, first: max(1, width - 2), rest: max(1, width - 4))
                out.append(StyledLine((reason.passes ? "  " : "✗ ") + (wrapped.first ?? ""), reason.passes ? Palette.plain : Palette.error))
                for line in wrapped.dropFirst() { out.append(StyledLine("    " + line)) }
            }
        }
        out.append(.blank)
        for field in OfferSheet.fields(offer, firm, language) {
            let value = TextWrap.trimmedBlock(field.value)
            let label = s.field(field.label)
            if blockKeys.contains(field.key) || value.contains("\n") {
                out.append(.blank)
                out.append(StyledLine(field.label, Palette.heading))
                for line in TextWrap.paragraphs(value, first: width - 2, rest: width - 2) {
                    out.append(StyledLine(line.isEmpty ? "" : "  " + line))
                }
            } else {
                let labelWidth = CellWidth.of(label)
                let wrapped = TextWrap.lines(value, first: width - labelWidth, rest: width - 2)
                out.append(StyledLine([Segment(label, Palette.key), Segment(wrapped.first ?? "")]))
                for line in wrapped.dropFirst() { out.append(StyledLine("  " + line)) }
            }
        }
        out.append(.blank)
        out.append(StyledLine("Id" + Typography.colon(language) + offer.id, Palette.muted))
        return out
    }

    static func missingLines(id: String, language: Language, width: Int) -> [StyledLine] {
        let s = Strings(language)
        var out: [StyledLine] = []
        for line in TextWrap.lines(id, first: width, rest: width) { out.append(StyledLine(line, Palette.title)) }
        out.append(.blank)
        for line in TextWrap.lines(s.missingSheet, first: width, rest: width) { out.append(StyledLine(line, Palette.missing)) }
        for line in TextWrap.lines(s.missingSheetHint, first: width, rest: width) { out.append(StyledLine(line)) }
        return out
    }
}

/// Where the sheet is drawn.
struct SheetFrame {
    var x: Int, y: Int, width: Int, height: Int
    /// Beside the list (true) or full screen.
    var beside: Bool
}

extension AppState {
    /// Whether the focused sheet shows beside the list (wide terminal, opened from the list).
    func sheetIsBeside(_ l: Layout) -> Bool {
        l.split && stack.count >= 2 && stack[stack.count - 2] == .list
    }

    func sheetFrame(_ l: Layout) -> SheetFrame {
        if screen == .sheet && !sheetIsBeside(l) {
            return SheetFrame(x: l.contentX, y: l.contentY, width: l.contentWidth, height: l.contentHeight, beside: false)
        }
        return SheetFrame(x: l.sheetX + 1, y: l.listY, width: max(1, l.sheetWidth - 1), height: l.listHeight, beside: true)
    }

    /// The lines of the focused sheet at the width of its frame (why the offer is listed,
    /// when it was opened from the list).
    func sheetLines(_ frame: SheetFrame) -> [StyledLine] {
        guard let i = sheetOffer else { return [] }
        let offer = catalogue.offers[i]
        let fromList = stack.count >= 2 && stack[stack.count - 2] == .list
        return SheetView.lines(offer: offer, firm: catalogue.firm(of: offer), language: language,
                               width: frame.width, favourite: favouriteSet.contains(offer.id), why: fromList ? whyListed(i) : [],
                               news: sheetNewsMark(offer.id))
    }

    /// Why an offer is in the list: one line per active filter (none without a filter).
    func whyListed(_ offerIndex: Int) -> [WhyListed.Line] {
        guard !filter.isEmpty || favouritesOnly else { return [] }
        let offer = catalogue.offers[offerIndex]
        // The « Nouveautés » filter is not a reason the sheet gives (its mark says it).
        var f = effectiveFilter
        if news.only { f.onlyIDs = favouritesOnly ? Set(favourites) : nil }
        return WhyListed.lines(offer, firm: catalogue.firm(of: offer), filter: f,
                               isFavourite: favouriteSet.contains(offer.id), language: language)
    }

    func sheetMaxScroll(_ l: Layout) -> Int {
        let frame = sheetFrame(l)
        return max(0, sheetLines(frame).count - frame.height)
    }

    mutating func clampSheet(_ l: Layout? = nil) {
        sheetScroll = max(0, min(sheetScroll, sheetMaxScroll(l ?? layout)))
    }

    /// The lines a frame of `height` rows shows from `scroll`: one row less when "↓ more" takes
    /// the last one.
    static func shownLines(count: Int, scroll: Int, height: Int) -> Int {
        guard height > 0 else { return 0 }
        let more = count - scroll > height
        return more ? max(0, height - 1) : max(0, min(height, count - scroll))
    }

    /// "  (21–40 / 45)": the lines shown, when they are not all; `nil` when everything shows.
    static func rangeLabel(count: Int, scroll: Int, height: Int) -> String? {
        guard count > height, height > 0 else { return nil }
        let shown = shownLines(count: count, scroll: scroll, height: height)
        return "  (\(scroll + 1)–\(scroll + max(1, shown)) / \(count))"
    }

    /// Draws a sheet's lines from `scroll` in a frame, with "↓ more" on the last row when
    /// there is more below.
    func drawSheet(_ lines: [StyledLine], scroll: Int, frame: SheetFrame, into grid: inout Grid) {
        guard frame.height > 0 else { return }
        let more = lines.count - scroll > frame.height
        let rows = more ? frame.height - 1 : frame.height
        for r in 0..<max(0, rows) {
            let n = scroll + r
            guard n < lines.count else { break }
            grid.put(lines[n], row: frame.y + r, column: frame.x, width: frame.width)
        }
        if more {
            let text = strings.moreBelow
            grid.put(text, row: frame.y + frame.height - 1, column: frame.x + max(0, frame.width - CellWidth.of(text)), style: Palette.muted)
        }
    }

    /// The full-screen sheet (narrow terminal, or opened from a firm).
    func renderFullSheet(_ l: Layout, into grid: inout Grid) {
        let s = strings
        var title = s.sheetTitle
        if sheetOffer != nil {
            let frame = sheetFrame(l)
            let lines = sheetLines(frame)
            if let range = AppState.rangeLabel(count: lines.count, scroll: sheetScroll, height: frame.height) { title += range }
            grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
            drawSheet(lines, scroll: sheetScroll, frame: frame, into: &grid)
        }
        grid.cursor = Position(l.contentY, l.contentX)
    }

    /// The sheet beside the list: the focused one, or a preview of the selected row.
    func renderSideSheet(_ l: Layout, into grid: inout Grid) {
        let s = strings
        for r in l.columnTitleY..<l.footerY { grid.put("│", row: r, column: l.listWidth, style: Palette.border) }
        let focused = screen == .sheet
        let frame = sheetFrame(l)
        var title = s.sheetTitle
        let lines: [StyledLine]
        var scroll = 0
        if focused {
            lines = sheetLines(frame)
            scroll = sheetScroll
            if let range = AppState.rangeLabel(count: lines.count, scroll: scroll, height: frame.height) { title += range }
        } else if selection < rowCount {
            switch row(selection) {
            case .offer(let i):
                let offer = catalogue.offers[i]
                lines = SheetView.lines(offer: offer, firm: catalogue.firm(of: offer), language: language,
                                        width: frame.width, favourite: favouriteSet.contains(offer.id), why: whyListed(i),
                                        news: sheetNewsMark(offer.id))
            case .missing(let id):
                lines = SheetView.missingLines(id: id, language: language, width: frame.width)
            }
        } else {
            lines = []
        }
        grid.put(title, row: l.columnTitleY, column: frame.x, style: focused ? Palette.selected : Palette.columnTitle, maxWidth: frame.width)
        drawSheet(lines, scroll: scroll, frame: frame, into: &grid)
    }
}

import CatalyseCore

/// Browsing by firm (`b`): the firms in alphabetical order with their number of offers; Enter
/// shows a firm's presentation, contact and offers; Enter on an offer opens its sheet.
extension AppState {
    // MARK: Firm list

    mutating func clampFirms() {
        let count = firmOrder.count
        firms.selection = count == 0 ? 0 : min(max(0, firms.selection), count - 1)
        let h = layout.contentHeight
        if h > 0 {
            if firms.selection < firms.top { firms.top = firms.selection }
            let maxTop = max(0, count - h)
            // Above the end, "↓ more" takes the last row: one row less for the firms.
            let shown = firms.top < maxTop ? max(1, h - 1) : h
            if firms.selection >= firms.top + shown { firms.top = firms.selection - max(1, h - 1) + 1 }
            firms.top = max(0, min(firms.top, maxTop))
        }
        clampFirmView()
    }

    /// The first firm shown and how many rows of firms show ("↓ more" below them when
    /// there are more).
    var firmListWindow: (top: Int, shown: Int) {
        let h = layout.contentHeight
        let top = max(0, min(firms.top, max(0, firmOrder.count - h)))
        return (top, AppState.shownLines(count: firmOrder.count, scroll: top, height: h))
    }

    mutating func handleFirmsKey(_ key: Key) -> [Effect] {
        if let move = Move(screenKey: key) {
            firms.selection = move.apply(to: firms.selection, count: firmOrder.count, page: layout.contentHeight - 1)
            clampFirms()
            return []
        }
        switch key {
        case .enter:
            openFirm()
        case .escape, .char("q"), .char("b"):
            goBack()
        default:
            break
        }
        return []
    }

    mutating func openFirm() {
        guard firms.selection < firmOrder.count else { return }
        firms.firm = firmOrder[firms.selection]
        firms.offerSelection = 0
        firms.scroll = 0
        stack.append(.firm)
    }

    func renderFirms(into grid: inout Grid) {
        let l = layout
        let s = strings
        let h = l.contentHeight
        let window = firmListWindow
        let title = s.firmsTitle + (AppState.rangeLabel(count: firmOrder.count, scroll: window.top, height: h) ?? " (\(firmOrder.count))")
        grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        guard h > 0 else { return }
        let countWidth = 12
        let top = window.top
        if window.shown < min(h, firmOrder.count - top) {
            let more = s.moreBelow
            grid.put(more, row: l.contentY + h - 1, column: max(0, l.width - 1 - CellWidth.of(more)), style: Palette.muted)
        }
        for i in top..<min(firmOrder.count, top + window.shown) {
            let y = l.contentY + i - top
            let firm = catalogue.firms[firmOrder[i]]
            let count = s.firmOffers(firm.offerIndices.count)
            let place = Place.department(firm.headquarters).name(language)
            let nameWidth = max(1, l.width - 3 - countWidth - 1)
            let name = CellWidth.truncate(firm.name, to: nameWidth)
            let used = grid.put(name, row: y, column: 2)
            let room = nameWidth - used - 3
            if room > 4 { grid.put(CellWidth.truncate("(" + place + ")", to: room), row: y, column: 2 + used + 1, style: Palette.muted) }
            grid.put(count, row: y, column: l.width - 1 - CellWidth.of(count), style: Palette.muted)
            if i == firms.selection {
                grid.highlight(row: y, from: 0, width: l.width)
                grid.cursor = Position(y, 0)
            }
        }
    }

    // MARK: One firm

    /// Offer indices of the firm shown, in file order (ids not found are skipped).
    var firmOffers: [Int] {
        guard let f = firms.firm else { return [] }
        return Array(catalogue.firms[f].offerIndices)
    }

    /// The firm view as lines, and the line of each offer.
    var firmDocument: (lines: [StyledLine], offerLines: [Int]) {
        guard let f = firms.firm else { return ([], []) }
        let firm = catalogue.firms[f]
        let s = strings
        let width = layout.contentWidth
        var out: [StyledLine] = []
        for line in wrapText(firm.name, first: width, rest: width) { out.append(StyledLine(line, Palette.title)) }
        out.append(.blank)
        for line in wrapText(trimmedBlock(firm.presentation), first: width, rest: width) { out.append(StyledLine(line)) }
        out.append(.blank)
        func field(_ label: String, _ value: String) {
            let labelText = s.field(label)
            let wrapped = wrapText(value, first: width - CellWidth.of(labelText), rest: width - 2)
            out.append(StyledLine([Segment(labelText, Palette.key), Segment(wrapped.first ?? "")]))
            for line in wrapped.dropFirst() { out.append(StyledLine("  " + line)) }
        }
        field(s.firmHeadquarters, Place.department(firm.headquarters).displayName(language))
        field(s.firmContact, OfferSheet.contact(firm, language))
        field(s.firmJoined, String(firm.joined))
        field(s.firmSource, firm.provenance.source + " (" + s.verified(firm.provenance.verified) + ")")
        out.append(.blank)
        let offers = firmOffers
        out.append(StyledLine(s.firmOffersHeading + " (\(offers.count))", Palette.heading))
        var offerLines: [Int] = []
        for i in offers {
            let offer = catalogue.offers[i]
            offerLines.append(out.count)
            let star = favouriteSet.contains(offer.id) ? "★ " : "  "
            let tags = "  " + s.purposeTag(offer.purpose) + " · " + s.formatTag(offer.format)
            let titleRoom = max(1, width - 2 - CellWidth.of(tags))
            out.append(StyledLine([Segment(star, Palette.favourite),
                                   Segment(CellWidth.pad(offer.title, to: titleRoom)),
                                   Segment(tags, Palette.purpose(offer.purpose))]))
        }
        return (out, offerLines)
    }

    /// Whether the selected offer's line is on screen (not under "↓ more").
    var isSelectedFirmOfferVisible: Bool {
        let doc = firmDocument
        guard doc.offerLines.indices.contains(firms.offerSelection) else { return true }
        let h = layout.contentHeight
        let visible = doc.lines.count - firms.scroll > h ? h - 1 : h
        let line = doc.offerLines[firms.offerSelection]
        return line >= firms.scroll && line < firms.scroll + visible
    }

    mutating func clampFirmView() {
        guard firms.firm != nil else { return }
        let doc = firmDocument
        let count = doc.offerLines.count
        firms.offerSelection = count == 0 ? 0 : min(max(0, firms.offerSelection), count - 1)
        let h = layout.contentHeight
        guard h > 0 else { return }
        if count > 0 {
            // One row less when "↓ more" takes the last row.
            let visible = doc.lines.count > h ? max(1, h - 1) : h
            let line = doc.offerLines[firms.offerSelection]
            if line < firms.scroll { firms.scroll = line }
            if line >= firms.scroll + visible { firms.scroll = line - visible + 1 }
        }
        firms.scroll = max(0, min(firms.scroll, max(0, doc.lines.count - h)))
    }

    mutating func handleFirmKey(_ key: Key) -> [Effect] {
        let offers = firmOffers
        if let move = Move(screenKey: key) {
            // The view opens at the top (name, presentation); when the selected offer is still
            // below, the first ↓ or ↑ scrolls to it rather than skipping it.
            if (move == .down || move == .up) && !isSelectedFirmOfferVisible {
                clampFirmView()
                return []
            }
            firms.offerSelection = move.apply(to: firms.offerSelection, count: offers.count, page: layout.contentHeight - 1)
            if move == .home { firms.scroll = 0 }
            clampFirmView()
            return []
        }
        switch key {
        case .enter:
            if offers.indices.contains(firms.offerSelection) {
                sheetOffer = offers[firms.offerSelection]
                sheetScroll = 0
                stack.append(.sheet)
            }
        case .char(" "):
            if offers.indices.contains(firms.offerSelection) {
                return toggleFavourite(catalogue.offers[offers[firms.offerSelection]].id)
            }
        case .escape, .char("q"):
            goBack()
        default:
            break
        }
        return []
    }

    func renderFirm(into grid: inout Grid) {
        let l = layout
        guard let f = firms.firm else { return }
        grid.put(strings.firmsTitle + " › " + catalogue.firms[f].name, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        let doc = firmDocument
        let h = l.contentHeight
        let frame = SheetFrame(x: l.contentX, y: l.contentY, width: l.contentWidth, height: h, beside: false)
        let scroll = max(0, min(firms.scroll, max(0, doc.lines.count - h)))
        drawSheet(doc.lines, scroll: scroll, frame: frame, into: &grid)
        grid.cursor = Position(l.contentY, l.contentX)
        if doc.offerLines.indices.contains(firms.offerSelection), isSelectedFirmOfferVisible {
            let y = l.contentY + doc.offerLines[firms.offerSelection] - scroll
            grid.highlight(row: y, from: 0, width: l.width)
            grid.cursor = Position(y, 0)
        }
    }
}

import CatalyseCore

/// Browsing by firm (`b`): the firms in alphabetical order with their number of offers; Enter
/// shows a firm's presentation, contact and offers; Enter on an offer opens its sheet.
extension AppState {
    // MARK: Firm list

    mutating func clampFirms(_ l: Layout? = nil) {
        let l = l ?? layout
        firms.list.fit(count: shownFirms.count, height: l.contentHeight)
        clampFirmView(l)
    }

    /// The firms on screen ("↓ more" below them when there are more), from the stored offset.
    func firmListWindow(_ l: Layout) -> ScrollState {
        firms.list.window(count: shownFirms.count, height: l.contentHeight)
    }

    mutating func handleFirmsKey(_ key: Key) -> [Effect] {
        switch ScreenKeys.firms.action(for: key) {
        case .move(let move):
            let l = layout
            firms.list.fit(count: shownFirms.count, height: l.contentHeight)
            firms.list.move(move)
            clampFirmView(l)
        case .open:
            openFirm()
        case .search:
            openFirmSearch()
        case .escape:
            // A search first, then the screen.
            if firms.query.isEmpty { goBack() } else { setFirmQuery("") }
        case .back:
            goBack()
        case .language:
            return switchLanguage()
        case .help:
            openHelp()
        case nil:
            break
        }
        return []
    }

    mutating func openFirm() {
        let shown = shownFirms
        guard firms.list.selection < shown.count else { return }
        firms.firm = shown[firms.list.selection]
        firms.offerSelection = 0
        // The view opens at the top (name, presentation), even when the first offer is below.
        firms.document = ScrollState(marksMore: true)
        stack.append(.firm)
    }

    func renderFirms(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let h = l.contentHeight
        let window = firmListWindow(l)
        let shown = shownFirms
        let count = firms.matches == nil ? " (\(shown.count))" : " (\(shown.count) / \(firmOrder.count))"
        var title = s.firmsTitle + (AppState.rangeLabel(count: shown.count, scroll: window.offset, height: h) ?? count)
        if firms.matches != nil { title += " · " + s.firmSearchShown(firms.query) }
        grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        guard h > 0 else { return }
        if shown.isEmpty {
            grid.put(CellWidth.truncate(s.noFirmMatches, to: l.width - 2), row: l.contentY + 1, column: 2, style: Palette.title)
            grid.put(CellWidth.truncate(s.noFirmMatchesHint, to: l.width - 2), row: l.contentY + 2, column: 2, style: Palette.muted)
            grid.cursor = Position(l.contentY, 0)
            return
        }
        let countWidth = 12
        if window.hasMoreBelow {
            let more = s.moreBelow
            grid.put(more, row: l.contentY + h - 1, column: max(0, l.width - 1 - CellWidth.of(more)), style: Palette.muted)
        }
        for i in window.visible {
            let y = l.contentY + i - window.offset
            let firm = catalogue.firms[shown[i]]
            let count = s.firmOffers(firm.offerIndices.count)
            let place = Place.department(firm.headquarters).name(language)
            let nameWidth = max(1, l.width - 3 - countWidth - 1)
            let name = CellWidth.truncate(firm.name, to: nameWidth)
            let used = grid.put(name, row: y, column: 2)
            let room = nameWidth - used - 3
            if room > 4 { grid.put(CellWidth.truncate("(" + place + ")", to: room), row: y, column: 2 + used + 1, style: Palette.muted) }
            grid.put(count, row: y, column: l.width - 1 - CellWidth.of(count), style: Palette.muted)
            if i == firms.list.selection {
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
    func firmDocument(_ l: Layout) -> (lines: [StyledLine], offerLines: [Int]) {
        guard let f = firms.firm else { return ([], []) }
        let firm = catalogue.firms[f]
        let s = strings
        let width = l.contentWidth
        var out: [StyledLine] = []
        for line in TextWrap.lines(firm.name, first: width, rest: width) { out.append(StyledLine(line, Palette.title)) }
        out.append(.blank)
        for line in TextWrap.lines(TextWrap.trimmedBlock(firm.presentation), first: width, rest: width) { out.append(StyledLine(line)) }
        out.append(.blank)
        func field(_ label: String, _ value: String) {
            let labelText = s.field(label)
            let wrapped = TextWrap.lines(value, first: width - CellWidth.of(labelText), rest: width - 2)
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
    func isSelectedFirmOfferVisible(_ l: Layout, _ doc: (lines: [StyledLine], offerLines: [Int])) -> Bool {
        guard doc.offerLines.indices.contains(firms.offerSelection) else { return true }
        let window = firms.document.window(count: doc.lines.count, height: l.contentHeight)
        return window.visible.contains(doc.offerLines[firms.offerSelection])
    }

    /// Keeps the selected offer in range and its line in view.
    mutating func clampFirmView(_ l: Layout? = nil) {
        guard firms.firm != nil else { return }
        let l = l ?? layout
        let doc = firmDocument(l)
        let count = doc.offerLines.count
        firms.offerSelection = count == 0 ? 0 : min(max(0, firms.offerSelection), count - 1)
        if count > 0 {
            firms.document.fit(count: doc.lines.count, height: l.contentHeight, selecting: doc.offerLines[firms.offerSelection])
        } else {
            firms.document = firms.document.window(count: doc.lines.count, height: l.contentHeight)
        }
    }

    mutating func handleFirmKey(_ key: Key) -> [Effect] {
        let offers = firmOffers
        switch ScreenKeys.firm.action(for: key) {
        case .move(let move):
            let l = layout
            // The view opens at the top (name, presentation); when the selected offer is still
            // below, the first ↓ or ↑ scrolls to it rather than skipping it.
            if (move == .down || move == .up) && !isSelectedFirmOfferVisible(l, firmDocument(l)) {
                clampFirmView(l)
                return []
            }
            firms.offerSelection = move.apply(to: firms.offerSelection, count: offers.count, page: l.contentHeight - 1)
            if move == .home { firms.document.scroll(to: 0) }
            clampFirmView(l)
        case .openSheet:
            if offers.indices.contains(firms.offerSelection) {
                sheetOffer = offers[firms.offerSelection]
                sheetScroll = 0
                stack.append(.sheet)
            }
        case .favourite:
            if offers.indices.contains(firms.offerSelection) {
                return toggleFavourite(catalogue.offers[offers[firms.offerSelection]].id)
            }
        case .undo:
            return undoLast()
        case .back:
            goBack()
        case .language:
            return switchLanguage()
        case .help:
            openHelp()
        case nil:
            break
        }
        return []
    }

    func renderFirm(_ l: Layout, into grid: inout Grid) {
        guard let f = firms.firm else { return }
        grid.put(strings.firmsTitle + " › " + catalogue.firms[f].name, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        let doc = firmDocument(l)
        let h = l.contentHeight
        let frame = SheetFrame(x: l.contentX, y: l.contentY, width: l.contentWidth, height: h, beside: false)
        let scroll = firms.document.window(count: doc.lines.count, height: h).offset
        drawSheet(doc.lines, scroll: scroll, frame: frame, into: &grid)
        grid.cursor = Position(l.contentY, l.contentX)
        if doc.offerLines.indices.contains(firms.offerSelection), isSelectedFirmOfferVisible(l, doc) {
            let y = l.contentY + doc.offerLines[firms.offerSelection] - scroll
            grid.highlight(row: y, from: 0, width: l.width)
            grid.cursor = Position(y, 0)
        }
    }
}

import CatalyseCore

/// The offer list: ★, firm, title, purpose tag, format tag, in fixed cell columns. Only the
/// visible rows are drawn (the catalogue may hold 100,000 offers).
extension AppState {
    func renderList(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let columns = ListColumns(width: l.listWidth, strings: s, gap: l.split ? 1 : 0)

        // Column titles.
        let y = l.columnTitleY
        grid.put(s.columnFirm, row: y, column: columns.firmX, style: Palette.columnTitle, maxWidth: columns.firmWidth)
        grid.put(s.columnOffer, row: y, column: columns.titleX, style: Palette.columnTitle, maxWidth: columns.titleWidth)
        grid.put(s.columnPurpose, row: y, column: columns.purposeX, style: Palette.columnTitle, maxWidth: columns.purposeWidth)
        grid.put(s.columnFormat, row: y, column: columns.formatX, style: Palette.columnTitle, maxWidth: columns.formatWidth)

        let count = rowCount
        if count == 0 {
            renderEmptyList(l, into: &grid)
            return
        }

        let window = listWindow(l)
        let top = window.offset
        let end = min(count, top + l.listHeight)
        for i in top..<end {
            let y = l.listY + i - top
            drawRow(row(i), y: y, columns: columns, strings: s, into: &grid)
            if i == selection { grid.highlight(row: y, from: 0, width: l.listWidth) }
        }
        if selection >= top && selection < end {
            grid.cursor = Position(l.listY + selection - top, 0)
        }
    }

    /// An empty list says why and what would help: for each filter, how many offers its
    /// removal gives, and the nearest word for a search word found nowhere (`a` applies the
    /// first suggestion).
    func renderEmptyList(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let room = max(1, l.listWidth - 2)
        var lines: [(String, CellStyle)]
        if favouritesOnly && favouritesUnavailable {
            lines = [(s.favouritesUnreadable, Palette.title), (s.favouritesUnreadableHint, Palette.muted)]
        } else if favouritesOnly && favourites.isEmpty {
            lines = [(s.noFavourites, Palette.title), (s.noFavouritesHint, Palette.muted)]
        } else {
            lines = [(s.emptyList, Palette.title)]
            let help = emptyHelp?.lines(language) ?? []
            lines += help.map { ($0, Palette.plain) }
            let hasSuggestion = !(emptyHelp?.suggestions.isEmpty ?? true)
            if !help.isEmpty { lines.append(("", Palette.plain)) }
            lines.append((hasSuggestion ? s.applySuggestionHint : s.emptyListHint, Palette.muted))
        }
        var y = l.listY + 1
        for (text, style) in lines {
            // A suggestion keeps its indentation; its next lines go two cells further in.
            let indent = text.prefix(while: { $0 == " " }).count
            let wrapped = TextWrap.lines(String(text.dropFirst(indent)), first: max(1, room - indent), rest: max(1, room - indent - 2))
            for (k, line) in wrapped.enumerated() where y < l.footerY {
                grid.put(String(repeating: " ", count: indent + (k == 0 ? 0 : 2)) + line, row: y, column: 2, style: style)
                y += 1
            }
        }
        grid.cursor = Position(min(l.listY, max(0, l.footerY - 1)), 0)
    }

    /// The rows on screen: the stored scroll position, fitted again so that the selection is
    /// visible whatever happened since (render and the mouse never trust a stale value).
    func listWindow(_ l: Layout) -> ScrollState {
        list.fitted(count: rowCount, height: l.listHeight)
    }

    func drawRow(_ row: ListRow, y: Int, columns: ListColumns, strings s: Strings, into grid: inout Grid) {
        switch row {
        case .offer(let i):
            let offer = catalogue.offers[i]
            let firm = catalogue.firm(of: offer)
            if favouriteSet.contains(offer.id) { grid.put("★", row: y, column: 0, style: Palette.favourite) }
            if isInCurrentDossier(offer.id) { grid.put("✓", row: y, column: 1, style: Palette.checked) }
            grid.put(CellWidth.truncate(firm.name, to: columns.firmWidth), row: y, column: columns.firmX, style: Palette.firm)
            // « nouveau » / « modifié » before the title (what is new, `News/`).
            var titleX = columns.titleX, titleWidth = columns.titleWidth
            if let mark = news.mark(offer.id), titleWidth > 12 {
                let tag = s.newsTag(mark.kind)
                titleX += grid.put(tag, row: y, column: titleX, style: Palette.newsTag) + 1
                titleWidth -= CellWidth.of(tag) + 1
            }
            grid.put(CellWidth.truncate(offer.title, to: titleWidth), row: y, column: titleX)
            grid.put(s.purposeTag(offer.purpose), row: y, column: columns.purposeX, style: Palette.purpose(offer.purpose), maxWidth: columns.purposeWidth)
            grid.put(s.formatTag(offer.format), row: y, column: columns.formatX, maxWidth: columns.formatWidth)
        case .missing(let id):
            grid.put("★", row: y, column: 0, style: Palette.favourite)
            grid.put(CellWidth.truncate(s.missingFirm, to: columns.firmWidth), row: y, column: columns.firmX, style: Palette.missing)
            let rest = columns.titleWidth + 1 + columns.purposeWidth + 1 + columns.formatWidth
            grid.put(CellWidth.truncate(id + " — " + s.missingTag, to: rest), row: y, column: columns.titleX, style: Palette.missing)
        }
    }
}

import CatalyseCore

/// Where things go on the main screen at the current size. Computed from the state, shared by
/// `update` (scrolling, mouse) and `render`, so they always agree.
///
/// ```
/// row 0              header
/// rows 1 ..< listY-1 active filters (1 to 3 lines)
/// row listY-1        column titles (the sheet's title on the right when split)
/// rows listY ..< footerY the list (and the sheet beside it when split)
/// rows footerY ..< h the footer: keys, a prompt, or a status message; an error message is
///                    wrapped on up to three lines above the keys
/// ```
struct Layout {
    let width: Int
    let height: Int
    let tooSmall: Bool
    /// The active-filters bar, already wrapped.
    let filterLines: [String]
    /// The status message, wrapped (empty when there is none or it is not shown).
    let statusLines: [String]
    /// Whether the status is an error, shown above the keys (else it replaces them).
    let statusIsError: Bool
    /// Whether the sheet shows beside the list.
    let split: Bool
    let listWidth: Int
    /// First column of the side sheet (after the separator).
    let sheetX: Int
    let sheetWidth: Int

    static let maxFilterLines = 3
    /// An error takes up to three footer lines, five on a tall terminal.
    static func maxStatusLines(height: Int) -> Int { min(5, max(3, (height - 12) / 2)) }

    var filterY: Int { 1 }
    var columnTitleY: Int { 1 + filterLines.count }
    var listY: Int { columnTitleY + 1 }
    /// Rows taken by the footer.
    var footerHeight: Int { statusIsError ? statusLines.count + 1 : max(1, statusLines.count) }
    /// The first row of the footer (the end of the list and of full-screen views).
    var footerY: Int { max(0, height - footerHeight) }
    /// The last row: keys, a prompt, or a message.
    var hintY: Int { height - 1 }
    var listHeight: Int { max(0, footerY - listY) }
    /// Full-screen views (sheet, help, firms): a title row, then content down to the footer.
    var titleY: Int { 1 }
    var contentY: Int { 2 }
    var contentHeight: Int { max(0, footerY - contentY) }
    /// Width of a full-screen view's text (a margin of one cell on each side).
    var contentX: Int { 1 }
    var contentWidth: Int { max(1, width - 2) }
}

extension AppState {
    /// The side sheet takes two fifths of the width (after the separator).
    static func sideSheetWidth(_ width: Int) -> Int { (width - 1) * 2 / 5 }

    /// Whether the sheet shows beside the list at this width: only where the list keeps a title
    /// column of at least `minimumSplitTitle` cells (from about 133 columns); narrower, the list
    /// takes the width and Enter opens the sheet full screen.
    static func showsSideSheet(width: Int, strings: Strings) -> Bool {
        guard width >= splitWidth else { return false }
        let listWidth = width - 1 - sideSheetWidth(width)
        return ListColumns(width: listWidth, strings: strings, gap: 1).titleWidth >= minimumSplitTitle
    }

    var layout: Layout {
        let tooSmall = isTooSmall
        let split = AppState.showsSideSheet(width: width, strings: strings)
        let sheetWidth = split ? AppState.sideSheetWidth(width) : 0
        let listWidth = split ? width - 1 - sheetWidth : width
        let status = tooSmall ? nil : shownStatus
        return Layout(width: width, height: height, tooSmall: tooSmall,
                      filterLines: tooSmall ? [] : filterBarLines(width: width),
                      statusLines: status.map { statusLines($0, width: width) } ?? [],
                      statusIsError: status?.isError ?? false,
                      split: split, listWidth: listWidth, sheetX: listWidth + 1, sheetWidth: sheetWidth)
    }

    /// The status message shown in the footer: none while a prompt or the export dialog (which
    /// has its own message lines) is open; an error comes back when it closes.
    var shownStatus: StatusMessage? {
        guard export == nil, prompt == nil, dossiers.dialog == nil else { return nil }
        return status
    }

    /// A status message in lines of `width` cells: a path is shortened in its folder part so that
    /// the file name stays visible; other text is wrapped, on up to three lines.
    func statusLines(_ status: StatusMessage, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let text = status.text(strings)
        if let path = status.path {
            let prefix = text.hasSuffix(path) ? String(text.dropLast(path.count)) : text
            let prefixWidth = CellWidth.of(prefix)
            if prefixWidth + CellWidth.of(path) <= width { return [text] }
            if width - prefixWidth >= 16 { return [prefix + TextFit.path(path, width: width - prefixWidth)] }
            return TextFit.lines(prefix, width: width, maxLines: 1) + [TextFit.path(path, width: width)]
        }
        return TextFit.lines(text, width: width, maxLines: Layout.maxStatusLines(height: height))
    }

    /// The filters bar: every active filter and the search (nothing hidden), then the key that
    /// clears them; wrapped on up to three lines.
    func filterBarLines(width: Int) -> [String] {
        let s = strings
        var parts = FilterDescription.parts(filter, language, favouritesOnly: favouritesOnly)
        if favouritesOnly && !missingFavourites.isEmpty { parts.append(s.missingFavourites(missingFavourites.count)) }
        if news.only { parts.append(s.newsOnlyPart) }
        guard !parts.isEmpty else {
            // "No filter", then what fits of the notes and keys, most useful first, each whole.
            var line = s.noFilter
            var extras = favouritesUnavailable ? [s.favouritesUnavailable] : []
            extras += s.noFilterHints
            for extra in extras where CellWidth.of(line) + 3 + CellWidth.of(extra) <= width {
                line += " · " + extra
            }
            return [CellWidth.truncate(line, to: width)]
        }
        let text = s.filtersPrefix + parts.joined(separator: Typography.semicolon(language))
        // The clearing key (and the note that favourites are unavailable) stay in one piece.
        let hint = s.filterKeysHint + (favouritesUnavailable ? "  " + s.favouritesUnavailable : "")
        var lines = TextWrap.lines(text, first: max(1, width), rest: max(1, width))
        // The clearing key stays in one piece: after the last line, or on a line of its own.
        if let last = lines.last, CellWidth.of(last) + 2 + CellWidth.of(hint) <= width {
            lines[lines.count - 1] = last + "  " + hint
        } else {
            lines.append(CellWidth.truncate(hint, to: width))
        }
        if lines.count > Layout.maxFilterLines {
            // Too many filters for the room: the last line says there is more, and keeps the key.
            lines = Array(lines.prefix(Layout.maxFilterLines))
            let room = max(0, width - 2 - CellWidth.of(hint))
            lines[lines.count - 1] = CellWidth.truncate(lines[lines.count - 1] + " …", to: room) + "  " + hint
        }
        return lines.isEmpty ? [""] : lines
    }
}

/// Columns of an offer row in the list: ★, firm, title, purpose tag, format tag.
struct ListColumns {
    let firmX: Int, firmWidth: Int
    let titleX: Int, titleWidth: Int
    let purposeX: Int, purposeWidth: Int
    let formatX: Int, formatWidth: Int

    init(width: Int, strings: Strings, gap: Int = 0) {
        let purposeWidth = strings.purposeTagWidth
        let formatWidth = strings.formatTagWidth
        var firmWidth = min(30, max(8, width / 4))
        // Beside the sheet, one cell is left before the separator.
        let width = width - gap
        var titleWidth = width - 5 - firmWidth - purposeWidth - formatWidth
        if titleWidth < 8 {
            firmWidth = max(4, firmWidth - (8 - titleWidth))
            titleWidth = max(0, width - 5 - firmWidth - purposeWidth - formatWidth)
        }
        self.firmX = 2
        self.firmWidth = firmWidth
        self.titleX = 2 + firmWidth + 1
        self.titleWidth = titleWidth
        self.purposeX = titleX + titleWidth + 1
        self.purposeWidth = purposeWidth
        self.formatX = purposeX + purposeWidth + 1
        self.formatWidth = formatWidth
    }
}

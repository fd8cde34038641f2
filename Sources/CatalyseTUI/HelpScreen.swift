import CatalyseCore

/// The help screen (`?`): every key of the key table, the mouse, and how to copy text.
extension AppState {
    var helpLines: [StyledLine] {
        let s = strings
        let l = layout
        let width = l.contentWidth
        let sections = s.helpSections
        let keyWidth = min(18, sections.flatMap { $0.rows.map { CellWidth.of($0.0) } }.max() ?? 0) + 2
        var out: [StyledLine] = []
        for (n, section) in sections.enumerated() {
            if n > 0 { out.append(.blank) }
            out.append(StyledLine(section.title, Palette.heading))
            for (key, action) in section.rows {
                let keyText = CellWidth.pad(key, to: keyWidth)
                let wrapped = wrapText(action, first: max(10, width - keyWidth - 2), rest: max(10, width - keyWidth - 2))
                out.append(StyledLine([Segment("  "), Segment(keyText, Palette.key), Segment(wrapped.first ?? "")]))
                for line in wrapped.dropFirst() {
                    out.append(StyledLine(String(repeating: " ", count: keyWidth + 2) + line))
                }
            }
        }
        return out
    }

    var helpMaxScroll: Int { max(0, helpLines.count - layout.contentHeight) }

    func renderHelp(into grid: inout Grid) {
        let l = layout
        let lines = helpLines
        var title = strings.helpTitle
        if let range = AppState.rangeLabel(count: lines.count, scroll: helpScroll, height: l.contentHeight) { title += range }
        grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        let frame = SheetFrame(x: l.contentX, y: l.contentY, width: l.contentWidth, height: l.contentHeight, beside: false)
        drawSheet(lines, scroll: helpScroll, frame: frame, into: &grid)
        grid.cursor = Position(l.contentY, l.contentX)
    }
}

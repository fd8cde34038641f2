import CatalyseCore

/// The help screen (`?`): every row of `KeyHelps.sections` (the key tables' bindings point to
/// them), the mouse, and how to copy text.
extension AppState {
    func helpLines(_ l: Layout) -> [StyledLine] {
        let width = l.contentWidth
        let sections = KeyHelps.sections
        let keyWidth = min(18, sections.flatMap { $0.rows.map { CellWidth.of($0.help.keys(language)) } }.max() ?? 0) + 2
        var out: [StyledLine] = []
        for (n, section) in sections.enumerated() {
            if n > 0 { out.append(.blank) }
            out.append(StyledLine(section.title(language), Palette.heading))
            for row in section.rows {
                let keyText = CellWidth.pad(row.help.keys(language), to: keyWidth)
                let wrapped = TextWrap.lines(row.help.text(language), first: max(10, width - keyWidth - 2), rest: max(10, width - keyWidth - 2))
                out.append(StyledLine([Segment("  "), Segment(keyText, Palette.key), Segment(wrapped.first ?? "")]))
                for line in wrapped.dropFirst() {
                    out.append(StyledLine(String(repeating: " ", count: keyWidth + 2) + line))
                }
            }
        }
        return out
    }

    func helpMaxScroll(_ l: Layout) -> Int { max(0, helpLines(l).count - l.contentHeight) }

    func renderHelp(_ l: Layout, into grid: inout Grid) {
        let lines = helpLines(l)
        var title = strings.helpTitle
        if let range = AppState.rangeLabel(count: lines.count, scroll: helpScroll, height: l.contentHeight) { title += range }
        grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        let frame = SheetFrame(x: l.contentX, y: l.contentY, width: l.contentWidth, height: l.contentHeight, beside: false)
        drawSheet(lines, scroll: helpScroll, frame: frame, into: &grid)
        grid.cursor = Position(l.contentY, l.contentX)
    }
}

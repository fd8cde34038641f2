import CatalyseCore

/// The history of the open dossier (`h`): every event, the most recent first, with its date
/// and time; offers named by their title (or their id when they left the catalogue).
extension AppState {
    func dossierHistoryLines(_ l: Layout) -> [StyledLine] {
        guard let d = openDossier else { return [] }
        let width = l.contentWidth
        let times = dossierTimes
        var out: [StyledLine] = []
        for event in d.history.reversed() {
            let when = times.format(event.at) + "  "
            let indent = CellWidth.of(when)
            let text = strings.historyEvent(event.kind) { offerTitle($0) }
            let wrapped = TextWrap.lines(text, first: max(8, width - indent), rest: max(8, width - indent))
            out.append(StyledLine([Segment(when, Palette.muted), Segment(wrapped.first ?? "")]))
            for line in wrapped.dropFirst() { out.append(StyledLine(String(repeating: " ", count: indent) + line)) }
        }
        return out
    }

    func dossierHistoryMaxScroll(_ l: Layout) -> Int { max(0, dossierHistoryLines(l).count - l.contentHeight) }

    mutating func clampDossierHistory(_ l: Layout? = nil) {
        guard screen == .dossierHistory else { return }
        dossiers.historyScroll = max(0, min(dossiers.historyScroll, dossierHistoryMaxScroll(l ?? layout)))
    }

    mutating func handleDossierHistoryKey(_ key: Key) -> [Effect] {
        switch ScreenKeys.dossierHistory.action(for: key) {
        case .scroll(let move):
            let l = layout
            dossiers.historyScroll = move.scroll(dossiers.historyScroll, maxOffset: dossierHistoryMaxScroll(l), page: l.contentHeight - 1)
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

    func renderDossierHistory(_ l: Layout, into grid: inout Grid) {
        guard let d = openDossier else { return }
        let lines = dossierHistoryLines(l)
        var title = strings.historyTitle(d.name) + " (" + strings.historyOrder + ")"
        if let range = AppState.rangeLabel(count: lines.count, scroll: dossiers.historyScroll, height: l.contentHeight) { title += range }
        grid.put(title, row: l.titleY, column: 1, style: Palette.heading, maxWidth: l.width - 2)
        let frame = SheetFrame(x: l.contentX, y: l.contentY, width: l.contentWidth, height: l.contentHeight, beside: false)
        drawSheet(lines, scroll: dossiers.historyScroll, frame: frame, into: &grid)
        grid.cursor = Position(l.contentY, l.contentX)
    }
}

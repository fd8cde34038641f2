import CatalyseCore

extension AppState {
    /// Draws the state into a grid of its size. Pure; touches only what is visible.
    /// The layout is computed once for the frame and handed to every part.
    public func render() -> Grid {
        var grid = Grid(width: width, height: height)
        if isTooSmall {
            renderTooSmall(into: &grid)
        } else {
            let l = layout
            renderHeader(into: &grid)
            switch screen {
            case .list:
                renderFilterBar(l, into: &grid)
                renderList(l, into: &grid)
                if l.split { renderSideSheet(l, into: &grid) }
            case .sheet:
                if sheetIsBeside(l) {
                    renderFilterBar(l, into: &grid)
                    renderList(l, into: &grid)
                    renderSideSheet(l, into: &grid)
                    let frame = sheetFrame(l)
                    grid.cursor = Position(frame.y, frame.x)
                } else {
                    renderFullSheet(l, into: &grid)
                }
            case .filters:
                renderFilterBar(l, into: &grid)
                renderPanel(l, into: &grid)
            case .help:
                renderHelp(l, into: &grid)
            case .firms:
                renderFirms(l, into: &grid)
            case .firm:
                renderFirm(l, into: &grid)
            case .dossiers:
                renderDossiers(l, into: &grid)
            case .dossier:
                renderDossier(l, into: &grid)
            case .dossierHistory:
                renderDossierHistory(l, into: &grid)
            case .map:
                renderMap(l, into: &grid)
            case .mapDepartments:
                renderMapDepartments(l, into: &grid)
            case .assessment:
                renderAssessmentQuestion(l, into: &grid)
            case .assessmentResult:
                renderAssessmentResult(l, into: &grid)
            case .pathway:
                renderPathway(l, into: &grid)
            }
            if case .territory(let territory) = prompt { renderTerritoryPrompt(territory, l, into: &grid) }
            if case .menu(let menu) = prompt { renderMenu(menu, l, into: &grid) }
            if let export { renderExportDialog(export, into: &grid) }
            if let dialog = dossiers.dialog { renderDossierDialog(dialog, l, into: &grid) }
            renderFooter(l, into: &grid)
        }
        if noColor { grid.removeColours() }
        if let cursor = grid.cursor, !(cursor.row >= 0 && cursor.row < grid.height && cursor.column >= 0 && cursor.column < grid.width) {
            grid.cursor = nil
        }
        return grid
    }

    // MARK: Too small

    func renderTooSmall(into grid: inout Grid) {
        guard width > 0, height > 0 else { return }
        let s = strings
        // The message (cut if it must), then what fits of the minimum size and how to quit.
        var lines: [(String, CellStyle)] = [(CellWidth.truncate(s.tooSmall, to: width), Palette.title)]
        let quit = prompt == nil && export == nil && dossiers.dialog == nil ? s.tooSmallQuit : s.tooSmallQuitCtrlC
        for extra in [s.minimum(AppState.minimumWidth, AppState.minimumHeight), quit] where CellWidth.of(extra) <= width {
            lines.append((extra, Palette.muted))
        }
        lines = Array(lines.prefix(height))
        let y = (height - lines.count) / 2
        for (n, line) in lines.enumerated() {
            grid.put(line.0, row: y + n, column: max(0, (width - CellWidth.of(line.0)) / 2), style: line.1)
        }
        grid.cursor = Position(y, 0)
    }

    // MARK: Header

    /// "Catalyse · name · date", then the badge and the count on the right. The count and the
    /// badge are never cut; the name goes first, then the date.
    func renderHeader(into grid: inout Grid) {
        let s = strings
        // What is new: in full when the name keeps room, else its count.
        let newsFull = newsHeader(short: false), newsShort = newsHeader(short: true)
        let newsText = newsFull.flatMap { width - CellWidth.of($0) >= 70 ? $0 : nil } ?? newsShort
        let right: [Segment] = (newsText.map { [Segment($0, Palette.newsTag), Segment("  ")] } ?? []) + headerDossierSegments() + (catalogue.illustrative ? [Segment(" " + s.illustrativeBadge + " ", Palette.badge), Segment(" ")] : [])
            + [Segment(s.count(result.offers.count, of: catalogue.offers.count), Palette.count)]
        let rightWidth = right.reduce(0) { $0 + CellWidth.of($1.text) }
        let room = width - rightWidth - 1
        let sep = " · "
        let name = catalogue.name
        let long = s.updatedLong(catalogue.updated)
        let short = s.updatedShort(catalogue.updated)
        let app = s.appName
        var left: [Segment] = []
        func fits(_ parts: [String]) -> Bool { CellWidth.of(parts.joined(separator: sep)) <= room }
        let nameRoom = room - CellWidth.of(app + sep + sep + short)
        let said = origin.map { s.origin($0) }
        // With the origin: the whole name and date, else a name cut to no less than 16 cells.
        let nameRoomWithOrigin = said.map { nameRoom - CellWidth.of(sep + $0) } ?? 0
        if let said, fits([app, name, long, said]) {
            left = [Segment(app, Palette.appName), Segment(sep + name + sep, Palette.headerText), Segment(long + sep + said, Palette.headerMuted)]
        } else if let said, nameRoomWithOrigin >= 16 {
            left = [Segment(app, Palette.appName), Segment(sep + CellWidth.truncate(name, to: nameRoomWithOrigin) + sep, Palette.headerText), Segment(short + sep + said, Palette.headerMuted)]
        } else if fits([app, name, long]) {
            left = [Segment(app, Palette.appName), Segment(sep + name + sep, Palette.headerText), Segment(long, Palette.headerMuted)]
        } else if nameRoom >= 8 {
            left = [Segment(app, Palette.appName), Segment(sep + CellWidth.truncate(name, to: nameRoom) + sep, Palette.headerText), Segment(short, Palette.headerMuted)]
        } else if fits([app, short]) {
            left = [Segment(app, Palette.appName), Segment(sep, Palette.headerText), Segment(short, Palette.headerMuted)]
        } else {
            left = [Segment(CellWidth.truncate(app, to: max(0, room)), Palette.appName)]
        }
        if room > 0 { grid.put(StyledLine(left), row: 0, column: 0, width: room) }
        grid.put(StyledLine(right), row: 0, column: max(0, width - rightWidth), width: rightWidth)
    }

    // MARK: Filters bar

    func renderFilterBar(_ l: Layout, into grid: inout Grid) {
        let hasFilters = !filter.isEmpty || favouritesOnly || news.only
        for (n, line) in l.filterLines.enumerated() {
            let y = l.filterY + n
            if !hasFilters {
                grid.put(line, row: y, column: 0, style: Palette.muted)
            } else if n == 0, line.hasPrefix(strings.filtersPrefix) {
                let prefix = strings.filtersPrefix
                let x = grid.put(prefix, row: y, column: 0, style: Palette.filterPrefix)
                grid.put(String(line.dropFirst(prefix.count)), row: y, column: x, style: Palette.plain)
            } else {
                grid.put(line, row: y, column: 0)
            }
        }
    }

    // MARK: Footer

    func renderFooter(_ l: Layout, into grid: inout Grid) {
        let y = l.hintY
        guard y > 0 else { return }
        let s = strings
        // An error, in full, above the keys (or the prompt).
        if l.statusIsError {
            for (n, line) in l.statusLines.enumerated() {
                grid.put(line, row: l.footerY + n, column: 0, style: Palette.error)
            }
        }
        switch prompt {
        case .search(let search):
            drawPromptLine("/ " + s.searchLabel, search.field, hints: ScreenKeys.search.hintPairs(language), row: y, into: &grid)
            return
        case .firmSearch(let search):
            drawPromptLine("/ " + s.firmSearchLabel, search.field, hints: ScreenKeys.firmSearch.hintPairs(language), row: y, into: &grid)
            return
        case .territory:
            // The prompt's keys stay in the footer, where every screen has its own.
            grid.put(TextFit.keys(ScreenKeys.territory.hintPairs(language), width: width), row: y, column: 0, style: Palette.muted)
            return
        case .menu, nil:
            break
        }
        if !l.statusIsError && !l.statusLines.isEmpty {
            for (n, line) in l.statusLines.enumerated() {
                grid.put(line, row: l.footerY + n, column: 0, style: Palette.info)
            }
            return
        }
        // A prompt or the export dialog has its own line of keys.
        guard export == nil && prompt == nil && dossiers.dialog == nil else { return }
        let hints = footerHints
        if hints.keys.isEmpty { return }
        drawHints(hints.keys.map { (key: $0.key(language), action: $0.action(language)) },
                  last: hints.pinned.map { (key: $0.key(language), action: $0.action(language)) }, row: y, into: &grid)
    }

    /// A prompt on the footer line: its label, the field, and its keys on the right when they fit.
    /// The text keeps at least 20 cells: the last hints give way first.
    func drawPromptLine(_ label: String, _ field: TextField, hints: [String], row y: Int, into grid: inout Grid) {
        var hints = hints
        while hints.count > 1, width - CellWidth.of(label) - CellWidth.of("  " + hints.joined(separator: " · ")) < 20 { hints.removeLast() }
        let hint = "  " + hints.joined(separator: " · ")
        let x = grid.put(label, row: y, column: 0, style: Palette.key)
        let hintWidth = CellWidth.of(hint)
        let fieldWidth = max(1, width - x - hintWidth)
        let visible = field.visible(width: fieldWidth)
        grid.put(visible.text, row: y, column: x)
        if x + fieldWidth + hintWidth <= width { grid.put(hint, row: y, column: x + fieldWidth, style: Palette.muted) }
        grid.cursor = Position(y, min(width - 1, x + visible.caretColumn))
    }

    /// The footer's hints: the screen's key table in order, the pinned `? aide` apart; while an
    /// error shows, its dismissal comes first, in place of the screen's Esc.
    var footerHints: (keys: [KeyHint], pinned: KeyHint?) {
        let table = screen == .assessment ? assessmentKeyTable : ScreenKeys.table(screen)
        // `u annuler` shows only while there is something to take back.
        let undo = canUndo ? nil : ScreenKeys.undoHint
        var keys = table.entries.compactMap { entry in entry.hint.flatMap { $0.pinned || $0 == undo ? nil : $0 } }
        if shownStatus?.isError == true {
            let escape = table.entries.filter { $0.keys.contains(.escape) }.compactMap(\.hint)
            keys = ScreenKeys.statusError.entries.compactMap(\.hint) + keys.filter { !escape.contains($0) }
        }
        return (keys, table.entries.lazy.compactMap(\.hint).first { $0.pinned })
    }

    /// Draws "key action" pairs that fit, keeping `last` (the help key) always visible.
    func drawHints(_ hints: [(key: String, action: String)], last: (key: String, action: String)?, row y: Int, into grid: inout Grid) {
        func w(_ h: (key: String, action: String)) -> Int { CellWidth.of(h.key) + 1 + CellWidth.of(h.action) }
        let gap = 2
        let reserved = last.map { w($0) + gap } ?? 0
        var x = 0
        for h in hints {
            if x + w(h) + reserved > width { break }
            x += grid.put(h.key, row: y, column: x, style: Palette.key)
            x += grid.put(" " + h.action, row: y, column: x, style: Palette.muted)
            x += gap
        }
        if let last, x + w(last) <= width {
            x += grid.put(last.key, row: y, column: x, style: Palette.key)
            grid.put(" " + last.action, row: y, column: x, style: Palette.muted)
        }
    }
}

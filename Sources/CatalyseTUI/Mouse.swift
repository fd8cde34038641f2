import CatalyseCore

/// Mouse: a click selects a row (a second click on the selected row opens it) or ticks a
/// filter value; the wheel scrolls what is under the pointer. The layout is computed once per
/// event, before anything changes (it says what was under the pointer).
extension AppState {
    mutating func handleMouse(_ action: MouseAction, row: Int, column: Int) -> [Effect] {
        guard !isTooSmall, row >= 0, row < height, column >= 0, column < width else { return [] }
        if export != nil || dossiers.dialog != nil { return [] }
        if case .menu = prompt { return [] }
        let l = layout
        if case .territory(let t) = prompt {
            return mouseTerritory(action, row: row, t, l)
        }
        switch screen {
        case .list: mouseList(action, row: row, column: column, l)
        case .sheet:
            if sheetIsBeside(l) && column < l.listWidth {
                if action == .press { goBack() }
                mouseList(action, row: row, column: column, l)
            } else {
                scrollSheet(action, l)
            }
        case .filters: mousePanel(action, row: row, l)
        case .help:
            let step = action == .wheelUp ? -wheelStep : action == .wheelDown ? wheelStep : 0
            helpScroll = Move.by(step).scroll(helpScroll, maxOffset: helpMaxScroll(l), page: 1)
        case .firms: mouseFirms(action, row: row, l)
        case .firm: mouseFirm(action, row: row, l)
        case .dossiers, .dossier, .dossierHistory: mouseDossiers(action, row: row, l)
        case .map: mouseMap(action, row: row, column: column, l)
        case .mapDepartments: mouseMapDepartments(action, row: row, l)
        case .assessment, .assessmentResult, .pathway: mouseAssessment(action, row: row, l)
        }
        return []
    }

    mutating func mouseList(_ action: MouseAction, row: Int, column: Int, _ l: Layout) {
        if l.split && column > l.listWidth {
            // Over the side sheet: a click focuses it, the wheel scrolls it.
            if prompt == nil {
                if screen == .list, selection < rowCount, case .offer = self.row(selection) { openSheet() }
                if screen == .sheet { scrollSheet(action, l) }
            }
            return
        }
        switch action {
        case .wheelUp: moveSelection(.by(-wheelStep))
        case .wheelDown: moveSelection(.by(wheelStep))
        case .press:
            guard row >= l.listY, row < l.listY + l.listHeight else { return }
            let i = listWindow(l).offset + row - l.listY
            guard i < rowCount else { return }
            if i == selection && prompt == nil && !l.split {
                openSheet()
            } else {
                list.fit(count: rowCount, height: l.listHeight, selecting: i)
            }
        }
    }

    mutating func scrollSheet(_ action: MouseAction, _ l: Layout) {
        let step = action == .wheelUp ? -wheelStep : action == .wheelDown ? wheelStep : 0
        sheetScroll = Move.by(step).scroll(sheetScroll, maxOffset: sheetMaxScroll(l), page: 1)
    }

    mutating func mousePanel(_ action: MouseAction, row: Int, _ l: Layout) {
        let rows = panelRows
        switch action {
        case .wheelUp, .wheelDown:
            movePanel(.by(action == .wheelUp ? -wheelStep : wheelStep), rows: rows)
        case .press:
            guard row >= l.listY, row < l.listY + l.listHeight else { return }
            let i = panelWindow(l, rows: rows).offset + row - l.listY
            guard i < rows.count, rows[i].isValue else { return }
            clampPanel(l, selecting: i, rows: rows)
            togglePanelValue(rows)
            clampPanel()
        }
    }

    mutating func mouseFirms(_ action: MouseAction, row: Int, _ l: Layout) {
        switch action {
        case .wheelUp, .wheelDown:
            firms.list.fit(count: shownFirms.count, height: l.contentHeight)
            firms.list.move(.by(action == .wheelUp ? -wheelStep : wheelStep), page: 1)
            clampFirms()
        case .press:
            let window = firmListWindow(l)
            guard row >= l.contentY, row < l.contentY + window.shown else { return }
            let i = window.offset + row - l.contentY
            guard i < shownFirms.count else { return }
            if i == firms.list.selection {
                openFirm()
            } else {
                firms.list.fit(count: shownFirms.count, height: l.contentHeight, selecting: i)
                clampFirms()
            }
        }
    }

    mutating func mouseFirm(_ action: MouseAction, row: Int, _ l: Layout) {
        let offers = firmOffers
        switch action {
        case .wheelUp, .wheelDown:
            firms.offerSelection = Move.by(action == .wheelUp ? -1 : 1).apply(to: firms.offerSelection, count: offers.count, page: 1)
            clampFirmView(l)
        case .press:
            let doc = firmDocument(l)
            let line = firms.document.window(count: doc.lines.count, height: l.contentHeight).offset + row - l.contentY
            guard row >= l.contentY, let n = doc.offerLines.firstIndex(of: line) else { return }
            if n == firms.offerSelection {
                _ = handleFirmKey(.enter)
            } else {
                firms.offerSelection = n
                clampFirmView(l)
            }
        }
    }

    mutating func mouseTerritory(_ action: MouseAction, row: Int, _ territory: TerritoryPrompt, _ l: Layout) -> [Effect] {
        var t = territory
        let box = territoryBox(l)
        switch action {
        case .wheelUp, .wheelDown:
            t.scroll.fit(count: t.candidates.count, height: box.listHeight)
            t.scroll.move(.by(action == .wheelUp ? -1 : 1), page: 1)
            prompt = .territory(t)
        case .press:
            guard row >= box.listY, row < box.listY + box.listHeight else { return [] }
            let i = t.scroll.offset + row - box.listY
            guard t.candidates.indices.contains(i) else { return [] }
            chooseTerritory(t.candidates[i])
        }
        return []
    }
}

import CatalyseCore

/// Mouse: a click selects a row (a second click on the selected row opens it) or ticks a
/// filter value; the wheel scrolls what is under the pointer.
extension AppState {
    mutating func handleMouse(_ action: MouseAction, row: Int, column: Int) -> [Effect] {
        guard !isTooSmall, row >= 0, row < height, column >= 0, column < width else { return [] }
        if export != nil { return [] }
        if case .territory(let t) = prompt {
            return mouseTerritory(action, row: row, t)
        }
        switch screen {
        case .list: mouseList(action, row: row, column: column)
        case .sheet:
            if sheetIsBeside && column < layout.listWidth {
                if action == .press {
                    goBack()
                    mouseList(action, row: row, column: column)
                } else {
                    mouseList(action, row: row, column: column)
                }
            } else {
                scrollSheet(action)
            }
        case .filters: mousePanel(action, row: row)
        case .help:
            let step = action == .wheelUp ? -wheelStep : action == .wheelDown ? wheelStep : 0
            helpScroll = Move.by(step).scroll(helpScroll, maxOffset: helpMaxScroll, page: 1)
        case .firms: mouseFirms(action, row: row)
        case .firm: mouseFirm(action, row: row)
        }
        return []
    }

    mutating func mouseList(_ action: MouseAction, row: Int, column: Int) {
        let l = layout
        if l.split && column > l.listWidth {
            // Over the side sheet: a click focuses it, the wheel scrolls it.
            if prompt == nil {
                if screen == .list, selection < rowCount, case .offer = self.row(selection) { openSheet() }
                if screen == .sheet { scrollSheet(action) }
            }
            return
        }
        switch action {
        case .wheelUp: moveSelection(.by(-wheelStep))
        case .wheelDown: moveSelection(.by(wheelStep))
        case .press:
            guard row >= l.listY, row < l.listY + l.listHeight else { return }
            let i = visibleListTop + row - l.listY
            guard i < rowCount else { return }
            if i == selection && prompt == nil && !l.split {
                openSheet()
            } else {
                selection = i
                clampList()
            }
        }
    }

    mutating func scrollSheet(_ action: MouseAction) {
        let step = action == .wheelUp ? -wheelStep : action == .wheelDown ? wheelStep : 0
        sheetScroll = Move.by(step).scroll(sheetScroll, maxOffset: sheetMaxScroll, page: 1)
    }

    mutating func mousePanel(_ action: MouseAction, row: Int) {
        let l = layout
        let rows = panelRows
        switch action {
        case .wheelUp, .wheelDown:
            let values = rows.indices.filter { rows[$0].isValue }
            movePanel(.by(action == .wheelUp ? -wheelStep : wheelStep), rows: rows, values: values)
        case .press:
            guard row >= l.listY, row < l.listY + l.listHeight else { return }
            let top = max(0, min(panel.top, max(0, rows.count - l.listHeight)))
            let i = top + row - l.listY
            guard i < rows.count, rows[i].isValue else { return }
            panel.selection = i
            togglePanelValue(rows)
            clampPanel()
        }
    }

    mutating func mouseFirms(_ action: MouseAction, row: Int) {
        let l = layout
        switch action {
        case .wheelUp, .wheelDown:
            firms.selection = Move.by(action == .wheelUp ? -wheelStep : wheelStep).apply(to: firms.selection, count: firmOrder.count, page: 1)
            clampFirms()
        case .press:
            let window = firmListWindow
            guard row >= l.contentY, row < l.contentY + window.shown else { return }
            let i = window.top + row - l.contentY
            guard i < firmOrder.count else { return }
            if i == firms.selection { openFirm() } else { firms.selection = i; clampFirms() }
        }
    }

    mutating func mouseFirm(_ action: MouseAction, row: Int) {
        let l = layout
        let offers = firmOffers
        switch action {
        case .wheelUp, .wheelDown:
            firms.offerSelection = Move.by(action == .wheelUp ? -1 : 1).apply(to: firms.offerSelection, count: offers.count, page: 1)
            clampFirmView()
        case .press:
            let doc = firmDocument
            let line = firms.scroll + row - l.contentY
            guard row >= l.contentY, let n = doc.offerLines.firstIndex(of: line) else { return }
            if n == firms.offerSelection {
                _ = handleFirmKey(.enter)
            } else {
                firms.offerSelection = n
                clampFirmView()
            }
        }
    }

    mutating func mouseTerritory(_ action: MouseAction, row: Int, _ territory: TerritoryPrompt) -> [Effect] {
        var t = territory
        let box = territoryBox
        switch action {
        case .wheelUp, .wheelDown:
            t.selection = Move.by(action == .wheelUp ? -1 : 1).apply(to: t.selection, count: t.candidates.count, page: 1)
            prompt = .territory(t)
            clampTerritory()
        case .press:
            guard row >= box.listY, row < box.listY + box.listHeight else { return [] }
            let i = t.top + row - box.listY
            guard t.candidates.indices.contains(i) else { return [] }
            chooseTerritory(t.candidates[i])
        }
        return []
    }
}

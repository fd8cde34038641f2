import CatalyseCore

/// A row of the filter panel.
enum PanelRow: Equatable {
    /// A facet's heading.
    case heading(Facet)
    /// A value of a facet: its code (`R32`, `59`, `national` for territories) and its label.
    case value(Facet, code: String, label: String)
    /// A hint line (how to pick a département).
    case hint(String)

    var isValue: Bool { if case .value = self { true } else { false } }
}

/// A facet value of the panel, whatever its row.
struct PanelValue: Equatable {
    var facet: Facet
    var code: String
}

/// The filter panel (`f`): every facet with the number of offers each value would give, Space
/// toggling a value. Territories offer the whole country and the régions; a département is
/// picked with the territory prompt (`t`), and selected ones are listed here too.
extension AppState {
    var panelRows: [PanelRow] {
        let lang = language
        var rows: [PanelRow] = []
        for facet in Facet.allCases {
            rows.append(.heading(facet))
            guard let coded = facet.coded else {
                var places: [Place] = [.national]
                places += Territories.regionCodes.map(Place.region)
                    .sorted { TextFolding.frenchLess($0.name(.fr), $1.name(.fr)) }
                for place in filter.territories where !places.contains(place) { places.append(place) }
                for place in places { rows.append(.value(.territory, code: place.code, label: place.displayName(lang))) }
                rows.append(.hint(strings.panelTerritoryMore))
                continue
            }
            // Short labels: for the purposes (Opérationnelle, Stratégique), the long ones would
            // read like the theme "Strategic support" in English.
            for value in coded.values { rows.append(.value(facet, code: value.code, label: value.shortLabel.text(lang))) }
        }
        return rows
    }

    /// The facet value under the panel's highlight.
    var selectedPanelValue: PanelValue? {
        let rows = panelRows
        guard rows.indices.contains(panel.selection), case .value(let facet, let code, _) = rows[panel.selection] else { return nil }
        return PanelValue(facet: facet, code: code)
    }

    /// Puts the panel's highlight back on a value after the rows changed (when it is still
    /// listed; else the nearest value above, as `clampPanel` does).
    mutating func keepPanelSelection(on value: PanelValue) {
        let rows = panelRows
        let at = rows.firstIndex { if case .value(let f, let c, _) = $0 { f == value.facet && c == value.code } else { false } }
        clampPanel(selecting: at, rows: rows)
    }

    func isSelected(_ facet: Facet, _ code: String) -> Bool {
        filter.selectedCodes(facet).contains(code)
    }

    /// Keeps the highlight on a value row (`selecting` one, or the current one) and in view,
    /// with its facet's heading when the heading is just above.
    mutating func clampPanel(_ l: Layout? = nil, selecting: Int? = nil, rows: [PanelRow]? = nil) {
        let rows = rows ?? panelRows
        var at = max(0, min(selecting ?? panel.selection, rows.count - 1))
        if !rows[at].isValue {
            // The row list changed under the selection (a département removed): nearest value above.
            at = rows[..<at].lastIndex(where: \.isValue) ?? rows.firstIndex(where: \.isValue) ?? 0
        }
        var lead = 0
        if at > 0, case .heading = rows[at - 1] { lead = 1 }
        panel.fit(count: rows.count, height: (l ?? layout).listHeight, selecting: at, lead: lead)
    }

    /// The panel rows on screen (from the stored offset, kept in range).
    func panelWindow(_ l: Layout, rows: [PanelRow]) -> ScrollState {
        panel.window(count: rows.count, height: l.listHeight)
    }

    mutating func handlePanelKey(_ key: Key) -> [Effect] {
        let rows = panelRows
        var effects: [Effect] = []
        switch ScreenKeys.panel.action(for: key) {
        case .move(let move):
            movePanel(move, rows: rows)
            return []
        case .toggle:
            togglePanelValue(rows)
        case .nextFacet:
            jumpFacet(forward: true, rows: rows)
        case .previousFacet:
            jumpFacet(forward: false, rows: rows)
        case .clearAll:
            clearAllFilters()
        case .undo:
            effects = undoLast()
        case .purpose:
            openPurposeMenu()
        case .territory:
            openTerritoryPrompt()
        case .close:
            goBack()
        case .language:
            effects = switchLanguage()
        case .help:
            openHelp()
        case nil:
            break
        }
        clampPanel()
        return effects
    }

    /// Moves among the value rows (headings and hints are skipped).
    mutating func movePanel(_ move: Move, rows: [PanelRow]) {
        let values = rows.indices.filter { rows[$0].isValue }
        guard !values.isEmpty else { return }
        let position = values.firstIndex(of: panel.selection) ?? 0
        let next = move.apply(to: position, count: values.count, page: max(1, layout.listHeight - 2))
        clampPanel(selecting: values[next], rows: rows)
    }

    mutating func togglePanelValue(_ rows: [PanelRow]) {
        guard panel.selection < rows.count, case .value(let facet, let code, _) = rows[panel.selection] else { return }
        var f = filter
        f.toggle(facet, code: code)
        setFilter(f)
    }

    /// Moves to the first value of the next (or previous) facet.
    mutating func jumpFacet(forward: Bool, rows: [PanelRow]) {
        guard panel.selection < rows.count, case .value(let current, _, _) = rows[panel.selection] else { return }
        let facets = Facet.allCases
        guard let at = facets.firstIndex(of: current) else { return }
        let target = facets[(at + (forward ? 1 : facets.count - 1)) % facets.count]
        if let first = rows.firstIndex(where: { if case .value(let f, _, _) = $0 { f == target } else { false } }) {
            clampPanel(selecting: first, rows: rows)
        }
    }

    func renderPanel(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let rows = panelRows
        grid.put(s.panelTitle, row: l.columnTitleY, column: 0, style: Palette.columnTitle)
        let titleWidth = CellWidth.of(s.panelTitle)
        // An empty list: the first thing that would help, in place of the keys.
        let hint = emptyHelp?.suggestions.first.map { s.panelEmpty + $0.text(language) } ?? s.panelHint
        grid.put(CellWidth.truncate("  " + hint, to: max(0, width - titleWidth)), row: l.columnTitleY, column: titleWidth,
                 style: emptyHelp?.suggestions.isEmpty == false ? Palette.plain : Palette.muted)
        let h = l.listHeight
        guard h > 0 else { return }
        let top = panelWindow(l, rows: rows).offset
        let countWidth = 7
        // A readable column: counts close to their labels even on a wide terminal.
        let width = min(self.width, 72)
        for i in top..<min(rows.count, top + h) {
            let y = l.listY + i - top
            switch rows[i] {
            case .heading(let facet):
                var text = facet.label.text(language)
                let n = filter.selectedCodes(facet).count
                if n > 0 { text += language == .fr ? " (\(n) choisi\(n > 1 ? "s" : ""))" : " (\(n) chosen)" }
                grid.put(text, row: y, column: 0, style: Palette.heading, maxWidth: width)
            case .hint(let text):
                grid.put(CellWidth.truncate(text, to: width - 4), row: y, column: 4, style: Palette.muted)
            case .value(let facet, let code, let label):
                let selected = isSelected(facet, code)
                let count = result.counts.count(facet, code)
                grid.put(selected ? "[x]" : "[ ]", row: y, column: 2, style: selected ? Palette.checked : Palette.plain)
                let labelWidth = max(0, width - 7 - countWidth - 1)
                grid.put(CellWidth.truncate(label, to: labelWidth), row: y, column: 6, style: selected ? Palette.checked : (count == 0 ? Palette.muted : Palette.plain))
                let countText = String(count)
                grid.put(countText, row: y, column: width - 1 - CellWidth.of(countText), style: count == 0 ? Palette.muted : Palette.plain)
                if i == panel.selection {
                    grid.highlight(row: y, from: 0, width: width)
                    grid.cursor = Position(y, 0)
                }
            }
        }
    }
}

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
        func add<T: CodedValue>(_ type: T.Type, label: (T) -> String = { $0.label(lang) }) {
            rows.append(.heading(T.facet))
            for v in T.allCases { rows.append(.value(T.facet, code: v.code, label: label(v))) }
        }
        for facet in Facet.allCases {
            switch facet {
            // The short labels (Opérationnelle, Stratégique): in English the long ones would
            // read like the theme "Strategic support".
            case .purpose: add(Purpose.self, label: { $0.shortLabel.text(lang) })
            case .format: add(OfferFormat.self)
            case .kind: add(SupportKind.self)
            case .theme: add(Theme.self)
            case .territory:
                rows.append(.heading(.territory))
                var places: [Place] = [.national]
                places += Territories.regionCodes.map(Place.region)
                    .sorted { TextFolding.frenchLess($0.name(.fr), $1.name(.fr)) }
                for place in filter.territories where !places.contains(place) { places.append(place) }
                for place in places { rows.append(.value(.territory, code: place.code, label: place.displayName(lang))) }
                rows.append(.hint(strings.panelTerritoryMore))
            case .stage: add(Stage.self)
            case .budget: add(BudgetBand.self)
            case .mode: add(DeliveryMode.self)
            case .employer: add(EmployerStatus.self)
            case .audience: add(Audience.self)
            }
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
        if let at = rows.firstIndex(where: { if case .value(let f, let c, _) = $0 { f == value.facet && c == value.code } else { false } }) {
            panel.selection = at
        }
        clampPanel()
    }

    func isSelected(_ facet: Facet, _ code: String) -> Bool {
        filter.selectedCodes(facet).contains(code)
    }

    mutating func clampPanel() {
        let rows = panelRows
        panel.selection = max(0, min(panel.selection, rows.count - 1))
        if !rows[panel.selection].isValue {
            // The row list changed under the selection (a département removed): nearest value above.
            panel.selection = rows[..<panel.selection].lastIndex(where: \.isValue) ?? rows.firstIndex(where: \.isValue) ?? 0
        }
        let h = layout.listHeight
        guard h > 0 else { return }
        // Show the facet's heading with its first value when possible.
        var wanted = panel.selection
        if wanted > 0, case .heading = rows[wanted - 1] { wanted -= 1 }
        if wanted < panel.top { panel.top = wanted }
        if panel.selection >= panel.top + h { panel.top = panel.selection - h + 1 }
        panel.top = max(0, min(panel.top, max(0, rows.count - h)))
    }

    mutating func handlePanelKey(_ key: Key) -> [Effect] {
        let rows = panelRows
        let values = rows.indices.filter { rows[$0].isValue }
        if let move = Move(screenKey: key) {
            movePanel(move, rows: rows, values: values)
            return []
        }
        switch key {
        case .char(" "):
            togglePanelValue(rows)
        case .tab, .right:
            jumpFacet(forward: true, rows: rows)
        case .backTab, .left:
            jumpFacet(forward: false, rows: rows)
        case .char("x"):
            clearEverything()
        case .char("p"):
            cyclePurpose()
        case .char("t"):
            openTerritoryPrompt()
        case .escape, .char("q"), .char("f"), .enter:
            goBack()
        default:
            break
        }
        clampPanel()
        return []
    }

    mutating func movePanel(_ move: Move, rows: [PanelRow], values: [Int]) {
        guard !values.isEmpty else { return }
        let position = values.firstIndex(of: panel.selection) ?? 0
        let next = move.apply(to: position, count: values.count, page: max(1, layout.listHeight - 2))
        panel.selection = values[next]
        clampPanel()
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
            panel.selection = first
        }
    }

    func renderPanel(into grid: inout Grid) {
        let l = layout
        let s = strings
        let rows = panelRows
        grid.put(s.panelTitle, row: l.columnTitleY, column: 0, style: Palette.columnTitle)
        let titleWidth = CellWidth.of(s.panelTitle)
        grid.put(CellWidth.truncate("  " + s.panelHint, to: max(0, width - titleWidth)), row: l.columnTitleY, column: titleWidth, style: Palette.muted)
        let h = l.listHeight
        guard h > 0 else { return }
        let top = max(0, min(panel.top, max(0, rows.count - h)))
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

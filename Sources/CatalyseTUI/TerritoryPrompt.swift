import CatalyseCore

/// Where the territory prompt's parts go.
struct TerritoryBox {
    var x: Int, y: Int, width: Int, height: Int, innerWidth: Int
    /// The explanation, wrapped (one or two lines).
    var helpLines: [String]
    var inputY: Int
    /// The current territory filter and how to clear it, below the input.
    var notes: [String]
    var listY: Int
    var listHeight: Int
    /// The bottom border (the keys are in the footer, below it).
    var bottomY: Int
}

/// The territory prompt (`t`): type a département code, `R` + région code, a postal code or
/// part of a name; the candidates (from `Territories.candidates`, exact codes first) follow the
/// typing; Enter sets the territory filter to the highlighted place.
extension AppState {
    mutating func openTerritoryPrompt() {
        prompt = .territory(TerritoryPrompt())
    }

    /// Where the prompt's box goes, its explanatory lines (wrapped, never cut at 60 columns and
    /// more), and how many candidates it shows.
    func territoryBox(_ l: Layout) -> TerritoryBox {
        let s = strings
        let boxWidth = min(width - 4, 72)
        let innerWidth = max(1, boxWidth - 4)
        let boxHeight = max(0, l.footerY - 2)
        let x = max(0, (width - boxWidth) / 2)
        let y = 2
        let help = TextFit.lines(s.territoryHelp, width: innerWidth, maxLines: 2)
        var notes: [String] = []
        if !filter.territories.isEmpty {
            let current = s.territoryCurrent(filter.territories.map { $0.displayName(language) }.joined(separator: ", "))
            notes += TextFit.lines(current, width: innerWidth, maxLines: 1)
        }
        notes += TextFit.lines(s.territoryClearHint, width: innerWidth, maxLines: 2)
        // Border, help, input, current filter and how to clear it, candidates, border; the keys
        // are in the footer.
        let inputY = y + 1 + help.count
        let listY = inputY + 1 + notes.count
        let bottomY = y + boxHeight - 1
        return TerritoryBox(x: x, y: y, width: boxWidth, height: boxHeight, innerWidth: innerWidth,
                            helpLines: help, inputY: inputY, notes: notes, listY: listY,
                            listHeight: max(0, bottomY - listY), bottomY: bottomY)
    }

    mutating func clampTerritory(_ l: Layout? = nil) {
        guard case .territory(var t) = prompt else { return }
        t.scroll.fit(count: t.candidates.count, height: territoryBox(l ?? layout).listHeight)
        prompt = .territory(t)
    }

    mutating func handleTerritoryKey(_ key: Key, _ territory: TerritoryPrompt) -> [Effect] {
        var t = territory
        switch ScreenKeys.territory.action(for: key) {
        case .cancel:
            prompt = nil
        case .apply:
            if t.candidates.indices.contains(t.selection) {
                chooseTerritory(t.candidates[t.selection])
            } else if t.field.text.trimmingCharacters(in: .whitespaces).isEmpty {
                var f = filter
                f.territories = []
                setFilter(f)
                prompt = nil
            }
        case .move(let move):
            t.scroll.fit(count: t.candidates.count, height: territoryBox(layout).listHeight)
            t.scroll.move(move, page: max(1, t.scroll.height - 1))
            prompt = .territory(t)
        case nil:
            if t.field.handle(key) == .changed {
                t.candidates = Territories.candidates(for: t.field.text)
                t.scroll = ScrollState()
            }
            prompt = .territory(t)
            clampTerritory()
        }
        return []
    }

    /// Sets the territory filter to one place and closes the prompt.
    mutating func chooseTerritory(_ place: Place) {
        var f = filter
        f.territories = [place]
        setFilter(f)
        prompt = nil
    }

    func renderTerritoryPrompt(_ t: TerritoryPrompt, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let box = territoryBox(l)
        guard box.width >= 10, box.bottomY > box.inputY else { return }
        grid.box(row: box.y, column: box.x, width: box.width, height: box.height, title: s.territoryTitle)
        let innerX = box.x + 2
        let innerWidth = box.innerWidth
        for (n, line) in box.helpLines.enumerated() {
            grid.put(line, row: box.y + 1 + n, column: innerX, style: Palette.muted)
        }
        let labelWidth = grid.put(s.territoryLabel, row: box.inputY, column: innerX, style: Palette.key)
        let fieldWidth = max(1, innerWidth - labelWidth)
        let visible = t.field.visible(width: fieldWidth)
        grid.put(visible.text, row: box.inputY, column: innerX + labelWidth)
        for (n, line) in box.notes.enumerated() where box.inputY + 1 + n < box.bottomY {
            grid.put(line, row: box.inputY + 1 + n, column: innerX, style: Palette.muted)
        }

        if t.candidates.isEmpty {
            // No match yet: said calmly, and not after a single character (the first digit of
            // a code matches nothing on its own).
            if t.field.text.trimmingCharacters(in: .whitespaces).count >= 2, box.listHeight > 0 {
                grid.put(CellWidth.truncate(s.territoryNone, to: innerWidth), row: box.listY, column: innerX, style: Palette.muted)
            }
        } else {
            let countWidth = 12
            let top = t.scroll.offset
            for i in top..<min(t.candidates.count, top + box.listHeight) {
                let y = box.listY + i - top
                let place = t.candidates[i]
                grid.put(CellWidth.truncate(place.displayName(language), to: max(1, innerWidth - countWidth - 1)), row: y, column: innerX)
                let count = s.offersCount(result.counts.count(.territory, place.code))
                grid.put(count, row: y, column: innerX + innerWidth - CellWidth.of(count), style: Palette.muted)
                if i == t.selection { grid.highlight(row: y, from: innerX - 1, width: innerWidth + 2) }
            }
        }
        // The caret, where typing goes.
        grid.cursor = Position(box.inputY, min(width - 1, innerX + labelWidth + visible.caretColumn))
    }
}

import CatalyseCore

/// `S`: the name a search is saved under (a `TextField`), first filled with the filter's words.
struct SaveSearchPrompt: Sendable, Equatable {
    var field: TextField
    var filter: OfferFilter
    var empty = false
}

/// `R`: the saved searches, each with its new offers; Enter (or its digit) opens one, `x`
/// removes it.
struct SavedSearchMenu: Sendable, Equatable {
    var selection = 0
}

extension AppState {
    // MARK: Opening

    /// `S`: nothing to save without a filter or a search (a notice says so).
    mutating func openSaveSearch() {
        var f = filter
        f.onlyIDs = nil
        var field = TextField()
        let parts = FilterDescription.parts(f, language).map { part -> String in
            // « Territoire : Nord (59) » → « Nord (59) »: the values make a shorter name.
            guard let colon = part.range(of: ": ") else { return part }
            return String(part[colon.upperBound...])
        }
        _ = field.insert(parts.joined(separator: " · "))
        prompt = .menu(.saveSearch(SaveSearchPrompt(field: field, filter: f)))
    }

    mutating func openSavedSearches() {
        prompt = .menu(.savedSearches(SavedSearchMenu()))
    }

    /// The new offers a saved search lists (0 when none, or the news are unknown).
    func newCount(_ search: SavedSearch) -> Int {
        news.alerts.first { $0.search.name == search.name }?.count ?? 0
    }

    /// Opens a saved search: its filter, and the « Nouveautés » filter when it has new offers.
    mutating func openSavedSearch(_ search: SavedSearch) {
        prompt = nil
        favouritesOnly = false
        news.only = newCount(search) > 0
        var f = search.filter
        f.onlyIDs = nil
        if f == filter { requery(resetSelection: true) } else { setFilter(f, resetSelection: true) }
        while stack.count > 1 { stack.removeLast() }
    }

    // MARK: Keys

    mutating func handleSaveSearchKey(_ key: Key, _ prompt: SaveSearchPrompt) -> [Effect] {
        var p = prompt
        switch ScreenKeys.saveSearch.action(for: key) {
        case .cancel:
            self.prompt = nil
            return []
        case .confirm:
            let name = p.field.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                p.empty = true
                self.prompt = .menu(.saveSearch(p))
                return []
            }
            self.prompt = nil
            return [.saveSearch(SavedSearch(name: name, filter: p.filter))]
        case nil:
            if p.field.handle(key) == .changed { p.empty = false }
            self.prompt = .menu(.saveSearch(p))
            return []
        }
    }

    mutating func handleSavedSearchMenuKey(_ key: Key, _ menu: SavedSearchMenu) -> [Effect] {
        var m = menu
        let searches = news.searches
        switch ScreenKeys.savedSearches.action(for: key) {
        case .choose(let n):
            if searches.indices.contains(n) { openSavedSearch(searches[n]) }
            return []
        case .up: m.selection = max(0, m.selection - 1)
        case .down: m.selection = min(max(0, searches.count - 1), m.selection + 1)
        case .apply:
            if searches.indices.contains(m.selection) { openSavedSearch(searches[m.selection]) }
            return []
        case .remove:
            guard searches.indices.contains(m.selection) else { return [] }
            let name = searches[m.selection].name
            news.searches.remove(at: m.selection)
            m.selection = min(m.selection, max(0, news.searches.count - 1))
            prompt = .menu(.savedSearches(m))
            return [.removeSavedSearch(name: name)]
        case .cancel:
            prompt = nil
            return []
        case nil: break
        }
        prompt = .menu(.savedSearches(m))
        return []
    }

    // MARK: Drawing

    func renderSaveSearch(_ p: SaveSearchPrompt, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = dialogWidth - 4
        let labelWidth = CellWidth.of(s.saveSearchLabel)
        let visible = p.field.visible(width: max(1, inner - labelWidth))
        var content = TextFit.lines(FilterDescription.line(p.filter, language), width: inner, maxLines: 2).map { StyledLine($0, Palette.muted) }
        content.append(.blank)
        let fieldY = content.count
        content.append(StyledLine([Segment(s.saveSearchLabel, Palette.key), Segment(visible.text, CellStyle(underline: true))]))
        let message: [(String, CellStyle)] = p.empty ? [(s.saveSearchEmpty, Palette.error)] : []
        guard let frame = drawDialog(title: s.saveSearchTitle, content: content, message: message,
                                     keys: TextFit.keys(ScreenKeys.saveSearch.hintPairs(language), width: inner), messageRows: 1,
                                     l, into: &grid) else { return }
        grid.cursor = Position(frame.contentY + fieldY, min(width - 1, frame.innerX + labelWidth + visible.caretColumn))
    }

    func renderSavedSearches(_ m: SavedSearchMenu, _ l: Layout, into grid: inout Grid) {
        let s = strings
        let inner = dialogWidth - 4
        var content: [StyledLine] = []
        if news.searches.isEmpty {
            content = TextFit.lines(s.noSavedSearch, width: inner, maxLines: 3).map { StyledLine($0, Palette.muted) }
        }
        for (n, search) in news.searches.enumerated() {
            let key = n < 9 ? "\(n + 1)  " : "   "
            let count = newCount(search)
            let right = count > 0 ? s.newOffers(count) : ""
            let nameWidth = max(1, inner - CellWidth.of(key) - CellWidth.of(right) - 2)
            let name = CellWidth.truncate(TextCleaning.forDisplay(search.name), to: nameWidth)
            let gap = max(2, inner - CellWidth.of(key + name) - CellWidth.of(right))
            content.append(StyledLine([Segment(key, Palette.key), Segment(name, count > 0 ? Palette.title : Palette.plain),
                                       Segment(String(repeating: " ", count: gap) + right, Palette.checked)]))
        }
        let detail = news.searches.indices.contains(m.selection) ? news.searches[m.selection].description(language) : ""
        let message = TextFit.lines(detail, width: inner, maxLines: 2).map { ($0, Palette.muted) }
        guard let frame = drawDialog(title: s.savedSearchesTitle, content: content, message: message,
                                     keys: TextFit.keys(ScreenKeys.savedSearches.hintPairs(language), width: inner), l, into: &grid) else { return }
        if !news.searches.isEmpty {
            let y = frame.contentY + m.selection
            if y < frame.keysY { grid.highlight(row: y, from: frame.innerX - 1, width: frame.width - 2) }
        }
    }
}

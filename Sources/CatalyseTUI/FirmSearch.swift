import CatalyseCore

/// `/` in the firm browser: the firm list follows the typing, as the main search does (each
/// word typed starts a word of the firm's name or of its head office's département; accents
/// and case ignored). Enter keeps the search, Esc puts back the one before; Esc on the list
/// then clears it.
extension AppState {
    /// The firms listed: those the search lets through, in alphabetical order.
    var shownFirms: [Int] { firms.matches ?? firmOrder }

    /// The firms whose name or head office matches every word of `query` (nil: no search).
    func firmMatches(_ query: String) -> [Int]? {
        let words = TextFolding.foldedWords(query)
        guard !words.isEmpty else { return nil }
        return firmOrder.filter { i in
            let firm = catalogue.firms[i]
            let place = Place.department(firm.headquarters)
            let candidates = TextFolding.foldedWords(firm.name) + TextFolding.foldedWords(place.name(.fr))
                + TextFolding.foldedWords(place.name(.en)) + [TextFolding.fold(firm.id)]
            return TextFolding.matchesAllPrefixes(query: words, words: candidates)
        }
    }

    /// A new firm search: the list shows its firms from the top.
    mutating func setFirmQuery(_ query: String) {
        guard query != firms.query else { return }
        firms.query = query
        firms.matches = firmMatches(query)
        firms.list = ScrollState(marksMore: true)
        clampFirms()
    }

    mutating func openFirmSearch() {
        prompt = .firmSearch(SearchPrompt(field: TextField(firms.query), previous: firms.query))
    }

    mutating func handleFirmSearchKey(_ key: Key, _ search: SearchPrompt) -> [Effect] {
        var search = search
        switch ScreenKeys.firmSearch.action(for: key) {
        case .keep:
            prompt = nil
        case .cancel:
            prompt = nil
            setFirmQuery(search.previous)
        case .move(let move):
            let l = layout
            firms.list.fit(count: shownFirms.count, height: l.contentHeight)
            firms.list.move(move)
        case .older, .newer, nil:
            if search.field.handle(key) == .changed { setFirmQuery(search.field.text) }
            prompt = .firmSearch(search)
        }
        return []
    }
}

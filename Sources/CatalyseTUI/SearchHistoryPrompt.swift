import CatalyseCore

/// The past searches as the store last gave them. Read on the first `/` (effect
/// `loadSearchHistory`), added to on each search kept with Enter (`recordSearch`). A file that
/// cannot be read is said once; the session's own searches are still recalled.
struct SearchHistoryState: Sendable, Equatable {
    /// Oldest first.
    var entries: [String] = []
    /// Whether the first read was asked for.
    var requested = false
    /// The file's problem, when it has one.
    var problem: SearchHistoryError? = nil
    /// Whether the problem was shown (it is shown once).
    var reported = false
}

extension AppState {
    /// `/`: the search prompt on the current text; the first time, the history is read.
    mutating func openSearch() -> [Effect] {
        prompt = .search(SearchPrompt(field: TextField(filter.query), previous: filter.query))
        guard !searchHistory.requested else { return [] }
        searchHistory.requested = true
        return [.loadSearchHistory]
    }

    /// Enter in the search prompt: a search worth keeping goes in the history (shown at once,
    /// the store's answer merging what other sessions added).
    mutating func keepSearch(_ text: String) -> [Effect] {
        guard let entry = SearchHistoryStore.entry(text) else { return [] }
        var entries = searchHistory.entries
        entries.removeAll { $0 == entry }
        entries.append(entry)
        searchHistory.entries = Array(entries.suffix(SearchHistoryStore.limit))
        return [.recordSearch(entry)]
    }

    /// Ctrl-P (older) and Ctrl-N (newer), as fzf: past the newest, the text typed comes back.
    mutating func recallSearch(_ search: inout SearchPrompt, older: Bool) {
        let entries = searchHistory.entries
        guard !entries.isEmpty else { return }
        var at: Int? = search.historyIndex
        if older {
            if let i = at { at = max(0, i - 1) } else { search.draft = search.field.text; at = entries.count - 1 }
        } else {
            guard let i = at else { return }
            at = i + 1 < entries.count ? i + 1 : nil
        }
        search.historyIndex = at
        search.field.set(at.map { entries[min($0, entries.count - 1)] } ?? search.draft)
        var f = filter
        f.query = search.field.text
        setFilter(f, resetSelection: true)
    }

    mutating func searchHistoryLoaded(_ entries: [String]) {
        searchHistory.entries = entries
        searchHistory.problem = nil
    }

    /// The file could not be used: said once, in the footer (after the prompt closes).
    mutating func searchHistoryFailed(_ error: SearchHistoryError) {
        searchHistory.problem = error
        guard !searchHistory.reported, status?.isError != true else { return }
        searchHistory.reported = true
        status = StatusMessage(.notice(.searchHistoryUnreadable(error)))
    }
}

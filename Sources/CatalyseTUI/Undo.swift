import CatalyseCore

/// One active filter as the filters line shows it: a facet value, a place, the search, or the
/// favourites-only view. ⌫ removes the one added last.
public enum FilterAtom: Sendable, Hashable {
    case value(Facet, code: String)
    case territory(Place)
    case search
    case favouritesOnly
}

/// The filters and the favourites-only view together, as `x`, ⌫ and `u` change them.
struct FilterState: Sendable, Equatable {
    var filter: OfferFilter
    var favouritesOnly: Bool
}

/// A change `u` takes back.
enum UndoEntry: Sendable, Equatable {
    /// A favourite unmarked: its id, the favourite that came after it (it goes back before
    /// that one, so the shortlist keeps its order) and its title for the message.
    case favouriteRemoved(id: String, before: String?, title: String)
    /// The filters before `x` or ⌫ (with the order they had been added in), and right after:
    /// once they changed otherwise, the entry no longer applies and is dropped.
    case filters(before: FilterState, order: [FilterAtom], after: FilterState)
}

/// What `u` can take back (the last changes, newest last, at most `limit`), and the order the
/// active filters were added in.
struct UndoState: Sendable, Equatable {
    static let limit = 20
    var entries: [UndoEntry] = []
    var filterOrder: [FilterAtom] = []

    mutating func push(_ entry: UndoEntry) {
        entries.append(entry)
        if entries.count > UndoState.limit { entries.removeFirst(entries.count - UndoState.limit) }
    }
}

/// Messages of the footer that are not about a store's failure: undo and its offers, filters
/// removed, copies, unknown keys, the search history. Each holds what happened and is worded in
/// the language of the frame.
public enum InterfaceNotice: Sendable, Equatable {
    case favouriteRemoved(title: String)
    case favouriteRestored(title: String)
    case filtersCleared
    case filterRemoved(FilterAtom, query: String)
    case filtersRestored
    case nothingToUndo
    case noFilterToRemove
    case copied(CopyTarget, text: String)
    case copyFailed(reason: FileProblem)
    case unknownKey(Key)
    case searchHistoryUnreadable(SearchHistoryError)

    var isError: Bool {
        switch self {
        case .copyFailed, .searchHistoryUnreadable: true
        default: false
        }
    }

    func text(_ s: Strings) -> String {
        switch self {
        case .favouriteRemoved(let title): s.favouriteRemoved(TextCleaning.forDisplay(title)) + " · " + s.undoHint
        case .favouriteRestored(let title): s.favouriteRestored(TextCleaning.forDisplay(title))
        case .filtersCleared: s.filtersCleared + " · " + s.undoHint
        case .filterRemoved(let atom, let query): s.filterRemoved(AppState.describe(atom, query: query, s.language)) + " · " + s.undoHint
        case .filtersRestored: s.filtersRestored
        case .nothingToUndo: s.nothingToUndo
        case .noFilterToRemove: s.noFilterToRemove
        case .copied(let target, let text): s.copied(target) + TextCleaning.forDisplay(text)
        case .copyFailed(let reason): s.copyFailed(reason)
        case .unknownKey(let key): s.unknownKey(AppState.keyName(key, s.language))
        case .searchHistoryUnreadable(let error): s.searchHistoryUnreadable(error)
        }
    }
}

extension AppState {
    var filterState: FilterState { FilterState(filter: filter, favouritesOnly: favouritesOnly) }

    /// The active filters, in the filters line's order.
    var activeFilterAtoms: [FilterAtom] {
        var atoms: [FilterAtom] = []
        for facet in Facet.allCases {
            if facet.coded != nil {
                atoms += filter.selectedCodes(facet).map { FilterAtom.value(facet, code: $0) }
            } else {
                atoms += filter.territories.map(FilterAtom.territory)
            }
        }
        if !filter.query.trimmingCharacters(in: .whitespaces).isEmpty { atoms.append(.search) }
        if favouritesOnly { atoms.append(.favouritesOnly) }
        return atoms
    }

    /// After any change of the filters: those still active keep their place in the order, new
    /// ones go at the end.
    mutating func syncFilterOrder() {
        let current = activeFilterAtoms
        let kept = undo.filterOrder.filter(current.contains)
        undo.filterOrder = kept + current.filter { !kept.contains($0) }
    }

    /// A filter atom in words: « Finalité : Stratégique », « Recherche : « strat » » (with
    /// French typography).
    static func describe(_ atom: FilterAtom, query: String, _ language: Language) -> String {
        let text = plainDescription(atom, query: query, language)
        return language == .fr ? Strings.typographic(text) : text
    }

    private static func plainDescription(_ atom: FilterAtom, query: String, _ language: Language) -> String {
        let colon = language == .fr ? " : " : ": "
        switch atom {
        case .value(let facet, let code):
            guard let coded = facet.coded, let ordinal = coded.ordinal(of: code) else { return code }
            return facet.label.text(language) + colon + coded.values[ordinal].shortLabel.text(language)
        case .territory(let place):
            return Facet.territory.label.text(language) + colon + place.displayName(language)
        case .search:
            let q = TextCleaning.forDisplay(query)
            return (language == .fr ? "Recherche" : "Search") + colon + (language == .fr ? "« \(q) »" : "“\(q)”")
        case .favouritesOnly:
            return Strings(language).favouritesOnlyPart
        }
    }

    /// Sets the filters and the favourites-only view together (the panel's highlight stays on
    /// its value).
    mutating func setFilterState(_ state: FilterState) {
        let panelValue = stack.contains(.filters) ? selectedPanelValue : nil
        filter = state.filter
        favouritesOnly = state.favouritesOnly
        requery()
        if let panelValue { keepPanelSelection(on: panelValue) }
    }

    /// `x`: clears every filter, the search and the favourites-only view; `u` brings them back.
    mutating func clearAllFilters() {
        let before = filterState
        guard before.filter != OfferFilter() || before.favouritesOnly else { return }
        let order = undo.filterOrder
        clearEverything()
        undo.push(.filters(before: before, order: order, after: filterState))
        status = StatusMessage(.notice(.filtersCleared))
    }

    /// ⌫ in the list: removes the filter added last; `u` brings it back.
    mutating func removeLastFilter() {
        guard let atom = undo.filterOrder.last else {
            status = StatusMessage(.notice(.noFilterToRemove))
            return
        }
        let before = filterState
        let order = undo.filterOrder
        var next = before
        switch atom {
        case .value(let facet, let code): next.filter.set(facet, code: code, selected: false)
        case .territory(let place): next.filter.territories.removeAll { $0 == place }
        case .search: next.filter.query = ""
        case .favouritesOnly: next.favouritesOnly = false
        }
        setFilterState(next)
        undo.push(.filters(before: before, order: order, after: filterState))
        status = StatusMessage(.notice(.filterRemoved(atom, query: before.filter.query)))
    }

    /// Records a favourite about to be unmarked, and says so.
    mutating func noteFavouriteRemoved(_ id: String) {
        guard let at = favourites.firstIndex(of: id) else { return }
        let before = at + 1 < favourites.count ? favourites[at + 1] : nil
        let title = catalogue.offer(id: id)?.title ?? id
        undo.push(.favouriteRemoved(id: id, before: before, title: title))
        status = StatusMessage(.notice(.favouriteRemoved(title: title)))
    }

    /// Whether an entry can still be taken back.
    func applies(_ entry: UndoEntry) -> Bool {
        switch entry {
        case .favouriteRemoved(let id, _, _): !favouritesUnavailable && !favouriteSet.contains(id)
        case .filters(_, _, let after): after == filterState
        }
    }

    /// Whether `u` would take something back (its footer hint shows then).
    var canUndo: Bool { undo.entries.contains { applies($0) } }

    /// `u`: takes back the newest change that still applies (older ones that no longer do are
    /// dropped on the way).
    mutating func undoLast() -> [Effect] {
        while let entry = undo.entries.popLast() {
            guard applies(entry) else { continue }
            switch entry {
            case .favouriteRemoved(let id, let before, let title):
                var ids = favourites
                if let before, let at = ids.firstIndex(of: before) { ids.insert(id, at: at) } else { ids.append(id) }
                setFavourites(ids)
                status = StatusMessage(.notice(.favouriteRestored(title: title)))
                return [.restoreFavourite(id: id, before: before)]
            case .filters(let before, let order, _):
                setFilterState(before)
                undo.filterOrder = order
                syncFilterOrder()
                status = StatusMessage(.notice(.filtersRestored))
                return []
            }
        }
        status = StatusMessage(.notice(.nothingToUndo))
        return []
    }

    /// A sheet scrolled down keeps its lines in place when « ★ favori » comes or goes above
    /// them (so the `Id` line at the bottom stays in view).
    mutating func keepSheetInPlace(wasFavourite: Bool?) {
        guard let i = sheetOffer, let wasFavourite, sheetScroll > 0 else { return }
        let now = isFavourite(i)
        guard now != wasFavourite else { return }
        sheetScroll += now ? 1 : -1
        clampSheet()
    }

    /// A key as the help writes it, for the unknown-key hint.
    static func keyName(_ key: Key, _ language: Language) -> String {
        let fr = language == .fr
        switch key {
        case .char(" "): return fr ? "Espace" : "Space"
        case .char(let c): return fr ? "« \(TextCleaning.forDisplay(String(c))) »" : "“\(TextCleaning.forDisplay(String(c)))”"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return fr ? "Début" : "Home"
        case .end: return fr ? "Fin" : "End"
        case .enter: return fr ? "Entrée" : "Enter"
        case .escape: return fr ? "Échap" : "Esc"
        case .backspace: return fr ? "Retour arrière" : "Backspace"
        case .delete: return fr ? "Suppr" : "Delete"
        case .tab: return "Tab"
        case .backTab: return fr ? "Maj-Tab" : "Shift-Tab"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        }
    }
}

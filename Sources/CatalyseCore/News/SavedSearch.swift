import Foundation
import GRDB

/// A search kept under a name (`S` in the interface, `catalyse search save`): the search text
/// and the selected values of each facet, as codes, so that it still means the same after the
/// catalogue changes. The favourites-only view is not part of it.
public struct SavedSearch: Sendable, Hashable {
    public var name: String
    public var filter: OfferFilter

    public init(name: String, filter: OfferFilter) {
        self.name = TextCleaning.clean(name, singleLine: true).text
        var f = filter
        f.onlyIDs = nil
        self.filter = f
    }

    /// The selection as stored: `{"purpose": ["strategique"], "territory": ["59"]}` (JSON,
    /// keys sorted).
    var selectionText: String {
        var selection: [String: [String]] = [:]
        for facet in Facet.allCases {
            let codes = filter.selectedCodes(facet)
            if !codes.isEmpty { selection[facet.rawValue] = codes }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(selection)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A stored search back; a facet or code this version does not know is left out.
    static func decode(name: String, query: String, selection: String) -> SavedSearch {
        var f = OfferFilter()
        f.query = TextCleaning.clean(query, singleLine: true).text
        let values = (try? JSONDecoder().decode([String: [String]].self, from: Data(selection.utf8))) ?? [:]
        for facet in Facet.allCases {
            for code in values[facet.rawValue] ?? [] { f.set(facet, code: code, selected: true) }
        }
        return SavedSearch(name: name, filter: f)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The filter in words, for `search list` and the interface's list of searches.
    public func description(_ language: Language) -> String { FilterDescription.line(filter, language) }
}

/// How many offers newly match a saved search: « Nord · stratégique : 2 nouvelles offres ».
public struct SearchAlert: Sendable, Equatable {
    public var search: SavedSearch
    /// The ids of the new and changed offers it lists, in the list's order.
    public var ids: [String]
    public var count: Int { ids.count }

    public init(search: SavedSearch, ids: [String]) {
        self.search = search
        self.ids = ids
    }

    public func text(_ language: Language) -> String {
        let n = count
        let words = language == .fr ? "\(n) nouvelle\(n > 1 ? "s" : "") offre\(n > 1 ? "s" : "")" : "\(n) new offer\(n > 1 ? "s" : "")"
        return TextCleaning.forDisplay(search.name) + Typography.colon(language) + words
    }

    /// For each saved search, the new and changed offers it lists (searches with none left out
    /// unless `all`).
    public static func alerts(_ searches: [SavedSearch], index: SearchIndex, news: News, all: Bool = false) -> [SearchAlert] {
        guard !news.isEmpty || all else { return [] }
        let ids = news.ids
        return searches.compactMap { search in
            var f = search.filter
            f.onlyIDs = ids
            let found = news.isEmpty ? [] : index.run(f, counts: false).offers.map { index.catalogue.offers.id($0) }
            return found.isEmpty && !all ? nil : SearchAlert(search: search, ids: found)
        }
    }
}

/// What the saved searches' store can refuse.
public enum SavedSearchProblem: Error, Sendable, Equatable {
    case emptyName
    case unknown(String, suggestions: [String])

    public func message(_ language: Language) -> String {
        switch self {
        case .emptyName:
            return language == .fr ? "Une recherche enregistrée a besoin d'un nom." : "A saved search needs a name."
        case let .unknown(name, suggestions):
            let shown = Typography.quoted(TextCleaning.forDisplay(name), language)
            let near = suggestions.map { Typography.quoted(TextCleaning.forDisplay($0), language) }.joined(separator: ", ")
            if language == .fr {
                return "Aucune recherche enregistrée ne s'appelle \(shown)." + (near.isEmpty ? "" : " Peut-être" + Typography.colon(.fr) + near + " ?")
            }
            return "No saved search is called \(shown)." + (near.isEmpty ? "" : " Did you mean: \(near)?")
        }
    }
}

/// The saved searches, in the dossiers database (table `saved_search`): a name is unique with
/// accents and case ignored; saving under a taken name replaces that search.
extension DossierStore {
    public func savedSearches() throws(DossierError) -> [SavedSearch] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, query, selection FROM saved_search").map {
                SavedSearch.decode(name: $0[0], query: $0[1], selection: $0[2])
            }.sorted { TextFolding.frenchLess($0.name, $1.name) }
        }
    }

    /// Saves (or replaces) a search; returns whether one of that name was replaced.
    @discardableResult
    public func save(_ search: SavedSearch, at moment: Moment = .now()) throws(DossierError) -> Bool {
        let key = DossierProfile.key(search.name)
        return try write { db in
            let existed = try Bool.fetchOne(db, sql: "SELECT 1 FROM saved_search WHERE name_key = ?", arguments: [key]) ?? false
            try db.execute(sql: """
                INSERT INTO saved_search (name, name_key, query, selection, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(name_key) DO UPDATE SET name = excluded.name, query = excluded.query, selection = excluded.selection
                """, arguments: [search.name, key, search.filter.query, search.selectionText, moment.seconds])
            return existed
        }
    }

    /// Removes a search by name (accents and case ignored); false when none has that name.
    @discardableResult
    public func removeSearch(named name: String) throws(DossierError) -> Bool {
        let key = DossierProfile.key(name)
        return try write { db in
            try db.execute(sql: "DELETE FROM saved_search WHERE name_key = ?", arguments: [key])
            return db.changesCount > 0
        }
    }

    /// The search a typed name designates (exact, else a unique beginning).
    public func savedSearch(named text: String) throws(DossierError) -> Result<SavedSearch, SavedSearchProblem> {
        let all = try savedSearches()
        switch Resolution.of(text, among: all, names: { [$0.name] }) {
        case .found(let s): return .success(s)
        case .ambiguous(let candidates): return .failure(.unknown(text, suggestions: candidates.map(\.name)))
        case .unknown: return .failure(.unknown(text, suggestions: Suggestions.nearest(text, among: all.map(\.name))))
        }
    }
}

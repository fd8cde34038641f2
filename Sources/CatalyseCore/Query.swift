/// What a user asked for: a text search and a selection per facet. Facets combine with AND,
/// values within a facet with OR; an empty selection does not filter.
public struct OfferFilter: Equatable, Sendable {
    public var query: String = ""
    public var purposes: Set<Purpose> = []
    public var formats: Set<OfferFormat> = []
    public var kinds: Set<SupportKind> = []
    public var themes: Set<Theme> = []
    public var territories: [Place] = []
    public var stages: Set<Stage> = []
    public var budgets: Set<BudgetBand> = []
    public var modes: Set<DeliveryMode> = []
    public var employer: Set<EmployerStatus> = []
    public var audience: Set<Audience> = []
    /// Only the offers whose ids are in this set (the favourites), when not nil.
    public var onlyIDs: Set<String>? = nil

    public init() {}

    /// Whether nothing at all is selected.
    public var isEmpty: Bool { self == OfferFilter() }

    /// Whether any facet (not the query, not favourites) is selected.
    public var hasFacetSelection: Bool {
        var copy = self
        copy.query = ""
        copy.onlyIDs = nil
        return !copy.isEmpty
    }

    /// The selected values of a facet, as code strings.
    public func selectedCodes(_ facet: Facet) -> [String] {
        switch facet {
        case .purpose: purposes.sorted().map(\.code)
        case .format: formats.sorted().map(\.code)
        case .kind: kinds.sorted().map(\.code)
        case .theme: themes.sorted().map(\.code)
        case .territory: territories.map(\.code)
        case .stage: stages.sorted().map(\.code)
        case .budget: budgets.sorted().map(\.code)
        case .mode: modes.sorted().map(\.code)
        case .employer: employer.sorted().map(\.code)
        case .audience: audience.sorted().map(\.code)
        }
    }

    /// The selected values of a facet, as labels in `language`.
    public func selectedLabels(_ facet: Facet, _ language: Language) -> [String] {
        switch facet {
        case .purpose: purposes.sorted().map { $0.shortLabel.text(language) }
        case .format: formats.sorted().map { $0.label(language) }
        case .kind: kinds.sorted().map { $0.label(language) }
        case .theme: themes.sorted().map { $0.label(language) }
        case .territory: territories.map { $0.displayName(language) }
        case .stage: stages.sorted().map { $0.label(language) }
        case .budget: budgets.sorted().map { $0.label(language) }
        case .mode: modes.sorted().map { $0.label(language) }
        case .employer: employer.sorted().map { $0.label(language) }
        case .audience: audience.sorted().map { $0.label(language) }
        }
    }

    /// Toggles one value of a facet given by its code; returns false if the code is unknown.
    @discardableResult
    public mutating func toggle(_ facet: Facet, code: String) -> Bool {
        func flip<T: CodedValue>(_ set: inout Set<T>) -> Bool {
            guard let v = T(code: code) else { return false }
            if set.contains(v) { set.remove(v) } else { set.insert(v) }
            return true
        }
        switch facet {
        case .purpose: return flip(&purposes)
        case .format: return flip(&formats)
        case .kind: return flip(&kinds)
        case .theme: return flip(&themes)
        case .stage: return flip(&stages)
        case .budget: return flip(&budgets)
        case .mode: return flip(&modes)
        case .employer: return flip(&employer)
        case .audience: return flip(&audience)
        case .territory:
            guard let place = Place(code: code) else { return false }
            if let i = territories.firstIndex(of: place) { territories.remove(at: i) } else { territories.append(place) }
            return true
        }
    }

    /// Empties one facet's selection.
    public mutating func clear(_ facet: Facet) {
        switch facet {
        case .purpose: purposes = []
        case .format: formats = []
        case .kind: kinds = []
        case .theme: themes = []
        case .territory: territories = []
        case .stage: stages = []
        case .budget: budgets = []
        case .mode: modes = []
        case .employer: employer = []
        case .audience: audience = []
        }
    }

    func mask(_ facet: Facet) -> UInt64 {
        typealias L = SearchIndex.Layout
        switch facet {
        case .purpose: return purposes.reduce(0) { $0 | L.bit($1) }
        case .format: return formats.reduce(0) { $0 | L.bit($1) }
        case .kind: return kinds.reduce(0) { $0 | L.bit($1) }
        case .theme: return themes.reduce(0) { $0 | L.bit($1) }
        case .stage: return stages.reduce(0) { $0 | L.bit($1) }
        case .budget: return budgets.reduce(0) { $0 | L.bit($1) }
        case .mode: return modes.reduce(0) { $0 | L.bit($1) }
        case .employer: return employer.reduce(0) { $0 | L.bit($1) }
        case .audience: return audience.reduce(0) { $0 | L.bit($1) }
        case .territory: return 0
        }
    }
}

/// For each facet value, how many offers the list would show if that value alone were selected
/// in its facet, with the query and every other facet's selection unchanged.
public struct FacetCounts: Equatable, Sendable {
    /// Counts by facet, then by code value (`R32`, `59`, `national` for the territory facet).
    public var counts: [Facet: [String: Int]] = [:]
    public init() {}
    public func count(_ facet: Facet, _ code: String) -> Int { counts[facet]?[code] ?? 0 }
}

/// The list a filter gives: offer indices in display order, and the facet counts.
public struct QueryResult: Sendable {
    public var offers: [Int]
    public var counts: FacetCounts
    /// The offers found by each query word (all searchable words, and title or firm-name words):
    /// what the next keystroke reuses when it keeps a word (`run(_:refining:)`), and the index
    /// they come from.
    var wordSets: [String: WordSets] = [:]
    var wordSetsIndex: ObjectIdentifier? = nil

    public init(offers: [Int], counts: FacetCounts) { self.offers = offers; self.counts = counts }
}

/// The offers with a word starting with one query word.
struct WordSets: Sendable {
    var all: Bitset
    var title: Bitset
}

extension SearchIndex {
    static let countedFacets: [Facet] = [.purpose, .format, .kind, .theme, .stage, .budget, .mode, .employer, .audience]

    /// Offers that match the text query (every query word starts some word of the offer).
    public func textMatches(_ query: String) -> Bitset? {
        textMatches(words: Array(Set(TextFolding.foldedWords(query))))
    }

    /// The same, for distinct query words already folded.
    func textMatches(words: [String]) -> Bitset? {
        var sets: [String: WordSets] = [:]
        return textMatches(words: words, sets: &sets, titles: false)
    }

    /// Intersects the offers of each query word, taking a word's offers from `sets` when the
    /// previous keystroke computed them, and adding the ones computed now (with the title and
    /// firm-name matches when `titles`, for ranking).
    func textMatches(words: [String], sets: inout [String: WordSets], titles: Bool) -> Bitset? {
        guard !words.isEmpty else { return nil }
        var result: Bitset? = nil
        // Longest words first: they usually have the fewest matches.
        for word in words.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let set: Bitset
            if let known = sets[word] { set = known.all } else {
                set = offers(withWordPrefix: word)
                sets[word] = WordSets(all: set, title: titles ? offers(withWordPrefix: word, title: true) : Bitset(count: 0))
            }
            if result == nil { result = set } else { result!.formIntersection(set) }
        }
        return result
    }

    /// Whether offer `i` matches the territory selection (any of the places).
    @inline(__always)
    func matchesTerritory(_ i: Int, _ places: [(kind: Int, bit: Int)]) -> Bool {
        for p in places {
            switch p.kind {
            case 0: if coversNational[i] != 0 { return true }
            case 1: if regionMasks[i] & (1 << UInt32(p.bit)) != 0 { return true }
            default:
                let word = departmentMasks[2 * i + (p.bit < 64 ? 0 : 1)]
                if word & (1 << UInt64(p.bit & 63)) != 0 { return true }
            }
        }
        return false
    }

    static func territoryKeys(_ places: [Place]) -> [(kind: Int, bit: Int)] {
        places.compactMap { place in
            switch place {
            case .national: (0, 0)
            case .region(let c): Territories.regionIndex[c].map { (1, $0) }
            case .department(let c): Territories.departmentIndex[c].map { (2, $0) }
            }
        }
    }

    /// Runs a filter: the matching offers in display order (ranked when there is a query), and
    /// the facet counts. With `previous` (the result of the last keystroke on this index), the
    /// offers of query words it already looked up are reused: typing `strat compet` looks up
    /// `strat` once, not at each letter of `compet`.
    public func run(_ filter: OfferFilter, counts wantCounts: Bool = true, refining previous: QueryResult? = nil) -> QueryResult {
        let queryWords = Array(Set(TextFolding.foldedWords(filter.query)))
        var sets: [String: WordSets] = [:]
        if let previous, previous.wordSetsIndex == ObjectIdentifier(self) {
            for word in queryWords { if let known = previous.wordSets[word], known.all.count == count { sets[word] = known } }
        }
        let text = textMatches(words: queryWords, sets: &sets, titles: true)
        var base = text ?? Bitset(count: count, filled: true)
        if let ids = filter.onlyIDs {
            var only = Bitset(count: count)
            for id in ids { if let i = catalogue.index(ofOffer: id) { only.insert(i) } }
            base.formIntersection(only)
        }
        let facets = SearchIndex.countedFacets
        let selections: [(facet: Facet, mask: UInt64)] = facets.compactMap { f in
            let m = filter.mask(f)
            return m == 0 ? nil : (f, m)
        }
        let territoryKeys = SearchIndex.territoryKeys(filter.territories)
        let territorySelected = !territoryKeys.isEmpty

        // Counters: facet bits (64) and territory (national, régions, départements).
        var bitCounts = [Int](repeating: 0, count: 64)
        var nationalCount = 0
        var regionCounts = [Int](repeating: 0, count: Territories.regionCodes.count)
        var deptCounts = [Int](repeating: 0, count: Territories.departments.count)
        var matched = Bitset(count: count)

        base.forEach { i in
            let m = facetMasks[i]
            // Which selections does this offer fail? Only 0 or 1 matter for counting.
            var failed = -1  // index into selections, or -2 for territory
            var failures = 0
            for (s, sel) in selections.enumerated() where m & sel.mask == 0 {
                failures += 1
                failed = s
                if failures > 1 { break }
            }
            if failures <= 1 && territorySelected && !matchesTerritory(i, territoryKeys) {
                failures += 1
                failed = -2
            }
            if failures == 0 { matched.insert(i) }
            guard wantCounts, failures <= 1 else { return }
            if failures == 0 {
                var bits = m
                while bits != 0 {
                    bitCounts[bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            } else if failed >= 0 {
                var bits = m & SearchIndex.Layout.mask(selections[failed].facet)
                while bits != 0 {
                    bitCounts[bits.trailingZeroBitCount] += 1
                    bits &= bits - 1
                }
            }
            if failures == 0 || failed == -2 {
                if coversNational[i] != 0 { nationalCount += 1 }
                var r = regionMasks[i]
                while r != 0 {
                    regionCounts[r.trailingZeroBitCount] += 1
                    r &= r - 1
                }
                var d0 = departmentMasks[2 * i], d1 = departmentMasks[2 * i + 1]
                while d0 != 0 {
                    deptCounts[d0.trailingZeroBitCount] += 1
                    d0 &= d0 - 1
                }
                while d1 != 0 {
                    deptCounts[64 + d1.trailingZeroBitCount] += 1
                    d1 &= d1 - 1
                }
            }
        }

        var counts = FacetCounts()
        if wantCounts {
            func fill<T: CodedValue>(_ type: T.Type) {
                var c: [String: Int] = [:]
                for v in T.allCases { c[v.code] = bitCounts[Int(Layout.bit(v).trailingZeroBitCount)] }
                counts.counts[T.facet] = c
            }
            fill(Purpose.self); fill(OfferFormat.self); fill(SupportKind.self); fill(Theme.self)
            fill(Stage.self); fill(BudgetBand.self); fill(DeliveryMode.self); fill(EmployerStatus.self); fill(Audience.self)
            var t: [String: Int] = ["national": nationalCount]
            for (i, code) in Territories.regionCodes.enumerated() { t["R" + code] = regionCounts[i] }
            for (i, d) in Territories.departments.enumerated() { t[d.code] = deptCounts[i] }
            counts.counts[.territory] = t
        }

        // Order: ranked by the number of query words found in the title or the firm's name,
        // then the default order; built by walking the precomputed default order (no sort).
        var ordered: [Int] = []
        ordered.reserveCapacity(min(count, 1024))
        if text != nil {
            let words = queryWords
            let titleHits = words.map { sets[$0]!.title }
            var buckets = [[Int]](repeating: [], count: words.count + 1)
            for i32 in defaultOrder where matched.contains(Int(i32)) {
                let i = Int(i32)
                var score = 0
                for hits in titleHits where hits.contains(i) { score += 1 }
                buckets[words.count - score].append(i)
            }
            ordered = buckets.flatMap { $0 }
        } else {
            for i in defaultOrder where matched.contains(Int(i)) { ordered.append(Int(i)) }
        }
        var result = QueryResult(offers: ordered, counts: counts)
        result.wordSets = sets
        result.wordSetsIndex = ObjectIdentifier(self)
        return result
    }
}

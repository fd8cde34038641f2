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
    /// what the next keystroke reuses when it keeps a word (`run(_:refining:)`), and the token
    /// of the index they come from.
    var wordSets: [String: WordSets] = [:]
    var wordSetsToken: UInt64? = nil

    public init(offers: [Int], counts: FacetCounts) { self.offers = offers; self.counts = counts }
}

/// The offers with a word starting with one query word.
struct WordSets: Sendable {
    var all: Bitset
    var title: Bitset
}

/// A place of a territory filter, as a bit of the territory masks.
enum TerritoryKey {
    case national
    case region(Int)
    case department(Int)

    init?(_ place: Place) {
        switch place {
        case .national: self = .national
        case .region(let c): guard let i = Territories.regionIndex[c] else { return nil }; self = .region(i)
        case .department(let c): guard let i = Territories.departmentIndex[c] else { return nil }; self = .department(i)
        }
    }
}

/// Which of the filter's selections an offer fails: only none or one matter for the counts.
enum SelectionFailure {
    case none
    /// The coded facet selection at this index of the active selections.
    case facet(Int)
    case territory
    case several
}

extension SearchIndex {
    /// Runs a filter: the matching offers in display order (ranked when there is a query), and
    /// the facet counts. With `previous` (the result of the last keystroke on this index), the
    /// offers of query words it already looked up are reused: typing `strat compet` looks up
    /// `strat` once, not at each letter of `compet`.
    public func run(_ filter: OfferFilter, counts wantCounts: Bool = true, refining previous: QueryResult? = nil) -> QueryResult {
        let queryWords = Array(Set(TextFolding.foldedWords(filter.query)))
        var sets = reusableWordSets(queryWords, previous)
        let text = textMatches(words: queryWords, sets: &sets)
        let candidates = self.candidates(text, onlyIDs: filter.onlyIDs)
        let selections = FacetTable.coded.compactMap { facet in filter.mask(facet) == 0 ? nil : (facet: facet, mask: filter.mask(facet)) }
        let territories = filter.territories.compactMap(TerritoryKey.init)

        var tally = FacetTally(offers: count)
        candidates.forEach { i in
            let failure = self.failure(of: i, selections, territories)
            if case .none = failure { tally.matched.insert(i) }
            if wantCounts { tally.count(i, failure, selections, self) }
        }

        var result = QueryResult(offers: ordered(tally.matched, ranking: text == nil ? nil : queryWords.map { sets[$0]!.title }),
                                 counts: wantCounts ? tally.counts() : FacetCounts())
        result.wordSets = sets
        result.wordSetsToken = token
        return result
    }

    /// The word sets of `previous` that this query keeps, when it comes from this index.
    func reusableWordSets(_ words: [String], _ previous: QueryResult?) -> [String: WordSets] {
        guard let previous, previous.wordSetsToken == token else { return [:] }
        var sets: [String: WordSets] = [:]
        for word in words { if let known = previous.wordSets[word], known.all.universe == count { sets[word] = known } }
        return sets
    }

    /// Intersects the offers of each query word (nil: no query), taking a word's offers from
    /// `sets` when the previous keystroke computed them, and adding the ones computed now with
    /// their title and firm-name matches (for ranking).
    func textMatches(words: [String], sets: inout [String: WordSets]) -> Bitset? {
        guard !words.isEmpty else { return nil }
        var result: Bitset? = nil
        // Longest words first: they usually have the fewest matches.
        for word in words.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let set: Bitset
            if let known = sets[word] { set = known.all } else {
                set = offers(withWordPrefix: word)
                sets[word] = WordSets(all: set, title: offers(withWordPrefix: word, title: true))
            }
            if result == nil { result = set } else { result!.formIntersection(set) }
        }
        return result
    }

    /// The offers a filter looks at: the text matches (or all), within `onlyIDs` when given.
    func candidates(_ text: Bitset?, onlyIDs: Set<String>?) -> Bitset {
        var base = text ?? Bitset(universe: count, filled: true)
        if let onlyIDs {
            var only = Bitset(universe: count)
            for id in onlyIDs { if let i = catalogue.index(ofOffer: id) { only.insert(i) } }
            base.formIntersection(only)
        }
        return base
    }

    /// Which selection offer `i` fails, if any (stopping at the second).
    @inline(__always)
    func failure(of i: Int, _ selections: [(facet: CodedFacet, mask: UInt64)], _ territories: [TerritoryKey]) -> SelectionFailure {
        let m = facetMasks[i]
        var failure = SelectionFailure.none
        for (s, selection) in selections.enumerated() where m & selection.mask == 0 {
            if case .none = failure { failure = .facet(s) } else { return .several }
        }
        if !territories.isEmpty && !matchesTerritory(i, territories) {
            if case .none = failure { failure = .territory } else { return .several }
        }
        return failure
    }

    /// Whether offer `i` matches the territory selection (any of the places).
    @inline(__always)
    func matchesTerritory(_ i: Int, _ places: [TerritoryKey]) -> Bool {
        for place in places {
            switch place {
            case .national: if coversNational[i] != 0 { return true }
            case .region(let bit): if regionMasks[i] & (1 << UInt32(bit)) != 0 { return true }
            case .department(let bit):
                if departmentMasks[2 * i + (bit < 64 ? 0 : 1)] & (1 << UInt64(bit & 63)) != 0 { return true }
            }
        }
        return false
    }

    /// The matches in display order: ranked by the number of query words found in the title
    /// or the firm's name (with `ranking`, each word's title matches), then the default order;
    /// built by walking the precomputed default order (no sort).
    func ordered(_ matched: Bitset, ranking titleHits: [Bitset]?) -> [Int] {
        guard let titleHits else {
            var ordered: [Int] = []
            ordered.reserveCapacity(min(count, 1024))
            for i in defaultOrder where matched.contains(Int(i)) { ordered.append(Int(i)) }
            return ordered
        }
        var buckets = [[Int]](repeating: [], count: titleHits.count + 1)
        for i32 in defaultOrder where matched.contains(Int(i32)) {
            let i = Int(i32)
            var score = 0
            for hits in titleHits where hits.contains(i) { score += 1 }
            buckets[titleHits.count - score].append(i)
        }
        return buckets.flatMap { $0 }
    }
}

/// The counts of one run: an offer that fails no selection counts for every value it has; one
/// that fails a single selection counts only for the values of that facet (selecting one of
/// them instead would list it).
struct FacetTally {
    var matched: Bitset
    var bitCounts = [Int](repeating: 0, count: 64)
    var nationalCount = 0
    var regionCounts = [Int](repeating: 0, count: Territories.regionCodes.count)
    var departmentCounts = [Int](repeating: 0, count: Territories.departments.count)

    init(offers: Int) { matched = Bitset(universe: offers) }

    @inline(__always)
    static func addBits<T: FixedWidthInteger>(_ bits: T, to counts: inout [Int], from start: Int = 0) {
        var bits = bits
        while bits != 0 {
            counts[start + bits.trailingZeroBitCount] += 1
            bits &= bits - 1
        }
    }

    @inline(__always)
    mutating func count(_ i: Int, _ failure: SelectionFailure, _ selections: [(facet: CodedFacet, mask: UInt64)], _ index: SearchIndex) {
        switch failure {
        case .several:
            return
        case .none:
            FacetTally.addBits(index.facetMasks[i], to: &bitCounts)
        case .facet(let s):
            FacetTally.addBits(index.facetMasks[i] & selections[s].facet.mask, to: &bitCounts)
            return
        case .territory:
            break
        }
        // No failure, or only the territory's: the offer counts for every place it matches.
        if index.coversNational[i] != 0 { nationalCount += 1 }
        FacetTally.addBits(index.regionMasks[i], to: &regionCounts)
        FacetTally.addBits(index.departmentMasks[2 * i], to: &departmentCounts)
        FacetTally.addBits(index.departmentMasks[2 * i + 1], to: &departmentCounts, from: 64)
    }

    func counts() -> FacetCounts {
        var counts = FacetCounts()
        for facet in FacetTable.coded {
            var c: [String: Int] = [:]
            for (ordinal, value) in facet.values.enumerated() { c[value.code] = bitCounts[facet.offset + ordinal] }
            counts.counts[facet.facet] = c
        }
        var t: [String: Int] = ["national": nationalCount]
        for (i, code) in Territories.regionCodes.enumerated() { t["R" + code] = regionCounts[i] }
        for (i, d) in Territories.departments.enumerated() { t[d.code] = departmentCounts[i] }
        counts.counts[.territory] = t
        return counts
    }
}

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
        // Counting needs the planes: their ready sets of short prefixes serve the text too.
        let text = textMatches(words: queryWords, sets: &sets, prefixes: wantCounts ? planes.value.prefixes : nil)
        let candidates = self.candidates(text, onlyIDs: filter.onlyIDs)
        let selections = FacetTable.coded.compactMap { facet in filter.mask(facet) == 0 ? nil : (facet: facet, mask: filter.mask(facet)) }
        let territories = filter.territories.compactMap(TerritoryKey.init)

        let matched: Bitset, counts: FacetCounts
        if wantCounts {
            var tally = FacetTally(offers: count)
            countByWords(candidates, selections, territories, into: &tally)
            (matched, counts) = (tally.matched, tally.counts())
        } else {
            var m = Bitset(universe: count)
            let order = defaultOrder
            candidates.forEach { position in
                if case .none = self.failure(of: Int(order[position]), selections, territories) { m.insert(position) }
            }
            (matched, counts) = (m, FacetCounts())
        }

        var result = QueryResult(offers: ordered(matched, ranking: text == nil ? nil : queryWords.map { sets[$0]!.title }),
                                 counts: counts)
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
    func textMatches(words: [String], sets: inout [String: WordSets], prefixes: PrefixSets? = nil) -> Bitset? {
        guard !words.isEmpty else { return nil }
        var result: Bitset? = nil
        // Longest words first: they usually have the fewest matches.
        for word in words.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let set: Bitset
            if let known = sets[word] { set = known.all } else {
                set = offers(withWordPrefix: word, prefixes: prefixes)
                sets[word] = WordSets(all: set, title: offers(withWordPrefix: word, title: true, prefixes: prefixes))
            }
            if result == nil { result = set } else { result!.formIntersection(set) }
        }
        return result
    }

    /// The matches and counts one offer at a time (each candidate's failure, then the bits of
    /// its masks): the simple form that `countByWords` must agree with (tests).
    func countByOffer(_ candidates: Bitset, _ selections: [(facet: CodedFacet, mask: UInt64)], _ territories: [TerritoryKey]) -> FacetTally {
        var tally = FacetTally(offers: count)
        let order = defaultOrder
        candidates.forEach { position in
            let i = Int(order[position])
            let failure = self.failure(of: i, selections, territories)
            if case .none = failure { tally.matched.insert(position) }
            tally.count(i, failure, selections, self)
        }
        return tally
    }

    /// The matches and counts 64 offers at a time, from the value planes: for each word of
    /// candidates, which of them pass each selection, which fail none, which fail only one
    /// (they count for that facet's values alone, or the territory's), then a popcount per
    /// value. The same counts as `countByOffer`.
    func countByWords(_ candidates: Bitset, _ selections: [(facet: CodedFacet, mask: UInt64)], _ territories: [TerritoryKey], into tally: inout FacetTally) {
        let planes = self.planes.value
        let s = selections.count
        // The planes each selection and the territory selection pass on.
        let selectionPlanes: [[Int]] = selections.map { selection in (0..<64).filter { selection.mask & (1 << UInt64($0)) != 0 } }
        let territoryPlanes: [Int] = territories.map {
            switch $0 {
            case .national: ValuePlanes.national
            case .region(let i): ValuePlanes.firstRegion + i
            case .department(let i): ValuePlanes.firstDepartment + i
            }
        }
        // For each coded facet, which selection is its own (-1: none).
        let selectionOfFacet: [Int] = FacetTable.coded.map { facet in selections.firstIndex { $0.facet.offset == facet.offset } ?? -1 }
        // Flat copies of the above, read through pointers in the loop over words.
        let planeList = selectionPlanes.flatMap { $0 }
        var planeStart = [0]
        for list in selectionPlanes { planeStart.append(planeStart[planeStart.count - 1] + list.count) }
        let facets = FacetTable.coded.count
        let scratch = UnsafeMutablePointer<Int>.allocate(capacity: 64 + ValuePlanes.planeCount + planeList.count + planeStart.count + territoryPlanes.count + 3 * facets)
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: 2 * max(s, 1))
        defer { scratch.deallocate(); words.deallocate() }
        let facetCounts = scratch
        let placeCounts = facetCounts + 64
        let placeTotal = ValuePlanes.planeCount - ValuePlanes.national
        (facetCounts).initialize(repeating: 0, count: 64 + placeTotal)
        let planesOf = placeCounts + placeTotal
        let startOf = planesOf + planeList.count
        let territoryOf = startOf + planeStart.count
        let facetStart = territoryOf + territoryPlanes.count
        let facetEnd = facetStart + facets
        let facetOwn = facetEnd + facets
        for (k, v) in planeList.enumerated() { planesOf[k] = v }
        for (k, v) in planeStart.enumerated() { startOf[k] = v }
        for (k, v) in territoryPlanes.enumerated() { territoryOf[k] = v }
        for (f, facet) in FacetTable.coded.enumerated() {
            facetStart[f] = facet.offset; facetEnd[f] = facet.offset + facet.width; facetOwn[f] = selectionOfFacet[f]
        }
        let pass = words, only = words + max(s, 1)
        let territoryCount = territoryPlanes.count
        let wordCount = planes.wordCount
        precondition(candidates.words.count == wordCount, "candidates and planes cover the same offers")
        candidates.words.withUnsafeBufferPointer { cw in
            tally.matched.withUnsafeMutableWords { out in
                for w in 0..<wordCount {
                    let c = cw[w]
                    if c == 0 { continue }
                    let block = planes.block(w)
                    var allFacets = c
                    for k in 0..<s {
                        var p: UInt64 = 0
                        for j in startOf[k] ..< startOf[k + 1] { p |= block[planesOf[j]] }
                        pass[k] = p
                        allFacets &= p
                    }
                    var passTerritory: UInt64 = ~0
                    if territoryCount > 0 {
                        passTerritory = 0
                        for j in 0..<territoryCount { passTerritory |= block[territoryOf[j]] }
                    }
                    let none = allFacets & passTerritory
                    out[w] = none
                    // Failing only selection k: fails k, passes every other one and the territory.
                    for k in 0..<s {
                        var o = c & ~pass[k] & passTerritory
                        for j in 0..<s where j != k { o &= pass[j] }
                        only[k] = o
                    }
                    for f in 0..<facets {
                        let own = facetOwn[f]
                        let counted = own < 0 ? none : none | only[own]
                        if counted == 0 { continue }
                        for b in facetStart[f] ..< facetEnd[f] { facetCounts[b] &+= (block[b] & counted).nonzeroBitCount }
                    }
                    let placesCounted = none | (allFacets & ~passTerritory)
                    if placesCounted != 0 {
                        let places = block + ValuePlanes.national
                        for p in 0..<placeTotal { placeCounts[p] &+= (places[p] & placesCounted).nonzeroBitCount }
                    }
                }
            }
        }
        withExtendedLifetime(planes.storage) {}
        tally.bitCounts = Array(UnsafeBufferPointer(start: facetCounts, count: 64))
        tally.nationalCount = placeCounts[0]
        tally.regionCounts = Array(UnsafeBufferPointer(start: placeCounts + 1, count: Territories.regionCodes.count))
        tally.departmentCounts = Array(UnsafeBufferPointer(start: placeCounts + 1 + Territories.regionCodes.count, count: Territories.departments.count))
    }

    /// The positions a filter looks at: the text matches (or all), within `onlyIDs` when given.
    func candidates(_ text: Bitset?, onlyIDs: Set<String>?) -> Bitset {
        var base = text ?? Bitset(universe: count, filled: true)
        if let onlyIDs {
            var only = Bitset(universe: count)
            for id in onlyIDs { if let i = catalogue.index(ofOffer: id) { only.insert(Int(positionOf[i])) } }
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
    /// or the firm's name (with `ranking`, each word's title matches), then the default order.
    /// The sets hold positions in the default order, so reading their bits in order lists
    /// the matches in that order (no sort); with a ranking, each match is placed in its
    /// rank's share of the result.
    func ordered(_ matched: Bitset, ranking titleHits: [Bitset]?) -> [Int] {
        let total = matched.count
        guard total > 0 else { return [] }
        let order = defaultOrder.buffer
        precondition(order.count == matched.universe, "one position per offer")
        let q = titleHits?.count ?? 0
        guard let titleHits, q > 0 else {
            return [Int](unsafeUninitializedCapacity: total) { out, n in
                var k = 0
                matched.forEach { position in out[k] = Int(order[position]); k += 1 }
                n = k
            }
        }
        // For each word of 64 positions, the matches of each rank (0: every query word in the
        // title), counted first, then listed rank by rank.
        let hits = titleHits.map(\.words)
        var layers = [UInt64](repeating: 0, count: q + 1)
        func rankLayers(_ w: Int, _ m: UInt64) {
            // layers[j]: the matches found in j titles so far.
            layers[0] = m
            for j in 1...q { layers[j] = 0 }
            for (k, h) in hits.enumerated() {
                let t = h[w]
                for j in stride(from: k, through: 0, by: -1) {
                    layers[j + 1] |= layers[j] & t
                    layers[j] &= ~t
                }
            }
        }
        var next = [Int](repeating: 0, count: q + 1)
        let words = matched.words
        for w in words.indices where words[w] != 0 {
            rankLayers(w, words[w])
            for r in 0...q { next[r] += layers[q - r].nonzeroBitCount }
        }
        var start = 0
        for r in 0...q { let c = next[r]; next[r] = start; start += c }
        return [Int](unsafeUninitializedCapacity: total) { out, n in
            for w in words.indices where words[w] != 0 {
                rankLayers(w, words[w])
                for r in 0...q {
                    var bits = layers[q - r]
                    while bits != 0 {
                        out[next[r]] = Int(order[w << 6 | bits.trailingZeroBitCount])
                        next[r] += 1
                        bits &= bits - 1
                    }
                }
            }
            n = total
        }
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

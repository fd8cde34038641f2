import Testing
@testable import CatalyseCore

/// The fast paths of a keystroke (counting 64 offers at a time from the value planes, the
/// ready sets of short prefixes, the matches read in display order) against the simple ones
/// they replace: the same lists, the same counts.
@Suite("Queries: counting by words and ready prefix sets agree with the simple forms")
struct WordCountingTests {
    static let index = SearchIndex(catalogue: Fixtures.shipped)

    /// A run done the simple way: text from the posting lists, each candidate's failure and
    /// mask bits one offer at a time, the list sorted by rank then default order.
    static func simpleRun(_ filter: OfferFilter, _ index: SearchIndex) -> (offers: [Int], counts: FacetCounts) {
        let words = Array(Set(TextFolding.foldedWords(filter.query)))
        var sets: [String: WordSets] = [:]
        let text = index.textMatches(words: words, sets: &sets)
        let candidates = index.candidates(text, onlyIDs: filter.onlyIDs)
        let selections = FacetTable.coded.compactMap { facet in filter.mask(facet) == 0 ? nil : (facet: facet, mask: filter.mask(facet)) }
        let tally = index.countByOffer(candidates, selections, filter.territories.compactMap(TerritoryKey.init))
        var positions: [Int] = []
        tally.matched.forEach { positions.append($0) }
        let order = Array(index.defaultOrder).map(Int.init)
        let ranked = positions.map { p -> (rank: Int, position: Int) in
            let score = words.filter { sets[$0]!.title.contains(p) }.count
            return (words.count - score, p)
        }.sorted { ($0.rank, $0.position) < ($1.rank, $1.position) }
        return (ranked.map { order[$0.position] }, tally.counts())
    }

    static func randomFilter(_ generator: inout SystemRandomNumberGenerator, _ c: Catalogue) -> OfferFilter {
        let vocabulary = ["strat", "compet", "mecenat", "ile", "reseau", "gouv", "nord", "s", "st", "a", "co", "d", "model", "xyz", "é", "Île-de"]
        var f = OfferFilter()
        f.query = (0..<Int.random(in: 0...2, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
        if Bool.random(using: &generator) { f[Purpose.self] = [Purpose.allCases.randomElement(using: &generator)!] }
        if Bool.random(using: &generator) { f[SupportKind.self] = Set((0..<2).map { _ in SupportKind.allCases.randomElement(using: &generator)! }) }
        if Bool.random(using: &generator) { f[Stage.self] = [Stage.allCases.randomElement(using: &generator)!] }
        if Int.random(in: 0..<3, using: &generator) == 0 { f[BudgetBand.self] = [BudgetBand.allCases.randomElement(using: &generator)!] }
        if Bool.random(using: &generator) {
            f.territories = (0..<Int.random(in: 1...2, using: &generator)).map { _ in Territories.allPlaces.randomElement(using: &generator)! }
        }
        if Int.random(in: 0..<6, using: &generator) == 0 { f.onlyIDs = Set(c.offers.prefix(12).map(\.id)) }
        return f
    }

    @Test func listsAndCountsAreThoseOfTheSimpleForm() {
        var generator = SystemRandomNumberGenerator()
        let c = Self.index.catalogue
        var nonEmpty = 0
        for _ in 0..<400 {
            let f = Self.randomFilter(&generator, c)
            let fast = Self.index.run(f, counts: true)
            let simple = Self.simpleRun(f, Self.index)
            #expect(fast.offers == simple.offers, "query \(f)")
            #expect(fast.counts == simple.counts, "query \(f)")
            #expect(Self.index.run(f, counts: false).offers == simple.offers, "query \(f)")
            #expect(Set(fast.offers.map { c.offers[$0].id }) == QueryTests.reference(f, c), "query \(f)")
            if !fast.offers.isEmpty { nonEmpty += 1 }
        }
        #expect(nonEmpty > 50)
    }

    @Test func everyOfferIsInTheRightPlane() {
        let planes = Self.index.planes.value
        let order = Array(Self.index.defaultOrder)
        #expect(planes.wordCount == (Self.index.count + 63) / 64)
        for position in order.indices {
            let i = Int(order[position])
            let block = planes.block(position >> 6)
            let bit: UInt64 = 1 << UInt64(position & 63)
            for b in 0..<64 { #expect((block[b] & bit != 0) == (Self.index.facetMasks[i] & (1 << UInt64(b)) != 0)) }
            #expect((block[ValuePlanes.national] & bit != 0) == (Self.index.coversNational[i] != 0))
            for r in Territories.regionCodes.indices {
                #expect((block[ValuePlanes.firstRegion + r] & bit != 0) == (Self.index.regionMasks[i] & (1 << UInt32(r)) != 0))
            }
            for d in Territories.departments.indices {
                let word = Self.index.departmentMasks[2 * i + (d < 64 ? 0 : 1)]
                #expect((block[ValuePlanes.firstDepartment + d] & bit != 0) == (word & (1 << UInt64(d & 63)) != 0))
            }
            #expect(Int(Self.index.positionOf[i]) == position)
        }
    }

    @Test func readyPrefixSetsAreThoseOfThePostings() {
        // Threshold 0: every prefix of one or two bytes gets a ready set.
        let sets = PrefixSets.build(Self.index.columns, positions: Self.index.positionOf, threshold: 0)
        #expect(sets.all.count > 30 && sets.title.count > 30)
        for (title, table) in [(false, sets.all), (true, sets.title)] {
            for (prefix, set) in table {
                let text = String(decoding: prefix, as: UTF8.self)
                // A prefix cut inside a character is not something a query folds to; compare
                // those through the byte ranges only.
                let direct = Self.index.offers(withWordPrefix: text, title: title)
                if Array(text.utf8) == prefix { #expect(set == direct, "\(text) title: \(title)") }
                #expect(set.count > 0)
                #expect(Self.index.offers(withWordPrefix: text, title: title, prefixes: sets) == (Array(text.utf8) == prefix ? set : direct))
            }
        }
        // Typing with ready sets gives the same lists as without.
        for query in ["s", "st", "strat", "co", "é", "a b", "d s"] {
            var f = OfferFilter(); f.query = query
            #expect(Self.index.run(f, counts: true).offers == Self.index.run(f, counts: false).offers, "\(query)")
        }
    }
}

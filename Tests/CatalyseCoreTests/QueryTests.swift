import Testing
@testable import CatalyseCore

@Suite("Queries: facets, territory rules, search, order, facet counts")
struct QueryTests {
    static let index = SearchIndex(catalogue: Fixtures.shipped)

    /// The simple implementation the fast paths must agree with.
    static func reference(_ filter: OfferFilter, _ catalogue: Catalogue) -> Set<String> {
        let q = TextFolding.foldedWords(filter.query)
        return Set(catalogue.offers.filter { o in
            let firm = catalogue.firm(of: o)
            var texts = [firm.name, o.title, o.summary, o.description, o.format.label.fr, o.format.label.en,
                         o.purpose.label.fr, o.purpose.label.en, o.purpose.shortLabel.fr, o.purpose.shortLabel.en]
            texts += o.kinds.flatMap { [$0.label.fr, $0.label.en] } + o.themes.flatMap { [$0.label.fr, $0.label.en] }
            texts += o.territories.flatMap { [$0.name(.fr), $0.name(.en)] }
            let words = texts.flatMap(TextFolding.foldedWords)
            func facet<T>(_ sel: Set<T>, _ values: [T], all: Bool = false) -> Bool {
                sel.isEmpty || (all && values.isEmpty) || values.contains(where: sel.contains)
            }
            return TextFolding.matchesAllPrefixes(query: q, words: words)
                && facet(filter[Purpose.self], [o.purpose]) && facet(filter[OfferFormat.self], [o.format])
                && facet(filter[SupportKind.self], o.kinds) && facet(filter[Theme.self], o.themes)
                && facet(filter[Stage.self], o.eligibility.stages, all: true) && facet(filter[BudgetBand.self], o.eligibility.budgets, all: true)
                && facet(filter[DeliveryMode.self], [o.mode]) && facet(filter[EmployerStatus.self], o.eligibility.employer, all: true)
                && facet(filter[Audience.self], o.audience)
                && (filter.territories.isEmpty || filter.territories.contains { Territories.matches(filter: $0, covered: o.territories) })
                && (filter.onlyIDs.map { $0.contains(o.id) } ?? true)
        }.map(\.id))
    }

    func ids(_ filter: OfferFilter) -> Set<String> {
        Set(Self.index.run(filter).offers.map { Self.index.catalogue.offers[$0].id })
    }

    @Test func noFilterListsEverythingInFrenchOrder() {
        let result = Self.index.run(OfferFilter())
        let c = Self.index.catalogue
        #expect(result.offers.count == c.offers.count)
        let keys = result.offers.map { (TextFolding.fold(c.firm(of: c.offers[$0]).name), TextFolding.fold(c.offers[$0].title)) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func andAcrossFacetsOrWithin() {
        var f = OfferFilter()
        f[Purpose.self] = [.strategique]
        let strategic = ids(f)
        f[OfferFormat.self] = [.miChemin]
        let both = ids(f)
        #expect(both.isSubset(of: strategic) && both.count < strategic.count)
        var g = OfferFilter()
        g[SupportKind.self] = [.miseEnReseau, .coachingDirigeants]
        var a = OfferFilter(); a[SupportKind.self] = [.miseEnReseau]
        var b = OfferFilter(); b[SupportKind.self] = [.coachingDirigeants]
        #expect(ids(g) == ids(a).union(ids(b)))
        #expect(ids(g) == Self.reference(g, Self.index.catalogue))
    }

    @Test func territoryFilterFollowsTheRules() {
        let c = Self.index.catalogue
        var f = OfferFilter()
        f.territories = [.department("59")]
        let found = ids(f)
        for offer in c.offers {
            // Coverage only: a remote offer is found where it says it serves, like any other.
            let expected = offer.territories.contains(.national)
                || offer.territories.contains(.department("59")) || offer.territories.contains(.region("32"))
            #expect(found.contains(offer.id) == expected, "\(offer.id)")
        }
        f.territories = [.region("32")]
        let region = ids(f)
        #expect(found.isSubset(of: region))
        f.territories = [.national]
        #expect(ids(f) == Set(c.offers.filter { $0.territories.contains(.national) }.map(\.id)))
    }

    @Test func emptyEligibilityMatchesEveryValue() {
        let open = Self.index.catalogue.offers.filter { $0.eligibility.stages.isEmpty }
        #expect(!open.isEmpty)
        for stage in Stage.allCases {
            var f = OfferFilter(); f[Stage.self] = [stage]
            #expect(open.allSatisfy { ids(f).contains($0.id) })
        }
    }

    @Test func searchIsWordPrefixAndRanked() {
        var f = OfferFilter()
        f.query = "strat"
        let result = Self.index.run(f)
        let c = Self.index.catalogue
        #expect(!result.offers.isEmpty)
        // Title or firm-name hits come first.
        let titleHit = result.offers.map { o -> Bool in
            let words = TextFolding.foldedWords(c.offers[o].title) + TextFolding.foldedWords(c.firm(of: c.offers[o]).name)
            return words.contains { $0.hasPrefix("strat") }
        }
        #expect(titleHit.first == true)
        #expect(zip(titleHit, titleHit.dropFirst()).allSatisfy { $0 || !$1 })
        f.query = "ile de france"
        #expect(ids(f).contains { id in c.offer(id: id)!.territories.contains(.region("11")) })
        f.query = "mecenat"
        #expect(ids(f).count >= c.offers.filter { $0.format == .mecenatCompetences }.count)
        f.query = "zzzz"
        #expect(Self.index.run(f).offers.isEmpty)
    }

    @Test func searchMatchesTheReferenceForManyQueries() {
        let c = Self.index.catalogue
        var generator = SystemRandomNumberGenerator()
        let vocabulary = ["strat", "compet", "mecenat", "ile", "reseau", "gouv", "nord", "innov", "d", "a", "model", "coach", "xyz", "é", "Île-de"]
        for _ in 0..<300 {
            var f = OfferFilter()
            f.query = (0..<Int.random(in: 0...2, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            if Bool.random(using: &generator) { f[Purpose.self] = [Purpose.allCases.randomElement(using: &generator)!] }
            if Bool.random(using: &generator) { f[SupportKind.self] = Set((0..<2).map { _ in SupportKind.allCases.randomElement(using: &generator)! }) }
            if Bool.random(using: &generator) { f[Stage.self] = [Stage.allCases.randomElement(using: &generator)!] }
            if Bool.random(using: &generator) { f.territories = [Territories.allPlaces.randomElement(using: &generator)!] }
            if Int.random(in: 0..<5, using: &generator) == 0 { f.onlyIDs = Set(c.offers.prefix(10).map(\.id)) }
            #expect(ids(f) == Self.reference(f, c), "query \(f)")
        }
    }

    @Test func facetCountEqualsTheListWithThatValueAloneSelected() {
        var base = OfferFilter()
        base.query = "association"
        base[Purpose.self] = [.strategique]
        base.territories = [.region("11")]
        let counts = Self.index.run(base).counts
        for purpose in Purpose.allCases {
            var f = base; f[Purpose.self] = [purpose]
            #expect(counts.count(.purpose, purpose.code) == ids(f).count)
        }
        for kind in SupportKind.allCases {
            var f = base; f[SupportKind.self] = [kind]
            #expect(counts.count(.kind, kind.code) == ids(f).count)
        }
        for place in Territories.allPlaces {
            var f = base; f.territories = [place]
            #expect(counts.count(.territory, place.code) == ids(f).count, "\(place.code)")
        }
        for stage in Stage.allCases {
            var f = base; f[Stage.self] = [stage]
            #expect(counts.count(.stage, stage.code) == ids(f).count)
        }
    }

    @Test func addingAWordNeverAddsResults() {
        var f = OfferFilter()
        f.query = "strat"
        let one = ids(f)
        f.query = "strat compet"
        #expect(ids(f).isSubset(of: one))
    }

    @Test func addingAValueToAFacetNeverRemovesResults() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var f = OfferFilter()
            f.query = ["", "strat", "asso", "compet"].randomElement(using: &generator)!
            f[SupportKind.self] = [SupportKind.allCases.randomElement(using: &generator)!]
            f.territories = [Territories.allPlaces.randomElement(using: &generator)!]
            f[BudgetBand.self] = [BudgetBand.allCases.randomElement(using: &generator)!]
            let before = ids(f)
            var g = f
            g[SupportKind.self].insert(SupportKind.allCases.randomElement(using: &generator)!)
            g.territories.append(Territories.allPlaces.randomElement(using: &generator)!)
            g[BudgetBand.self].insert(BudgetBand.allCases.randomElement(using: &generator)!)
            #expect(before.isSubset(of: ids(g)), "\(f) → \(g)")
        }
    }

    @Test func favouritesOnlyKeepsOnlyThoseIDs() {
        var f = OfferFilter()
        let c = Self.index.catalogue
        f.onlyIDs = [c.offers[3].id, c.offers[7].id, "offre-disparue"]
        #expect(ids(f) == [c.offers[3].id, c.offers[7].id])
    }

    @Test func refiningThePreviousResultGivesTheSameAnswer() {
        // Typing queries letter by letter (and sometimes deleting, or changing a facet), each
        // run reusing the previous result, must list and count exactly as a fresh run does.
        var generator = SystemRandomNumberGenerator()
        let texts = ["strat compet", "mecenat ile de france", "reseau gouv", "coach d'equipe", "innov model a"]
        for _ in 0..<40 {
            var filter = OfferFilter()
            var previous: QueryResult? = nil
            let text = texts.randomElement(using: &generator)!
            var typed = ""
            for ch in text {
                if Int.random(in: 0..<6, using: &generator) == 0, !typed.isEmpty { typed.removeLast() }
                typed.append(ch)
                filter.query = typed
                if Int.random(in: 0..<8, using: &generator) == 0 { filter[Purpose.self] = [Purpose.allCases.randomElement(using: &generator)!] }
                let refined = Self.index.run(filter, refining: previous)
                let fresh = Self.index.run(filter)
                #expect(refined.offers == fresh.offers, "query \(typed)")
                #expect(refined.counts == fresh.counts, "query \(typed)")
                previous = refined
            }
        }
    }

    @Test func aKeptWordIsNotLookedUpAgain() {
        var f = OfferFilter()
        f.query = "strat c"
        var first = Self.index.run(f)
        #expect(first.wordSets["strat"] != nil)
        // Planting an empty set for `strat` shows the next keystroke takes it from there.
        first.wordSets["strat"] = WordSets(all: Bitset(universe: Self.index.count), title: Bitset(universe: Self.index.count))
        f.query = "strat co"
        #expect(!Self.index.run(f).offers.isEmpty)
        let second = Self.index.run(f, refining: first)
        #expect(second.offers.isEmpty)
        #expect(second.wordSets["co"] != nil && second.wordSets["c"] == nil)
        // Sets of another size, or from another index, are ignored.
        first.wordSets["strat"] = WordSets(all: Bitset(universe: 3), title: Bitset(universe: 3))
        #expect(!Self.index.run(f, refining: first).offers.isEmpty)
        first.wordSets["strat"] = WordSets(all: Bitset(universe: Self.index.count), title: Bitset(universe: Self.index.count))
        #expect(Self.index.run(f, refining: first).offers.isEmpty)
        let other = SearchIndex(catalogue: Self.index.catalogue)
        #expect(!other.run(f, refining: first).offers.isEmpty)
    }

    @Test("The index built in parts on several cores is the index built in one", arguments: [2, 3, 7, 80])
    func indexBuiltInPartsIsTheSame(parts: Int) {
        let c = Self.index.catalogue
        let one = IndexColumns.build(c, parts: 1), many = IndexColumns.build(c, parts: parts)
        withExtendedLifetime((one, many)) {
            for (a, b) in [(one.words, many.words), (one.titleWords, many.titleWords)] {
                #expect(Array(a.offsets) == Array(b.offsets))
                #expect(Array(a.bytes) == Array(b.bytes))
                #expect(Array(a.postingStarts) == Array(b.postingStarts))
                #expect(Array(a.postings) == Array(b.postings))
            }
            #expect(Array(one.defaultOrder) == Array(many.defaultOrder))
            #expect(Array(one.facetMasks) == Array(many.facetMasks))
        }
        #expect(one.words.count > 500)
    }

    /// Every column of an index, as text (what two indexes must share to be the same).
    static func columnsText(_ c: IndexColumns) -> String {
        withExtendedLifetime(c) {
            var text = "\(Array(c.facetMasks))\n\(Array(c.regionMasks))\n\(Array(c.departmentMasks))\n\(Array(c.coversNational))\n\(Array(c.defaultOrder))\n"
            for list in [c.words, c.titleWords] {
                text += "\(Array(list.offsets))\n\(Array(list.bytes))\n\(Array(list.postingStarts))\n\(Array(list.postings))\n"
            }
            return text
        }
    }

    /// The index put together firm by firm (`FirmIndexPart`, `IndexAssembly`: what the firm
    /// pipeline does) is the index built from the whole catalogue.
    @Test func indexAssembledFromFirmPartsIsTheSame() {
        let c = Self.index.catalogue
        var assembly = IndexAssembly()
        for firm in c.firms {
            var part = FirmIndexPart(firm, firm.offerIndices.map { c.offers[$0] })
            assembly.add(&part)
        }
        #expect(assembly.count == c.offers.count)
        let built = IndexColumns.build(c), assembled = assembly.columns()
        #expect(Self.columnsText(built) == Self.columnsText(assembled))
        #expect(built.words.count > 500 && built.defaultOrder.count == c.offers.count)
    }
}

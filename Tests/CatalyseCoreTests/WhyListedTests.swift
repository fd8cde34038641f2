import Testing
@testable import CatalyseCore

/// Saying why an offer is listed, and what would help an empty list (issue 12, part 4).
@Suite("Why this offer; what would help an empty list")
struct WhyListedTests {
    static let index = SearchIndex(catalogue: Fixtures.shipped)
    static var catalogue: Catalogue { index.catalogue }
    static let nbsp = "\u{00A0}"

    func why(_ id: String, _ filter: OfferFilter, _ language: Language = .fr, favourite: Bool = false) -> [WhyListed.Line] {
        let offer = Self.catalogue.offer(id: id)!
        return WhyListed.lines(offer, firm: Self.catalogue.firm(of: offer), filter: filter, isFavourite: favourite, language: language)
    }

    func texts(_ lines: [WhyListed.Line]) -> [String] { lines.map { $0.text.replacingOccurrences(of: Self.nbsp, with: " ") } }

    @Test func oneLinePerActiveFilterInTheOrderOfTheFiltersLine() {
        var f = OfferFilter()
        f.territories = [.department("59")]
        f[Purpose.self] = [.strategique]
        f.query = "strat"
        let lines = why("lanterne-boussole-cercle-dirigeants", f)
        #expect(texts(lines) == [
            "Finalité : stratégique",
            "Territoire : couvre Hauts-de-France (R32), dont Nord (59)",
            "Recherche : « strat » dans la finalité et les thèmes",
        ])
        #expect(lines.allSatisfy { $0.passes })
        #expect(lines[0].text == "Finalité" + Self.nbsp + ": stratégique")
        #expect(texts(why("lanterne-boussole-cercle-dirigeants", f, .en)) == [
            "Purpose: strategic",
            "Territory: covers Hauts-de-France (R32), including Nord (59)",
            "Search: “strat” in the purpose and the themes",
        ])
        #expect(why("lanterne-boussole-cercle-dirigeants", OfferFilter()).isEmpty)
    }

    @Test func territoryLinesSayWhichPlaceCovers() {
        var f = OfferFilter()
        f.territories = [.department("59")]
        #expect(texts(why("lanterne-boussole-relation-partenariale", f)) == ["Territoire : couvre Nord (59)"])
        #expect(texts(why("heliotrope-partenaires-mentorat-direction", f)) == ["Territoire : couvre la France entière, dont Nord (59)"])
        f.territories = [.region("32")]
        #expect(texts(why("balise-septentrion-conduite-changement", f)) == ["Territoire : couvre Aisne (02) et Pas-de-Calais (62), en Hauts-de-France (R32)"])
        #expect(texts(why("lanterne-boussole-cercle-dirigeants", f)) == ["Territoire : couvre Hauts-de-France (R32)"])
        f.territories = [.department("971")]
        #expect(texts(why("alizes-et-mangroves-rencontres", f)) == ["Territoire : couvre Guadeloupe (R01)"])
        f.territories = [.national]
        #expect(texts(why("semaphore-des-possibles-essaimage", f)) == ["Territoire : couvre la France entière"])
        // Not covered, whatever the mode: said so, and the line does not pass.
        f.territories = [.department("2A")]
        let antilles = why("vetiver-et-compagnie-relais-antilles", f)
        #expect(texts(antilles) == ["Territoire : couvre Martinique (972) et Guadeloupe (971), pas Corse-du-Sud (2A)"])
        #expect(antilles.first?.passes == false)
    }

    @Test func codedFacetsSayTheValueInLowerCaseOrThatTheOfferIsOpenToAll() {
        var f = OfferFilter()
        f[Stage.self] = [.creation]
        f[DeliveryMode.self] = [.aDistance]
        f[OfferFormat.self] = [.mecenatCompetences]
        #expect(texts(why("heliotrope-partenaires-mentorat-direction", f)) == [
            "Format : mécénat de compétences", "Stade : ouverte à tous les stades", "Modalité : à distance",
        ])
        f[DeliveryMode.self] = [.presentiel]
        let refused = why("heliotrope-partenaires-mentorat-direction", f)
        #expect(texts(refused).last == "Modalité : à distance (le filtre demande présentiel)")
        #expect(refused.last?.passes == false)
        var favourites = OfferFilter()
        favourites.onlyIDs = []
        #expect(texts(why("heliotrope-partenaires-mentorat-direction", favourites, favourite: true)) == ["Favoris : dans vos favoris"])
    }

    /// The lines agree with the index: every listed offer passes every line; every other offer
    /// fails at least one.
    @Test func theLinesAgreeWithTheQueryOnManyFilters() {
        var generator = SystemRandomNumberGenerator()
        let c = Self.catalogue
        let words = ["strat", "compet", "reseau", "nord", "gouv", "mecenat", "distance", "zzz"]
        for _ in 0..<150 {
            var f = OfferFilter()
            if Bool.random(using: &generator) { f.query = words.randomElement(using: &generator)! }
            if Bool.random(using: &generator) { f.territories = [Territories.allPlaces.randomElement(using: &generator)!] }
            if Bool.random(using: &generator) { f[Purpose.self] = [Purpose.allCases.randomElement(using: &generator)!] }
            if Bool.random(using: &generator) { f[Stage.self] = [Stage.allCases.randomElement(using: &generator)!] }
            if Bool.random(using: &generator) { f[DeliveryMode.self] = [DeliveryMode.allCases.randomElement(using: &generator)!] }
            let listed = Set(Self.index.run(f, counts: false).offers)
            for i in 0..<c.offers.count {
                let offer = c.offers[i]
                let lines = WhyListed.lines(offer, firm: c.firm(of: offer), filter: f, isFavourite: false, language: .fr)
                #expect(lines.allSatisfy { $0.passes } == listed.contains(i), "\(offer.id) under \(f)")
            }
        }
    }

    // MARK: An empty list

    @Test func eachFilterRemovalIsCountedBestFirst() {
        var f = OfferFilter()
        // A Corse association wanting remote help with communication, part-paid.
        f.territories = [.department("2A")]
        f[DeliveryMode.self] = [.aDistance]
        f[SupportKind.self] = [.relaisCommunication]
        f[OfferFormat.self] = [.miChemin]
        #expect(Self.index.run(f).offers.isEmpty)
        let help = Self.index.help(for: f, language: .fr)
        #expect(help.hadFilters)
        let counts = help.suggestions.map(\.count)
        #expect(counts == counts.sorted(by: >))
        for s in help.suggestions {
            #expect(s.count == Self.index.run(s.apply(to: f), counts: false).offers.count)
            #expect(s.count > 0)
        }
        let first = help.lines(.fr)
        #expect(first.first == "Pour en trouver" + Self.nbsp + ":")
        #expect(first.dropFirst().first == "  sans " + Typography.quoted("Type d'accompagnement" + Typography.colon(.fr) + "Relais de communication", .fr)
                + Typography.colon(.fr) + "2" + Self.nbsp + "offres")
        // The mode's removal lists nothing here: it is not offered.
        #expect(!help.suggestions.contains { $0.change == .remove(.mode) })
    }

    @Test func aWordFoundNowhereGetsTheNearestWordOfTheCatalogue() throws {
        var f = OfferFilter()
        f.query = "commnication"
        f[DeliveryMode.self] = [.aDistance]
        let help = Self.index.help(for: f, language: .en)
        let first = try #require(help.suggestions.first)
        #expect(first.change == .replaceWord("commnication", with: "communication"))
        #expect(first.count == Self.index.run(first.apply(to: f), counts: false).offers.count)
        #expect(first.apply(to: f).query == "communication")
        #expect(first.text(.en) == "replace “commnication” (in no offer) with “communication”: \(first.count) offers")
        // Accents come back from the catalogue's own text.
        f.query = "stratgie"
        #expect(Self.index.help(for: f, language: .fr).suggestions.first?.change == .replaceWord("stratgie", with: "stratégie"))
        // Nothing near: no replacement, only the removals.
        f.query = "qwxz"
        #expect(Self.index.help(for: f, language: .fr).suggestions.allSatisfy { if case .replaceWord = $0.change { false } else { true } })
        #expect(Self.index.nearestWord(to: "ab") == nil)
    }

    @Test func nothingHelpsOrNothingToHelp() {
        var f = OfferFilter()
        f.query = "qwxzqwxz"
        let help = Self.index.help(for: f, language: .fr)
        #expect(help.suggestions.map(\.change) == [.removeSearch])
        #expect(help.suggestions.first?.count == Self.catalogue.offers.count)
        #expect(Self.index.help(for: OfferFilter(), language: .fr).lines(.fr).isEmpty)
        // Favourites only, with none: leaving that view is the way out.
        var favourites = OfferFilter()
        favourites.onlyIDs = []
        let out = Self.index.help(for: favourites, language: .en)
        #expect(out.suggestions.first?.change == .removeFavouritesOnly)
        #expect(out.suggestions.first?.text(.en) == "without “Favourites only”: \(Self.catalogue.offers.count) offers")
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// What is new and the saved searches in memory, for the `FakePerformer`.
struct FakeNews {
    var news = News(catalogueName: "test", since: Day(year: 2026, month: 11, day: 3)!)
    var searches: [SavedSearch] = []

    mutating func perform(_ effect: Effect) -> Event? {
        switch effect {
        case .markNewsSeen(let ids):
            for id in ids { news.marks[id] = nil }
            return .newsLoaded(news, searches: searches)
        case .saveSearch(let s):
            let replaced = searches.contains { $0.name == s.name }
            searches.removeAll { $0.name == s.name }
            searches.append(s)
            return .savedSearchesChanged(searches, .searchSaved(name: s.name, replaced: replaced))
        case .removeSavedSearch(let name):
            searches.removeAll { $0.name == name }
            return .savedSearchesChanged(searches, .searchRemoved(name: name))
        default:
            return nil
        }
    }
}

enum NewsFixture {
    static let since = Day(year: 2026, month: 11, day: 3)!
    /// Two offers of the small catalogue are new or changed.
    static let news = News(catalogueName: Fixture.small.name, since: since,
                           marks: ["eclat-reseau": News.Mark(kind: .new),
                                   "tokyo-strategie": News.Mark(kind: .changed, fields: ["title", "territories"])])
    static var nordStrategic: SavedSearch {
        var f = OfferFilter()
        f[Purpose.self] = [.strategique]
        return SavedSearch(name: "Stratégique", filter: f)
    }
    static var paris: SavedSearch {
        var f = OfferFilter()
        f.territories = [.department("75")]
        return SavedSearch(name: "Paris", filter: f)
    }

    static func driver(width: Int = 80, height: Int = 24, language: Language = .fr, searches: [SavedSearch] = [nordStrategic, paris]) -> Driver {
        var d = Driver(language: language, width: width, height: height)
        d.send(.newsLoaded(news, searches: searches))
        return d
    }
}

@Suite("What is new and saved searches in the interface")
struct NewsTUITests {
    @Test func marksShowInTheListAndTheHeaderSaysHowManySinceWhen() {
        var d = NewsFixture.driver(width: 120, height: 30)
        #expect(d.lines[0].contains("2 nouveautés depuis le 3 novembre"))
        let reseau = d.rows(containing: "Mise en réseau régionale")
        #expect(reseau.count == 1 && reseau.allSatisfy { d.lines[$0].contains("nouveau Mise en réseau") }, "\(d.text)")
        #expect(d.rows(containing: "modifié Stratégie à trois ans").count == 1)
        #expect(d.rows(containing: "Gouvernance partagée").allSatisfy { !d.lines[$0].contains("nouveau") && !d.lines[$0].contains("modifié") })
        // Narrow: the count only, and the header still ends with the offers' count.
        d.send(.resize(width: 80, height: 24))
        #expect(d.lines[0].contains("2 nouveautés") && !d.lines[0].contains("depuis"))
    }

    @Test func theAlertsShowAtStartAndROpensTheSearchWithItsNewOffers() {
        var d = NewsFixture.driver()
        let footer = joined(d, 20..<24)
        #expect(footer.contains("Stratégique : 1 nouvelle offre"), "\(footer)")
        #expect(footer.contains("Paris : 1 nouvelle offre"))
        #expect(footer.contains("R : voir"))
        d.press(.char("R"))
        let box = joined(d, 0..<24)
        #expect(box.contains("Recherches enregistrées") && box.contains("2  Paris") && box.contains("1 nouvelle"))
        d.press(.char("1"))  // Stratégique (the searches in the order the store gives)
        #expect(d.state.filter[Purpose.self] == [.strategique])
        #expect(d.state.news.only)
        #expect(d.state.result.offers.map { Fixture.small.offers.id($0) } == ["tokyo-strategie"])
        #expect(joined(d, 1..<3).contains("Nouveautés seulement"))
        // N turns the news filter off: every strategic offer.
        d.press(.char("N"))
        #expect(d.state.result.offers.count == 4)
    }

    @Test func openingASheetClearsItsMarkAndTheSheetSaysWhatChanged() {
        var d = NewsFixture.driver()
        d.press(.char("N"))
        #expect(d.state.rowCount == 2)
        // The first row is « Mise en réseau régionale » (Éclat), then Tokyo's.
        d.press(.down)
        let effects = d.press(.enter)
        #expect(effects == [.markNewsSeen(ids: ["tokyo-strategie"])])
        let sheet = joined(d, 0..<24)
        #expect(sheet.contains("Modifiée depuis votre dernière visite : titre, territoires"), "\(sheet)")
        #expect(d.state.news.news?.marks.keys.sorted() == ["eclat-reseau"])
        d.press(.escape)
        #expect(d.lines[0].contains("1 nouveauté"))
        // A second opening asks nothing more.
        #expect(d.press(.enter) == [] || d.state.news.news?.marks.isEmpty == true)
    }

    /// However a sheet is opened — here from a firm's page (`b`) — its mark clears.
    @Test func aSheetOpenedFromAFirmsPageClearsItsMarkToo() {
        var d = NewsFixture.driver()
        d.press(.char("b"), .char("/"))
        d.type("eclat")
        d.press(.enter, .enter)
        #expect(d.state.screen == .firm)
        var cleared: [Effect] = []
        for n in 0..<2 {
            if n > 0 { d.press(.down) }
            cleared += d.press(.enter)
            #expect(d.state.screen == .sheet)
            d.press(.escape)
        }
        #expect(cleared == [.markNewsSeen(ids: ["eclat-reseau"])], "\(cleared)")
        #expect(d.state.news.news?.marks.keys.sorted() == ["tokyo-strategie"])
    }

    @Test func MClearsEveryMarkAtOnce() {
        var d = NewsFixture.driver()
        let effects = d.press(.char("M"))
        guard case .markNewsSeen(let ids)? = effects.first else { Issue.record("no effect: \(effects)"); return }
        #expect(ids.sorted() == ["eclat-reseau", "tokyo-strategie"])
        #expect(d.state.news.news?.isEmpty == true)
        #expect(!d.lines[0].contains("nouveaut"))
        #expect(joined(d, 20..<24).contains("2 nouveautés marquées comme vues"))
        #expect(d.rows(containing: "nouveau ").isEmpty && d.rows(containing: "modifié ").isEmpty)
        d.press(.char("M"))
        #expect(joined(d, 20..<24).contains("Rien de nouveau depuis votre dernière visite"))
    }

    @Test func SSavesTheFiltersUnderANameTypedInAPrompt() {
        var d = NewsFixture.driver()
        d.press(.char("p"), .char("3"))  // strategic
        d.press(.char("S"))
        let box = joined(d, 0..<24)
        #expect(box.contains("Enregistrer la recherche") && box.contains("Nom : Stratégique"), "\(d.text)")
        d.press(.ctrl("u"))
        d.type("Mon choix")
        let effects = d.press(.enter)
        #expect(effects.count == 1)
        guard case .saveSearch(let s)? = effects.first else { Issue.record("no save"); return }
        #expect(s.name == "Mon choix" && s.filter[Purpose.self] == [.strategique])
        // An empty name is refused in the prompt.
        d.press(.char("S"), .ctrl("u"))
        #expect(d.press(.enter) == [])
        #expect(joined(d, 0..<24).contains("Donnez un nom à la recherche."))
        d.press(.escape)
        #expect(d.state.prompt == nil)
    }

    @Test func RRemovesASavedSearch() {
        var d = NewsFixture.driver()
        d.press(.char("R"))
        let effects = d.press(.char("x"))
        #expect(effects == [.removeSavedSearch(name: "Stratégique")])
        #expect(d.state.news.searches.map(\.name) == ["Paris"])
    }

    @Test func withoutTheDatabaseTheListWorksWithoutMarksAndSaysSoOnce() {
        var d = Driver()
        d.send(.newsUnavailable(.damaged(path: "/x/catalyse.sqlite", reason: .database(code: 26, message: "file is not a database"))))
        #expect(joined(d, 18..<24).contains("Nouveautés non suivies :"))
        d.press(.down)
        #expect(!joined(d, 18..<24).contains("Nouveautés non suivies"))
        #expect(d.state.rowCount == Fixture.small.offers.count)
        #expect(d.rows(containing: "nouveau ").isEmpty)
    }

    @Test func theSavedSearchesAreEnglishToo() {
        var d = NewsFixture.driver(language: .en)
        #expect(joined(d, 20..<24).contains("Paris: 1 new offer"))
        #expect(d.lines[0].contains("2 new"))
        d.press(.char("R"))
        #expect(joined(d, 0..<24).contains("Saved searches"))
    }

    @Test func theLoopRecordsMarksAndSavedSearchesThroughThePerformer() {
        var performer = FakePerformer()
        performer.news.news = NewsFixture.news
        var state = NewsFixture.driver().state
        _ = state.update(.key(.char("M")))
        for effect in [Effect.markNewsSeen(ids: ["eclat-reseau", "tokyo-strategie"])] {
            if let outcome = performer.perform(effect) { _ = state.update(outcome) }
        }
        #expect(performer.news.news.isEmpty)
        #expect(state.news.news?.isEmpty == true)
    }
}

import Foundation
import Testing
@testable import CatalyseCore

/// Fingerprints of offers (what counts as a change), what is new since the last opening, and
/// the saved searches with their alerts.
@Suite("News and saved searches")
struct NewsTests {
    static func catalogue(_ offers: [String]) throws -> Catalogue {
        try Fixtures.load(Fixtures.catalogue(firms: [Fixtures.firm(offers: offers)])).catalogue
    }

    static func fingerprint(_ offers: [String], _ i: Int = 0) throws -> OfferFingerprint {
        let c = try catalogue(offers)
        return c.offers.fingerprint(i)
    }

    @Test func aChangedFieldIsAChangeAndNamesTheField() throws {
        let a = try Self.fingerprint([Fixtures.offer()])
        let b = try Self.fingerprint([Fixtures.offer(title: "Diagnostic stratégique partagé, revu")])
        #expect(a.digest != b.digest)
        #expect(OfferFingerprint.changedFields(old: a.fields, new: b.fields) == ["title"])
        let c = try Self.fingerprint([Fixtures.offer(territories: "[R32, 59]", mode: "a-distance")])
        #expect(OfferFingerprint.changedFields(old: a.fields, new: c.fields) == ["territories", "mode"])
        let d = try Self.fingerprint([Fixtures.offer(format: "mi-chemin", extra: "        cost: Forfait de 800 € HT.")])
        #expect(OfferFingerprint.changedFields(old: a.fields, new: d.fields) == ["format", "cost"])
    }

    @Test func reorderedKeysAndReflowedWhitespaceAreNotAChange() throws {
        let plain = try Self.fingerprint([Fixtures.offer(description: "Trois ateliers avec le conseil d'administration.")])
        // The same text folded over lines, with trailing spaces and the keys in another order.
        let reflowed = """
              - title:    Diagnostic stratégique partagé
                id: offre-test
                description: |
                  Trois ateliers   
                  avec le conseil
                  d'administration.
                purpose: strategique
                format: mecenat-competences
                summary: "Un regard extérieur sur le projet associatif."
                themes: [ accompagnement-strategique ]
                kinds:
                  - conseil-strategie
                territories: [R32]
                apply: Écrire au cabinet.
                mode: presentiel
                duration: trois mois
                audience: [individuel]
        """
        let other = try Self.fingerprint([reflowed])
        #expect(other == plain)
    }

    @Test func aCompiledCatalogueHasTheFingerprintsOfItsSource() throws {
        let yaml = Fixtures.shipped
        let compiled = try CompiledFixtures.open(CompiledFixtures.bytes)
        #expect(yaml.offers.count == compiled.offers.count && yaml.offers.count > 0)
        for i in yaml.offers.indices {
            #expect(yaml.offers.fingerprint(i) == compiled.offers.fingerprint(i), "offer \(i)")
        }
        #expect(yaml.offers.indicesByID() == compiled.offers.indicesByID())
    }

    @Test func theFirstOpeningMarksNothingThenChangesAreNewsUntilSeen() throws {
        let (store, dir) = try DossierStoreTests.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let day1 = Day(year: 2026, month: 11, day: 3)!, day2 = Day(year: 2026, month: 11, day: 26)!
        let v1 = try Self.catalogue([Fixtures.offer(id: "a-un"), Fixtures.offer(id: "b-deux"), Fixtures.offer(id: "c-trois")])
        let first = try store.news(for: v1, today: day1)
        #expect(first.firstOpen && first.isEmpty && first.since == day1)
        #expect(try store.news(for: v1, today: day2).isEmpty)
        // b changed, d added, c removed.
        let v2 = try Self.catalogue([Fixtures.offer(id: "a-un"), Fixtures.offer(id: "b-deux", summary: "Autre résumé."),
                                     Fixtures.offer(id: "d-quatre")])
        let news = try store.news(for: v2, today: day2)
        #expect(!news.firstOpen)
        #expect(news.marks == ["b-deux": News.Mark(kind: .changed, fields: ["summary"]), "d-quatre": News.Mark(kind: .new)])
        #expect(news.since == day1)
        #expect(news.summary(.fr, today: day2) == "2 nouveautés depuis le 3 novembre")
        #expect(news.summary(.en, today: day2) == "2 new or changed since 3 November")
        #expect(news.code("b-deux") == "changed" && news.code("a-un") == nil)
        // Opening one sheet clears its mark, and the next opening still has the other.
        let after = try store.markSeen(["d-quatre"], in: v2, news: news, today: day2)
        #expect(after.marks.keys.sorted() == ["b-deux"])
        #expect(try store.news(for: v2, today: day2).marks.keys.sorted() == ["b-deux"])
        // All at once: nothing left, and since is today.
        let none = try store.markAllSeen(in: v2, news: after, today: day2)
        #expect(none.isEmpty && none.since == day2)
        #expect(try store.news(for: v2, today: day2).isEmpty)
        // Another catalogue name is another record.
        let other = try Fixtures.load(Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer()])])
            .replacingOccurrences(of: "Catalogue de test", with: "Autre catalogue")).catalogue
        #expect(try store.news(for: other, today: day2).firstOpen)
    }

    @Test func savedSearchesAreKeptReplacedRemovedAndAlert() throws {
        let (store, dir) = try DossierStoreTests.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var f = OfferFilter()
        f[Purpose.self] = [.strategique]
        f.territories = [.department("59")]
        f.query = "diag"
        #expect(try store.save(SavedSearch(name: "Nord · stratégique", filter: f)) == false)
        #expect(try store.save(SavedSearch(name: "nord · STRATEGIQUE", filter: f)) == true)
        var g = OfferFilter()
        g[Purpose.self] = [.operationnelle]
        try store.save(SavedSearch(name: "Opérationnel", filter: g))
        let all = try store.savedSearches()
        #expect(all.map(\.name) == ["nord · STRATEGIQUE", "Opérationnel"])
        #expect(all.first?.filter == f)
        guard case .success(let found) = try store.savedSearch(named: "opé") else { Issue.record("not found"); return }
        #expect(found.name == "Opérationnel")
        guard case .failure(.unknown(_, let near)) = try store.savedSearch(named: "Operationel") else { Issue.record("found"); return }
        #expect(near == ["Opérationnel"])
        #expect(try store.removeSearch(named: "OPÉRATIONNEL"))
        #expect(try !store.removeSearch(named: "Opérationnel"))

        // Alerts: the new offers each search lists.
        let day = Fixtures.today
        let v1 = try Self.catalogue([Fixtures.offer(id: "a-un", territories: "[59]")])
        _ = try store.news(for: v1, today: day)
        let v2 = try Self.catalogue([Fixtures.offer(id: "a-un", territories: "[59]"),
                                     Fixtures.offer(id: "b-deux", title: "Diagnostic partagé", territories: "[59]"),
                                     Fixtures.offer(id: "c-trois", territories: "[75]")])
        let news = try store.news(for: v2, today: day)
        #expect(news.count == 2)
        let alerts = SearchAlert.alerts(try store.savedSearches(), index: SearchIndex(catalogue: v2), news: news)
        #expect(alerts.map(\.ids) == [["b-deux"]])
        #expect(alerts.first?.text(.fr) == "nord · STRATEGIQUE" + Typography.colon(.fr) + "1 nouvelle offre")
    }
}

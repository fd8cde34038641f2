import Foundation
import Testing

/// `catalyse firms ID` (one firm's page with its offers) and `catalyse list --firm ID`.
@Suite("Firm commands")
struct FirmCommandTests {
    @Test func aFirmsPageWithItsOffersInBothLanguages() throws {
        let box = Sandbox()
        let fr = box.run("firms", "lanterne-boussole")
        #expect(fr.status == 0)
        let lines = fr.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Lanterne & Boussole Conseil")
        #expect(lines[1].hasPrefix("────"))
        #expect(fr.stdout.contains("(Catalogue illustratif : cabinet fictif.)"))
        #expect(fr.stdout.contains("Siège                     Nord (59)"))
        #expect(fr.stdout.contains("Dans le programme depuis  "))
        #expect(fr.stdout.contains("Offres (4)"))
        #expect(fr.stdout.contains("\n  Diagnostic stratégique partagé\n    Stratégique · Mécénat de compétences\n    lanterne-boussole-diagnostic-strategique\n"))
        // Every line fits 80 columns when not on a terminal.
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(fr.stdout)")
        let en = box.run("firms", "lanterne-boussole", "--lang", "en")
        #expect(en.stdout.contains("Head office") && en.stdout.contains("Offers (4)") && en.stdout.contains("    Strategic · Skills-based sponsorship\n"))
        #expect(en.stdout.contains("(Illustrative catalogue: fictional firm.)"))
    }

    @Test func aFirmsPageAsJSON() throws {
        let box = Sandbox()
        let r = box.run("firms", "lanterne-boussole", "--json")
        #expect(r.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let firm = try #require(object["firm"] as? [String: Any])
        #expect(firm["id"] as? String == "lanterne-boussole")
        #expect((firm["offers"] as? [String])?.count == 4)
        let offers = try #require(object["offers"] as? [[String: Any]])
        #expect(offers.count == 4)
        #expect(offers.allSatisfy { ($0["firm"] as? [String: Any])?["id"] as? String == "lanterne-boussole" })
        #expect(Set(offers.compactMap { $0["id"] as? String }) == Set(firm["offers"] as! [String]))
    }

    @Test func anUnknownFirmExits1WithTheNearestIDs() {
        let box = Sandbox()
        let r = box.run("firms", "lanterne-bousole")
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(nb("aucun cabinet n'a l'identifiant « lanterne-bousole »")))
        #expect(r.stderr.contains("lanterne-boussole"))
        let en = box.run("list", "--firm", "nobody-at-all", "--lang", "en")
        #expect(en.status == 1)
        #expect(en.stderr.hasPrefix("catalyse: no firm has the id 'nobody-at-all'"))
    }

    @Test func listFirmGivesTheFirmsOffersAndCombinesWithTheOtherFilters() throws {
        let box = Sandbox()
        let all = box.run("list", "--firm", "lanterne-boussole")
        #expect(all.status == 0)
        let ids = all.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        #expect(ids.count == 4)
        #expect(ids.allSatisfy { $0.hasPrefix("lanterne-boussole-") })
        let page = box.run("firms", "lanterne-boussole")
        for id in ids { #expect(page.stdout.contains(id)) }
        // With a filter: the firm's strategic offers only; repeated: OR.
        let strategic = box.run("list", "--firm", "lanterne-boussole", "--purpose", "strategique")
        let strategicIDs = strategic.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        #expect(!strategicIDs.isEmpty && strategicIDs.count < 4)
        #expect(strategic.stdout.split(separator: "\n").allSatisfy { $0.contains("\tstrategique\t") })
        let two = box.run("list", "--firm", "lanterne-boussole", "--firm", "ancre-et-envol")
        #expect(two.stdout.split(separator: "\n").count == 7)
        // With --favourites: the firm's favourites.
        #expect(box.run("favourites", "add", "lanterne-boussole-diagnostic-strategique", "ancre-et-envol-accompagnement-croissance").status == 0)
        let favourites = box.run("list", "--firm", "lanterne-boussole", "--favourites")
        #expect(favourites.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == ["lanterne-boussole-diagnostic-strategique"])
        // JSON and counts follow the restriction.
        let json = box.run("list", "--firm", "lanterne-boussole", "--json", "--counts")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["offers"] as? [Any])?.count == 4)
        let purposes = try #require((object["facets"] as? [String: Any])?["purpose"] as? [String: Int])
        #expect(purposes.values.reduce(0, +) == 4)
    }
}

import Foundation
import Testing
@testable import CatalyseCore

@Suite("The JSON catalogue format")
struct JSONFormatTests {
    static let json = """
        {"catalogue": {"name": "Catalogue de test", "updated": "2026-11-20", "illustrative": true},
         "firms": [
          {"id": "cabinet-test", "name": "Cabinet Test", "presentation": "Cabinet fictif.", "headquarters": "59",
           "website": "https://www.test.example.org", "contact": {"name": "Claire Test", "email": "contact@test.example.org"},
           "joined": 2012, "provenance": {"source": "Fiche fictive", "verified": "2026-11-20"},
           "offers": [
            {"id": "offre-test", "title": "Diagnostic stratégique partagé", "summary": "Un regard extérieur sur le projet associatif.",
             "description": "Trois ateliers avec le conseil d'administration.", "format": "mecenat-competences",
             "purpose": "strategique", "kinds": ["conseil-strategie"], "themes": ["accompagnement-strategique"],
             "territories": ["R32", "2A"], "mode": "presentiel", "audience": ["individuel"], "duration": "trois mois",
             "capacity": 4, "eligibility": {"stages": ["consolidation"]}, "apply": "\\u00c9crire au cabinet."}
           ]}
         ]}
        """

    static func load(_ text: String) throws -> CatalogueLoader.Loaded {
        try CatalogueLoader.load(bytes: Array(text.utf8), file: "test.json", format: .json, today: Fixtures.today)
    }

    static func errors(_ text: String) -> [Diagnostic] {
        do { _ = try load(text); return [] } catch let e as CatalogueError { return e.errors } catch { return [] }
    }

    @Test func sameCatalogueAsTheYAMLForm() throws {
        let fromJSON = try Self.load(Self.json).catalogue
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(
            territories: "[R32, 2A]", extra: "        capacity: 4\n        eligibility: {stages: [consolidation]}")])])
        let fromYAML = try Fixtures.load(yaml).catalogue
        #expect(Array(fromJSON.offers) == fromYAML.offers.map { var o = $0; o.apply = "Écrire au cabinet."; return o })
        #expect(fromJSON.firms == fromYAML.firms)
        #expect(fromJSON.name == fromYAML.name && fromJSON.updated == fromYAML.updated)
    }

    @Test func formatFollowsTheExtension() {
        #expect(CatalogueLoader.Format(path: "a/b.JSON") == .json)
        #expect(CatalogueLoader.Format(path: "a/b.yaml") == .yaml)
        #expect(CatalogueLoader.Format(path: "b.yml") == .yaml)
        #expect(CatalogueLoader.Format.json.sizeLimit == 1 << 30)
    }

    @Test func errorsNameTheRecordAndThePosition() {
        let errors = Self.errors(Self.json.replacingOccurrences(of: "\"mecenat-competences\"", with: "\"gratuit\""))
        #expect(errors.count == 1)
        #expect(errors[0].field == "firms[0].offers[0].format")
        #expect(errors[0].position.line == 8)
        #expect(errors[0].message.contains("unknown format 'gratuit'"))
    }

    @Test func syntaxErrorsHaveAPosition() {
        let errors = Self.errors("{\"catalogue\": {\"name\": \"x\",\n \"updated\" \"2026\"}}")
        #expect(errors.count == 1)
        #expect(errors[0].message.hasPrefix("JSON syntax error: expected ':'"))
        #expect(errors[0].position.line == 2)
    }

    @Test func duplicateKeysBOMNestingAndNumbers() throws {
        #expect(Self.errors(Self.json.replacingOccurrences(of: "\"mode\": \"presentiel\"", with: "\"mode\": \"presentiel\", \"mode\": \"mixte\""))
            .contains { $0.message.contains("duplicate key 'mode'") })
        #expect(try Self.load("\u{FEFF}" + Self.json).catalogue.offers.count == 1)
        let deep = String(repeating: "[", count: 100_000)
        #expect(Self.errors(deep).first?.message.contains("nested more than") == true)
        #expect(Self.errors(Self.json.replacingOccurrences(of: "\"joined\": 2012", with: "\"joined\": 02012")).first?.message.contains("not a JSON value") == true)
        #expect(Self.errors(Self.json.replacingOccurrences(of: "\"headquarters\": \"59\"", with: "\"headquarters\": 59")).isEmpty)
        #expect(Self.errors("").first?.message.contains("empty") == true)
        #expect(Self.errors(Self.json + "x").first?.message.contains("after the end") == true)
    }

    @Test func invalidUTF8AndEscapes() {
        var bytes = Array(Self.json.utf8)
        let i = bytes.firstIndex(of: UInt8(ascii: "D"))!  // in "Diagnostic"
        bytes[i] = 0xC3
        do {
            _ = try CatalogueLoader.load(bytes: bytes, file: "bad.json", format: .json, today: Fixtures.today)
            Issue.record("invalid UTF-8 loaded")
        } catch let e as CatalogueError {
            #expect(e.errors[0].message.contains("invalid UTF-8"))
        } catch { Issue.record("\(error)") }
        #expect(Self.errors(Self.json.replacingOccurrences(of: "\\u00c9", with: "\\ud800")).first?.message.contains("surrogate") == true)
    }
}

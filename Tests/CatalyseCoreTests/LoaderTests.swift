import Foundation
import Testing
@testable import CatalyseCore

@Suite("Loading and validating catalogues")
struct LoaderTests {
    @Test func shippedCatalogueLoadsCleanly() throws {
        let loaded = try CatalogueLoader.load(path: Fixtures.root + "/data/catalogue.yaml", today: Fixtures.today)
        let c = loaded.catalogue
        #expect(loaded.warnings.isEmpty)
        #expect(c.illustrative)
        #expect(c.firms.count == 26)
        #expect((60...90).contains(c.offers.count))
        #expect(c.firms.allSatisfy { (2...4).contains($0.offerIndices.count) })
    }

    @Test func shippedCatalogueCoversWhatTheIssueAsks() {
        let c = Fixtures.shipped
        let offers = c.offers
        #expect(Set(offers.flatMap(\.kinds)) == Set(SupportKind.allCases))
        #expect(Set(offers.flatMap(\.themes)) == Set(Theme.allCases))
        let formats = offers.filter { $0.format == .miChemin }.count
        #expect(abs(formats * 2 - offers.count) <= offers.count / 5)
        let purposes = offers.filter { $0.purpose == .strategique }.count
        #expect(abs(purposes * 2 - offers.count) <= offers.count / 5)
        #expect(offers.filter { $0.territories.contains(.national) }.count >= 3)
        #expect(offers.filter { $0.mode == .aDistance }.count >= 3)
        // Every région at least once (an offer on one of its départements counts).
        var regions = Set<String>()
        for offer in offers {
            for place in offer.territories {
                if case .region(let r) = place { regions.insert(r) }
                if case .department(let d) = place { regions.insert(Territories.departmentByCode[d]!.region) }
            }
        }
        #expect(regions == Set(Territories.regionCodes))
        #expect(Set(offers.flatMap(\.eligibility.stages)).count >= 4)
        #expect(Set(offers.flatMap(\.eligibility.budgets)).count >= 4)
        #expect(c.firms.allSatisfy { $0.contact.email.hasSuffix("example.org") })
    }

    @Test func embeddedCatalogueIsTheDataFile() throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: Fixtures.root + "/data/catalogue.yaml"))
        #expect(EmbeddedCatalogue.bytes == [UInt8](file), "run scripts/embed-catalogue.sh after editing data/catalogue.yaml")
    }

    @Test func minimalCatalogueLoads() throws {
        let c = try Fixtures.load(Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer()])])).catalogue
        #expect(c.offers.count == 1)
        #expect(c.offers[0].territories == [.region("32")])
        #expect(c.firms[0].headquarters == "59")
    }

    @Test func unquotedCodesStayText() throws {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(territories: "[01, 08, 2A, 971, '09']")])])
            .replacingOccurrences(of: "headquarters: 59", with: "headquarters: 08")
        let c = try Fixtures.load(yaml).catalogue
        #expect(c.offers[0].territories == [.department("01"), .department("08"), .department("2A"), .department("971"), .department("09")])
        #expect(c.firms[0].headquarters == "08")
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let yaml = "\u{FEFF}" + Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer()])])
        #expect(try Fixtures.load(yaml).catalogue.offers.count == 1)
    }

    /// Each broken catalogue, the line and field of the error, and words of its message.
    @Test(arguments: [
        ("format: mecenat-competences", "format: benevolat", 23, "format", "unknown format"),
        ("purpose: strategique", "purpose: tactique", 24, "purpose", "unknown purpose"),
        ("kinds: [conseil-strategie]", "kinds: [mise-en-reseau]", 25, "kinds[0]", "belongs to the purpose"),
        ("kinds: [conseil-strategie]", "kinds: [inconnu]", 25, "kinds[0]", "unknown support kind"),
        ("themes: [accompagnement-strategique]", "themes: [sport]", 26, "themes[0]", "unknown theme"),
        ("territories: [R32]", "territories: [R99]", 27, "territories[0]", "unknown territory"),
        ("territories: [R32]", "territories: [320]", 27, "territories[0]", "unknown territory"),
        ("territories: [R32]", "territories: []", 27, "territories", "at least one"),
        ("mode: presentiel", "mode: hybride", 28, "mode", "unknown mode"),
        ("title: Diagnostic stratégique partagé", "title: \"\"", 20, "title", "is empty"),
        ("title: Diagnostic stratégique partagé", "title:", 20, "title", "null"),
        ("updated: 2026-11-20", "updated: 2026-02-30", 3, "catalogue.updated", "YYYY-MM-DD"),
        ("verified: 2026-11-20", "verified: hier", 17, "verified", "YYYY-MM-DD"),
        ("email: contact@test.example.org", "email: pas-une-adresse", 13, "contact.email", "not a valid e-mail"),
        ("website: https://www.test.example.org", "website: www.test", 10, "website", "web address"),
        ("headquarters: 59", "headquarters: 20", 9, "headquarters", "unknown département"),
        ("joined: 2012", "joined: 1990", 14, "joined", "2008"),
        ("joined: 2012", "joined: deux-mille", 14, "joined", "whole number"),
        ("illustrative: true", "illustrative: peut-être", 4, "illustrative", "true or false"),
        ("- id: offre-test", "- id: Offre Test", 19, "id", "not a valid id"),
        ("audience: [individuel]", "audience: [foule]", 29, "audience[0]", "unknown audience"),
        ("mode: presentiel", "mode: [presentiel]", 28, "mode", "expected a single value"),
    ])
    func eachValidationErrorNamesLineAndField(original: String, replacement: String, line: Int, field: String, words: String) {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer()])])
        #expect(yaml.contains(original))
        let broken = yaml.replacingOccurrences(of: original, with: replacement)
        let errors = Fixtures.errors(broken)
        #expect(errors.count >= 1, "no error for \(replacement)")
        let match = errors.first { $0.field.hasSuffix(field) && $0.message.contains(words) }
        #expect(match != nil, "expected \(field): \(words); got \(errors.map(\.description))")
        #expect(match?.position.line == line, "\(errors.map(\.description))")
        #expect(match?.description.hasPrefix("test.yaml:\(line):") == true)
    }

    @Test func missingRequiredFieldIsNamed() {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer()])])
            .replacingOccurrences(of: "        summary: Un regard extérieur sur le projet associatif.\n", with: "")
        let errors = Fixtures.errors(yaml)
        #expect(errors.contains { $0.field == "firms[0].offers[0].summary" && $0.message == "missing required field" && $0.position.line == 19 })
    }

    @Test func miCheminNeedsCost() {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(format: "mi-chemin")])])
        #expect(Fixtures.errors(yaml).contains { $0.field.hasSuffix("cost") })
        let ok = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(format: "mi-chemin", extra: "        cost: Forfait de 800 € HT.")])])
        #expect(Fixtures.errors(ok).isEmpty)
    }

    @Test func duplicateIdsAreReportedAtTheSecond() {
        let yaml = Fixtures.catalogue(firms: [
            Fixtures.firm(offers: [Fixtures.offer(), Fixtures.offer()]),
            Fixtures.firm(offers: [Fixtures.offer(id: "autre")]),
        ])
        let errors = Fixtures.errors(yaml)
        #expect(errors.contains { $0.message.contains("duplicate offer id 'offre-test' (first at line 19)") && $0.position.line == 32 })
        #expect(errors.contains { $0.message.contains("duplicate firm id 'cabinet-test'") && $0.position.line > 30 })
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [
            Fixtures.offer(id: "a", format: "x"), Fixtures.offer(id: "b", purpose: "y"), Fixtures.offer(id: "c", mode: "z"),
        ])])
        let errors = Fixtures.errors(yaml)
        #expect(errors.count == 3 || errors.count == 4)  // the kinds of an unknown purpose are not checked
        #expect(errors.map(\.position.line) == errors.map(\.position.line).sorted())
    }

    @Test func unknownKeyIsAnError() {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(extra: "        teritories: [R11]")])])
        #expect(Fixtures.errors(yaml).contains { $0.message.contains("unknown key 'teritories'") })
    }

    @Test func duplicateKeyIsReportedWithItsPosition() {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(extra: "        mode: mixte")])])
        let errors = Fixtures.errors(yaml)
        #expect(errors.contains { $0.message.contains("duplicate key 'mode' (first at line 28)") && $0.position.line == 32 })
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let errors = Fixtures.errors("catalogue:\n  name: [unclosed\n  updated: 2026-01-01\n")
        #expect(errors.count == 1)
        #expect(errors[0].message.hasPrefix("YAML syntax error"))
        #expect(errors[0].position.line >= 2)
    }

    @Test func tabIndentationIsAnError() {
        let errors = Fixtures.errors("catalogue:\n\tname: x\n")
        #expect(errors.first?.message.contains("YAML syntax error") == true)
        #expect(errors.first?.position.line == 2)
    }

    @Test func invalidUTF8IsAnErrorWithPosition() throws {
        var bytes = Array("catalogue:\n  name: caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\n".utf8)
        #expect(throws: CatalogueError.self) { try CatalogueLoader.load(bytes: bytes, file: "bad.yaml", today: Fixtures.today) }
        do { _ = try CatalogueLoader.load(bytes: bytes, file: "bad.yaml", today: Fixtures.today) } catch let e as CatalogueError {
            #expect(e.errors[0].message.contains("invalid UTF-8"))
            #expect(e.errors[0].position.line == 2)
        }
    }

    @Test func emptyAndCommentOnlyFilesAreErrors() {
        #expect(Fixtures.errors("").first?.message.contains("empty") == true)
        #expect(Fixtures.errors("# juste un commentaire\n").isEmpty == false)
        #expect(Fixtures.errors("- a\n- b\n").first?.message.contains("expected a mapping") == true)
    }

    @Test func anchorsAndAliasesAreRefused() {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(territories: "&t [R32]"), Fixtures.offer(id: "b", territories: "*t")])])
        let errors = Fixtures.errors(yaml)
        #expect(errors.contains { $0.message.contains("anchors (&t)") && $0.position.line == 27 })
        #expect(errors.contains { $0.message.contains("aliases (*t)") })
    }

    @Test(.timeLimit(.minutes(1)))
    func aliasBombIsRefusedWithoutExpanding() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1...40 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        let start = DispatchTime.now()
        let errors = Fixtures.errors(lines.joined(separator: "\n"))
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        #expect(errors.contains { $0.message.contains("aliases") })
        #expect(seconds < 5)  // 10^40 nodes if expanded
    }

    @Test func cleaningsAreWarningsNotErrors() throws {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(title: "\"Titre \\e[2J piégé \\u202E\"")])])
        let loaded = try Fixtures.load(yaml)
        #expect(loaded.catalogue.offers[0].title == "Titre [2J piégé")
        #expect(loaded.warnings.count == 1)
        #expect(loaded.warnings[0].severity == .warning)
        #expect(loaded.warnings[0].description.contains("warning: text cleaned"))
    }

    @Test func sizeLimitIsEnforced() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.yaml"
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(CatalogueLoader.Format.yaml.sizeLimit + 1))
        try handle.close()
        do {
            _ = try CatalogueLoader.load(path: path, today: Fixtures.today)
            Issue.record("a file over the limit loaded")
        } catch let e as CatalogueError {
            #expect(e.errors[0].message.contains("64 MiB"))
        }
    }

    @Test func missingFileIsAReadError() {
        #expect(throws: CatalogueLoader.ReadError.notFound("/nonexistent/x.yaml")) {
            try CatalogueLoader.load(path: "/nonexistent/x.yaml", today: Fixtures.today)
        }
    }
}

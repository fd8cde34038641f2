import Foundation
import Testing
import Glibc

/// The real binary in a real terminal (tmux), driven by keys, read from the screen.
@Suite("Interface end to end (tmux)", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct InterfaceTests {
    @Test func searchFilterFavouriteQuitRestartExport() throws {
        let box = Sandbox()
        var session: TmuxSession? = try TmuxSession(sandbox: box, env: ["SOURCE_DATE_EPOCH": "1764115200"])
        let t = session!
        t.waitFor(text: "75 / 75 offres")
        #expect(t.screen.contains("Catalogue illustratif"))
        // Search: the list updates at each keystroke.
        t.send("/")
        t.type("strat")
        t.waitFor("a shorter list") { !$0.contains("75 / 75 offres") && $0.contains("/ 75 offres") }
        t.send("Enter")
        t.waitFor(text: nb("« strat »"))
        t.send("Escape")  // clears the search in the main list
        t.waitFor(text: "75 / 75 offres")
        // Purpose, then territory.
        t.send("p")
        t.waitFor(text: "─ Finalité ─")
        t.send("2")
        t.waitFor(text: nb("Finalité : Opérationnelle"))
        t.send("t")
        t.type("59")
        t.waitFor(text: "Nord (59)")
        t.send("Enter")
        t.waitFor(text: nb("Territoire : Nord (59)"))
        // Favourite, quit, restart: the ★ is still there.
        t.send("Space")
        t.waitFor("a star") { $0.contains("★") }
        let favourites = box.directory + "/state/catalyse/favourites"
        let saved = try String(contentsOfFile: favourites, encoding: .utf8)
        #expect(saved.split(separator: "\n").count == 1)
        t.send("q")
        #expect(t.exitStatus() == 0)
        session = nil

        let again = try TmuxSession(sandbox: box, env: ["SOURCE_DATE_EPOCH": "1764115200"])
        again.waitFor(text: "75 / 75 offres")
        again.send("F")
        again.waitFor("the shortlist") { $0.contains("1 / 75 offres") && $0.contains("★") }
        // Export the shortlist with the default name and format.
        again.send("e")
        again.waitFor(text: "catalyse-selection-2025-11-26.txt")
        again.send("Enter")
        again.waitFor(text: "Sélection exportée")
        let exported = try String(contentsOfFile: box.directory + "/catalyse-selection-2025-11-26.txt", encoding: .utf8)
        #expect(exported.contains("Exportée le 26 novembre 2025"))
        #expect(exported.contains(saved.trimmingCharacters(in: .whitespacesAndNewlines)))
        again.send("C-c")
        #expect(again.exitStatus() == 0)
    }

    @Test func resizeWideNarrowAndTooSmall() throws {
        let t = try TmuxSession()
        t.waitFor(text: "75 / 75 offres")
        t.resize(width: 140, height: 40)
        // Where the list keeps a 30-cell title column (140 columns) the sheet shows beside it.
        t.waitFor(text: "│ Fiche de l'offre")
        t.resize(width: 40, height: 10)
        t.waitFor(text: "terminal trop petit")
        t.resize(width: 1, height: 1)
        usleep(200_000)
        t.resize(width: 80, height: 24)
        t.waitFor(text: "75 / 75 offres")
        #expect(!t.screen.contains("│ Fiche de l'offre"))
        t.send("q")
        #expect(t.exitStatus() == 0)
    }

    @Test func englishAndLanguageSwitchIsRemembered() throws {
        let box = Sandbox()
        var session: TmuxSession? = try TmuxSession(sandbox: box, env: ["LANG": "en_GB.UTF-8"])
        session!.waitFor(text: "75 / 75 offers")
        session!.waitFor(text: "Illustrative catalogue")
        session!.send("L")
        session!.waitFor(text: "75 / 75 offres")
        session!.send("q")
        #expect(session!.exitStatus() == 0)
        session = nil
        let again = try TmuxSession(sandbox: box, env: ["LANG": "en_GB.UTF-8"])
        again.waitFor(text: "75 / 75 offres")
        again.send("q")
        _ = again.exitStatus()
        // --lang wins over the remembered choice.
        let forced = try TmuxSession(["--lang", "en"], sandbox: box)
        forced.waitFor(text: "75 / 75 offers")
        forced.send("q")
        _ = forced.exitStatus()
    }

    @Test(arguments: [(SIGTERM, 143), (SIGHUP, 129), (SIGINT, 0)])
    func signalsRestoreTheTerminalAndSetTheStatus(signal: Int32, status: Int) throws {
        let t = try TmuxSession()
        t.waitFor(text: "75 / 75 offres")
        let pid = try #require(t.programPID)
        kill(pid, signal)
        #expect(t.exitStatus() == status)
        // The terminal left the alternate screen: the shell's line is visible.
        t.waitFor(text: "EXIT=\(status)")
    }

    @Test func unknownTermFallsBackToTheList() throws {
        let t = try TmuxSession([], prefix: ["env", "TERM=no-such-terminal"])
        t.waitFor(text: "EXIT=0")
        #expect(t.history.contains("pas de terminal interactif"))
        #expect(t.history.contains("75 offres sur 75"))
    }
}

/// A catalogue whose every text field carries escape sequences, C1 controls and bidi overrides
/// (`Fixtures/hostile-text.yaml`): nothing of it drives the terminal.
@Suite("Terminal injection through the interface (tmux)", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct InterfaceInjectionTests {
    static let catalogue = Spawn.packageRoot + "/Tests/CatalyseCLITests/Fixtures/hostile-text.yaml"

    /// Every escape sequence in `capture-pane -e` is one tmux itself writes for colours and
    /// attributes (SGR, `ESC [ … m`): no cursor move, clear, OSC title, link or clipboard write.
    static func onlySGR(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars)[...]
        while let i = scalars.firstIndex(of: "\u{1B}") {
            scalars = scalars[(i + 1)...]
            guard scalars.first == "[" else { return false }
            guard let end = scalars.firstIndex(where: { $0.value >= 0x40 && $0.value <= 0x7E && $0 != "[" }) else { return false }
            if scalars[end] != "m" { return false }
            scalars = scalars[(end + 1)...]
        }
        return !text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\u{1B}") || (0x80...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }

    @Test func hostileTextNeverReachesTheTerminal() throws {
        let t = try TmuxSession(["--catalogue", Self.catalogue], width: 120, height: 40)
        t.waitFor("the list") { $0.contains("offres") }
        let title = t.run(["-S", t.socket, "display-message", "-p", "-t", "0", "#{pane_title}"]).stdout
        for keys in [[], ["Enter"], ["Escape", "b"], ["Enter"], ["Escape", "Escape", "?"], ["Escape", "f"], ["Escape", "/"]] {
            for k in keys { t.send(k) }
            usleep(300_000)
            let screen = t.run(["-S", t.socket, "capture-pane", "-e", "-p", "-t", "0"]).stdout
            #expect(Self.onlySGR(screen), "control sequence on screen after \(keys):\n\(screen.debugDescription)")
        }
        let after = t.run(["-S", t.socket, "display-message", "-p", "-t", "0", "#{pane_title}"]).stdout
        #expect(after == title)
        #expect(!after.contains("pwned"))
        t.send("Escape")
        t.send("q")
        #expect(t.exitStatus() == 0)
    }
}

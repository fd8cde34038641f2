import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

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
        t.waitFor(text: "« strat »")
        t.send("Escape")  // clears the search in the main list
        t.waitFor(text: "75 / 75 offres")
        // Purpose, then territory.
        t.send("p")
        t.waitFor(text: "Finalité : Opérationnelle")
        t.send("t")
        t.type("59")
        t.waitFor(text: "Nord (59)")
        t.send("Enter")
        t.waitFor(text: "Territoire : Nord (59)")
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
        t.resize(width: 120, height: 40)
        // At 100 columns or more the selected offer's sheet shows beside the list.
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

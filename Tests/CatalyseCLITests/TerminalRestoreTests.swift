import Foundation
import Testing
import Glibc

/// Issue 23, class 10 through the binary in tmux: a fatal signal gives the terminal back (raw
/// mode off, the alternate screen left, mouse reporting and the keypad mode off, the cursor
/// shown) before the program dies of it; a compiled catalogue truncated or rewritten under the
/// interface is reported in one sentence (status 74) when it is mapped, and does not matter
/// when it was copied into memory (the default up to 256 MiB).
@Suite("Terminal restored after a crash", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct TerminalRestoreTests {
    /// Swift's backtracer would otherwise wait for a key on a terminal after a crash.
    static let env = ["SWIFT_BACKTRACE": "enable=yes,interactive=no"]

    /// The pane's terminal state as tmux sees it.
    static func modes(_ t: TmuxSession) -> String {
        t.run(["-S", t.socket, "display-message", "-p", "-t", "0",
               "alternate=#{alternate_on} mouse=#{mouse_any_flag} keypad=#{keypad_cursor_flag} cursor=#{cursor_flag}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let restored = "alternate=0 mouse=0 keypad=0 cursor=1"

    @Test(arguments: [SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE])
    func aFatalSignalGivesTheTerminalBack(signal: Int32) throws {
        let t = try TmuxSession(env: Self.env)
        t.waitFor(text: "75 / 75 offres")
        #expect(Self.modes(t) == "alternate=1 mouse=1 keypad=1 cursor=1")
        let pid = try #require(t.programPID)
        kill(pid, signal)
        let status = t.exitStatus(timeout: 20)
        #expect(status == 128 + Int(signal), "status \(String(describing: status))")
        #expect(Self.modes(t) == Self.restored)
    }

    @Test func terminalModesAreThoseOfTheShellAfterACrash() throws {
        let box = Sandbox()
        let t = try TmuxSession(sandbox: box, env: Self.env, shell: true)
        let before = box.directory + "/before.txt", after = box.directory + "/after.txt"
        t.type("stty -a > \(before); \(Spawn.catalyse); stty -a > \(after)")
        t.send("Enter")
        t.waitFor(text: "75 / 75 offres")
        let pid = try #require(t.programPID)
        kill(pid, SIGSEGV)
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (try? String(contentsOfFile: after, encoding: .utf8))?.contains("speed") != true { usleep(100_000) }
        #expect(try String(contentsOfFile: after, encoding: .utf8) == String(contentsOfFile: before, encoding: .utf8))
        #expect(Self.modes(t) == Self.restored)
    }

    /// Forced to map (CATALYSE_MAP_ABOVE=0), the file truncated, then rewritten in place.
    @Test(arguments: ["truncated", "rewritten"])
    func aMappedCatalogueThatChangesIsReported(change: String) throws {
        let box = Sandbox()
        let file = box.directory + "/c.catalyse"
        #expect(box.run("compile", "-o", file).status == 0)
        let t = try TmuxSession(["--catalogue", file], sandbox: box, env: Self.env.merging(["CATALYSE_MAP_ABOVE": "0"]) { $1 })
        t.waitFor(text: "75 / 75 offres")
        if change == "truncated" {
            truncate(file, 100)
        } else {
            var info = stat()
            stat(file, &info)
            let fd = open(file, O_WRONLY)
            var garbage = [UInt8](repeating: 0, count: Int(info.st_size))
            for i in garbage.indices { garbage[i] = UInt8(truncatingIfNeeded: i &* 131 &+ 7) }
            _ = garbage.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        for key in ["G", "Enter", "Escape", "g", "Enter"] { t.send(key); usleep(100_000) }
        #expect(t.exitStatus(timeout: 20) == 74)
        #expect(t.history.replacingOccurrences(of: "\n", with: "").contains("catalyse : le fichier \(file) a changé pendant la lecture (tronqué ou réécrit par un autre programme) ; relancez catalyse."))
        #expect(Self.modes(t) == Self.restored)
    }

    @Test func aCopiedCatalogueThatChangesDoesNotMatter() throws {
        let box = Sandbox()
        let file = box.directory + "/c.catalyse"
        #expect(box.run("compile", "-o", file).status == 0)
        let t = try TmuxSession(["--catalogue", file], sandbox: box, env: Self.env)
        t.waitFor(text: "75 / 75 offres")
        truncate(file, 100)
        for key in ["G", "Enter", "Escape", "g", "Enter", "Escape", "/"] { t.send(key); usleep(50_000) }
        t.type("strat")
        t.waitFor("a shorter list") { $0.contains("/ 75 offres") && !$0.contains("75 / 75 offres") }
        t.send("Escape")
        t.send("q")
        #expect(t.exitStatus() == 0)
    }
}

import Foundation
import Testing
import Glibc

/// Faults: processes killed mid-write, concurrent writers, unwritable state, terminals that
/// resize, signals and suspend. CI runs the loops in a shortened form; set
/// `CATALYSE_CRASH_ITERATIONS` / `CATALYSE_RESIZE_EVENTS` for the full runs of docs/reliability.md.
@Suite("Reliability", .serialized)
struct ReliabilityTests {
    static func iterations(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? fallback
    }

    static let offerIDs: [String] = {
        let box = Sandbox()
        return box.run("list").stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }()

    /// Starts `catalyse ARGS` without waiting; returns its pid.
    static func start(_ arguments: [String], box: Sandbox) -> pid_t? {
        Spawn.start(Spawn.catalyse, arguments, environment: Spawn.environment([:], state: box.directory))
    }

    /// (a) Marking favourites while being killed with SIGKILL at random moments: the file is
    /// always readable and holds every change that was reported saved (exit status 0).
    @Test func favouritesSurviveSIGKILLAtRandomMoments() throws {
        try #require(!Self.offerIDs.isEmpty, "catalyse list printed no offer")
        let box = Sandbox()
        let path = box.directory + "/state/catalyse/favourites"
        var saved = Set<String>()
        var killed = 0
        let count = Self.iterations("CATALYSE_CRASH_ITERATIONS", 60)
        var generator = SystemRandomNumberGenerator()
        // Kill at a random moment within 1.5 times the duration of an undisturbed run.
        let started = Date()
        #expect(box.run("favourites", "list").status == 0)
        let window = UInt32(max(20_000, Date().timeIntervalSince(started) * 1.5e6))
        for i in 0..<count {
            let id = Self.offerIDs[i % Self.offerIDs.count]
            let add = !saved.contains(id)
            let pid = try #require(Self.start(["favourites", add ? "add" : "remove", id], box: box))
            usleep(UInt32.random(in: 0...window, using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let exitedNormally = (status & 0x7F) == 0 && (status >> 8) & 0xFF == 0
            if !exitedNormally { killed += 1 }
            // The change of a killed process may or may not have landed; every other change
            // that was reported saved must be in the file, and nothing else.
            let uncertain: String? = exitedNormally ? nil : id
            var expected = saved
            if exitedNormally { if add { expected.insert(id) } else { expected.remove(id) } }
            let ids: Set<String>
            if FileManager.default.fileExists(atPath: path) {
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(text.isEmpty || text.hasSuffix("\n"), "partial file: \(text.debugDescription)")
                ids = Set(text.split(separator: "\n").map(String.init))
            } else {
                ids = []
            }
            for e in expected where e != uncertain { #expect(ids.contains(e), "lost \(e) after iteration \(i)") }
            for f in ids where f != uncertain { #expect(expected.contains(f), "\(f) came back after iteration \(i)") }
            saved = ids
            #expect(box.run("favourites", "list").status == 0)
        }
        print("crash test: \(count) iterations, \(killed) killed by SIGKILL, \(count - killed) completed; \(saved.count) favourites at the end, none lost")
        #expect(killed > 0 || count < 10, "no process was ever killed mid-run")
        #expect(!saved.isEmpty, "no change ever completed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: box.directory + "/state/catalyse").filter { $0.hasPrefix(".catalyse-tmp") }
        // A temporary file may survive a SIGKILL between mkstemp and rename; it never replaces the file.
        #expect(leftovers.count <= killed)
    }

    /// (b) Two processes changing the same file at once, each marking different offers, one of
    /// them also removing an offer: every change survives and the removal is not undone.
    @Test func concurrentWritersLoseNothing() throws {
        let box = Sandbox()
        let ids = Self.offerIDs
        #expect(box.run("favourites", "add", ids[0]).status == 0)
        let half = min(20, ids.count / 2)
        let first = Array(ids[1...half]), second = Array(ids[(half + 1)...(2 * half)])
        let group = DispatchGroup()
        for batch in [first, second] {
            DispatchQueue.global().async(group: group) {
                for id in batch { _ = box.run("favourites", "add", id) }
            }
        }
        DispatchQueue.global().async(group: group) { _ = box.run("favourites", "remove", ids[0]) }
        group.wait()
        let listed = Set(box.run("favourites", "list").stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) })
        #expect(listed == Set(first + second))
    }

    /// (c) An unwritable state folder, a favourites path that is a directory, a file with
    /// garbage lines: a clear message, nothing overwritten, and the interface still runs.
    @Test func badStateGivesClearMessagesAndTheInterfaceStillRuns() throws {
        let box = Sandbox()
        let state = box.directory + "/state/catalyse"
        try FileManager.default.createDirectory(atPath: state + "/favourites", withIntermediateDirectories: true)
        let directory = box.run("favourites", "add", Self.offerIDs[0])
        #expect(directory.status == 66)
        #expect(directory.stderr.contains("favoris"))
        try FileManager.default.removeItem(atPath: state + "/favourites")
        try "\(Self.offerIDs[0])\n\u{1B}[31mgarbage\n".write(toFile: state + "/favourites", atomically: true, encoding: .utf8)
        let garbage = box.run("favourites", "list")
        #expect(garbage.status == 65)
        #expect(!garbage.stderr.contains("\u{1B}"))
        let t = try TmuxSession(sandbox: box)
        t.waitFor(text: "75 / 75 offres")
        t.send("Space")
        usleep(300_000)
        t.send("q")
        #expect(t.exitStatus() == 0)
        #expect(try String(contentsOfFile: state + "/favourites", encoding: .utf8) == "\(Self.offerIDs[0])\n\u{1B}[31mgarbage\n")
        // A state folder that is a file: the interface still runs.
        try FileManager.default.removeItem(atPath: box.directory + "/state")
        try "not a folder".write(toFile: box.directory + "/state", atomically: true, encoding: .utf8)
        let u = try TmuxSession(sandbox: box)
        u.waitFor(text: "75 / 75 offres")
        u.send("Space")
        u.waitFor("a message about the favourites") { $0.contains("favoris") }
        u.send("q")
        #expect(u.exitStatus() == 0)
    }

    /// Random resizes, from 1×1 to 400×120, while typing: never a crash, and the screen
    /// comes back right at 80×24.
    @Test func randomResizesWhileTyping() throws {
        let t = try TmuxSession()
        t.waitFor(text: "75 / 75 offres")
        var generator = SystemRandomNumberGenerator()
        let events = Self.iterations("CATALYSE_RESIZE_EVENTS", 40)
        let keys = ["/", "s", "t", "r", "a", "Escape", "f", "Down", "Space", "Escape", "Enter", "Escape", "?", "Escape", "b", "Escape", "PageDown", "Up"]
        for i in 0..<events {
            let width = i % 10 == 0 ? 1 : (i % 10 == 5 ? 400 : Int.random(in: 1...200, using: &generator))
            let height = i % 10 == 0 ? 1 : (i % 10 == 5 ? 120 : Int.random(in: 1...60, using: &generator))
            t.resize(width: width, height: height)
            t.send(keys[i % keys.count])
        }
        print("resize test: \(events) resizes (1×1 and 400×120 among them) with \(events) keys typed between them")
        t.send("Escape")
        t.send("Escape")
        t.resize(width: 80, height: 24)
        // Keys typed while the window is below the minimum size are ignored: wait for the list.
        t.waitFor("the list at 80×24") { $0.contains(" / 75 offres") }
        t.send("Escape")
        t.send("x")
        t.waitFor(text: "75 / 75 offres")
        #expect(t.programPID != nil)
        t.send("q")
        #expect(t.exitStatus() == 0)
    }

    /// With LANG=C or LC_ALL=POSIX the interface still draws accents (it falls back to C.UTF-8).
    @Test(arguments: [["LANG": "C"], ["LC_ALL": "POSIX"]])
    func accentsAreDrawnWithoutAUTF8Locale(env: [String: String]) throws {
        let t = try TmuxSession(env: env)
        t.waitFor(text: "Opérationnelle")
        #expect(t.screen.contains("Mécénat"))
        t.send("q")
        #expect(t.exitStatus() == 0)
    }

    /// Ctrl-Z then `fg` in a shell, then signals: afterwards the terminal is back in its normal
    /// mode (checked with `stty -a` in the same pane).
    @Test func suspendResumeAndSignalsLeaveTheTerminalSane() throws {
        let box = Sandbox()
        let t = try TmuxSession(sandbox: box, shell: true)
        let stty = box.directory + "/stty-before.txt"
        t.type("stty -a > \(stty); \(Spawn.catalyse)")
        t.send("Enter")
        t.waitFor(text: "75 / 75 offres")
        t.send("C-z")
        t.waitFor("the shell after Ctrl-Z") { $0.contains("Stopped") || $0.contains("stopped") || $0.contains("Arrêté") }
        t.type("fg")
        t.send("Enter")
        t.waitFor(text: "75 / 75 offres")
        t.send("/")
        t.type("strat")
        t.waitFor(text: "strat")
        t.send("C-c")
        func sttyNow(_ name: String) throws -> String {
            let file = box.directory + "/stty-\(name).txt"
            // The shell must have the terminal back first: keys typed while the program is
            // still ending are its input (and restoring the terminal discards them).
            let back = Date().addingTimeInterval(20)
            while t.programPID != nil && Date() < back { usleep(50_000) }
            t.type("stty -a > \(file)")
            t.send("Enter")
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: file, encoding: .utf8), text.contains("speed") { return text }
                usleep(100_000)
            }
            Issue.record("stty did not run; screen:\n\(t.screen)")
            return ""
        }
        let before = try String(contentsOfFile: stty, encoding: .utf8)
        let afterText = try sttyNow("after-ctrl-c")
        #expect(before == afterText, "terminal modes changed:\n\(before)\n---\n\(afterText)")
        let tokens = Set(afterText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        for flag in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(tokens.contains(flag) && !tokens.contains("-" + flag), "\(flag) not restored")
        }
        // SIGTERM, SIGHUP and SIGINT sent to the program: same modes afterwards.
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            t.type(Spawn.catalyse)
            t.send("Enter")
            t.waitFor(text: "75 / 75 offres")
            let pid = try #require(t.programPID)
            kill(pid, signal)
            let deadline = Date().addingTimeInterval(10)
            while kill(pid, 0) == 0 && Date() < deadline { usleep(50_000) }
            #expect(try sttyNow("after-\(signal)") == before, "after signal \(signal)")
        }
    }
}

/// The fuzzers' saved corpus (and every input that ever crashed them), replayed through the
/// same targets by the ordinary build of `catalyse-fuzz`: CI never builds the fuzzers, but every
/// input they found stays a regression test.
@Suite("Fuzz corpus replay")
struct FuzzReplayTests {
    @Test(arguments: ["yaml", "json", "compiled", "folding"])
    func corpusReplaysWithoutCrash(target: String) {
        let folder = Spawn.packageRoot + "/Tests/CatalyseCLITests/Fixtures/fuzz/" + target
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        #expect(!files.isEmpty, "no corpus in \(folder)")
        let r = Spawn.run(Spawn.buildDirectory + "/catalyse-fuzz", [target, folder], environment: ["PATH": "/usr/bin:/bin"], timeout: 300)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("replayed \(files.count) inputs"))
    }
}

import Foundation
import Testing
import Glibc

/// Issue 23, class 1: every write to standard output or error handles its failure. Output that
/// cannot be written ends with 74 and one sentence on stderr (quietly when stderr fails too);
/// a reader that went away ends the program as SIGPIPE does (141), quietly; an error message
/// that cannot be written keeps the status it was about; a note that cannot be written turns 0
/// into 74. Never a trap (132).
@Suite("Standard streams")
struct StandardStreamTests {
    /// Commands that write on standard output, each on its own kind of output.
    static let writers: [[String]] = [
        ["list"], ["list", "--json"], ["list", "--counts"], ["show", "lanterne-boussole-diagnostic-strategique"],
        ["firms"], ["firms", "--json"], ["territories"], ["validate"], ["export"], ["export", "-o", "-"],
        ["favourites", "list"], ["--help"], ["list", "--help"], ["--version"], [],
    ]

    /// A sandbox with one favourite, so that `favourites list` has something to write.
    static func box() -> Sandbox {
        let box = Sandbox()
        _ = box.run("favourites", "add", "lanterne-boussole-diagnostic-strategique")
        return box
    }

    @Test(arguments: writers)
    func fullDiskOnStandardOutputExits74WithOneSentence(arguments: [String]) {
        let box = Self.box()
        let r = box.run(arguments, stdout: "/dev/full")
        #expect(r.status == 74, "\(arguments): \(r.stderr)")
        // (Without a subcommand, the note that no terminal is there comes first.)
        #expect(r.stderr.hasSuffix("catalyse : impossible d'écrire sur la sortie standard : plus de place sur le disque.\n"))
        #expect(r.stderr.split(separator: "\n").count == (arguments.isEmpty ? 2 : 1))
        let en = box.run(arguments, env: ["LANG": "en_GB.UTF-8"], stdout: "/dev/full")
        #expect(en.stderr.hasSuffix("catalyse: cannot write to standard output: No space left on device.\n"))
    }

    @Test(arguments: writers)
    func closedStandardOutputExits74(arguments: [String]) {
        let box = Self.box()
        let r = box.run(arguments, streams: .init(closed: [1]))
        #expect(r.status == 74, "\(arguments): \(r.stderr)")
        #expect(r.stderr.hasSuffix("catalyse : impossible d'écrire sur la sortie standard : le flux est fermé.\n"))
    }

    @Test(arguments: writers)
    func noStandardStreamAtAllExits74Quietly(arguments: [String]) {
        let box = Self.box()
        #expect(box.run(arguments, stdout: "/dev/full", stderr: "/dev/full").status == 74, "\(arguments)")
        #expect(box.run(arguments, streams: .init(closed: [1, 2])).status == 74, "\(arguments)")
    }

    @Test(arguments: writers.filter { !$0.isEmpty && !$0.contains("--help") && !$0.contains("--version") && $0 != ["territories"] })
    func aReaderThatWentAwayEndsQuietlyAsSIGPIPEDoes(arguments: [String]) {
        let box = Self.box()
        for ignored in [true, false] {
            let r = box.run(arguments, streams: .init(brokenPipe: true, ignoreSIGPIPE: ignored))
            #expect(r.status == 128 + SIGPIPE, "\(arguments), SIGPIPE ignored: \(ignored): \(r.status) \(r.stderr)")
            #expect(r.stderr.isEmpty, "\(arguments): \(r.stderr)")
        }
    }

    @Test func anErrorMessageThatCannotBeWrittenKeepsItsStatus() {
        let box = Sandbox()
        let cases: [([String], Int32)] = [
            (["list", "--catalogue", "/nonexistent.yaml"], 66), (["show", "no-such-offer"], 1), (["list", "--purpose", "x"], 64),
            (["--bogus"], 64), (["validate", box.write("bad.yaml", "catalogue: [")], 65), (["favourites", "add", "nope"], 1),
            (["export", "-o", box.directory + "/missing/x.txt"], 73),
        ]
        for (arguments, status) in cases {
            #expect(box.run(arguments, stderr: "/dev/full").status == status, "\(arguments) with stderr full")
            #expect(box.run(arguments, streams: .init(closed: [2])).status == status, "\(arguments) with stderr closed")
        }
    }

    @Test func aNoteThatCannotBeWrittenTurnsSuccessInto74() {
        let box = Sandbox()
        let target = box.directory + "/selection.txt"
        let r = box.run(["export", "-o", target], streams: .init(closed: [2]))
        #expect(r.status == 74)
        // The file itself was written whole, and not into the closed descriptor's number.
        #expect((box.read("selection.txt") ?? "").contains("Catalyse — sélection"))
        #expect(box.run(["compile", "-o", box.directory + "/c.catalyse"], stderr: "/dev/full").status == 74)
        #expect(box.run(["export", "-o", target, "--force"]).status == 0)
    }

    @Test func aClosedStandardDescriptorIsNeverReusedForAFile() {
        // With stdout closed, the file the export opens must not become descriptor 1 (it would
        // receive the program's output): the export is whole and nothing else is in it.
        let box = Sandbox()
        let r = box.run(["export", "-o", box.directory + "/a.md"], streams: .init(closed: [0, 1]))
        #expect(r.status == 0, "\(r.stderr)")
        let text = box.read("a.md") ?? ""
        #expect(text.hasPrefix("# "), "\(text.prefix(80))")
        #expect(!text.contains("exportées"))
    }
}

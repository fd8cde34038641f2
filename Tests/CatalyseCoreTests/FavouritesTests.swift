import Foundation
import Testing
@testable import CatalyseCore

@Suite("Favourites store")
struct FavouritesTests {
    @Test func addRemoveKeepOrderCommentsAndUnknownIDs() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/state/catalyse/favourites"
        let store = FavouritesStore(path: path)
        #expect(try store.load() == [])
        try store.add("b")
        try store.add("a")
        try store.add("b")
        #expect(try store.load() == ["b", "a"])
        // Comments, blank lines and unknown ids are kept.
        try "# mes favoris\n\nb\nofre-disparue\na\n".write(toFile: path, atomically: true, encoding: .utf8)
        try store.add("c")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# mes favoris\n\nb\nofre-disparue\na\nc\n")
        try store.remove("b")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# mes favoris\n\nofre-disparue\na\nc\n")
        #expect(try store.toggle("a") == false)
        #expect(try store.toggle("a") == true)
        #expect(try store.load() == ["ofre-disparue", "c", "a"])
        #expect(FileManager.default.fileExists(atPath: dir + "/state/catalyse/favourites.lock"))
    }

    @Test func defaultPathFollowsXDG() {
        #expect(FavouritesStore(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]).path == "/x/state/catalyse/favourites")
        #expect(FavouritesStore(environment: ["HOME": "/home/u"]).path == "/home/u/.local/state/catalyse/favourites")
        #expect(FavouritesStore(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"]).path == "/home/u/.local/state/catalyse/favourites")
    }

    @Test func corruptFileIsReportedAndNeverOverwritten() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/favourites"
        let content = "a\nCeci n'est pas un id\n"
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        let store = FavouritesStore(path: path)
        #expect(throws: FavouritesError.corrupt(path: path, line: 2, text: "Ceci n'est pas un id")) { try store.load() }
        #expect(throws: FavouritesError.self) { try store.add("b") }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == content)
    }

    @Test func directoryInPlaceOfTheFileIsUnreadable() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/favourites", withIntermediateDirectories: true)
        let store = FavouritesStore(path: dir + "/favourites")
        #expect(throws: FavouritesError.unreadable(path: dir + "/favourites", reason: .notAFile(.folder))) { try store.load() }
    }

    // Permission cases: root ignores permissions, so as root (CI) each runs again as an
    // unprivileged user (`Unprivileged.run`); it never passes without having run as one.

    @Test func unwritableFolderIsReported() throws {
        try Unprivileged.run("unwritableFolderIsReported") { () throws in
            let dir = Fixtures.tempDirectory()
            defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
            chmod(dir, 0o555)
            let store = FavouritesStore(path: dir + "/favourites")
            #expect(throws: FavouritesError.unwritable(path: dir + "/favourites", reason: .system(EACCES))) { try store.add("a") }
            #expect(!FileManager.default.fileExists(atPath: dir + "/favourites"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        }
    }

    @Test func unreadableFileIsReportedAndLeftAlone() throws {
        try Unprivileged.run("unreadableFileIsReportedAndLeftAlone") { () throws in
            let dir = Fixtures.tempDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/favourites"
            try "a\n".write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o000)
            let store = FavouritesStore(path: path)
            #expect(throws: FavouritesError.unreadable(path: path, reason: .system(EACCES))) { try store.load() }
            // A change reads the file first: refused the same way, and the file is not replaced.
            #expect(throws: FavouritesError.unreadable(path: path, reason: .system(EACCES))) { try store.add("b") }
            chmod(path, 0o644)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\n")
        }
    }

    @Test func restorePutsAnIDBackBeforeTheOneThatFollowedIt() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/favourites"
        try "# liste\na\nc\n".write(toFile: path, atomically: true, encoding: .utf8)
        let store = FavouritesStore(path: path)
        #expect(try store.restore("b", before: "c") == ["a", "b", "c"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# liste\na\nb\nc\n")
        // Already there: nothing changes; the one after is gone: at the end.
        #expect(try store.restore("b", before: "a") == ["a", "b", "c"])
        #expect(try store.restore("d", before: "disparu") == ["a", "b", "c", "d"])
        #expect(try store.restore("e", before: nil) == ["a", "b", "c", "d", "e"])
        // A corrupt file is refused and left as it is.
        try "a\npas un id\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: FavouritesError.self) { try store.restore("b", before: nil) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a\npas un id\n")
    }

    @Test func concurrentChangesAreAllKept() async throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = FavouritesStore(path: dir + "/favourites")
        try store.add("keep-me")
        try store.add("remove-me")
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for i in 0..<25 { try? store.add("w\(worker)-\(i)") }
                }
            }
            group.addTask { try? store.remove("remove-me") }
        }
        let ids = try store.load()
        #expect(ids.count == 101)
        #expect(ids.contains("keep-me") && !ids.contains("remove-me"))
    }
}

@Suite("Atomic file writes")
struct AtomicFileTests {
    @Test func neverOverwritesWithoutPermissionAndLeavesNoTemporaryFile() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/out.txt"
        #expect(throws: Never.self) { try AtomicFile.write(Array("un".utf8), to: path, overwrite: false).get() }
        guard case .failure(let e) = AtomicFile.write(Array("deux".utf8), to: path, overwrite: false) else {
            Issue.record("overwrote")
            return
        }
        #expect(e.kind == .exists)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "un")
        #expect(throws: Never.self) { try AtomicFile.write(Array("trois".utf8), to: path, overwrite: true).get() }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "trois")
        guard case .failure(let missing) = AtomicFile.write([1], to: dir + "/nope/out.txt", overwrite: false) else {
            Issue.record("wrote into a missing folder")
            return
        }
        #expect(missing.kind == .missingFolder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.txt"])
    }
}

/// Runs a permission case as a user whom permissions apply to. As an ordinary user the case
/// runs here. As root (CI runs as root, and root reads and writes anything) the same test runs
/// again in a child process of this test bundle, as the unprivileged user `catalyse-test`
/// (`CATALYSE_TEST_USER` to choose another; `.ci/run` creates it with `useradd`; `nobody`
/// when it does not exist), from a copy of the bundle, through
/// `setpriv`; the child's result is the test's result. When privileges cannot be dropped (no
/// such user, no `setpriv`, the child still root) the test fails and says why: it never passes
/// without having run the case unprivileged.
enum Unprivileged {
    static let childVariable = "CATALYSE_UNPRIVILEGED_CHILD"
    static let setpriv = "/usr/bin/setpriv"

    static func run(_ test: String, suite: String = "FavouritesTests", sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) throws {
        let environment = ProcessInfo.processInfo.environment
        if getuid() != 0 {
            try body()
            return
        }
        guard environment[childVariable] == nil else {
            Issue.record("the child process meant to run \(test) unprivileged is still root", sourceLocation: sourceLocation)
            return
        }
        // The dedicated user when there is one (.ci/run makes it), else `nobody`, which every
        // Debian system has.
        let user = environment["CATALYSE_TEST_USER"] ?? (getpwnam("catalyse-test") != nil ? "catalyse-test" : "nobody")
        guard let account = getpwnam(user), account.pointee.pw_uid != 0 else {
            Issue.record("""
                running as root, so \(test) must run as an unprivileged user, and there is no user \(user): \
                create it with `useradd --system --no-create-home --shell /usr/sbin/nologin \(user)` (as .ci/run does), \
                or name another with CATALYSE_TEST_USER
                """, sourceLocation: sourceLocation)
            return
        }
        guard FileManager.default.isExecutableFile(atPath: setpriv) else {
            Issue.record("running as root, so \(test) must run as \(user), and \(setpriv) (util-linux) is missing", sourceLocation: sourceLocation)
            return
        }
        // The bundle is copied into a folder the user can reach: the checkout may sit in a
        // folder only root enters (/root, a 0700 `mktemp -d`).
        let original = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let folder = NSTemporaryDirectory() + "catalyse-unprivileged-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let bundle = folder + "/" + (original as NSString).lastPathComponent
        // Written through a close-on-exec descriptor: a file still open for writing in some
        // process cannot be executed (ETXTBSY), and other suites fork in parallel.
        guard let bytes = FileManager.default.contents(atPath: original) else {
            Issue.record("cannot read the test bundle \(original)", sourceLocation: sourceLocation)
            return
        }
        let fd = open(bundle, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard fd >= 0 else {
            Issue.record("cannot write a copy of the test bundle in \(folder)", sourceLocation: sourceLocation)
            return
        }
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        close(fd)
        guard complete else {
            Issue.record("the copy of the test bundle in \(folder) is incomplete", sourceLocation: sourceLocation)
            return
        }
        chmod(bundle, 0o755)
        // Between a parallel fork and its exec the copy's descriptor may still be open there for
        // an instant: « Text file busy » is tried again, anything else is the result.
        var (status, text): (Int32, String) = (-1, "")
        for _ in 0..<50 {
            (status, text) = try runChild(bundle, account: account, test: test, suite: suite, environment: environment)
            guard status == 126, text.contains("Text file busy") else { break }
            usleep(20_000)
        }
        #expect(status == 0, "\(test) as \(user):\n\(text)", sourceLocation: sourceLocation)
        // The filter must have found the test: a run of no test would pass too.
        #expect(text.contains("Test run with 1 test "), "\(test) as \(user) did not run:\n\(text)", sourceLocation: sourceLocation)
    }

    /// The test alone in `bundle`, as `account`: its exit status and output.
    static func runChild(_ bundle: String, account: UnsafeMutablePointer<passwd>, test: String, suite: String, environment: [String: String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: setpriv)
        process.arguments = ["--reuid=\(account.pointee.pw_uid)", "--regid=\(account.pointee.pw_gid)", "--clear-groups", "--",
                             bundle, "--testing-library", "swift-testing", "--filter", "\(suite)/\(test)\\("]
        process.environment = ["PATH": environment["PATH"] ?? "/usr/bin:/bin", "TMPDIR": "/tmp", "LANG": "C", "LC_ALL": "C",
                               childVariable: "1"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}

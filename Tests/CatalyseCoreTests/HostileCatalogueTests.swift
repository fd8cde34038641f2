import Foundation
import Testing
@testable import CatalyseCore

/// What must never reach a terminal: C0 controls (except those `allowed`), DEL, C1 controls and
/// the bidirectional controls of Trojan Source (U+202A–U+202E, U+2066–U+2069).
enum TerminalSafety {
    static func isUnsafe(_ v: UInt32, allowed: Set<UInt32>) -> Bool {
        if allowed.contains(v) { return false }
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// The unsafe scalars of `text`, written `U+001B` (empty when the text is safe).
    static func unsafeScalars(_ text: String, allowing allowed: Set<UInt32> = [0x0A, 0x09]) -> [String] {
        text.unicodeScalars.filter { isUnsafe($0.value, allowed: allowed) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true).leftPadded(to: 4) }
    }
}

extension String {
    fileprivate func leftPadded(to n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

/// The hostile corpus of `Fixtures/hostile`: malformed catalogues and the manifest of the
/// diagnostics each one must produce (`expected.tsv`, described in the folder's README).
enum HostileCorpus {
    static let folder = Fixtures.root + "/Tests/CatalyseCoreTests/Fixtures/hostile"

    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int?
        var field: String?
        var words: String
        var description: String { "\(file):\(line):\(column.map(String.init) ?? "-"): \(field ?? "-"): …\(words)…" }
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var expectations: [Expectation]
        var testDescription: String { file }
    }

    /// The rows of `expected.tsv`, and the lines that could not be read (reported by a test).
    static let manifest: (rows: [Expectation], bad: [String]) = {
        guard let text = try? String(contentsOfFile: folder + "/expected.tsv", encoding: .utf8) else { return ([], ["expected.tsv cannot be read"]) }
        var rows: [Expectation] = [], bad: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5, let n = Int(cells[1]), cells[2] == "-" || Int(cells[2]) != nil, !cells[4].isEmpty else {
                bad.append(String(line))
                continue
            }
            rows.append(Expectation(file: cells[0], line: n, column: Int(cells[2]), field: cells[3] == "-" ? nil : cells[3], words: cells[4]))
        }
        return (rows, bad)
    }()

    /// The malformed files (every `*.yaml` directly in the folder; `valid/` holds the positive ones).
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// One case per file, with its rows (a file without a row gets none, and fails).
    static let cases: [Case] = {
        let byFile = Dictionary(grouping: manifest.rows, by: \.file)
        return files.map { Case(file: $0, expectations: byFile[$0] ?? []) }
    }()

    static func path(_ file: String) -> String { folder + "/" + file }

    /// Loads a file that must be refused; nil (and an issue) if it loaded or could not be read.
    static func refusal(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> CatalogueError? {
        do {
            let loaded = try CatalogueLoader.load(path: path, today: Fixtures.today)
            Issue.record("[refused] \(path) loaded (\(loaded.catalogue.offers.count) offers); it must be refused", sourceLocation: sourceLocation)
        } catch let error as CatalogueError {
            return error
        } catch {
            Issue.record("[refused] \(path): expected a CatalogueError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}

/// Bugs this corpus found and that are not fixed yet (none now: the six it found — raw fields
/// of unknown keys in diagnostics, two invalid-UTF-8 messages, two invalid-UTF-8 columns — are
/// fixed and their files are ordinary cases): the file, the tag of the check that fails
/// (`[diagnostic]`, `[position]`, `[display]`) and what is wrong. The check still runs: when the
/// bug is fixed, `withKnownIssue` reports that the known issue no longer happens — remove the
/// entry then.
private let knownBugs: [String: (tag: String, reason: String)] = [:]

@Suite("Hostile catalogues (issue 5, item 1)")
struct HostileCatalogueTests {
    @Test func theCorpusIsCompleteAndItsManifestReadable() {
        #expect(HostileCorpus.manifest.bad.isEmpty, "unreadable manifest lines: \(HostileCorpus.manifest.bad)")
        #expect(HostileCorpus.files.count >= 40, "only \(HostileCorpus.files.count) hostile files")
        let listed = Set(HostileCorpus.manifest.rows.map(\.file))
        let present = Set(HostileCorpus.files)
        #expect(present.subtracting(listed).isEmpty, "files without a row in expected.tsv: \(present.subtracting(listed).sorted())")
        #expect(listed.subtracting(present).isEmpty, "rows for missing files: \(listed.subtracting(present).sorted())")
        for file in knownBugs.keys { #expect(present.contains(file), "knownBugs names a missing file \(file)") }
    }

    /// Every malformed file is refused — no crash, no hang — with the diagnostics of its rows,
    /// each at its line (and column) with its field; every diagnostic prints on one line with
    /// no control character, whatever the file holds.
    @Test(arguments: HostileCorpus.cases)
    func eachHostileFileIsRefusedWithItsDiagnostic(_ c: HostileCorpus.Case) {
        if let bug = knownBugs[c.file] {
            withKnownIssue(Comment(rawValue: bug.reason)) {
                check(c)
            } matching: { issue in
                issue.comments.contains { $0.rawValue.contains(bug.tag) }
            }
        } else {
            check(c)
        }
    }

    func check(_ c: HostileCorpus.Case) {
        #expect(!c.expectations.isEmpty, "[diagnostic] \(c.file) has no row in expected.tsv")
        let path = HostileCorpus.path(c.file)
        let clock = ContinuousClock()
        var refusal: CatalogueError?
        let elapsed = clock.measure { refusal = HostileCorpus.refusal(path) }
        #expect(elapsed < .seconds(30), "[time] \(c.file) took \(elapsed)")
        guard let error = refusal else { return }
        let errors = error.errors
        #expect(!errors.isEmpty, "[refused] \(c.file): refused without an error")
        let printed = error.diagnostics.map(\.description).joined(separator: "\n")

        for e in c.expectations {
            let candidates = errors.filter { d in
                d.description.contains(e.words) && (e.field.map { d.field.hasSuffix($0) } ?? true)
            }
            guard !candidates.isEmpty else {
                Issue.record("[diagnostic] no error \(e); got:\n\(printed)")
                continue
            }
            let placed = candidates.contains { $0.position.line == e.line && (e.column == nil || $0.position.column == e.column) }
            #expect(placed, "[position] \(e) — found at \(candidates.map { "\($0.position.line):\($0.position.column)" }); got:\n\(printed)")
        }

        // Every diagnostic: its own file, one printed line, no control character.
        for d in error.diagnostics {
            #expect(d.file == path, "[diagnostic] \(d) names another file")
            #expect(d.description.hasPrefix("\(path):\(d.position.line):\(d.position.column): "), "[display] \(d.description)")
            let unsafe = TerminalSafety.unsafeScalars(d.description, allowing: [])
            #expect(unsafe.isEmpty, "[display] \(c.file): a diagnostic prints \(unsafe) (field \(d.field.debugDescription)): \(d.description.debugDescription)")
            #expect(d.position.line >= 1 && d.position.column >= 1, "[position] \(d)")
        }
        #expect(error.diagnostics.map(\.position) == error.diagnostics.map(\.position).sorted(), "[diagnostic] not in file order:\n\(printed)")
        #expect(error.summary(.en).contains("catalogue refused"))
        #expect(TerminalSafety.unsafeScalars(error.summary(.fr), allowing: []).isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func aliasBombIsRefusedBeforeAnythingIsExpanded() throws {
        // 10^30 nodes if expanded: refused in a few milliseconds, one error per anchor and alias.
        let path = HostileCorpus.path("alias-bomb-billion-laughs.yaml")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("&l29 [*l28, *l28"))
        let clock = ContinuousClock()
        var error: CatalogueError?
        let elapsed = clock.measure { error = HostileCorpus.refusal(path) }
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        let errors = try #require(error).errors
        #expect(errors.filter { $0.message.contains("aliases (*") }.count == 29 * 10)
        #expect(errors.count < 400)
    }

    // MARK: Positive cases

    @Test func theBaseOfTheCorpusIsValid() throws {
        // Each hostile file changes this catalogue in one place, so its error is that change.
        let loaded = try CatalogueLoader.load(path: HostileCorpus.folder + "/valid/base.yaml", today: Fixtures.today)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.catalogue.firms.map(\.id) == ["cabinet-test"])
        #expect(loaded.catalogue.offers.map(\.id) == ["offre-test"])
    }

    @Test func aByteOrderMarkIsAccepted() throws {
        let path = HostileCorpus.folder + "/valid/byte-order-mark.yaml"
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "the fixture lost its byte-order mark")
        let loaded = try CatalogueLoader.load(path: path, today: Fixtures.today)
        let base = try CatalogueLoader.load(path: HostileCorpus.folder + "/valid/base.yaml", today: Fixtures.today)
        #expect(loaded.warnings.isEmpty)
        #expect(loaded.catalogue.name == "Catalogue de test")
        #expect(loaded.catalogue.firms == base.catalogue.firms)
        #expect(loaded.catalogue.offers == base.catalogue.offers)
    }

    @Test func unquotedCodesAreReadAsTheTextWritten() throws {
        // `01` is an integer and `08` a float to a YAML 1.1 resolver: the loader reads the text.
        let loaded = try CatalogueLoader.load(path: HostileCorpus.folder + "/valid/unquoted-codes.yaml", today: Fixtures.today)
        let c = loaded.catalogue
        #expect(loaded.warnings.isEmpty)
        #expect(c.firms.map(\.headquarters) == ["01", "08"])
        #expect(c.offers[0].territories == [
            .department("01"), .department("08"), .department("2A"), .department("971"), .department("09"),
            .department("2B"), .region("01"), .region("94"), .department("976"),
        ])
        #expect(c.offers[1].territories == [.department("08"), .department("01"), .department("2A"), .department("971")])
        #expect(c.offers[0].capacity == 8)
        // And so in the JSON output: strings, never 1 or 8.0.
        let json = try JSONSerialization.jsonObject(with: Data(JSONOutput.offers(Array(c.offers), c).utf8)) as? [[String: Any]]
        let territories = try #require(json?.first?["territories"] as? [String])
        #expect(territories == ["01", "08", "2A", "971", "09", "2B", "R01", "R94", "976"])
        let firms = try JSONSerialization.jsonObject(with: Data(JSONOutput.firms(c).utf8)) as? [[String: Any]]
        #expect(firms?.compactMap { $0["headquarters"] as? String } == ["01", "08"])
    }

    @Test(arguments: [("CRLF", "\r\n"), ("CR", "\r")])
    func windowsAndOldMacLineEndingsLoadWithoutWarnings(_ name: String, _ newline: String) throws {
        let base = try String(contentsOfFile: HostileCorpus.folder + "/valid/base.yaml", encoding: .utf8)
            .replacingOccurrences(of: "presentation: Cabinet fictif.", with: "presentation: |\n      Ligne un\n      Ligne deux")
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/\(name).yaml"
        try Data(base.replacingOccurrences(of: "\n", with: newline).utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try CatalogueLoader.load(path: path, today: Fixtures.today)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        // One paragraph: the file's line break (whatever its bytes) is a space.
        #expect(loaded.catalogue.firms[0].presentation == "Ligne un Ligne deux")
        #expect(loaded.catalogue.offers[0].title == "Diagnostic stratégique partagé")
    }

    // MARK: Size and depth, generated at test time

    @Test(arguments: [CatalogueLoader.Format.yaml.sizeLimit + 1, 4 << 30])
    func aFileOverTheSizeLimitIsRefusedNamingTheLimit(_ size: Int) throws {
        // A sparse file: no disk used, and nothing may be read — it is refused from its size.
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(size))
        try handle.close()
        let clock = ContinuousClock()
        var refusal: CatalogueError?
        let elapsed = clock.measure { refusal = HostileCorpus.refusal(path) }
        let error = try #require(refusal)
        #expect(elapsed < .seconds(10), "took \(elapsed): was the file read?")
        #expect(error.errors.count == 1)
        let d = try #require(error.errors.first)
        #expect(d.field == "file")
        #expect(d.position == SourcePosition(line: 1, column: 1))
        #expect(d.message.contains("64 MiB"), "\(d.message)")
        #expect(d.description.hasPrefix("\(path):1:1: file: "))
    }

    /// A file whose size `stat` cannot tell (a pipe, a device, a file still growing) is read
    /// no further than the limit: the loader stops reading, memory stays bounded.
    @Test(.timeLimit(.minutes(1)))
    func aPipeIsReadNoFurtherThanTheLimit() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/pipe.yaml"
        #expect(mkfifo(path, 0o600) == 0)
        let offered = 512 << 20
        let writer = PipeWriter(path: path, total: offered)
        writer.start()
        var outcome: Error?
        do { _ = try CatalogueLoader.load(path: path, today: Fixtures.today) } catch { outcome = error }
        writer.finish()
        let written = writer.written
        // The writer offers 512 MiB and stops when the reader closes the pipe.
        #expect(written <= CatalogueLoader.Format.yaml.sizeLimit + (16 << 20),
                "the loader read \(written >> 20) MiB from a pipe (the limit is 64 MiB): memory is not bounded")
        switch outcome {
        case let error as CatalogueError:
            #expect(error.errors.first?.message.contains("64 MiB") == true, "\(error.errors)")
        case is CatalogueLoader.ReadError:
            break  // refusing what is not a regular file is fine too
        default:
            Issue.record("a pipe of \(offered >> 20) MiB was not refused: \(String(describing: outcome))")
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: [
        ("1,000,000 [ unclosed", "title: " + String(repeating: "[", count: 1_000_000), 21),
        ("200,000 [ closed", "title: " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000), 21),
        ("200,000 { closed", "title: " + String(repeating: "{a: ", count: 200_000) + "b" + String(repeating: "}", count: 200_000), 21),
        // Block style: the error is where the limit is reached, some lines down.
        ("3,000 block levels", "title:\n" + (1...3000).map { String(repeating: " ", count: 8 + $0) + "a:" }.joined(separator: "\n") + " b", nil),
    ] as [(String, String, Int?)])
    func deepNestingIsRefusedQuickly(_ name: String, _ title: String, _ line: Int?) throws {
        let base = try String(contentsOfFile: HostileCorpus.folder + "/valid/base.yaml", encoding: .utf8)
        let yaml = base.replacingOccurrences(of: "title: Diagnostic stratégique partagé", with: title)
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/deep.yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        let clock = ContinuousClock()
        var refusal: CatalogueError?
        let elapsed = clock.measure { refusal = HostileCorpus.refusal(path) }
        #expect(elapsed < .seconds(30), "\(name): took \(elapsed)")
        let errors = try #require(refusal).errors
        #expect(errors.contains { (line == nil || $0.position.line == line) && $0.field == "yaml" && $0.message.contains("nesting") }, "\(name): \(errors.map(\.description))")
    }
}

/// Writes up to `total` bytes of YAML-looking text into a named pipe, in its own thread, until
/// the reader closes its end. SIGPIPE is blocked in that thread only, so a closed pipe is an
/// EPIPE error, not the end of the test process.
final class PipeWriter: @unchecked Sendable {
    let path: String
    let total: Int
    private let lock = NSLock()
    private var count = 0
    private let done = DispatchSemaphore(value: 0)

    init(path: String, total: Int) { self.path = path; self.total = total }

    var written: Int { lock.withLock { count } }

    func start() {
        let thread = Thread { [self] in
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &set, nil)
            let fd = open(path, O_WRONLY)
            if fd >= 0 {
                let chunk = [UInt8](repeating: UInt8(ascii: "#"), count: 1 << 20)
                var sent = 0
                while sent < total {
                    let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    if n <= 0 { break }
                    sent += n
                    lock.withLock { count = sent }
                }
                close(fd)
            }
            done.signal()
        }
        thread.start()
    }

    /// Waits for the writer; if the loader never opened the pipe, opens and closes its read end
    /// so the writer's `open` returns.
    func finish() {
        if done.wait(timeout: .now() + .milliseconds(200)) == .timedOut {
            let fd = open(path, O_RDONLY | O_NONBLOCK)
            if fd >= 0 { close(fd) }
            done.wait()
        }
    }
}

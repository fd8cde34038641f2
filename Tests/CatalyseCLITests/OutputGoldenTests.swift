import Foundation
import Glibc
import Testing

/// What the command line prints, byte for byte, kept as golden files in
/// `Fixtures/golden/`: the tab-separated list, the counts, `--json`, offer sheets, the three
/// export formats, the firms, the territories and a compiled catalogue. A change to any of them
/// is a change users see; regenerate on purpose with `CATALYSE_UPDATE_GOLDEN=1 swift test
/// --filter OutputGoldenTests` and read the diff.
@Suite("Output golden files")
struct OutputGoldenTests {
    static let folder = Spawn.packageRoot + "/Tests/CatalyseCLITests/Fixtures/golden"
    /// The export date is pinned (a Thursday in November 2026).
    static let environment = ["SOURCE_DATE_EPOCH": "1795000000"]
    static let favourites = """
        # Trois offres pour le conseil d'administration
        lanterne-boussole-diagnostic-strategique
        offre-disparue
        passerelles-safran-strategie-numerique

        """

    /// (golden file, arguments).
    static let cases: [(String, [String])] = [
        ("list.tsv", ["list"]),
        ("list-counts.tsv", ["list", "--counts", "--territory", "59", "--query", "strat"]),
        ("list.json", ["list", "--json"]),
        ("list-counts.json", ["list", "--json", "--counts", "--purpose", "strategique", "--territory", "R32"]),
        ("show-fr.txt", ["show", "lanterne-boussole-diagnostic-strategique"]),
        ("show-en.txt", ["show", "--lang", "en", "passerelles-safran-strategie-numerique"]),
        ("show-why-fr.txt", ["show", "lanterne-boussole-diagnostic-strategique", "--why", "--territory", "59", "--purpose", "strategique", "--query", "strat"]),
        ("show-why-en.txt", ["show", "--lang", "en", "vetiver-et-compagnie-relais-antilles", "--why", "--territory", "2A", "--mode", "a-distance"]),
        ("export-59-fr.txt", ["export", "--territory", "59"]),
        ("export-favourites-en.txt", ["export", "--favourites", "--lang", "en"]),
        ("export-59-fr.md", ["export", "--territory", "59", "--as", "markdown"]),
        ("export-favourites-en.md", ["export", "--favourites", "--as", "markdown", "--lang", "en"]),
        ("export-59-fr.csv", ["export", "--territory", "59", "--as", "csv", "--separator", ";"]),
        ("export-favourites-en.csv", ["export", "--favourites", "--as", "csv", "--lang", "en"]),
        ("firms.txt", ["firms"]),
        ("firms.json", ["firms", "--json"]),
        ("territories.txt", ["territories"]),
        ("autodiagnostic-fr.txt", ["autodiagnostic", "--answers", Spawn.packageRoot + "/docs/examples/answers.yaml"]),
        ("autodiagnostic-en.json", ["autodiagnostic", "--lang", "en", "--json", "--answers", Spawn.packageRoot + "/Tests/CatalyseCoreTests/Fixtures/personas/03-tiers-lieu-lyon.yaml"]),
        ("parcours-answers-fr.txt", ["parcours", "--answers", Spawn.packageRoot + "/Tests/CatalyseCoreTests/Fixtures/personas/06-dirigeante-paris.yaml"]),
    ]

    static var updating: Bool { ProcessInfo.processInfo.environment["CATALYSE_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name` (or rewrites it when updating).
    static func check(_ name: String, _ actual: [UInt8]) {
        let path = folder + "/" + name
        if updating {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Data(actual).write(to: URL(fileURLWithPath: path))
            } catch {
                Issue.record("cannot write the golden file \(path): \(error)")
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: path).map([UInt8].init) else {
            Issue.record("missing golden file \(name); create it with CATALYSE_UPDATE_GOLDEN=1")
            return
        }
        if expected != actual {
            let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            let around = max(0, first - 2)..<min(max(e.count, a.count), first + 3)
            var diff = "\(name) differs from its golden file (\(expected.count) bytes expected, \(actual.count) got), first at line \(first + 1):\n"
            for i in around {
                if i < e.count { diff += "- \(e[i])\n" }
                if i < a.count { diff += "+ \(a[i])\n" }
            }
            Issue.record(Comment(rawValue: diff))
        }
    }

    @Test(arguments: cases.map(\.0))
    func output(_ name: String) throws {
        let box = Sandbox()
        try FileManager.default.createDirectory(atPath: box.directory + "/state/catalyse", withIntermediateDirectories: true)
        _ = box.write("state/catalyse/favourites", Self.favourites)
        let arguments = Self.cases.first { $0.0 == name }!.1
        let r = box.run(arguments, env: Self.environment)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        Self.check(name, r.stdoutBytes)
    }

    /// The same outputs from a YAML file through the compiled cache: cold (it writes the
    /// entry), warm (it maps it) and with the cache off are all the golden file.
    @Test(arguments: cases.map(\.0).filter { $0 != "territories.txt" })
    func outputThroughTheCache(_ name: String) throws {
        let box = Sandbox()
        try FileManager.default.createDirectory(atPath: box.directory + "/state/catalyse", withIntermediateDirectories: true)
        _ = box.write("state/catalyse/favourites", Self.favourites)
        try FileManager.default.copyItem(atPath: Spawn.packageRoot + "/data/catalogue.yaml", toPath: box.directory + "/annuaire.yaml")
        let arguments = Self.cases.first { $0.0 == name }!.1 + ["--catalogue", box.directory + "/annuaire.yaml"]
        let cold = box.run(arguments, env: Self.environment)
        let entries = try FileManager.default.contentsOfDirectory(atPath: box.directory + "/.cache/catalyse/compiled")
        #expect(entries.count == 1 && entries[0].hasSuffix(".catalyse"), "\(entries)")
        let warm = box.run(arguments, env: Self.environment)
        let off = box.run(arguments, env: Self.environment.merging(["CATALYSE_NO_CACHE": "1"]) { $1 })
        #expect(cold.status == 0 && warm.status == 0 && off.status == 0, "\(cold.stderr)\(warm.stderr)\(off.stderr)")
        Self.check(name, cold.stdoutBytes)
        #expect(warm.stdoutBytes == cold.stdoutBytes && off.stdoutBytes == cold.stdoutBytes, "\(name): the cache changed the output")
    }

    @Test func compiledCatalogue() throws {
        let box = Sandbox()
        let r = box.run("compile", Spawn.packageRoot + "/data/catalogue.yaml", "-o", "catalogue.catalyse")
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: box.directory + "/catalogue.catalyse"))
        Self.check("catalogue.catalyse", [UInt8](bytes))
    }
}

/// The compiled cache's own rules: private entries, a damaged or unwritable cache never fatal,
/// validate never using it.
@Suite("Compiled cache")
struct CompiledCacheTests {
    @Test func aDamagedOrUnwritableCacheIsNeverFatal() throws {
        let box = Sandbox()
        let source = box.directory + "/annuaire.yaml"
        try FileManager.default.copyItem(atPath: Spawn.packageRoot + "/data/catalogue.yaml", toPath: source)
        let expected = box.run("list", "--catalogue", source, "--no-cache").stdout
        #expect(box.run("list", "--catalogue", source).stdout == expected)
        let folder = box.directory + "/.cache/catalyse/compiled"
        let entry = folder + "/" + (try #require(FileManager.default.contentsOfDirectory(atPath: folder).first))
        var info = stat()
        #expect(stat(entry, &info) == 0 && info.st_mode & 0o777 == 0o600)
        // Damaged: ignored and rebuilt.
        try Data(repeating: 0x41, count: 4000).write(to: URL(fileURLWithPath: entry))
        #expect(box.run("list", "--catalogue", source).stdout == expected)
        #expect(stat(entry, &info) == 0 && info.st_size > 4000)
        // Changed source: another entry; validate never reads or writes one.
        try (try String(contentsOfFile: source, encoding: .utf8) + "\n# une ligne de plus\n").write(toFile: source, atomically: true, encoding: .utf8)
        #expect(box.run("validate", source).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 1)
        #expect(box.run("list", "--catalogue", source).stdout == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
        // A cache folder that cannot be written (a file in its place): skipped.
        try FileManager.default.removeItem(atPath: box.directory + "/.cache/catalyse")
        FileManager.default.createFile(atPath: box.directory + "/.cache/catalyse", contents: Data("x".utf8))
        let r = box.run("list", "--catalogue", source)
        #expect(r.status == 0 && r.stdout == expected && r.stderr.isEmpty, "\(r.stderr)")
    }

    /// A source file opened again unchanged is found by its remembered key (`SourceMemo`); one
    /// written again in place, its modification time put back, is hashed again.
    @Test func aRememberedKeyServesOnlyTheSameBytes() throws {
        let box = Sandbox()
        let source = box.directory + "/annuaire.yaml"
        try FileManager.default.copyItem(atPath: Spawn.packageRoot + "/data/catalogue.yaml", toPath: source)
        var old = [timespec(tv_sec: time(nil) - 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3600, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, source, &old, 0) == 0)
        sleep(3)  // the status-change time, which utimensat moved to now, must be old enough too
        let expected = box.run("list", "--catalogue", source, "--no-cache").stdout
        #expect(box.run("list", "--catalogue", source).stdout == expected)
        let memos = box.directory + "/.cache/catalyse/sources"
        #expect(try FileManager.default.contentsOfDirectory(atPath: memos).filter { $0.hasSuffix(".source") }.count == 1)
        #expect(box.run("list", "--catalogue", source).stdout == expected)
        // The first offer's title rewritten in place, as long as before, and the time put back.
        let text = try String(contentsOfFile: source, encoding: .utf8)
        let title = try #require(text.range(of: "Boussole"))
        let at = text.utf8.distance(from: text.utf8.startIndex, to: title.lowerBound)
        let fd = open(source, O_WRONLY)
        #expect(fd >= 0 && pwrite(fd, "Baussole", 8, off_t(at)) == 8)
        close(fd)
        #expect(utimensat(AT_FDCWD, source, &old, 0) == 0)
        let changed = box.run("list", "--catalogue", source, "--no-cache").stdout
        #expect(changed != expected && changed.contains("Baussole"))
        #expect(box.run("list", "--catalogue", source).stdout == changed)
    }
}

import Foundation
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
    ]

    static var updating: Bool { ProcessInfo.processInfo.environment["CATALYSE_UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name` (or rewrites it when updating).
    static func check(_ name: String, _ actual: [UInt8]) {
        let path = folder + "/" + name
        if updating {
            try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: path, contents: Data(actual))
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
    func output(_ name: String) {
        let box = Sandbox()
        try! FileManager.default.createDirectory(atPath: box.directory + "/state/catalyse", withIntermediateDirectories: true)
        _ = box.write("state/catalyse/favourites", Self.favourites)
        let arguments = Self.cases.first { $0.0 == name }!.1
        let r = box.run(arguments, env: Self.environment)
        #expect(r.status == 0, "\(arguments): \(r.stderr)")
        Self.check(name, r.stdoutBytes)
    }

    @Test func compiledCatalogue() throws {
        let box = Sandbox()
        let r = box.run("compile", Spawn.packageRoot + "/data/catalogue.yaml", "-o", "catalogue.catalyse")
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = try #require(FileManager.default.contents(atPath: box.directory + "/catalogue.catalyse"))
        Self.check("catalogue.catalyse", [UInt8](bytes))
    }
}

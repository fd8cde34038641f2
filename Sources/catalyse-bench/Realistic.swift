import CatalyseCore
import Foundation

/// The realistic rows of the benchmark (issue #21): the shipped catalogue multiplied, as YAML
/// and as JSON (files written by `scripts/realistic-catalogue.py`), each against the libyaml
/// event floor of the same file (`scripts/yaml-floor.c`) and `fzf --exact --filter` on its
/// one-line-per-offer text, all measured in one run.
enum Realistic {
    struct Row {
        var file: String
        var offers: Int
        var bytes: Int
        var floor: Double
        var start: Double
        var cold: Double
        var coldMiB: Double
        var cached: Double
        var cachedMiB: Double
        var fzf: Double
    }

    /// The events and median milliseconds printed by the floor program.
    static func floor(_ program: String, _ file: String, runs: Int) -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = [file, String(max(1, runs))]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return .nan }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ")
        return fields.count == 2 ? Double(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)) ?? .nan : .nan
    }

    static func measure(files: [String], floorProgram: String, catalyse: String, runs: Int, query: String, folder: String) throws -> [Row] {
        var rows: [Row] = []
        var environment = ProcessInfo.processInfo.environment
        environment["CATALYSE_NO_CACHE"] = nil
        for file in files {
            let loaded = try CatalogueLoader.load(path: file, today: Day.today())
            let offers = loaded.catalogue.offers.count
            let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            let text = folder + "/realistic.txt"
            try Bench.writeText(loaded.catalogue, to: text)
            let argv = [catalyse, "list", "--query", query, "--catalogue", file]
            var cold = environment
            cold["CATALYSE_NO_CACHE"] = "1"
            let cache = folder + "/cache-\(rows.count)"
            var cached = environment
            cached["XDG_CACHE_HOME"] = cache
            _ = Measure.run(argv, environment: cached)  // fills the cache
            // Alternated in one loop, so that both forms see the same machine.
            // The process start: `catalyse --version` with CATALYSE_CATALOGUE set names that file
            // without loading anything (without it, the version line loads the built-in catalogue).
            var bare = environment
            bare["CATALYSE_CATALOGUE"] = file
            var colds: [Measure.ProcessRun] = [], hits: [Measure.ProcessRun] = [], peers: [Measure.ProcessRun] = [], starts: [Measure.ProcessRun] = []
            for _ in 0..<max(1, runs) {
                starts.append(Measure.run([catalyse, "--version"], environment: bare))
                colds.append(Measure.run(argv, environment: cold))
                hits.append(Measure.run(argv, environment: cached))
                peers.append(Measure.run(["fzf", "--exact", "--filter", query], input: text))
            }
            let floorMS = floor(floorProgram, file, runs: runs)
            rows.append(Row(file: (file as NSString).lastPathComponent, offers: offers, bytes: bytes, floor: floorMS, start: Measure.median(starts.map(\.milliseconds)),
                            cold: Measure.median(colds.map(\.milliseconds)), coldMiB: colds.map(\.maxRSSMiB).max() ?? .nan,
                            cached: Measure.median(hits.map(\.milliseconds)), cachedMiB: hits.map(\.maxRSSMiB).max() ?? .nan,
                            fzf: Measure.median(peers.map(\.milliseconds))))
            try? FileManager.default.removeItem(atPath: cache)
            unlink(text)
        }
        return rows
    }
}

/// Shared by the subcommands: the one-line-per-offer text of a catalogue (for fzf and grep).
enum Bench {
    static func writeText(_ c: Catalogue, to textPath: String) throws {
        var out = ""
        out.reserveCapacity(c.offers.count * 600)
        for o in c.offers {
            let firm = c.firm(of: o)
            let labels = [o.format.label.fr, o.purpose.label.fr] + o.kinds.map(\.label.fr) + o.themes.map(\.label.fr) + o.territories.map { $0.name(.fr) }
            out += [o.id, firm.name, o.title, o.summary, o.description, labels.joined(separator: " ")].joined(separator: "\t") + "\n"
        }
        try out.write(toFile: textPath, atomically: true, encoding: .utf8)
    }
}

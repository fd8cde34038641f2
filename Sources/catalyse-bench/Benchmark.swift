import ArgumentParser
import CatalyseCore
import CatalyseTUI
import Foundation

@main
struct CatalyseBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalyse-bench",
        abstract: "Synthetic catalogues and the performance benchmark of Catalyse (see docs/performance.md).",
        subcommands: [Generate.self, Run.self, Keys.self, RealisticRows.self, NewsBench.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a synthetic catalogue (JSON) of N offers; same seed, same bytes.")
        @Option(help: "Number of offers.") var offers: Int = 1000
        @Option(help: "Seed of the generator.") var seed: UInt64 = 42
        @Option(name: .shortAndLong, help: "Output file (.json).") var output: String
        @Option(help: "Also write the equivalent one-line-per-offer text (for fzf and grep).") var text: String?

        func run() throws {
            var generator = SyntheticCatalogue(seed: seed)
            try generator.json(offers: offers).write(toFile: output, atomically: true, encoding: .utf8)
            if let text { try Run.writeText(catalogue: output, to: text) }
        }
    }

    struct RealisticRows: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "realistic",
            abstract: "Time `catalyse list` cold and cached on catalogue files, against the libyaml floor and fzf --exact --filter (docs/performance.md).")
        @Argument(help: "The catalogue files (YAML or JSON).") var files: [String]
        @Option(help: "The libyaml floor program (scripts/yaml-floor.c, compiled).") var floor: String
        @Option(help: "The catalyse binary (release build).") var catalyse: String = ".build/release/catalyse"
        @Option(help: "Runs per measure (medians are printed).") var runs: Int = 5
        @Option(help: "The query listed.") var query: String = "strat"

        func run() throws {
            let folder = NSTemporaryDirectory() + "catalyse-bench-\(getpid())"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let rows = try Realistic.measure(files: files, floorProgram: floor, catalyse: catalyse, runs: runs, query: query, folder: folder)
            print("realistic rows: `catalyse list --query \(query)` whole process (ms, medians of \(runs), alternated); start = `catalyse --version` with CATALYSE_CATALOGUE set to the file (the process start: no catalogue loaded);")
            print("floor = libyaml's events of the same file, in memory; cold = CATALYSE_NO_CACHE=1; cached = a filled cache")
            Run.printTable(["file", "offers", "MB", "floor", "start", "cold", "MiB", "(cold−start)÷floor", "cached", "MiB", "fzf --exact", "cold÷fzf", "cached÷fzf"],
                           rows.map(CatalyseBench.line))
        }
    }

    static func f(_ v: Double) -> String { v.isNaN ? "—" : (v < 10 ? String(format: "%.2f", v) : String(format: "%.0f", v)) }
    static func r(_ v: Double) -> String { v.isNaN ? "—" : String(format: "%.2f", v) }
    static func line(_ row: Realistic.Row) -> [String] {
        let name: String = row.file, offers: String = String(row.offers), mb: String = String(format: "%.1f", Double(row.bytes) / 1e6)
        let times: [String] = [f(row.floor), f(row.start), f(row.cold), f(row.coldMiB)]
        let ratios: [String] = [r((row.cold - row.start) / row.floor), f(row.cached), f(row.cachedMiB), f(row.fzf), r(row.cold / row.fzf), r(row.cached / row.fzf)]
        return [name, offers, mb] + times + ratios
    }

    struct Keys: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a catalogue (any form) and time keystrokes and facet toggles on it, as the interface runs them.")
        @Option(help: "The catalogue (YAML, JSON or compiled).") var catalogue: String
        @Option(help: "Rounds of the query typed letter by letter.") var rounds: Int = 5
        @Option(help: "The query typed.") var query: String = "strat compet"

        func run() throws {
            let open = try Measure.timed { try CatalogueLoader.load(path: catalogue, today: Day.today()).searchIndex() }
            let index = open.value
            // The interface's first screen counts once before any key is typed.
            let first = Measure.ms { _ = index.run(OfferFilter(), counts: true) }
            let figures = Keys.measure(index, query: query, rounds: rounds)
            print("offers: \(index.count); open: \(String(format: "%.0f", open.ms)) ms; first screen's counts: \(String(format: "%.1f", first)) ms")
            print(String(format: "key p50 %.2f ms, p99 %.2f ms; toggle p50 %.2f ms, p99 %.2f ms (wall)", figures.keyP50, figures.keyP99, figures.toggleP50, figures.toggleP99))
            print(String(format: "key p50 %.2f ms, p99 %.2f ms (this thread's processor time)", figures.keyCPUP50, figures.keyCPUP99))
            for (prefix, ms) in figures.byPrefix { print(String(format: "  %@  %.2f ms", "'\(prefix)'" as NSString, ms)) }
        }

        struct Figures {
            var keyP50, keyP99, toggleP50, toggleP99: Double
            var keyCPUP50, keyCPUP99: Double
            var byPrefix: [(String, Double)]
        }

        /// Each prefix of the query, with facet counts, each keystroke refining the previous
        /// result as the interface does; then a purpose and a territory toggled, with counts.
        static func measure(_ index: SearchIndex, query: String, rounds: Int) -> Figures {
            var keystrokes: [Double] = [], processor: [Double] = []
            var byPrefix = [[Double]](repeating: [], count: query.count)
            for _ in 0..<rounds {
                var previous: QueryResult? = nil
                for end in 1...query.count {
                    var f = OfferFilter()
                    f.query = String(query.prefix(end))
                    var cpu = 0.0
                    let ms = Measure.ms { cpu = Measure.cpuMs { previous = index.run(f, counts: true, refining: previous) } }
                    keystrokes.append(ms)
                    processor.append(cpu)
                    byPrefix[end - 1].append(ms)
                }
            }
            var toggles: [Double] = []
            for _ in 0..<rounds * 5 {
                var f = OfferFilter()
                f[Purpose.self] = [.strategique]
                toggles.append(Measure.ms { _ = index.run(f, counts: true) })
                f.territories = [.region("11")]
                toggles.append(Measure.ms { _ = index.run(f, counts: true) })
            }
            return Figures(keyP50: Measure.percentile(keystrokes, 50), keyP99: Measure.percentile(keystrokes, 99),
                           toggleP50: Measure.percentile(toggles, 50), toggleP99: Measure.percentile(toggles, 99),
                           keyCPUP50: Measure.percentile(processor, 50), keyCPUP99: Measure.percentile(processor, 99),
                           byPrefix: byPrefix.enumerated().map { (String(query.prefix($0.offset + 1)), Measure.median($0.element)) })
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Generate catalogues of each size in a temporary folder, measure, print a table, delete them.")
        @Option(help: "Sizes (offers), comma-separated.") var sizes: String = "1000,10000,100000,1000000"
        @Option(help: "Runs per measure (medians are printed).") var runs: Int = 5
        @Option(help: "The catalyse binary (release build).") var catalyse: String = ".build/release/catalyse"
        @Flag(help: "Also run fzf and grep on the same data and print ratios.") var compare = false

        static func writeText(catalogue path: String, to textPath: String) throws {
            try Bench.writeText(CatalogueLoader.load(path: path, today: Day.today()).catalogue, to: textPath)
        }

        func run() throws {
            let sizes = sizes.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            let folder = NSTemporaryDirectory() + "catalyse-bench-\(getpid())"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; runs per measure: \(runs); medians unless stated")
            var rows: [[String]] = []
            var loadRows: [[String]] = []
            var comparisons: [[String]] = []
            for n in sizes {
                if n >= 1_000_000, Measure.freeDiskBytes(folder) < 3_000_000_000 {
                    print("N=\(n): skipped, less than 3 GB free on \(folder)")
                    continue
                }
                let path = "\(folder)/catalogue-\(n).json"
                var generator = SyntheticCatalogue(seed: 42)
                try generator.json(offers: n).write(toFile: path, atomically: false, encoding: .utf8)
                let size = fileSize(path)

                // JSON: file to model and index, in this process (once at 1,000,000: it takes a minute).
                var jsonLoads: [Double] = []
                for _ in 0..<(n >= 1_000_000 ? 1 : max(1, runs)) {
                    jsonLoads.append(try Measure.timed { try CatalogueLoader.load(path: path, today: Day.today()).searchIndex() }.ms)
                }
                // Compiled: `catalyse compile`, then opening the file (checks included) in this process.
                let compiled = "\(folder)/catalogue-\(n).catalyse"
                let compile = Measure.runs(1, [catalyse, "compile", path, "-o", compiled])
                if compile.status != 0 { print("warning: catalyse compile exited with \(compile.status) at N=\(n)") }
                let compiledSize = fileSize(compiled)
                var opens: [Double] = []
                var index: SearchIndex! = nil
                for _ in 0..<max(1, runs) {
                    index = nil
                    let open = try Measure.timed { try CatalogueLoader.load(path: compiled, today: Day.today()).searchIndex() }
                    index = open.value
                    opens.append(open.ms)
                }
                // Peak memory of loading, each in a process of its own.
                let validateJSON = Measure.runs(1, [catalyse, "validate", path])
                let validateCompiled = Measure.runs(1, [catalyse, "validate", compiled])

                // Keystrokes: each prefix of the query, with facet counts, each refining the
                // previous one, after the first screen's counts, as the interface does; then
                // facet toggles (a purpose, then a territory, with counts).
                let query = "strat compet"
                let firstScreen = Measure.ms { _ = index.run(OfferFilter(), counts: true) }
                let keys = Keys.measure(index, query: query, rounds: n >= 1_000_000 ? 4 : (n >= 100_000 ? 5 : 20))
                // One frame of the interface at 200×60.
                var state = AppState(index: index, favourites: [], language: .fr, languageLocked: true, today: Day(year: 2026, month: 11, day: 26)!,
                                     noColor: false, width: 200, height: 60, exportDirectory: folder)
                _ = state.update(.key(.down))
                var renders: [Double] = []
                for _ in 0..<20 { renders.append(Measure.ms { _ = state.render() }) }
                // The whole process, on each form.
                let wholeJSON = Measure.runs(n >= 1_000_000 ? 1 : runs, [catalyse, "list", "--query", query, "--catalogue", path])
                let whole = Measure.runs(runs, [catalyse, "list", "--query", query, "--catalogue", compiled])

                func f(_ v: Double) -> String { v.isNaN ? "—" : (v < 10 ? String(format: "%.2f", v) : String(format: "%.0f", v)) }
                func mib(_ bytes: Int) -> String { bytes >= 10 * 1_048_576 ? "\(bytes / 1_048_576)" : String(format: "%.1f", Double(bytes) / 1_048_576) }
                loadRows.append([String(n), mib(size), f(Measure.median(jsonLoads)), f(validateJSON.mib), f(wholeJSON.ms), f(wholeJSON.mib),
                                 f(compile.ms), mib(compiledSize), f(Measure.median(opens)), f(validateCompiled.mib), f(whole.ms), f(whole.mib)])
                rows.append([String(n), f(keys.keyP50), f(keys.keyP99), f(keys.keyCPUP50), f(keys.keyCPUP99),
                             f(keys.toggleP50), f(keys.toggleP99), f(Measure.median(renders)), f(firstScreen)])
                if whole.status != 0 || wholeJSON.status != 0 { print("warning: catalyse list exited with \(whole.status) / \(wholeJSON.status) at N=\(n)") }

                if compare {
                    let text = "\(folder)/catalogue-\(n).txt"
                    try Run.writeText(catalogue: compiled, to: text)
                    var line = [String(n), f(whole.ms), f(whole.mib)]
                    for (name, argv) in [("fzf", ["fzf", "--filter", query]), ("fzf --exact", ["fzf", "--exact", "--filter", query]), ("grep -i -c", ["grep", "-i", "-c", "strat"])] {
                        guard Measure.which(argv[0]) != nil else { line += ["(no \(name))", "", ""]; continue }
                        let peer = Measure.runs(runs, argv, input: text)
                        line += [f(peer.ms), f(peer.mib), String(format: "%.2f", whole.ms / peer.ms)]
                    }
                    comparisons.append(line)
                    unlink(text)
                }
                index = nil
                unlink(path)
                unlink(compiled)
            }
            print()
            print("loading (MiB: file size, or peak resident memory of `catalyse validate` / `catalyse list` in a process of its own):")
            Run.printTable(["N", "JSON MiB", "load ms", "MiB", "list ms", "MiB", "compile ms", "compiled MiB", "open ms", "MiB", "list ms", "MiB"], loadRows)
            print()
            print("interaction, on the compiled catalogue (ms):")
            Run.printTable(["N", "key p50", "key p99", "key cpu p50", "key cpu p99", "toggle p50", "toggle p99", "render", "first counts"], rows)
            if compare {
                print()
                print("whole process, `catalyse list --query 'strat compet'` on the compiled catalogue against peers on the same data (ratio = catalyse ÷ peer):")
                Run.printTable(["N", "catalyse ms", "MiB", "fzf ms", "MiB", "ratio", "fzf --exact ms", "MiB", "ratio", "grep -i -c ms", "MiB", "ratio"], comparisons)
            }
        }

        func fileSize(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }

        static func printTable(_ header: [String], _ rows: [[String]]) {
            let all = [header] + rows
            let widths = header.indices.map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
            for row in all {
                print(row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  "))
            }
        }
    }
}

import ArgumentParser
import CatalyseCore
import Foundation

/// `catalyse-bench news`: what is new, timed in the benchmark process on a fresh dossiers
/// database (docs/performance.md, issue 20): the first opening of a catalogue, an opening with
/// nothing new, an opening of a changed version, one mark cleared, every mark cleared.
struct NewsBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "news",
        abstract: "Time the news of a catalogue and of a changed version of it, on a fresh dossiers database.")
    @Option(help: "The catalogue (any form; compiled for large ones).") var catalogue: String
    @Option(help: "A changed version of it (same catalogue name).") var changed: String

    func run() throws {
        let folder = NSTemporaryDirectory() + "catalyse-bench-news-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let today = Day.today()
        let a = try Measure.timed { try CatalogueLoader.load(path: catalogue, today: today).catalogue }
        let b = try Measure.timed { try CatalogueLoader.load(path: changed, today: today).catalogue }
        print("offers: \(a.value.offers.count) then \(b.value.offers.count); loaded in \(Self.f(a.ms)) ms and \(Self.f(b.ms)) ms")
        let store = try DossierStore(path: folder + "/catalyse.sqlite")
        func line(_ what: String, _ ms: Double, _ extra: String = "") { print("\(what): \(Self.f(ms)) ms\(extra)") }
        let first = try Measure.timed { try store.news(for: a.value, today: today) }
        line("first opening (every offer recorded as seen)", first.ms, first.value.firstOpen ? "" : " (NOT a first opening)")
        print("  database file: \(Self.size(store.path)) MB (WAL \(Self.size(store.path + "-wal")) MB)")
        let again = try Measure.timed { try store.news(for: a.value, today: today) }
        line("the same catalogue again (nothing new)", again.ms, ", \(again.value.count) marks")
        let later = try Measure.timed { try store.news(for: b.value, today: today) }
        let kinds = later.value.marks.values.reduce(into: [String: Int]()) { $0[$1.kind.rawValue, default: 0] += 1 }
        line("the changed version (what is new)", later.ms, ", \(later.value.count) marks \(kinds.sorted { $0.key < $1.key })")
        let laterAgain = try Measure.timed { try store.news(for: b.value, today: today) }
        line("the changed version again", laterAgain.ms, ", \(laterAgain.value.count) marks")
        guard let one = later.value.marks.keys.sorted().first else { return }
        let seen = try Measure.timed { try store.markSeen([one], in: b.value, news: later.value, today: today) }
        line("one sheet opened (one mark cleared)", seen.ms)
        let all = try Measure.timed { try store.markAllSeen(in: b.value, news: seen.value, today: today) }
        line("M (every mark cleared)", all.ms)
        let after = try Measure.timed { try store.news(for: b.value, today: today) }
        line("the changed version after M", after.ms, ", \(after.value.count) marks")
        print("  database file: \(Self.size(store.path)) MB (WAL \(Self.size(store.path + "-wal")) MB)")
    }

    static func f(_ v: Double) -> String { v < 10 ? String(format: "%.2f", v) : String(format: "%.0f", v) }
    static func size(_ path: String) -> String {
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return String(format: "%.1f", Double(bytes) / 1e6)
    }
}

import Foundation
import Glibc
import Testing
@testable import CatalyseCore

/// The search history file: one search per line, bounded, never a control character, changed
/// under a lock and written atomically; a file it cannot read is refused and left untouched.
@Suite("Search history store")
struct SearchHistoryStoreTests {
    @Test func recordKeepsOrderMovesRepeatsAndIsBounded() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/state/catalyse/search-history"
        let store = SearchHistoryStore(path: path)
        #expect(try store.load() == [])
        try store.record("strat")
        try store.record("réseau")
        #expect(try store.record("strat") == ["réseau", "strat"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "réseau\nstrat\n")
        for i in 0..<150 { try store.record("recherche \(i)") }
        let entries = try store.load()
        #expect(entries.count == SearchHistoryStore.limit)
        #expect(entries.first == "recherche 50" && entries.last == "recherche 149")
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == SearchHistoryStore.limit)
        #expect(FileManager.default.fileExists(atPath: dir + "/state/catalyse/search-history.lock"))
        // What one searched is private: the file is readable by its owner only, whatever the umask.
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600, "mode \(String(info.st_mode & 0o777, radix: 8))")
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/state/catalyse").sorted() == ["search-history", "search-history.lock"])
    }

    @Test func entriesAreCleanedTrimmedAndCut() throws {
        #expect(SearchHistoryStore.entry("  strat  compet ") == "strat compet")
        #expect(SearchHistoryStore.entry("a\u{1B}[31mb\u{07}") == "a[31mb")
        #expect(SearchHistoryStore.entry("ligne\nsuivante\u{202E}") == "ligne suivante")
        #expect(SearchHistoryStore.entry(" \t ") == nil)
        #expect(SearchHistoryStore.entry(String(repeating: "é", count: 500))?.count == SearchHistoryStore.maximumLength)
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = SearchHistoryStore(path: dir + "/search-history")
        #expect(try store.record("\u{1B}]52;c;AAAA\u{07}") == ["]52;c;AAAA"])
        #expect(try store.record("   ") == ["]52;c;AAAA"])
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/search-history")))
        #expect(!bytes.contains { $0 < 0x20 && $0 != 0x0A })
    }

    @Test func defaultPathFollowsXDG() {
        #expect(SearchHistoryStore(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/home/u"]).path == "/x/state/catalyse/search-history")
        #expect(SearchHistoryStore(environment: ["HOME": "/home/u"]).path == "/home/u/.local/state/catalyse/search-history")
    }

    @Test(arguments: [
        (Data([0x61, 0x0A, 0xFF, 0xFE, 0x0A]), 1, SearchHistoryError.Defect.notText),
        (Data("strat\nré\u{1B}[2Jseau\n".utf8), 2, .controlCharacter),
        (Data("a\nb\nc\u{202E}d\n".utf8), 3, .controlCharacter),
        (Data(("ok\n" + String(repeating: "x", count: 201) + "\n").utf8), 2, .lineTooLong),
        (Data(repeating: 0x61, count: SearchHistoryStore.maximumFileSize + 1), 1, .tooLarge),
    ])
    func aFileItCannotReadIsRefusedAndLeftUntouched(content: Data, line: Int, defect: SearchHistoryError.Defect) throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/search-history"
        try content.write(to: URL(fileURLWithPath: path))
        let store = SearchHistoryStore(path: path)
        #expect(throws: SearchHistoryError.corrupt(path: path, line: line, defect: defect)) { try store.load() }
        #expect(throws: SearchHistoryError.corrupt(path: path, line: line, defect: defect)) { try store.record("nouvelle") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == content)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix(".catalyse-tmp") }.isEmpty)
        #expect(SearchHistoryError.corrupt(path: path, line: line, defect: defect).message(.fr).contains("il n'a pas été modifié"))
    }

    @Test func blankLinesCRLFAndRepeatsWrittenByHandAreRead() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/search-history"
        try "a\r\n\r\n  \nb\na\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try SearchHistoryStore(path: path).load() == ["b", "a"])
    }

    @Test func aDirectoryInPlaceOfTheFileIsUnreadable() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/search-history", withIntermediateDirectories: true)
        let store = SearchHistoryStore(path: dir + "/search-history")
        #expect(throws: SearchHistoryError.unreadable(path: dir + "/search-history", reason: .notAFile(.folder))) { try store.record("a") }
    }

    @Test func unreadableFileIsRefusedAndLeftAlone() throws {
        try Unprivileged.run("unreadableFileIsRefusedAndLeftAlone", suite: "SearchHistoryStoreTests") { () throws in
            let dir = Fixtures.tempDirectory()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/search-history"
            try "strat\n".write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o000)
            let store = SearchHistoryStore(path: path)
            #expect(throws: SearchHistoryError.unreadable(path: path, reason: .system(EACCES))) { try store.load() }
            #expect(throws: SearchHistoryError.unreadable(path: path, reason: .system(EACCES))) { try store.record("b") }
            chmod(path, 0o644)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "strat\n")
        }
    }

    @Test func unwritableFolderIsReported() throws {
        try Unprivileged.run("unwritableFolderIsReported", suite: "SearchHistoryStoreTests") { () throws in
            let dir = Fixtures.tempDirectory()
            defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
            chmod(dir, 0o555)
            let store = SearchHistoryStore(path: dir + "/search-history")
            #expect(throws: SearchHistoryError.self) { try store.record("a") }
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
        }
    }

    @Test func concurrentSessionsLoseNothing() async throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/search-history"
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    // Each session has its own store value, as two programs would.
                    let store = SearchHistoryStore(path: path)
                    for i in 0..<20 { try? store.record("w\(worker)-\(i)") }
                }
            }
        }
        let entries = try SearchHistoryStore(path: path).load()
        #expect(entries.count == 80)
        #expect(Set(entries).count == 80)
    }
}

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
        #expect(throws: FavouritesError.unreadable(path: dir + "/favourites", reason: "it is a directory")) { try store.load() }
    }

    @Test func unwritableFolderIsReported() throws {
        guard getuid() != 0 else { return }  // root ignores permissions
        let dir = Fixtures.tempDirectory()
        defer { chmod(dir, 0o755); try? FileManager.default.removeItem(atPath: dir) }
        chmod(dir, 0o555)
        let store = FavouritesStore(path: dir + "/favourites")
        #expect(throws: FavouritesError.self) { try store.add("a") }
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

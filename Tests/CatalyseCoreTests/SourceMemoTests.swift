import Foundation
import Glibc
import Testing
@testable import CatalyseCore

/// The compiled cache's memory of a source file's key (`SourceMemo`): used only while the file
/// has exactly the identity it had when hashed, never for a file written too recently to trust
/// its times.
@Suite("Remembered source keys")
struct SourceMemoTests {
    static let key = String(repeating: "ab", count: 32)

    func fixture() throws -> (folder: String, file: String, memo: SourceMemo) {
        let folder = NSTemporaryDirectory() + "catalyse-memo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/annuaire.yaml"
        try Data("version: 1\n".utf8).write(to: URL(fileURLWithPath: file))
        return (folder, file, SourceMemo(folder: folder + "/sources", build: "test"))
    }

    func identity(_ path: String) -> SourceIdentity {
        var info = stat()
        #expect(stat(path, &info) == 0)
        return SourceIdentity(info)
    }

    /// A moment well after the file's times: what `now` will be in a few seconds.
    func later(_ seconds: Int = 10) -> timespec {
        var t = SourceMemo.now()
        t.tv_sec += seconds
        return t
    }

    @Test func aKeyIsRememberedForTheSameFileOnly() throws {
        let (folder, file, memo) = try fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(memo.key(for: file) == nil)
        memo.remember(Self.key, for: identity(file), hashedAt: later())
        #expect(memo.key(for: file) == Self.key)
        // Another build remembers nothing of it.
        #expect(SourceMemo(folder: memo.folder, build: "other").key(for: file) == nil)
        var info = stat()
        #expect(stat(memo.path(device: identity(file).device, inode: identity(file).inode), &info) == 0 && info.st_mode & 0o777 == 0o600)
    }

    @Test func aFileWrittenInPlaceIsHashedAgain() throws {
        let (folder, file, memo) = try fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = identity(file)
        memo.remember(Self.key, for: before, hashedAt: later())
        // The same size, in place (same inode), then its modification time put back.
        let fd = open(file, O_WRONLY)
        #expect(fd >= 0)
        #expect(pwrite(fd, "version: 2\n", 11, 0) == 11)
        close(fd)
        var times = [before.modified, before.modified]
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)
        let after = identity(file)
        #expect(after.inode == before.inode && after.size == before.size && after.modified.tv_nsec == before.modified.tv_nsec)
        #expect(memo.key(for: file) == nil)
    }

    @Test func aFileChangedTooRecentlyIsNotRemembered() throws {
        let (folder, file, memo) = try fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        memo.remember(Self.key, for: identity(file), hashedAt: SourceMemo.now())
        #expect(memo.key(for: file) == nil)
        #expect((try? FileManager.default.contentsOfDirectory(atPath: memo.folder))?.isEmpty ?? true)
    }

    @Test func aDamagedMemoIsIgnoredAndPruned() throws {
        let (folder, file, memo) = try fixture()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let id = identity(file)
        memo.remember(Self.key, for: id, hashedAt: later())
        let path = memo.path(device: id.device, inode: id.inode)
        for damaged in ["", "catalyse-source 1 \(id.line) \(Self.key)", "catalyse-source 1 \(id.line) \(String(repeating: "zz", count: 32))\n",
                        "catalyse-source 2 \(id.line) \(Self.key)\n", String(repeating: "x", count: 4000)] {
            try Data(damaged.utf8).write(to: URL(fileURLWithPath: path))
            #expect(memo.key(for: file) == nil, "\(damaged.prefix(80).debugDescription)")
        }
        memo.remember(Self.key, for: id, hashedAt: later())
        memo.prune(keeping: { $0 == Self.key })
        #expect(memo.key(for: file) == Self.key)
        memo.prune(keeping: { _ in false })
        #expect(memo.key(for: file) == nil && !FileManager.default.fileExists(atPath: path))
    }
}

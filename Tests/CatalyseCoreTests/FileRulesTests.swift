import Foundation
import Testing
import Glibc
@testable import CatalyseCore

/// Issue 23, classes 2–6 in the core: what a path may name when written (folders, links,
/// FIFOs, devices, sockets), the modes files get, and what an input may be (never a FIFO that
/// blocks, never a device, the limit applied before reading).
@Suite("File rules")
struct FileRulesTests {
    /// The process umask, read without changing it (tests run in parallel).
    static var umask: mode_t {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") } ?? "Umask:\t0022"
        return mode_t(line.split(separator: "\t").last.flatMap { UInt32($0, radix: 8) } ?? 0o022)
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    static func kind(_ path: String) -> FileKind? {
        var info = stat()
        return lstat(path, &info) == 0 ? FileKind(mode: info.st_mode) : nil
    }

    /// A Unix socket bound at `path` (left in place; the descriptor is closed).
    static func makeSocket(_ path: String) {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes)
        }
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
    }

    // MARK: Class 2: names

    @Test func pathsAreTakenApartWithoutTrapping() {
        let cases: [(String, String)] = [("a", "."), ("-", "."), (".", "."), ("..", "."), ("d/", "."), ("/a", "/"), ("/", "/"),
                                         ("a/b", "a"), ("a//b", "a"), ("/x/y/z.txt", "/x/y"), ("x/y/", "x"), ("", ".")]
        for (path, folder) in cases { #expect(FilePath.folder(of: path) == folder, "\(path)") }
        for name in [".", "..", "d/", "/x/.", "a/..", "/"] { #expect(FilePath.namesAFolder(name), "\(name)") }
        for name in ["a", "-", "a.txt", "/x/y", ".hidden"] { #expect(!FilePath.namesAFolder(name), "\(name)") }
    }

    @Test func namesOfFoldersAreRefusedAndShortNamesWritten() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/d", withIntermediateDirectories: true)
        for name in ["/.", "/d/", "/d", "/d/.", "/..", "/missing/"] {
            guard case .failure(let e) = AtomicFile.write([65], to: dir + name, overwrite: true) else {
                Issue.record("wrote \(name)")
                continue
            }
            #expect(e.problem == .namesAFolder || e.problem == .notAFile(.folder) || e.problem == .missingFolder(dir + "/missing"), "\(name): \(e.problem)")
        }
        for name in ["/a", "/-", "/é"] {
            #expect(throws: Never.self) { try AtomicFile.write([65], to: dir + name, overwrite: false).get() }
        }
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir)) == ["a", "-", "é", "d"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/d").isEmpty)
    }

    /// A file handed over in parts is written whole, or not at all when the parts stop.
    @Test func aFileWrittenInPartsIsWholeOrNotWritten() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let parts: [[UInt8]] = [Array("ab".utf8), [], Array("cde".utf8)]
        #expect(throws: Never.self) {
            try AtomicFile.write(to: dir + "/whole", overwrite: false) { emit in parts.allSatisfy { $0.withUnsafeBytes(emit) } }.get()
        }
        #expect(FileManager.default.contents(atPath: dir + "/whole") == Data("abcde".utf8))
        let stopped = AtomicFile.write(to: dir + "/whole", overwrite: true) { emit in
            _ = [UInt8]("x".utf8).withUnsafeBytes(emit)
            return false
        }
        guard case .failure = stopped else { Issue.record("a write that stopped succeeded"); return }
        #expect(FileManager.default.contents(atPath: dir + "/whole") == Data("abcde".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["whole"])
    }

    // MARK: Class 3: targets that are not regular files

    @Test func onlyRegularFilesAreReplaced() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "cible".write(toFile: dir + "/target.txt", atomically: false, encoding: .utf8)
        symlink(dir + "/target.txt", dir + "/link.txt")
        symlink("/dev/null", dir + "/null-link")
        mkfifo(dir + "/fifo", 0o644)
        Self.makeSocket(dir + "/socket")
        try FileManager.default.createDirectory(atPath: dir + "/folder", withIntermediateDirectories: true)
        let expected: [String: FileKind] = ["link.txt": .symbolicLink, "null-link": .symbolicLink, "fifo": .namedPipe,
                                            "socket": .socket, "folder": .folder]
        for (name, kind) in expected {
            for streams in [AtomicFile.Streams.refuse, .writeInto] where !(name == "null-link" && streams == .writeInto) {
                let started = Date()
                guard case .failure(let e) = AtomicFile.write(Array("x".utf8), to: dir + "/" + name, overwrite: true, streams: streams) else {
                    Issue.record("replaced \(name)")
                    continue
                }
                #expect(e.problem == .notAFile(kind), "\(name): \(e.problem)")
                #expect(Date().timeIntervalSince(started) < 2, "\(name) blocked")
            }
            #expect(Self.kind(dir + "/" + name) == kind, "\(name) was replaced")
        }
        #expect(try String(contentsOfFile: dir + "/target.txt", encoding: .utf8) == "cible")
        // A link to a character device, with .writeInto: written into, still a link to it.
        #expect(throws: Never.self) { try AtomicFile.write(Array("x".utf8), to: dir + "/null-link", overwrite: false, streams: .writeInto).get() }
        #expect(Self.kind(dir + "/null-link") == .symbolicLink)
        #expect(Self.kind("/dev/null") == .characterDevice)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.hasPrefix(".catalyse-tmp") })
    }

    /// A device node of the test's own (root can make one): refused, or written into, never
    /// replaced by a regular file, `overwrite` or not.
    @Test(.enabled(if: getuid() == 0)) func aDeviceIsNeverReplaced() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let device = dir + "/null"
        try #require(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0, "mknod: \(String(cString: strerror(errno)))")
        guard case .failure(let e) = AtomicFile.write([65], to: device, overwrite: true, streams: .refuse) else {
            Issue.record("replaced a device")
            return
        }
        #expect(e.problem == .notAFile(.characterDevice))
        for overwrite in [false, true] {
            #expect(throws: Never.self) { try AtomicFile.write([65], to: device, overwrite: overwrite, streams: .writeInto).get() }
        }
        #expect(Self.kind(device) == .characterDevice)
    }

    // MARK: Class 4: modes

    @Test func aReplacedFileKeepsItsModeAndANewOneFollowsTheUmask() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for mode: mode_t in [0o600, 0o640, 0o604, 0o666] {
            let path = dir + "/kept-\(String(mode, radix: 8))"
            try "old".write(toFile: path, atomically: false, encoding: .utf8)
            chmod(path, mode)
            #expect(throws: Never.self) { try AtomicFile.write(Array("new".utf8), to: path, overwrite: true).get() }
            #expect(Self.mode(path) == mode, "\(path): \(String(Self.mode(path), radix: 8))")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        }
        #expect(throws: Never.self) { try AtomicFile.write([1], to: dir + "/new", overwrite: false).get() }
        #expect(Self.mode(dir + "/new") == 0o666 & ~Self.umask)
        #expect(throws: Never.self) { try AtomicFile.write([1], to: dir + "/private", overwrite: false, newMode: 0o600).get() }
        #expect(Self.mode(dir + "/private") == 0o600 & ~Self.umask)
    }

    @Test func favouritesKeepTheirModeAndNeverFollowALink() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/favourites"
        try "a\n".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        let store = FavouritesStore(path: path)
        try store.add("b")
        #expect(Self.mode(path) == 0o600)
        #expect(try store.load() == ["a", "b"])
        // A link in place of the file: refused, for reading and for changes; nothing copied.
        try "secret\n".write(toFile: dir + "/elsewhere", atomically: false, encoding: .utf8)
        chmod(dir + "/elsewhere", 0o600)
        try FileManager.default.removeItem(atPath: path)
        symlink(dir + "/elsewhere", path)
        #expect(throws: FavouritesError.unreadable(path: path, reason: .notAFile(.symbolicLink))) { try store.load() }
        #expect(throws: FavouritesError.unreadable(path: path, reason: .notAFile(.symbolicLink))) { try store.add("c") }
        #expect(Self.kind(path) == .symbolicLink)
        #expect(try String(contentsOfFile: dir + "/elsewhere", encoding: .utf8) == "secret\n")
        #expect(FavouritesError.unreadable(path: path, reason: .notAFile(.symbolicLink)).message(.fr).contains("c'est un lien symbolique, pas un fichier ordinaire"))
    }

    @Test func theLanguagePreferenceNeverFollowsALinkNorWaits() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let preference = LanguagePreference(environment: ["XDG_STATE_HOME": dir, "HOME": dir])
        try FileManager.default.createDirectory(atPath: dir + "/catalyse", withIntermediateDirectories: true)
        #expect(preference.save(.en))
        #expect(preference.load() == .en)
        chmod(preference.path, 0o600)
        #expect(preference.save(.fr))
        #expect(Self.mode(preference.path) == 0o600)
        try "en\n".write(toFile: dir + "/other", atomically: false, encoding: .utf8)
        unlink(preference.path)
        symlink(dir + "/other", preference.path)
        #expect(preference.load() == nil)
        #expect(!preference.save(.fr))
        #expect(Self.kind(preference.path) == .symbolicLink)
        unlink(preference.path)
        mkfifo(preference.path, 0o644)
        let started = Date()
        #expect(preference.load() == nil)
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func dossiersFollowTheSameRules() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try DossierStore(path: dir + "/catalyse.sqlite")
        #expect(Self.mode(store.path) == 0o600 & ~Self.umask)
        try "old".write(toFile: dir + "/backup.sqlite", atomically: false, encoding: .utf8)
        chmod(dir + "/backup.sqlite", 0o640)
        try store.backup(to: dir + "/backup.sqlite", overwrite: true)
        #expect(Self.mode(dir + "/backup.sqlite") == 0o640)
        try store.backup(to: dir + "/new-backup.sqlite", overwrite: false)
        #expect(Self.mode(dir + "/new-backup.sqlite") == 0o600 & ~Self.umask)
        symlink(dir + "/backup.sqlite", dir + "/linked.sqlite")
        #expect(throws: DossierError.self) { try store.backup(to: dir + "/linked.sqlite", overwrite: true) }
        #expect(throws: DossierError.self) { try DossierStore(path: dir + "/linked.sqlite") }
        mkfifo(dir + "/fifo.sqlite", 0o600)
        #expect(throws: DossierError.self) { try DossierStore(path: dir + "/fifo.sqlite") }
        #expect(Self.kind(dir + "/linked.sqlite") == .symbolicLink)
    }
}

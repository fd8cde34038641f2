import Crypto
import Foundation
import Glibc

/// What identifies the bytes of a regular file without reading them: its device and inode, its
/// size, and its modification and status-change times to the nanosecond. The status-change time
/// (`ctime`) cannot be set by a program: any write, and any `utimes` that would restore the
/// modification time, moves it.
struct SourceIdentity: Equatable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: timespec
    var changed: timespec

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    static func == (a: SourceIdentity, b: SourceIdentity) -> Bool {
        a.device == b.device && a.inode == b.inode && a.size == b.size
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }

    var line: String {
        "\(device) \(inode) \(size) \(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec)"
    }
}

/// The compiled cache's memory of which key a source file had (`$XDG_CACHE_HOME/catalyse/sources/`),
/// so that reopening a large catalogue that has not changed does not hash all its bytes again
/// (156 MB of JSON at 100,000 offers: about 75 ms of SHA-256 and as much again to read it). As
/// git's index does for its files, a file's key is remembered with its identity
/// (`SourceIdentity`), and used only while the file still has exactly that identity.
///
/// A timestamp has a granularity (the kernel's clock tick): a file written again within the
/// same tick as an earlier write could keep its times. So a key is remembered only when the
/// file's last modification and status change were over two seconds before its bytes were
/// hashed; a file changed since then has later times. Every entry found through a memo still
/// goes through all the opening checks of a compiled file. One small file per source file,
/// named from the build and the file's device and inode; a memo that cannot be read or does not
/// match is ignored, one that cannot be written is skipped.
struct SourceMemo: Sendable {
    let folder: String
    let build: String

    static let margin = 2

    static func now() -> timespec {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return t
    }

    /// The memo's file for a file of this identity.
    func path(device: UInt64, inode: UInt64) -> String {
        var hasher = SHA256()
        hasher.update(data: Array("\(build)\0\(device)\0\(inode)".utf8))
        return folder + "/" + Hex.string(hasher.finalize().prefix(16)) + ".source"
    }

    /// The key remembered for the file at `path`, if it still has the identity it had then.
    func key(for path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let identity = SourceIdentity(info)
        guard case .success(let bytes) = InputFile.read(self.path(device: identity.device, inode: identity.inode), limit: 512, links: .refuse) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let prefix = "catalyse-source 1 " + identity.line + " "
        guard text.hasPrefix(prefix), text.hasSuffix("\n") else { return nil }
        let key = text.dropFirst(prefix.count).dropLast()
        guard key.utf8.count == 64, key.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return String(key)
    }

    /// Remembers `key` for a file of `identity` whose bytes were hashed from `hashedAt` on, when
    /// its times are old enough to be trusted (above).
    func remember(_ key: String, for identity: SourceIdentity, hashedAt: timespec) {
        let limit = hashedAt.tv_sec - SourceMemo.margin
        guard identity.modified.tv_sec < limit, identity.changed.tv_sec < limit else { return }
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil else { return }
        let line = Array(("catalyse-source 1 " + identity.line + " " + key + "\n").utf8)
        _ = AtomicFile.write(to: path(device: identity.device, inode: identity.inode), overwrite: true, newMode: 0o600) { emit in
            line.withUnsafeBytes { emit($0) }
        }
    }

    /// Removes the memos whose entry is gone (`keeps` says whether a key's entry is still there).
    func prune(keeping keeps: (String) -> Bool) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(".source") {
            let file = folder + "/" + name
            guard case .success(let bytes) = InputFile.read(file, limit: 512, links: .refuse) else { continue }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let key = text.split(separator: " ").last?.dropLast(), key.count == 64 else { unlink(file); continue }
            if !keeps(String(key)) { unlink(file) }
        }
    }
}

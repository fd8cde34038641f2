import Crypto
import Foundation
import Glibc

/// A transparent cache of compiled catalogues (`$XDG_CACHE_HOME/catalyse/compiled/`): the first
/// time a YAML or JSON catalogue (or a folder of sheets) is opened, its compiled form is written
/// there, named by the SHA-256 of the source bytes and of the program's build (a rebuilt or
/// newer catalyse, whose cleaning or format may differ, never serves an old entry); later opens
/// of the same bytes map it, with every opening check, instead of parsing. An entry that is
/// damaged, unreadable or cannot be written is ignored (rebuilt, or skipped), never fatal. Entries
/// are 0600, written atomically; the folder is kept under a total size (1 GiB, or
/// `CATALYSE_CACHE_LIMIT_MIB`), the least recently used going first. `CATALYSE_NO_CACHE=1` turns it
/// off; `validate`, `compile`, `import`, `diff` and `publish` never use it.
public struct CompiledCache: Sendable {
    public let folder: String
    public let limit: Int

    public init(environment: [String: String]) {
        folder = StorePaths(environment: environment).cache + "/compiled"
        limit = (environment["CATALYSE_CACHE_LIMIT_MIB"].flatMap(Int.init).map { max(1, $0) } ?? 1024) << 20
    }

    /// Whether the environment turns the cache off.
    public static func disabled(_ environment: [String: String]) -> Bool {
        ["1", "yes", "true"].contains(environment["CATALYSE_NO_CACHE"]?.lowercased() ?? "")
    }

    /// What identifies this build of the program: its executable's size, modification time and
    /// inode, and the compiled format's version.
    static let build: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "v\(CompiledFormat.version)" }
        return "v\(CompiledFormat.version)-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)-\(info.st_ino)"
    }()

    /// The source's bytes as the key sees them: a file's, or a folder's three sheets.
    static func sourceBytes(_ path: String) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            var all: [UInt8] = []
            for kind in SheetKind.allCases {
                guard case .success(let data) = InputFile.read((path as NSString).appendingPathComponent(kind.fileName), limit: CatalogueLoader.Format.yaml.sizeLimit, links: .follow) else {
                    // A sheet that is missing, or not a regular file: not cached (the loader says why).
                    if kind == .catalogue { continue }
                    return nil
                }
                all += Array("\(kind.fileName):\(data.count):".utf8) + data
            }
            return all
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, case .success(let data) = InputFile.read(path, limit: CatalogueLoader.Format.json.sizeLimit, links: .follow) else { return nil }
        return data
    }

    /// Loads the catalogue at `path` through the cache (a compiled file is loaded as it is).
    public func load(path: String, today: Day, mapAbove: Int = CatalogueLoader.Format.defaultMapAbove) throws -> CatalogueLoader.Loaded {
        guard CatalogueLoader.Format(path: path) != .compiled, let bytes = CompiledCache.sourceBytes(path) else {
            return try CatalogueLoader.load(path: path, today: today, mapAbove: mapAbove)
        }
        var hasher = SHA256()
        hasher.update(data: Array(CompiledCache.build.utf8) + [0])
        hasher.update(data: bytes)
        let key = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let entry = folder + "/" + key + ".catalyse"
        if FileManager.default.fileExists(atPath: entry), let cached = try? CatalogueLoader.load(path: entry, today: today, mapAbove: mapAbove) {
            utimes(entry, nil)  // used: the last to go
            return cached
        }
        let loaded = try CatalogueLoader.load(path: path, today: today, mapAbove: mapAbove)
        store(loaded, at: entry)
        return loaded
    }

    /// Writes an entry (best effort: a cache that cannot be written is skipped), then keeps the
    /// folder under its limit.
    func store(_ loaded: CatalogueLoader.Loaded, at entry: String) {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil else { return }
        let index = loaded.searchIndex()
        guard case .success = AtomicFile.write(to: entry, overwrite: true, newMode: 0o600, contents: { CompiledWriter.write(index, $0) }) else { return }
        prune()
    }

    /// Removes the least recently used entries until the folder is under the limit.
    func prune() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var entries: [(path: String, size: Int, used: Int)] = []
        for name in names where name.hasSuffix(".catalyse") {
            var info = stat()
            let path = folder + "/" + name
            if stat(path, &info) == 0 { entries.append((path, Int(info.st_size), Int(info.st_mtim.tv_sec))) }
        }
        var total = entries.reduce(0) { $0 + $1.size }
        for e in entries.sorted(by: { $0.used < $1.used }) where total > limit {
            unlink(e.path)
            total -= e.size
        }
    }
}

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

    /// Entries larger than this are mapped (see `cachedEntry`).
    static let mapEntriesAbove = 8 * 1024 * 1024

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

    /// The key of the source at `path`: the SHA-256 of the program's build and of the source's
    /// bytes (a file's, or a folder's three sheets, each after its name and size), read in
    /// pieces into one buffer (never the whole file in memory, never mapped: a file cut while
    /// it is hashed is a short read, not a fault). Nil when the source cannot be cached (the
    /// loader then says why, if anything is wrong).
    static func sourceKey(_ path: String) -> String? { sourceKeyAndIdentity(path)?.key }

    /// The key, and for a regular file what `fstat` said of it before and after it was hashed
    /// when the two agree (nil for a folder of sheets).
    static func sourceKeyAndIdentity(_ path: String) -> (key: String, identity: SourceIdentity?)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        var hasher = SHA256()
        hasher.update(data: Array(CompiledCache.build.utf8) + [0])
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)
        defer { buffer.deallocate() }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for kind in SheetKind.allCases {
                let sheet = (path as NSString).appendingPathComponent(kind.fileName)
                guard case .success(let opened) = InputFile.open(sheet, links: .follow, pipes: false) else {
                    // A sheet that is missing, or not a regular file: not cached (the loader says why).
                    if kind == .catalogue { continue }
                    return nil
                }
                defer { close(opened.descriptor) }
                guard opened.size <= CatalogueLoader.Format.yaml.sizeLimit else { return nil }
                hasher.update(data: Array("\(kind.fileName):\(opened.size):".utf8))
                guard hash(opened, into: &hasher, buffer: buffer) else { return nil }
            }
            return (Hex.string(hasher.finalize()), nil)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG, case .success(let opened) = InputFile.open(path, links: .follow, pipes: false) else { return nil }
        defer { close(opened.descriptor) }
        guard opened.size <= CatalogueLoader.Format.json.sizeLimit, hash(opened, into: &hasher, buffer: buffer) else { return nil }
        var after = stat()
        let before = SourceIdentity(opened.info)
        let unchanged = fstat(opened.descriptor, &after) == 0 && SourceIdentity(after) == before
        return (Hex.string(hasher.finalize()), unchanged ? before : nil)
    }

    /// Hashes an opened regular file to its end; false when it could not be read whole or its
    /// size changed while it was read.
    private static func hash(_ opened: InputFile.Opened, into hasher: inout SHA256, buffer: UnsafeMutableRawBufferPointer) -> Bool {
        var total = 0
        while true {
            let n = Glibc.read(opened.descriptor, buffer.baseAddress!, buffer.count)
            if n < 0 { if errno == EINTR || errno == EAGAIN { continue }; return false }
            if n == 0 { break }
            total += n
            if total > opened.size { return false }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
        return total == opened.size
    }

    /// Loads the catalogue at `path` through the cache (a compiled file is loaded as it is).
    public func load(path: String, today: Day, mapAbove: Int = CatalogueLoader.Format.defaultMapAbove) throws -> CatalogueLoader.Loaded {
        guard CatalogueLoader.Format(path: path) != .compiled else {
            return try CatalogueLoader.load(path: path, today: today, mapAbove: mapAbove)
        }
        // The key remembered for this very file, unchanged since (see `SourceMemo`).
        if let remembered = memo.key(for: path), let cached = cachedEntry(remembered, today: today, mapAbove: mapAbove) { return cached }
        let hashedAt = SourceMemo.now()
        guard let (key, identity) = CompiledCache.sourceKeyAndIdentity(path) else {
            return try CatalogueLoader.load(path: path, today: today, mapAbove: mapAbove)
        }
        if let cached = cachedEntry(key, today: today, mapAbove: mapAbove) {
            if let identity { memo.remember(key, for: identity, hashedAt: hashedAt) }
            return cached
        }
        let loaded = try CatalogueLoader.load(path: path, today: today, mapAbove: mapAbove)
        if store(loaded, at: entry(key)), let identity { memo.remember(key, for: identity, hashedAt: hashedAt) }
        return loaded
    }

    func entry(_ key: String) -> String { folder + "/" + key + ".catalyse" }

    /// The entry of `key`, opened with every check; nil when there is none or it cannot be used.
    func cachedEntry(_ key: String, today: Day, mapAbove: Int) -> CatalogueLoader.Loaded? {
        let entry = entry(key)
        // Entries are the program's own, never rewritten in place (replaced by a rename, which
        // leaves a mapping whole), so any but a small one is mapped rather than copied: at
        // 100,000 offers the copy of 130 MB was a quarter of a cached `list`. A mapping is
        // guarded all the same (`MappingGuard`).
        guard FileManager.default.fileExists(atPath: entry),
              let cached = try? CatalogueLoader.load(path: entry, today: today, mapAbove: min(mapAbove, CompiledCache.mapEntriesAbove)) else { return nil }
        utimes(entry, nil)  // used: the last to go
        return cached
    }

    var memo: SourceMemo { SourceMemo(folder: FilePath.folder(of: folder) + "/sources", build: CompiledCache.build) }

    /// Writes an entry (best effort: a cache that cannot be written is skipped), then keeps the
    /// folder under its limit.
    @discardableResult
    func store(_ loaded: CatalogueLoader.Loaded, at entry: String) -> Bool {
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])) != nil else { return false }
        let index = loaded.searchIndex()
        guard case .success = AtomicFile.write(to: entry, overwrite: true, newMode: 0o600, contents: { CompiledWriter.write(index, $0) }) else { return false }
        prune()
        memo.prune(keeping: { FileManager.default.fileExists(atPath: self.entry($0)) })
        return true
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

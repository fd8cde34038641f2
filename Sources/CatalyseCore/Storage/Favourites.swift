import Foundation
import Glibc

/// A problem with the favourites file. Each maps to an exit status of the command line.
public enum FavouritesError: Error, Equatable, Sendable {
    /// A line that is neither an id, a comment nor blank (exit 65). The file is left untouched.
    case corrupt(path: String, line: Int, text: String)
    /// The file exists but cannot be read (exit 66): a system error, or it is not a regular
    /// file (a symbolic link, a FIFO, a device, a folder), or it is too large.
    case unreadable(path: String, reason: FileProblem)
    /// The file, its folder or its lock cannot be written (exit 73).
    case unwritable(path: String, reason: FileProblem)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.corrupt(path, line, text), .fr):
            return "Le fichier des favoris \(TextCleaning.forDisplay(path)) est illisible à la ligne \(line) («\u{00A0}\(TextCleaning.forDisplay(String(text.prefix(40))))\u{00A0}» n'est ni un identifiant, ni un commentaire)\u{00A0}; il n'a pas été modifié."
        case let (.corrupt(path, line, text), .en):
            return "The favourites file \(TextCleaning.forDisplay(path)) is corrupt at line \(line) (\"\(TextCleaning.forDisplay(String(text.prefix(40))))\" is neither an id nor a comment); it was left untouched."
        case let (.unreadable(path, reason), .fr):
            return "Impossible de lire le fichier des favoris \(TextCleaning.forDisplay(path))\u{00A0}: \(reason.text(.fr))."
        case let (.unreadable(path, reason), .en):
            return "Cannot read the favourites file \(TextCleaning.forDisplay(path)): \(reason.text(.en))."
        case let (.unwritable(path, reason), .fr):
            return "Impossible d'enregistrer les favoris dans \(TextCleaning.forDisplay(path))\u{00A0}: \(reason.text(.fr))."
        case let (.unwritable(path, reason), .en):
            return "Cannot save the favourites to \(TextCleaning.forDisplay(path)): \(reason.text(.en))."
        }
    }
}

/// The favourites file: one offer id per line (LF or CRLF), `#` comments and blank lines
/// allowed and kept, order kept. Every change is made under an exclusive lock on
/// `favourites.lock` beside it: re-read the file, apply that one change, write a temporary file
/// in the same folder, fsync, rename (`AtomicFile`: the file keeps its permissions). Ids that
/// are not in the catalogue are kept (and shown as missing), never dropped.
///
/// The file is read with `InputFile`: a symbolic link, a FIFO or a device in its place is
/// refused with a message (never followed, never waited on), and so is a file over
/// `sizeLimit`. Reading and validating are linear in the number of lines.
public struct FavouritesStore: Sendable {
    public let path: String
    public var lockPath: String { directory + "/favourites.lock" }
    public var directory: String { FilePath.folder(of: path) }
    /// 64 MiB: about two million ids.
    public static let sizeLimit = 64 * 1024 * 1024

    public init(path: String) { self.path = path }

    public init(environment: [String: String]) {
        self.init(path: StorePaths(environment: environment).state + "/favourites")
    }

    /// The ids in the file, in order (an absent file has none).
    public func load() throws(FavouritesError) -> [String] {
        try read().ids
    }

    /// Adds `id` at the end unless it is already there. Returns the ids after the change.
    @discardableResult
    public func add(_ id: String) throws(FavouritesError) -> [String] {
        try change { lines in FavouritesStore.set(id, true, in: &lines) }
    }

    /// Removes every line holding `id`. Returns the ids after the change.
    @discardableResult
    public func remove(_ id: String) throws(FavouritesError) -> [String] {
        try change { lines in FavouritesStore.set(id, false, in: &lines) }
    }

    /// Puts back a favourite that was removed (undo): on its own line just before the line of
    /// `before` when that one is still there, else at the end; nothing when it is already
    /// there. Returns the ids after the change.
    @discardableResult
    public func restore(_ id: String, before: String?) throws(FavouritesError) -> [String] {
        try change { lines in
            guard !FavouritesStore.idLines(lines).contains(id) else { return }
            if let before, let at = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == before }) {
                lines.insert(id, at: at)
            } else {
                lines.append(id)
            }
        }
    }

    /// Adds `id` if absent, removes it if present; returns whether it is now a favourite.
    public func toggle(_ id: String) throws(FavouritesError) -> Bool {
        var now = false
        _ = try change { lines in
            now = !FavouritesStore.idLines(lines).contains(id)
            FavouritesStore.set(id, now, in: &lines)
        }
        return now
    }

    // MARK: - File handling

    /// Marks (appended at the end, once) or unmarks (every line holding it) one id; comments,
    /// blank lines and the other ids stay as they are.
    static func set(_ id: String, _ marked: Bool, in lines: inout [String]) {
        if marked {
            if !idLines(lines).contains(id) { lines.append(id) }
        } else {
            lines.removeAll { trimmed($0) == id }
        }
    }

    static func idLines(_ lines: [String]) -> [String] {
        lines.map(trimmed).filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// A line without its surrounding spaces and tabs (Foundation's trimming only when an end
    /// may be blank: most lines are bare ids, and this runs for every line of the file).
    static func trimmed(_ line: String) -> String {
        guard let first = line.utf8.first, let last = line.utf8.last else { return line }
        func plain(_ b: UInt8) -> Bool { b < 0x80 && b != 0x20 && b != 0x09 }
        if plain(first) && plain(last) { return line }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// Validates every line and returns the ids in order.
    static func ids(in lines: [String], path: String = "") throws(FavouritesError) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for (n, line) in lines.enumerated() {
            let t = trimmed(line)
            if t.isEmpty || t.hasPrefix("#") { continue }
            guard Slug.isValid(t) else { throw FavouritesError.corrupt(path: path, line: n + 1, text: t) }
            if seen.insert(t).inserted { result.append(t) }
        }
        return result
    }

    /// The lines of a file's bytes: split at LF, a CR before it dropped (CRLF files, as Windows
    /// editors write them); or the number of the first line that is not UTF-8.
    static func lines(of bytes: [UInt8]) -> (lines: [String], badLine: Int?) {
        bytes.withUnsafeBufferPointer { buffer in
            var lines: [String] = []
            var start = 0
            var end = buffer.count
            if end > 0 && buffer[end - 1] == 0x0A { end -= 1 } else if end == 0 { return ([], nil) }
            let base = buffer.baseAddress!
            while start <= end {
                let found = memchr(base + start, 0x0A, end - start)
                let stop = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
                var last = stop
                if last > start && buffer[last - 1] == 0x0D { last -= 1 }
                guard let line = String(validating: UnsafeBufferPointer(start: base + start, count: last - start), as: UTF8.self) else {
                    return (lines, lines.count + 1)
                }
                lines.append(line)
                start = stop + 1
            }
            return (lines, nil)
        }
    }

    /// The file's lines and its ids (no file: none); fails on unreadable or corrupt content.
    func read() throws(FavouritesError) -> (lines: [String], ids: [String]) {
        let bytes: [UInt8]
        switch InputFile.read(path, limit: FavouritesStore.sizeLimit, links: .refuse) {
        case .success(let b): bytes = b
        case .failure(.notFound): return ([], [])
        case .failure(.problem(let problem)): throw .unreadable(path: path, reason: problem)
        }
        let (lines, badLine) = FavouritesStore.lines(of: bytes)
        if let badLine { throw .corrupt(path: path, line: badLine, text: "(not UTF-8 text)") }
        return (lines, try FavouritesStore.ids(in: lines, path: path))
    }

    /// Applies one change under the lock: re-read, change, write atomically.
    func change(_ apply: (inout [String]) -> Void) throws(FavouritesError) -> [String] {
        try makeDirectory()
        let lockFD = try openLock()
        defer { close(lockFD) }
        while flock(lockFD, LOCK_EX) != 0 {
            if errno != EINTR { throw .unwritable(path: path, reason: .lock(lockPath, errno)) }
        }
        defer { flock(lockFD, LOCK_UN) }
        var lines = try read().lines
        let before = lines
        apply(&lines)
        if lines != before { try AtomicFile.write(Array((lines.map { $0 + "\n" }.joined()).utf8), to: path, overwrite: true).get() }
        return try FavouritesStore.ids(in: lines, path: path)
    }

    /// The lock file, opened read-only (enough for `flock`, so a lock another user left, as
    /// after a `sudo` run, still works when it is readable), never through a link, never a FIFO.
    /// When it cannot be opened the message names the lock, not the favourites file.
    func openLock() throws(FavouritesError) -> Int32 {
        let fd = open(lockPath, O_RDONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0o666)
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            // No lock file and none could be made: the folder is not writable.
            if lstat(lockPath, &info) != 0 { throw .unwritable(path: path, reason: .system(code)) }
            throw .unwritable(path: path, reason: FileKind(mode: info.st_mode) == .regular ? .lock(lockPath, code) : .lock(lockPath, ELOOP))
        }
        var info = stat()
        guard fstat(fd, &info) == 0, FileKind(mode: info.st_mode) == .regular else {
            close(fd)
            throw .unwritable(path: path, reason: .lock(lockPath, ELOOP))
        }
        return fd
    }

    func makeDirectory() throws(FavouritesError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: path, reason: .folderNotCreated(directory))
        }
    }
}

extension Result where Failure == AtomicFile.WriteError {
    func get() throws(FavouritesError) -> Success {
        switch self {
        case .success(let v): return v
        case .failure(let e): throw .unwritable(path: e.path, reason: e.problem)
        }
    }
}


import Foundation
import Glibc

/// A problem with the favourites file. Each maps to an exit status of the command line.
public enum FavouritesError: Error, Equatable, Sendable {
    /// A line that is neither an id, a comment nor blank (exit 65). The file is left untouched.
    case corrupt(path: String, line: Int, text: String)
    /// The file exists but cannot be read (exit 66).
    case unreadable(path: String, reason: String)
    /// The file or its folder cannot be written (exit 73).
    case unwritable(path: String, reason: String)

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.corrupt(path, line, text), .fr):
            return "Le fichier des favoris \(TextCleaning.forDisplay(path)) est illisible à la ligne \(line) (« \(TextCleaning.forDisplay(String(text.prefix(40)))) » n'est ni un identifiant, ni un commentaire) ; il n'a pas été modifié."
        case let (.corrupt(path, line, text), .en):
            return "The favourites file \(TextCleaning.forDisplay(path)) is corrupt at line \(line) (\"\(TextCleaning.forDisplay(String(text.prefix(40))))\" is neither an id nor a comment); it was left untouched."
        case let (.unreadable(path, reason), .fr):
            return "Impossible de lire le fichier des favoris \(TextCleaning.forDisplay(path)) : \(reason)."
        case let (.unreadable(path, reason), .en):
            return "Cannot read the favourites file \(TextCleaning.forDisplay(path)): \(reason)."
        case let (.unwritable(path, reason), .fr):
            return "Impossible d'enregistrer les favoris dans \(TextCleaning.forDisplay(path)) : \(reason)."
        case let (.unwritable(path, reason), .en):
            return "Cannot save the favourites to \(TextCleaning.forDisplay(path)): \(reason)."
        }
    }
}

/// The favourites file: one offer id per line, `#` comments and blank lines allowed and kept,
/// order kept. Every change is made under an exclusive lock on `favourites.lock` beside it:
/// re-read the file, apply that one change, write a temporary file in the same folder, fsync,
/// rename. Ids that are not in the catalogue are kept (and shown as missing), never dropped.
public struct FavouritesStore: Sendable {
    public let path: String
    public var lockPath: String { directory + "/favourites.lock" }
    public var directory: String { (path as NSString).deletingLastPathComponent }

    public init(path: String) { self.path = path }

    public init(environment: [String: String]) {
        self.init(path: StorePaths(environment: environment).state + "/favourites")
    }

    /// The ids in the file, in order (an absent file has none).
    public func load() throws(FavouritesError) -> [String] {
        try FavouritesStore.ids(in: read())
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
            lines.removeAll { $0.trimmingCharacters(in: .whitespaces) == id }
        }
    }

    static func idLines(_ lines: [String]) -> [String] {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// Validates every line and returns the ids in order.
    static func ids(in lines: [String], path: String = "") throws(FavouritesError) -> [String] {
        var result: [String] = []
        for (n, line) in lines.enumerated() {
            let t = line.trimmingCharacters(in: .whitespaces)
            if t.isEmpty || t.hasPrefix("#") { continue }
            guard Slug.isValid(t) else { throw FavouritesError.corrupt(path: path, line: n + 1, text: t) }
            if !result.contains(t) { result.append(t) }
        }
        return result
    }

    /// The file's lines (no file: none); fails on unreadable or corrupt content.
    func read() throws(FavouritesError) -> [String] {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT { return [] }
            throw .unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: "it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: String(cString: strerror(errno == 0 ? EACCES : errno)))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .corrupt(path: path, line: 1, text: "(not UTF-8 text)")
        }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        lines = lines.map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        _ = try FavouritesStore.ids(in: lines, path: path)
        return lines
    }

    /// Applies one change under the lock: re-read, change, write atomically.
    func change(_ apply: (inout [String]) -> Void) throws(FavouritesError) -> [String] {
        try makeDirectory()
        let lockFD = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        defer { close(lockFD) }
        while flock(lockFD, LOCK_EX) != 0 {
            if errno != EINTR { throw .unwritable(path: path, reason: String(cString: strerror(errno))) }
        }
        defer { flock(lockFD, LOCK_UN) }
        var lines = try read()
        let before = lines
        apply(&lines)
        if lines != before { try AtomicFile.write(Array((lines.map { $0 + "\n" }.joined()).utf8), to: path, overwrite: true).get() }
        return try FavouritesStore.ids(in: lines, path: path)
    }

    func makeDirectory() throws(FavouritesError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: path, reason: "cannot create the folder \(directory)")
        }
    }
}

extension Result where Failure == AtomicFile.WriteError {
    func get() throws(FavouritesError) -> Success {
        switch self {
        case .success(let v): return v
        case .failure(let e): throw .unwritable(path: e.path, reason: e.reason)
        }
    }
}


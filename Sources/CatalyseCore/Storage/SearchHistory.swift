import Foundation
import Glibc

/// A problem with the search history file. The file is then left as it is.
public enum SearchHistoryError: Error, Equatable, Sendable {
    /// The file holds something the program never writes: refused, untouched.
    case corrupt(path: String, line: Int, defect: Defect)
    /// The file exists but cannot be read.
    case unreadable(path: String, reason: FileProblem)
    /// The file or its folder cannot be written.
    case unwritable(path: String, reason: FileProblem)

    /// What is wrong in a file the program did not write.
    public enum Defect: Sendable, Equatable {
        case notText, controlCharacter, lineTooLong, tooLarge

        func words(_ language: Language) -> String {
            switch (self, language) {
            case (.notText, .fr): "ce n'est pas du texte UTF-8"
            case (.notText, .en): "not UTF-8 text"
            case (.controlCharacter, .fr): "un caractère de contrôle"
            case (.controlCharacter, .en): "a control character"
            case (.lineTooLong, .fr): "une ligne de plus de \(SearchHistoryStore.maximumLength) caractères"
            case (.lineTooLong, .en): "a line longer than \(SearchHistoryStore.maximumLength) characters"
            case (.tooLarge, .fr): "un fichier de plus de \(SearchHistoryStore.maximumFileSize / 1024) Kio"
            case (.tooLarge, .en): "a file larger than \(SearchHistoryStore.maximumFileSize / 1024) KiB"
            }
        }
    }

    public func message(_ language: Language) -> String {
        switch (self, language) {
        case let (.corrupt(path, line, defect), .fr):
            return "L'historique des recherches \(TextCleaning.forDisplay(path)) est illisible à la ligne \(line) (\(defect.words(.fr))) ; il n'a pas été modifié et n'est pas utilisé."
        case let (.corrupt(path, line, defect), .en):
            return "The search history \(TextCleaning.forDisplay(path)) is corrupt at line \(line) (\(defect.words(.en))); it was left untouched and is not used."
        case let (.unreadable(path, reason), .fr):
            return "Impossible de lire l'historique des recherches \(TextCleaning.forDisplay(path)) : \(reason.text(.fr)) ; il n'est pas utilisé."
        case let (.unreadable(path, reason), .en):
            return "Cannot read the search history \(TextCleaning.forDisplay(path)): \(reason.text(.en)); it is not used."
        case let (.unwritable(path, reason), .fr):
            return "Impossible d'enregistrer l'historique des recherches dans \(TextCleaning.forDisplay(path)) : \(reason.text(.fr))."
        case let (.unwritable(path, reason), .en):
            return "Cannot save the search history to \(TextCleaning.forDisplay(path)): \(reason.text(.en))."
        }
    }
}

/// The past searches of the interface (`search-history` in the state folder): one search per
/// line, oldest first, UTF-8, at most `limit` of them, each at most `maximumLength` characters,
/// never a control or bidirectional character. Every change is made under an exclusive lock on
/// `search-history.lock` beside it: re-read the file (so that two sessions lose nothing of each
/// other's), apply the change, write a temporary file in the same folder, fsync, rename
/// (`AtomicFile`). A file it cannot read is refused and never written over.
public struct SearchHistoryStore: Sendable {
    public static let limit = 100
    public static let maximumLength = 200
    /// A larger file was not written by the program: it is refused unread.
    public static let maximumFileSize = 256 * 1024

    public let path: String
    public var directory: String { (path as NSString).deletingLastPathComponent }
    public var lockPath: String { directory + "/search-history.lock" }

    public init(path: String) { self.path = path }

    public init(environment: [String: String]) {
        self.init(path: StorePaths(environment: environment).state + "/search-history")
    }

    /// The searches, oldest first (no file: none).
    public func load() throws(SearchHistoryError) -> [String] {
        try read()
    }

    /// Adds a search as the newest (moved there if it was already in), keeping the last
    /// `limit`; returns the searches after the change. A text with nothing to keep is not added.
    @discardableResult
    public func record(_ text: String) throws(SearchHistoryError) -> [String] {
        guard let entry = SearchHistoryStore.entry(text) else { return try read() }
        return try change { entries in
            entries.removeAll { $0 == entry }
            entries.append(entry)
        }
    }

    /// What of a typed search goes in the history: cleaned of controls, on one line, trimmed,
    /// cut to `maximumLength` characters; nil when nothing is left.
    public static func entry(_ text: String) -> String? {
        var cleaned = TextCleaning.clean(text, singleLine: true).text
        if cleaned.count > maximumLength { cleaned = String(cleaned.prefix(maximumLength)).trimmingCharacters(in: .whitespaces) }
        return cleaned.isEmpty ? nil : cleaned
    }

    /// Checks every line and returns the searches (blank lines skipped, duplicates kept once at
    /// their newest place, the last `limit`).
    static func entries(in data: Data, path: String) throws(SearchHistoryError) -> [String] {
        guard let text = String(data: data, encoding: .utf8) else {
            throw .corrupt(path: path, line: 1, defect: .notText)
        }
        // Split on the bytes: a Swift string keeps "\r\n" as one character.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }
        if lines.last?.isEmpty == true { lines.removeLast() }
        var result: [String] = []
        for (n, bytes) in lines.enumerated() {
            let line = String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes[...], as: UTF8.self)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if line.unicodeScalars.contains(where: { TextCleaning.isControl($0.value, keepNewlines: false) || TextCleaning.isBidiControl($0.value) || $0.value == 0x2028 || $0.value == 0x2029 }) {
                throw .corrupt(path: path, line: n + 1, defect: .controlCharacter)
            }
            if line.count > maximumLength { throw .corrupt(path: path, line: n + 1, defect: .lineTooLong) }
            result.removeAll { $0 == line }
            result.append(line)
        }
        return Array(result.suffix(limit))
    }

    /// The file's searches (no file: none); fails on an unreadable or corrupt file.
    func read() throws(SearchHistoryError) -> [String] {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT { return [] }
            throw .unreadable(path: path, reason: .current)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path: path, reason: .notAFile(.folder)) }
        if (info.st_mode & S_IFMT) != S_IFREG { throw .unreadable(path: path, reason: .notAFile(FileKind(mode: info.st_mode))) }
        if info.st_size > SearchHistoryStore.maximumFileSize {
            throw .corrupt(path: path, line: 1, defect: .tooLarge)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: .system(errno == 0 ? EACCES : errno))
        }
        return try SearchHistoryStore.entries(in: data, path: path)
    }

    /// Applies one change under the lock: re-read, change, keep the last `limit`, write atomically.
    func change(_ apply: (inout [String]) -> Void) throws(SearchHistoryError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: path, reason: .folderNotCreated(directory))
        }
        let lockFD = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard lockFD >= 0 else { throw .unwritable(path: path, reason: .current) }
        defer { close(lockFD) }
        while flock(lockFD, LOCK_EX) != 0 {
            if errno != EINTR { throw .unwritable(path: path, reason: .current) }
        }
        defer { flock(lockFD, LOCK_UN) }
        let before = try read()
        var entries = before
        apply(&entries)
        entries = Array(entries.suffix(SearchHistoryStore.limit))
        if entries != before {
            let bytes = Array(entries.map { $0 + "\n" }.joined().utf8)
            if case .failure(let e) = AtomicFile.write(bytes, to: path, overwrite: true, newMode: 0o600) {
                throw .unwritable(path: e.path, reason: e.problem)
            }
        }
        return entries
    }
}

import Foundation
import Glibc

/// One short line the interface remembers in the state folder, in a file of its own. It is read
/// with `InputFile` (a FIFO, a device or a symbolic link in its place counts as no choice and
/// is never waited on or followed) and written with `AtomicFile` (its mode kept; a link in its
/// place is left alone and the choice is not remembered). Remembering is best effort: the
/// interface works the same when the state folder cannot be written.
struct RememberedLine: Sendable {
    let path: String

    func load() -> String? {
        guard case .success(let bytes) = InputFile.read(path, limit: 64, links: .refuse) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Saves `line`, or removes the file for nil; false if the state folder cannot be written.
    func save(_ line: String?) -> Bool {
        guard let line else {
            var info = stat()
            guard lstat(path, &info) == 0 else { return true }
            return (info.st_mode & S_IFMT) == S_IFREG && unlink(path) == 0
        }
        let directory = FilePath.folder(of: path)
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return false }
        if case .success = AtomicFile.write(Array((line + "\n").utf8), to: path, overwrite: true) { return true }
        return false
    }
}

/// The interface's remembered language (`L` in the interface), kept in the state folder as
/// `language` (`fr` or `en`). Only the interface reads it; the subcommands never do.
public struct LanguagePreference: Sendable {
    public let path: String

    public init(environment: [String: String]) {
        path = StorePaths(environment: environment).state + "/language"
    }

    /// The saved language, if any (an unreadable or odd file counts as none).
    public func load() -> Language? {
        RememberedLine(path: path).load().flatMap(Language.init(rawValue:))
    }

    /// Saves the language; returns false if the state folder cannot be written.
    @discardableResult
    public func save(_ language: Language) -> Bool {
        RememberedLine(path: path).save(language.rawValue)
    }
}

/// The interface's current dossier (the one named in the header, that `a` adds to), kept in
/// the state folder as `current-dossier` (its number in the dossiers database), so that the
/// next session starts with it. A number that names no dossier any more counts as none.
public struct CurrentDossierPreference: Sendable {
    public let path: String

    public init(environment: [String: String]) {
        path = StorePaths(environment: environment).state + "/current-dossier"
    }

    public func load() -> Int64? {
        RememberedLine(path: path).load().flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Saves the dossier's number, or forgets it (nil); false if it could not be done.
    @discardableResult
    public func save(_ id: Int64?) -> Bool {
        RememberedLine(path: path).save(id.map(String.init))
    }
}

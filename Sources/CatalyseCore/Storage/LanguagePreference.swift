import Foundation

/// The interface's remembered language (`L` in the interface), kept in the state folder as
/// `language` (`fr` or `en`). Only the interface reads it; the subcommands never do. It is read
/// with `InputFile` (a FIFO, a device or a symbolic link in its place counts as no choice and
/// is never waited on or followed) and written with `AtomicFile` (its mode kept; a link in its
/// place is left alone and the choice is not remembered).
public struct LanguagePreference: Sendable {
    public let path: String

    public init(environment: [String: String]) {
        path = StorePaths(environment: environment).state + "/language"
    }

    /// The saved language, if any (an unreadable or odd file counts as none).
    public func load() -> Language? {
        guard case .success(let bytes) = InputFile.read(path, limit: 64, links: .refuse) else { return nil }
        return Language(rawValue: String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Saves the language; returns false if the state folder cannot be written.
    @discardableResult
    public func save(_ language: Language) -> Bool {
        let directory = FilePath.folder(of: path)
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return false }
        if case .success = AtomicFile.write(Array((language.rawValue + "\n").utf8), to: path, overwrite: true) { return true }
        return false
    }
}

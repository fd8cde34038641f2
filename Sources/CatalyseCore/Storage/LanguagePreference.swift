import Foundation

/// The interface's remembered language (`L` in the interface), kept in the state folder as
/// `language` (`fr` or `en`). Only the interface reads it; the subcommands never do.
public struct LanguagePreference: Sendable {
    public let path: String

    public init(environment: [String: String]) {
        path = StorePaths(environment: environment).state + "/language"
    }

    /// The saved language, if any (an unreadable or odd file counts as none).
    public func load() -> Language? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Language(rawValue: text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Saves the language; returns false if the state folder cannot be written.
    @discardableResult
    public func save(_ language: Language) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        guard (try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)) != nil else { return false }
        if case .success = AtomicFile.write(Array((language.rawValue + "\n").utf8), to: path, overwrite: true) { return true }
        return false
    }
}

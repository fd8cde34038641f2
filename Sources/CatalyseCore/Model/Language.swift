/// The two languages of the interface and of the command line's own output.
public enum Language: String, Sendable, CaseIterable {
    case fr, en

    /// Picks the language from the environment when `--lang` is absent: the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set and not empty decides. English if it names
    /// another language than French (`en_GB.UTF-8`, `de_DE.UTF-8`); French otherwise
    /// (`fr_*`, `C`, `C.UTF-8`, `POSIX`, or nothing set), because the users are French.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let lower = value.lowercased()
            if lower == "c" || lower == "posix" || lower.hasPrefix("c.") || lower.hasPrefix("fr") {
                return .fr
            }
            return .en
        }
        return .fr
    }

    /// Parses `fr` / `en` (case-insensitive, `fr_FR` style accepted).
    public init?(argument: String) {
        let lower = argument.lowercased()
        if lower.hasPrefix("fr") { self = .fr } else if lower.hasPrefix("en") { self = .en } else { return nil }
    }
}

/// A value shown to people in French or English.
public struct Label: Sendable, Hashable {
    public let fr: String
    public let en: String
    public init(fr: String, en: String) { self.fr = fr; self.en = en }
    public func text(_ language: Language) -> String { language == .fr ? fr : en }
}

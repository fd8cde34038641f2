/// Where a value sits in a catalogue file: a line and column (YAML, JSON), or line 0 for a
/// compiled file, whose diagnostics name the record in their field.
public struct SourcePosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
    public static func < (a: SourcePosition, b: SourcePosition) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// One problem (or warning) found in a catalogue file.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: Sendable, Hashable { case error, warning }
    public var file: String
    public var position: SourcePosition
    /// The field concerned, as a path (`firms[2].offers[0].kinds[1]`), or `yaml` for syntax.
    public var field: String
    /// What is wrong, in English, and in French (`french`): `description(_:)` picks one, so a
    /// French summary never sits under English diagnostics. A diagnostic made without its
    /// French text (`french == nil`) is shown in English in both.
    public var message: String
    public var french: String?
    public var severity: Severity
    /// For a spreadsheet sheet: the cell's column, by letter and header (`F (Territoires)`).
    public var cell: String?

    public init(file: String, position: SourcePosition, field: String, message: String, french: String? = nil, severity: Severity = .error, cell: String? = nil) {
        self.file = file; self.position = position; self.field = field; self.message = message; self.french = french; self.severity = severity; self.cell = cell
    }

    /// `FILE:LINE:COLUMN: field: what is wrong` (warnings say `warning:` before the message); a
    /// sheet's cell is `FILE:ROW:F (Territoires): …`, a whole row `FILE:ROW: …`.
    public var description: String { description(.en) }

    /// The diagnostic in `language`: `FICHIER:LIGNE:COLONNE: champ : problème`, `avertissement :`.
    public func description(_ language: Language) -> String {
        let fr = language == .fr && french != nil
        let text = fr ? Typography.french(TextCleaning.forDisplay(french ?? message)) : TextCleaning.forDisplay(message)
        // A compiled catalogue has no lines: its positions are 0 and the field names the record.
        var place = ""
        if position.line > 0 {
            place = ":\(position.line)" + (cell.map { ":" + TextCleaning.forDisplay($0) } ?? (position.column > 0 ? ":\(position.column)" : ""))
        }
        let colon = fr ? Typography.colon(.fr) : ": "
        // A sheet's cell is named like a field: `offres.csv:3:F (Format) : …` in French.
        let prefix = "\(TextCleaning.forDisplay(file))\(place)" + (cell != nil && position.line > 0 ? colon : ": ") + (field.isEmpty ? "" : "\(TextCleaning.forDisplay(field))" + colon)
        return prefix + (severity == .warning ? (fr ? "avertissement" + colon : "warning: ") + text : text)
    }
}

/// A catalogue that could not be loaded: every error found, and the warnings.
public struct CatalogueError: Error, Sendable {
    public var file: String
    public var diagnostics: [Diagnostic]
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// A compiled catalogue of another format version (`found`) than this program reads
    /// (`expected`): it must be compiled again from its source.
    public var compiledVersion: (found: Int, expected: Int)? = nil

    public init(file: String, diagnostics: [Diagnostic]) { self.file = file; self.diagnostics = diagnostics }

    /// For a compiled catalogue of another format version, the one sentence that says so and
    /// what to do, in `language` (nil for any other problem: the diagnostics say it).
    public func compiledVersionMessage(_ language: Language) -> String? {
        guard let (found, expected) = compiledVersion else { return nil }
        let name = TextCleaning.forDisplay(file)
        switch language {
        case .fr:
            let age = found < expected ? "une version antérieure" : "une version plus récente"
            return "catalyse" + Typography.colon(.fr) + name
                + Typography.french(" a été compilé par \(age) de catalyse (format \(found) ; celle-ci lit le format \(expected)) : recompilez-le depuis son catalogue YAML ou JSON avec « catalyse compile ».")
        case .en:
            let age = found < expected ? "an older" : "a newer"
            return "catalyse: \(name) was compiled by \(age) catalyse (format \(found); this one reads format \(expected)): compile it again from its YAML or JSON catalogue with “catalyse compile”."
        }
    }

    /// The closing line after the list of problems.
    public func summary(_ language: Language) -> String {
        let n = errors.count
        switch language {
        case .fr: return TextCleaning.forDisplay(file) + Typography.colon(.fr) + "\(n) erreur\(n > 1 ? "s" : ""), catalogue refusé."
        case .en: return "\(TextCleaning.forDisplay(file)): \(n) error\(n > 1 ? "s" : ""), catalogue refused."
        }
    }
}

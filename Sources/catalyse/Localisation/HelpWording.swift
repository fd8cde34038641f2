import CatalyseCore

/// swift-argument-parser's help screens in the user's language. The library does not localise
/// its own words (its issue #203): its headings (`OVERVIEW:`, `USAGE:`, `ARGUMENTS:`,
/// `OPTIONS:`, `SUBCOMMANDS:`, a group's title in upper case) and built-in lines (« Show help
/// information. », « Show the version. », « See '… help <subcommand>' for detailed help. »,
/// `(default: …)`, `(values: …)`, ` (default)`) are English strings inside it. The commands'
/// own texts are already in the language (`loc`); this rewords the library's, line by line,
/// on the exact wording of the version pinned in Package.swift (1.8.2; `LocalisationTests`
/// fails if another version words them otherwise), then French typography.
enum HelpWording {
    /// The library's headings and their French (in its upper-case style).
    static let headings: [(en: String, fr: String)] = [
        ("OVERVIEW:", "APERÇU :"), ("USAGE:", "UTILISATION :"), ("ARGUMENTS:", "ARGUMENTS :"),
        ("OPTIONS:", "OPTIONS :"), ("SUBCOMMANDS:", "SOUS-COMMANDES :"),
    ]

    /// The library's fixed phrases inside lines.
    static let phrases: [(en: String, fr: String)] = [
        ("Show help information.", "Affiche cette aide."),
        ("Show subcommand help information.", "Affiche l'aide d'une sous-commande."),
        ("Show the version.", "Affiche la version."),
        ("<subcommands>", "<sous-commandes>"),
        ("<subcommand>", "<sous-commande>"),
        ("(default as flag: ", "(par défaut, seule : "),
        ("(default: ", "(par défaut : "),
        ("(values: ", "(valeurs : "),
        ("; default: ", " ; par défaut : "),
        (" (default)", " (par défaut)"),
    ]

    /// The help text the library rendered, worded for `language`.
    static func translate(_ text: String, _ language: Language) -> String {
        guard language == .fr else { return text }
        var lines = text.components(separatedBy: "\n")
        var inUsage = false
        for i in lines.indices {
            var line = lines[i]
            // « See 'catalyse help <subcommand>' for detailed help. »
            if let r = line.range(of: "See '"), line.hasSuffix("' for detailed help.") {
                let command = line[r.upperBound..<line.index(line.endIndex, offsetBy: -"' for detailed help.".count)]
                line = String(line[..<r.lowerBound]) + "Voir « \(command) » pour l'aide détaillée d'une sous-commande."
            }
            for (en, fr) in phrases { line = line.replacingOccurrences(of: en, with: fr) }
            if inUsage, line.hasPrefix("       ") {
                // The usage's next lines hang under its first: « UTILISATION : » is wider.
                line = String(repeating: " ", count: "UTILISATION : ".count - "USAGE: ".count) + line
            } else {
                inUsage = false
            }
            for (en, fr) in headings where line.hasPrefix(en) {
                line = fr + line.dropFirst(en.count)
                inUsage = en == "USAGE:"
            }
            // A group's own title, upper-cased by the library (« FILTRES (AVEC --WHY): »).
            if let first = line.first, first != " ", line.hasSuffix(":"), !line.hasSuffix(" :"), line == line.uppercased() {
                line = line.dropLast() + " :"
            }
            lines[i] = line
        }
        return Typography.french(lines.joined(separator: "\n"))
    }
}

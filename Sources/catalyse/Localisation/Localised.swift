import ArgumentParser
import CatalyseCore

/// The command line's own texts in both languages, chosen when they are read.
///
/// `Output.language` is settled by `main` before swift-argument-parser runs (`--lang`, else
/// LC_ALL, LC_MESSAGES, LANG), and the parser first reads a command's `configuration` (a
/// `static let`, so initialised on that first read, once) and builds its options' `help:` texts
/// only while it parses, so a text written `loc("…", "…")` there is in the user's language. (A
/// computed `static var` works too but is built again at every read: the parser reads it for
/// every word of a long line.) To localise a command (docs/architecture.md, « Localising a
/// command »):
///
/// ```swift
/// struct SomeCommand: ParsableCommand {
///     static let configuration = CommandConfiguration(commandName: "some",
///                                                     abstract: loc("Fait quelque chose.", "Does something."),
///                                                     discussion: loc("""…""", """…"""))
///     @Option(help: .loc("Le fichier.", "The file.", value: ("fichier", "file"))) var file: String
///     func validate() throws {
///         if file.isEmpty { throw Output.usage(fr: "…", en: "…") }  // never ValidationError("English")
///     }
/// }
/// ```
/// Headings and the parser's own lines are worded by `HelpWording`, its errors by
/// `ParserErrors`; `LocalisationTests` checks every command's help in both languages.
/// French is typeset here (non-breaking spaces before `:` `;` `?` `!` and inside « »), so that
/// the library, which wraps help at spaces, never leaves a sign alone at a line's start.
func loc(_ fr: String, _ en: String) -> String { Output.language == .fr ? Typography.french(fr) : en }

extension ArgumentHelp {
    /// An option's or argument's help in the user's language; `value`, its value's name
    /// (`<fichier>` / `<file>`).
    static func loc(_ fr: String, _ en: String, value: (fr: String, en: String)? = nil, hidden: Bool = false) -> ArgumentHelp {
        ArgumentHelp(catalyse.loc(fr, en), valueName: value.map { catalyse.loc($0.fr, $0.en) }, visibility: hidden ? .hidden : .default)
    }
}

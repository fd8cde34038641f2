import ArgumentParser
import CatalyseCore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: loc("Exporter une sélection en texte, Markdown ou CSV.", "Export a shortlist as text, Markdown or CSV."),
        discussion: loc("""
            Sans -o, l'export va sur la sortie standard. Sans --as, le format suit l'extension de -o \
            : .md Markdown, .csv CSV, tout le reste texte. Un fichier existant n'est jamais remplacé \
            sans --force ; le fichier est écrit en entier ou pas du tout.

            Exemples :
              catalyse export --favourites -o selection.txt
              catalyse export --territory 59 --purpose strategique --as markdown
              catalyse export --favourites --as csv --separator ';' -o selection.csv
            """, """
            Without -o the export goes to standard output. Without --as the format follows the \
            extension of -o: .md Markdown, .csv CSV, anything else text. An existing file is \
            never replaced without --force; the file is written whole or not at all.

            Examples:
              catalyse export --favourites -o selection.txt
              catalyse export --territory 59 --purpose strategique --as markdown
              catalyse export --favourites --as csv --separator ';' -o selection.csv
            """)
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: .customLong("as"), help: .loc("Format : text, markdown ou csv.", "Format: text, markdown or csv.", value: ("format", "format")))
    var format: String?

    @Option(name: .shortAndLong, help: .loc("Fichier à écrire (par défaut, ou - : la sortie standard). Seul un fichier ordinaire est remplacé (avec --force) ; un périphérique comme /dev/stdout est écrit ; un répertoire, un lien ou une FIFO est refusé.", "File to write (default, or -: standard output). Only a regular file is replaced (with --force); a device such as /dev/stdout is written into; a folder, a link or a FIFO is refused.", value: ("fichier", "file")))
    var output: String?

    @Flag(name: .long, help: .loc("Remplacer le fichier s'il existe.", "Replace the file if it exists."))
    var force = false

    @Option(name: .long, help: .loc("Séparateur des champs CSV : ',' ou ';'. Par défaut : ';' en français (tableurs en français), ',' en anglais.", "CSV field separator: ',' or ';'. Default: ';' in French (French-locale spreadsheets), ',' in English.", value: ("car", "char")))
    var separator: String?

    func validate() throws {
        if let format, ShortlistExport.Format(rawValue: format.lowercased()) == nil && format.lowercased() != "md" && format.lowercased() != "txt" {
            throw Output.usage(fr: "--as prend text, markdown ou csv, et non « \(TextCleaning.forDisplay(format)) ».", en: "--as takes text, markdown or csv, not '\(TextCleaning.forDisplay(format))'.")
        }
        if let separator, separator != "," && separator != ";" { throw Output.usage(fr: "--separator prend « , » ou « ; ».", en: "--separator takes ',' or ';'.") }
        if output == "" { throw Output.usage(fr: "-o attend un nom de fichier (ou - pour la sortie standard).", en: "-o takes a file name (or - for standard output).") }
    }

    var exportFormat: ShortlistExport.Format {
        switch format?.lowercased() {
        case "markdown"?, "md"?: .markdown
        case "csv"?: .csv
        case "text"?, "txt"?: .text
        default: output.flatMap { $0 == "-" ? nil : ShortlistExport.Format(fileName: $0) } ?? .text
        }
    }

    func run() throws {
        let language = global.language
        let selection = try Selection(global, filters, counts: false)
        let (catalogue, offers) = (selection.catalogue, selection.offers)
        let missing = selection.favouriteIDs.filter { catalogue.offer(id: $0) == nil }
        var shown = selection.filter
        shown.onlyIDs = nil
        let context = ShortlistExport.Context(catalogue: catalogue, date: try global.printedDay(),
                                              language: language, filter: shown, favouritesOnly: filters.favourites, missingIDs: missing)
        let text = ShortlistExport.render(offers, format: exportFormat, context: context, separator: separator.map(Character.init))
        guard let output, output != "-" else { Output.out(text); return }
        switch AtomicFile.write(Array(text.utf8), to: output, overwrite: force, streams: .writeInto) {
        case .success:
            Output.note(language == .fr
                ? "\(offers.count) offre\(offers.count > 1 ? "s" : "") exportée\(offers.count > 1 ? "s" : "") dans \(TextCleaning.forDisplay(output))."
                : "Exported \(offers.count) offer\(offers.count == 1 ? "" : "s") to \(TextCleaning.forDisplay(output)).")
        case .failure(let e):
            let path = TextCleaning.forDisplay(output)
            switch (e.kind, language) {
            case (.exists, .fr): Output.error("catalyse\u{00A0}: \(path) existe déjà\u{00A0}; ajoutez --force pour le remplacer.")
            case (.exists, .en): Output.error("catalyse: \(path) already exists; add --force to replace it.")
            case (_, .fr): Output.error("catalyse : impossible d'écrire \(path) : \(e.problem.text(.fr)).")
            case (_, .en): Output.error("catalyse: cannot write \(path): \(e.problem.text(.en)).")
            }
            throw ExitCode(ExitStatus.cantCreate)
        }
    }
}

import ArgumentParser
import CatalyseCore
import Foundation

struct DossierExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: loc("Exporter un dossier en compte rendu (texte, Markdown, CSV) ou en JSON pour un collègue.", "Export a dossier as a report (text, Markdown, CSV) or as JSON for a colleague."),
        discussion: loc("""
            Sans -o, l'export va sur la sortie standard. Sans --as, le format suit l'extension de -o \
            (.md Markdown, .csv CSV, .json JSON, tout le reste texte). Un fichier existant n'est \
            jamais remplacé sans --force ; le fichier est écrit en entier ou pas du tout.
            """, """
            Without -o the export goes to standard output. Without --as the format follows the extension \
            of -o (.md Markdown, .csv CSV, .json JSON, anything else text). An existing file is never \
            replaced without --force; the file is written whole or not at all.
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le dossier.", "The dossier.", value: ("dossier", "dossier"))) var dossier: String
    @Option(name: .customLong("as"), help: .loc("Format : text, markdown, csv ou json.", "Format: text, markdown, csv or json.", value: ("format", "format"))) var format: String?
    @Option(name: .shortAndLong, help: .loc("Fichier à écrire (par défaut, ou - : la sortie standard).", "File to write (default, or -: standard output).", value: ("fichier", "file"))) var output: String?
    @Flag(name: .long, help: .loc("Remplacer le fichier s'il existe.", "Replace the file if it exists.")) var force = false
    @Flag(name: .customLong("no-notes"), help: .loc("Laisser de côté les notes internes.", "Leave the internal notes out.")) var noNotes = false
    @Option(name: .long, help: .loc("Séparateur des champs CSV : ',' ou ';'. Par défaut : ';' en français (tableurs en français), ',' en anglais, comme `catalyse export`.", "CSV field separator: ',' or ';'. Default: ';' in French (French-locale spreadsheets), ',' in English, as `catalyse export`.", value: ("car", "char"))) var separator: String?

    enum Kind: String { case text, markdown, csv, json }

    func validate() throws {
        if let format, kind(format) == nil { throw Output.usage(fr: "--as prend text, markdown, csv ou json, et non « \(TextCleaning.forDisplay(format)) ».", en: "--as takes text, markdown, csv or json, not '\(TextCleaning.forDisplay(format))'.") }
        if let separator, separator != "," && separator != ";" { throw Output.usage(fr: "--separator prend « , » ou « ; ».", en: "--separator takes ',' or ';'.") }
    }

    func kind(_ text: String) -> Kind? {
        switch text.lowercased() {
        case "md": .markdown
        case "txt": .text
        default: Kind(rawValue: text.lowercased())
        }
    }

    var chosen: Kind {
        if let format, let k = kind(format) { return k }
        guard let output, output != "-" else { return .text }
        if output.lowercased().hasSuffix(".json") { return .json }
        switch ShortlistExport.Format(fileName: output) {
        case .markdown: return .markdown
        case .csv: return .csv
        case .text: return .text
        }
    }

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let d = try c.dossier(dossier, in: store)
        let text: String
        if chosen == .json {
            do { text = try DossierTransfer.encode(d, notes: !noNotes) } catch {
                Output.error(c.language == .fr ? "catalyse : erreur interne, le JSON n'a pas pu être produit (\(error.reason))." : "catalyse: internal error, the JSON could not be produced (\(error.reason)).")
                throw ExitCode(ExitStatus.software)
            }
        } else {
            let delay = try c.run { () throws(DossierError) in try store.followUpDelay() }
            let context = DossierReport.Context(catalogue: try c.catalogue(), language: c.language, date: Day.printed(environment: global.environment),
                                                now: c.now, followUpDelay: delay, notes: !noNotes)
            switch chosen {
            case .markdown: text = DossierReport.markdown(d, context)
            case .csv: text = DossierReport.csv(d, context, separator: separator.map(Character.init) ?? (c.language == .fr ? ";" : ","))
            default: text = DossierReport.text(d, context)
            }
        }
        // `-o -` is standard output, as for `catalyse export`.
        guard let output, output != "-" else { Output.out(text); return }
        let path = TextCleaning.forDisplay(output)
        switch AtomicFile.write(Array(text.utf8), to: output, overwrite: force) {
        case .success:
            c.done("Dossier « \(TextCleaning.forDisplay(d.name)) » exporté dans \(path).", "Dossier “\(TextCleaning.forDisplay(d.name))” exported to \(path).")
        case .failure(let e):
            if e.kind == .exists {
                c.done("catalyse : \(path) existe déjà ; ajoutez --force pour le remplacer.", "catalyse: \(path) already exists; add --force to replace it.")
            } else {
                c.done("catalyse : impossible d'écrire \(path) : \(e.reason).", "catalyse: cannot write \(path): \(e.reason).")
            }
            throw ExitCode(ExitStatus.cantCreate)
        }
    }
}

struct DossierImport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: loc("Importer un dossier depuis son export JSON (`dossier export --as json`).", "Import a dossier from its JSON export (`dossier export --as json`)."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le fichier JSON.", "The JSON file.", value: ("fichier", "file"))) var file: String
    @Option(name: .customLong("as"), help: .loc("Lui donner un autre nom (un nom existant est refusé).", "Give it another name (an existing name is refused).", value: ("nom", "name"))) var newName: String?

    func run() throws {
        let c = DossierContext(global: global)
        let bytes: [UInt8]
        switch Self.readSmallFile(file) {
        case .success(let b): bytes = b
        case .failure(let reason):
            c.done("catalyse : impossible de lire \(TextCleaning.forDisplay(file)) : \(reason.text(.fr)).", "catalyse: cannot read \(TextCleaning.forDisplay(file)): \(reason.text(.en)).")
            throw ExitCode(ExitStatus.noInput)
        }
        var d = try c.run { () throws(DossierError) in try DossierTransfer.decode(bytes, path: file) }
        if let newName { d.profile.name = newName }
        let store = try c.store()
        let stored = try c.run { () throws(DossierError) in try store.insert(d, from: (file as NSString).lastPathComponent, now: c.now) }
        c.done("Dossier « \(TextCleaning.forDisplay(stored.name)) » importé (\(stored.offers.count) offre\(stored.offers.count > 1 ? "s" : "")).",
               "Dossier “\(TextCleaning.forDisplay(stored.name))” imported (\(stored.offers.count) offer\(stored.offers.count == 1 ? "" : "s")).")
    }

    /// A regular file (or a pipe given by the user) of at most 16 MiB, read whole.
    static func readSmallFile(_ path: String) -> Result<[UInt8], FileProblem> {
        InputFile.read(path, limit: 16 << 20, links: .follow, pipes: true).mapError(\.reason)
    }
}

struct DossierBackup: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: loc("Copier toute la base des dossiers dans un fichier (cohérente même pendant son utilisation).", "Copy the whole dossiers database to a file (consistent while it is in use)."))
    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: .loc("Le fichier de sauvegarde à écrire.", "The backup file to write.", value: ("fichier", "file"))) var output: String
    @Flag(name: .long, help: .loc("Remplacer le fichier s'il existe.", "Replace the file if it exists.")) var force = false

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        try c.run { () throws(DossierError) in try store.backup(to: output, overwrite: force) }
        c.done("Sauvegarde écrite dans \(TextCleaning.forDisplay(output)).", "Backup written to \(TextCleaning.forDisplay(output)).")
    }
}

struct DossierRestore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: loc("Remplacer les dossiers par une sauvegarde ; la base remplacée est gardée à côté.", "Replace the dossiers with a backup; the replaced database is kept beside it."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le fichier de sauvegarde (`dossier backup -o FICHIER`).", "The backup file (`dossier backup -o FILE`).", value: ("fichier", "file"))) var file: String

    func run() throws {
        let c = DossierContext(global: global)
        let path = DossierStore.defaultPath(environment: global.environment)
        let kept: String
        do {
            let store = try DossierStore(path: path)
            kept = try store.restore(from: file, now: c.now)
        } catch let error where error.concerns(path) {
            // The database in place cannot be used: it is moved aside, not read (the backup is
            // checked first; a damaged backup is the error above, with its own path).
            kept = try c.run { () throws(DossierError) in try DossierStore.restore(over: path, from: file, now: c.now) }
        } catch {
            throw c.fail(error)
        }
        c.done("Dossiers restaurés depuis \(TextCleaning.forDisplay(file)) ; l'ancienne base est gardée dans \(TextCleaning.forDisplay(kept)).",
               "Dossiers restored from \(TextCleaning.forDisplay(file)); the previous database is kept in \(TextCleaning.forDisplay(kept)).")
    }
}

struct DossierCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: loc("Vérifier la base des dossiers avec le contrôle d'intégrité de SQLite (imprime ok, ou ce qui ne va pas).", "Check the dossiers database with SQLite's integrity check (prints ok, or what is wrong)."))
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let c = DossierContext(global: global)
        let store = try c.store()
        let result = try c.run { () throws(DossierError) in try store.integrityCheck() }
        Output.out(TextCleaning.forDisplay(result) + "\n")
        if result != "ok" {
            c.done("catalyse : la base des dossiers est endommagée ; restaurez une sauvegarde avec « catalyse dossier restore FICHIER ».",
                   "catalyse: the dossiers database is damaged; restore a backup with “catalyse dossier restore FILE”.")
            throw ExitCode(ExitStatus.dataError)
        }
    }
}

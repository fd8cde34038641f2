import ArgumentParser
import CatalyseCore
import Foundation

/// Writes files into a folder (made if missing), each whole or not at all; existing ones are
/// replaced only with `force`. Exits 73 on the first that cannot be written.
func writeFiles(_ files: [(name: String, contents: String)], into folder: String, force: Bool, _ language: Language) throws {
    do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
        Output.error(language == .fr ? "catalyse : impossible de créer le dossier \(TextCleaning.forDisplay(folder))." : "catalyse: cannot create the folder \(TextCleaning.forDisplay(folder)).")
        throw ExitCode(ExitStatus.cantCreate)
    }
    if !force, let existing = files.first(where: { FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0.name)) }) {
        let path = TextCleaning.forDisplay((folder as NSString).appendingPathComponent(existing.name))
        Output.error(language == .fr ? "catalyse : \(path) existe déjà ; ajoutez --force pour remplacer les fichiers ; rien n'a été écrit." : "catalyse: \(path) already exists; add --force to replace the files; nothing was written.")
        throw ExitCode(ExitStatus.cantCreate)
    }
    for file in files {
        let path = (folder as NSString).appendingPathComponent(file.name)
        if case .failure(let e) = AtomicFile.write(Array(file.contents.utf8), to: path, overwrite: true) {
            Output.error(language == .fr ? "catalyse : impossible d'écrire \(TextCleaning.forDisplay(path)) : \(e.reason)." : "catalyse: cannot write \(TextCleaning.forDisplay(path)): \(e.reason).")
            throw ExitCode(ExitStatus.cantCreate)
        }
    }
}

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: loc("Transformer un catalogue tenu dans un tableur (un répertoire de trois feuilles CSV, ou un classeur .ods ou .xlsx) en fichier catalogue.", "Turn a catalogue kept in a spreadsheet (a folder of three CSV sheets, or an .ods or .xlsx workbook) into a catalogue file."),
        discussion: loc("""
            Le répertoire contient catalogue.csv (facultatif), cabinets.csv et offres.csv, tels que \
            `catalyse template` les écrit et que docs/catalogue-format.md les décrit ; un classeur \
            contient les trois mêmes feuilles en onglets nommés `catalogue`, `cabinets` et `offres`. Chaque \
            problème est indiqué avec sa feuille (ou son onglet), sa ligne et sa colonne ; rien n'est \
            écrit s'il y en a un (code 65).

            Exemple :
              catalyse import annuaire/ -o catalogue.yaml && catalyse validate catalogue.yaml
              catalyse import annuaire.ods -o catalogue.yaml
            """, """
            The folder holds catalogue.csv (optional), cabinets.csv and offres.csv, as `catalyse template` \
            writes them and docs/catalogue-format.md describes them; a workbook holds the same three sheets \
            as tabs named `catalogue`, `cabinets` and `offres`. Every problem is listed with its sheet (or tab), \
            row and column; nothing is written when there is one (exit 65).

            Example:
              catalyse import annuaire/ -o catalogue.yaml && catalyse validate catalogue.yaml
              catalyse import annuaire.ods -o catalogue.yaml
            """))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("Le répertoire des feuilles, ou un classeur (.ods, .xlsx).", "The folder of sheets, or a workbook (.ods, .xlsx).", value: ("répertoire", "folder"))) var folder: String
    @Option(name: .shortAndLong, help: .loc("Le fichier catalogue à écrire (YAML).", "The catalogue file to write (YAML).", value: ("fichier", "file"))) var output: String
    @Flag(name: .long, help: .loc("Remplacer la sortie si elle existe.", "Replace the output if it exists.")) var force = false

    func run() throws {
        let l = global.language, fr = l == .fr
        let loaded = try Output.loadOrExit(.file(folder), l)
        for w in loaded.warnings { Output.note(w.description(l)) }
        let c = loaded.catalogue
        let source = (folder as NSString).lastPathComponent
        let workbook = Workbook.Kind(path: folder) != nil
        var header = fr
            ? [workbook ? "Catalyse — catalogue importé du classeur « \(source) » (onglets catalogue, cabinets, offres)."
                        : "Catalyse — catalogue importé des feuilles de « \(source) » (catalogue.csv, cabinets.csv, offres.csv).",
               (workbook ? "Modifiez plutôt le classeur" : "Modifiez plutôt les feuilles") + ", puis importez-les de nouveau : catalyse import \(source) -o FICHIER."]
            : [workbook ? "Catalyse — catalogue imported from the workbook “\(source)” (tabs catalogue, cabinets, offres)."
                        : "Catalyse — catalogue imported from the sheets of “\(source)” (catalogue.csv, cabinets.csv, offres.csv).",
               (workbook ? "Edit the workbook instead" : "Edit the sheets instead") + ", then import them again: catalyse import \(source) -o FILE."]
        if c.illustrative {
            header += ["", fr ? "ATTENTION : CE CATALOGUE EST ILLUSTRATIF. Les cabinets et les offres sont fictifs."
                               : "WARNING: THIS CATALOGUE IS ILLUSTRATIVE. The firms and offers are fictional."]
        }
        let text = CatalogueYAML.render(c, header: header.map { TextCleaning.forDisplay($0) })
        let path = TextCleaning.forDisplay(output)
        switch AtomicFile.write(Array(text.utf8), to: output, overwrite: force) {
        case .success:
            Output.note(fr ? "\(path) : \(c.firms.count) cabinets, \(c.offers.count) offres." : "\(path): \(c.firms.count) firms, \(c.offers.count) offers.")
        case .failure(let e):
            Output.error(e.kind == .exists
                ? (fr ? "catalyse : \(path) existe déjà ; ajoutez --force pour le remplacer." : "catalyse: \(path) already exists; add --force to replace it.")
                : (fr ? "catalyse : impossible d'écrire \(path) : \(e.reason)." : "catalyse: cannot write \(path): \(e.reason)."))
            throw ExitCode(ExitStatus.cantCreate)
        }
    }
}

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template", abstract: loc("Écrire les trois feuilles vides d'un catalogue (en-têtes, une ligne d'aide et une ligne d'exemple) pour commencer.", "Write the three empty sheets of a catalogue (headers, a help row and an example row) to start from."))
    @OptionGroup var global: GlobalOptions
    @Option(name: .shortAndLong, help: .loc("Le répertoire où les écrire.", "The folder to write them in.", value: ("répertoire", "folder"))) var output: String
    @Flag(name: .long, help: .loc("Remplacer les fichiers s'ils existent.", "Replace the files if they exist.")) var force = false

    func run() throws {
        try writeFiles(SheetExport.template(language: global.language), into: output, force: force, global.language)
        Output.note(global.language == .fr ? "Feuilles écrites dans \(TextCleaning.forDisplay(output)) : catalogue.csv, cabinets.csv, offres.csv."
                                            : "Sheets written to \(TextCleaning.forDisplay(output)): catalogue.csv, cabinets.csv, offres.csv.")
    }
}

struct ExportCatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-catalogue", abstract: loc("Écrire tout le catalogue en vigueur sous forme de ses trois feuilles (pour le modifier dans un tableur).", "Write the whole catalogue in effect as its three sheets (to edit it in a spreadsheet)."))
    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("as"), help: .loc("Format : csv (le seul).", "Format: csv (the only one).", value: ("format", "format"))) var format: String = "csv"
    @Option(name: .shortAndLong, help: .loc("Le répertoire où écrire les feuilles.", "The folder to write the sheets in.", value: ("répertoire", "folder"))) var output: String
    @Flag(name: .long, help: .loc("Remplacer les fichiers s'ils existent.", "Replace the files if they exist.")) var force = false

    func validate() throws {
        guard format.lowercased() == "csv" else { throw Output.usage(fr: "--as prend csv, et non « \(TextCleaning.forDisplay(format)) ».", en: "--as takes csv, not '\(TextCleaning.forDisplay(format))'.") }
    }

    func run() throws {
        let c = try global.loadCatalogue().catalogue
        try writeFiles(SheetExport.sheets(c, language: global.language), into: output, force: force, global.language)
        Output.note(global.language == .fr ? "\(c.firms.count) cabinets et \(c.offers.count) offres écrits dans \(TextCleaning.forDisplay(output))."
                                            : "\(c.firms.count) firms and \(c.offers.count) offers written to \(TextCleaning.forDisplay(output)).")
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff", abstract: loc("Ce qui a changé entre deux catalogues (YAML, JSON, compilé, ou un répertoire de feuilles).", "What changed between two catalogues (YAML, JSON, compiled, or a folder of sheets)."),
        discussion: loc("Code de sortie, comme celui de diff : 0 identiques, 1 différents (ici 1 ne signifie pas un identifiant inconnu), 65 ou 66 un catalogue illisible.", "Exit status, as diff's: 0 the same, 1 they differ (here 1 does not mean an unknown id), 65 or 66 a catalogue that cannot be read."))
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc("L'ancienne version.", "The old version.", value: ("ancien", "old"))) var old: String
    @Argument(help: .loc("La nouvelle version.", "The new version.", value: ("nouveau", "new"))) var new: String
    @Flag(name: .long, help: .loc("Imprimer du JSON.", "Print JSON.")) var json = false

    func run() throws {
        let l = global.language
        let a = try Output.loadOrExit(.file(old), l).catalogue
        let b = try Output.loadOrExit(.file(new), l).catalogue
        let diff = CatalogueDiff.compare(a, b)
        if json {
            try Output.json(l) { () throws(JSONOutput.EncodingError) in try DiffReport.json(diff) }
        } else {
            Output.out(DiffReport.text(diff, l))
        }
        if !diff.isEmpty { throw ExitCode(1) }
    }
}

import ArgumentParser
import CatalyseCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: loc("Vérifier un fichier catalogue : chaque problème, avec sa ligne et son champ.", "Check a catalogue file: every problem, with its line and field."),
        discussion: loc("""
            Imprime `OK : F cabinets, N offres` (français) ou `OK: F firms, N offers` (anglais) et \
            les éventuels avertissements, ou chaque erreur sous la forme FICHIER:LIGNE:COLONNE: \
            champ : problème, puis un bilan, avec le code de sortie 65.

            Exemples :
              catalyse validate data/catalogue.yaml
              catalyse validate --lang en mon-catalogue.yaml
            """, """
            Prints `OK : F cabinets, N offres` (French) or `OK: F firms, N offers` (English) and \
            any warnings, or every error as FILE:LINE:COLUMN: field: problem, then a summary, \
            with exit status 65.

            Examples:
              catalyse validate data/catalogue.yaml
              catalyse validate --lang en my-catalogue.yaml
            """)
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .loc("Le fichier à vérifier (par défaut : le catalogue en vigueur).", "The file to check (default: the catalogue in effect).", value: ("fichier", "file")))
    var file: String?

    func validate() throws {
        if file == "" { throw Output.usage(fr: "le fichier à vérifier est un nom vide.", en: "the file to check is an empty name.") }
    }

    func run() throws {
        let language = global.language
        let source: CatalogueSource = file.map { .file($0) } ?? global.source
        let loaded = try Output.loadOrExit(source, language, keeping: .model)  // no index: validate searches nothing
        let c = loaded.catalogue
        Output.out(language == .fr
            ? "OK\u{00A0}: \(c.firms.count) cabinets, \(c.offers.count) offres\n"
            : "OK: \(c.firms.count) firms, \(c.offers.count) offers\n")
        for w in loaded.warnings { Output.out(w.description(language) + "\n") }
    }
}

import ArgumentParser
import CatalyseCore
import Foundation

@main
struct Catalyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalyse",
        abstract: loc("Un annuaire, dans le terminal, des offres d'accompagnement que des cabinets de conseil proposent aux associations.", "A terminal directory of the accompaniment offers that consulting firms give to associations."),
        discussion: loc("""
            Sans sous-commande, dans un terminal, catalyse ouvre l'annuaire interactif ; quand son \
            entrée ou sa sortie n'est pas un terminal, il imprime ce qu'imprime `catalyse list`.

            Exemples :
              catalyse                                  parcourir l'annuaire
              catalyse list --purpose strategique --territory 59
              catalyse list --query "strat compet" --json
              catalyse show <id-offre>
              catalyse export --favourites -o selection.md
              catalyse validate data/catalogue.yaml
              catalyse compile annuaire.json -o annuaire.catalyse

            Code de sortie : 0 succès (un résultat vide compris) ; 1 identifiant d'offre ou de \
            cabinet inconnu ; 64 erreur d'utilisation ; 65 données incorrectes dans le catalogue ou \
            le fichier des favoris ; 66 fichier d'entrée illisible ; 73 sortie impossible à écrire ; \
            74 sortie standard ou d'erreur impossible à écrire, ou catalogue modifié pendant sa \
            lecture ; 70 erreur interne. Un lecteur qui s'en va (`catalyse list | head -1`) l'arrête \
            comme le fait SIGPIPE.
            """, """
            Without a subcommand, on a terminal, catalyse opens the interactive directory; when its \
            input or output is not a terminal it prints what `catalyse list` prints.

            Examples:
              catalyse                                  browse interactively
              catalyse list --purpose strategique --territory 59
              catalyse list --query "strat compet" --json
              catalyse show <offer-id>
              catalyse export --favourites -o selection.md
              catalyse validate data/catalogue.yaml
              catalyse compile annuaire.json -o annuaire.catalyse

            Exit status: 0 success (an empty result included); 1 unknown offer or firm id; \
            64 usage error; 65 bad data in the catalogue or favourites file; 66 an input file \
            that cannot be read; 73 an output that cannot be written; 74 standard output or \
            error that cannot be written, or a catalogue changed while it was read; 70 internal \
            error. A reader that goes away (`catalyse list | head -1`) ends it as SIGPIPE does.
            """),
        version: Catalyse.version,
        subcommands: [ListCommand.self, ShowCommand.self, FirmsCommand.self, TerritoriesCommand.self,
                      ValidateCommand.self, CompileCommand.self, FavouritesCommand.self, ExportCommand.self, DossierCommand.self,
                      ImportCommand.self, TemplateCommand.self, ExportCatalogueCommand.self, DiffCommand.self,
                      KeygenCommand.self, PublishCommand.self, UpdateCommand.self, ParcoursCommand.self, MapCommand.self, SearchCommand.self,
                      AutodiagnosticCommand.self]
    )

    /// Whether the command line asks only for the version (`catalyse --version`, with `--lang`
    /// at most): answered with the catalogue in effect, which costs a load, so only when asked.
    static func asksVersion(_ arguments: [String]) -> Bool {
        arguments.contains("--version") && !arguments.contains(where: { !$0.hasPrefix("-") && !["fr", "en"].contains($0) })
    }

    static let version = "0.1.0"

    /// `catalyse --version`: the program's version and the catalogue in effect (without
    /// `--catalogue`, which is read after this), with its date.
    static func versionText(_ environment: [String: String]) -> String {
        let fr = Language.fromEnvironment(environment) == .fr
        let source = CatalogueSource.resolve(option: nil, environment: environment)
        let line: String
        switch source {
        case .file(let path):
            line = (fr ? "catalogue : " : "catalogue: ") + TextCleaning.forDisplay(path) + " (CATALYSE_CATALOGUE)"
        case .updated(let path):
            let m = Updater.currentManifest(Updater.Paths(environment: environment))
            line = (fr ? "catalogue : copie mise à jour" : "catalogue: updated copy") + (m.map { fr ? ", publication n° \($0.serial) du \($0.updated)" : ", publication no. \($0.serial) of \($0.updated)" } ?? "") + " (\(TextCleaning.forDisplay(path)))"
        case .embedded:
            let c = try? source.load(today: Day.today()).catalogue
            line = (fr ? "catalogue : intégré au programme" : "catalogue: built into the program") + (c.map { fr ? ", « \($0.name) », mis à jour le \($0.updated)" : ", “\($0.name)”, updated \($0.updated)" } ?? "")
        }
        return "catalyse \(version)\n" + line
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Interactive.run(global)
    }
}

import ArgumentParser
import CatalyseCore
import Foundation

@main
struct Catalyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalyse",
        abstract: "A terminal directory of the accompaniment offers that consulting firms give to associations.",
        discussion: """
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
            """,
        version: "0.1.0",
        subcommands: [ListCommand.self, ShowCommand.self, FirmsCommand.self, TerritoriesCommand.self,
                      ValidateCommand.self, CompileCommand.self, FavouritesCommand.self, ExportCommand.self]
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try Interactive.run(global)
    }
}

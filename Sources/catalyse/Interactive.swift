import ArgumentParser
import CatalyseCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `catalyse` without a subcommand: the interface on a terminal, else the list.
enum Interactive {
    static func run(_ global: GlobalOptions) throws {
        let language = global.language
        let catalogue = try global.loadCatalogue()
        let index = SearchIndex(catalogue: catalogue)
        let offers = index.run(OfferFilter(), counts: false).offers.map { catalogue.offers[$0] }
        Output.error(language == .fr
            ? "catalyse : pas de terminal interactif ; voici la liste (catalyse list)."
            : "catalyse: not an interactive terminal; printing the list (catalyse list).")
        Output.out(ListCommand.render(offers, catalogue: catalogue, language: language, terminal: Output.stdoutIsTerminal))
    }
}

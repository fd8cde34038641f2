import ArgumentParser
import CatalyseCore

struct FavouritesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "favourites",
        abstract: "Add, remove or list favourite offers (kept in $XDG_STATE_HOME/catalyse/favourites).",
        discussion: """
            Examples:
              catalyse favourites add <offer-id> <offer-id>
              catalyse favourites remove <offer-id>
              catalyse favourites list
            """,
        subcommands: [Add.self, Remove.self, List.self],
        defaultSubcommand: List.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark offers as favourites (ids must exist in the catalogue).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ids.") var ids: [String]

        func validate() throws { if ids.isEmpty { throw ValidationError("Give at least one offer id.") } }

        func run() throws {
            let language = global.language
            let catalogue = try global.loadCatalogue().catalogue
            let unknown = ids.filter { catalogue.offer(id: $0) == nil }
            if !unknown.isEmpty {
                let list = unknown.map(TextCleaning.forDisplay).joined(separator: ", ")
                Output.error(language == .fr ? "catalyse\u{00A0}: offre inconnue\u{00A0}: \(list)\u{00A0}; rien n'a été ajouté." : "catalyse: unknown offer: \(list); nothing was added.")
                throw ExitCode(ExitStatus.notFound)
            }
            let store = FavouritesStore(environment: global.environment)
            do { for id in ids { try store.add(id) } } catch { throw Output.exit(for: error, language) }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Unmark favourites (also those no longer in the catalogue).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Offer ids.") var ids: [String]

        func validate() throws { if ids.isEmpty { throw ValidationError("Give at least one offer id.") } }

        func run() throws {
            let store = FavouritesStore(environment: global.environment)
            do { for id in ids { try store.remove(id) } } catch { throw Output.exit(for: error, global.language) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the favourites: id and title, or a mark for those no longer in the catalogue.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let language = global.language
            let catalogue = try global.loadCatalogue().catalogue
            let ids = try Output.favouritesOrExit(FavouritesStore(environment: global.environment), language)
            var out = ""
            for id in ids {
                if let offer = catalogue.offer(id: id) {
                    out += "\(id)\t\(Output.tsvField(catalogue.firm(of: offer).name))\t\(Output.tsvField(offer.title))\n"
                } else {
                    out += "\(id)\t" + (language == .fr ? "(introuvable dans ce catalogue)" : "(not in this catalogue)") + "\n"
                }
            }
            Output.out(out)
        }
    }
}

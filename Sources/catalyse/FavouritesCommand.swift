import ArgumentParser
import CatalyseCore

struct FavouritesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "favourites",
        abstract: loc("Ajouter, retirer ou lister des offres favorites (gardées dans $XDG_STATE_HOME/catalyse/favourites).", "Add, remove or list favourite offers (kept in $XDG_STATE_HOME/catalyse/favourites)."),
        discussion: loc("""
            Exemples :
              catalyse favourites add <id-offre> <id-offre>
              catalyse favourites remove <id-offre>
              catalyse favourites list
            """, """
            Examples:
              catalyse favourites add <offer-id> <offer-id>
              catalyse favourites remove <offer-id>
              catalyse favourites list
            """),
        subcommands: [Add.self, Remove.self, List.self],
        defaultSubcommand: List.self
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: loc("Marquer des offres comme favorites (les identifiants doivent exister dans le catalogue).", "Mark offers as favourites (ids must exist in the catalogue)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: .loc("Identifiants d'offres.", "Offer ids.", value: ("ids-offres", "ids"))) var ids: [String]

        func validate() throws { if ids.isEmpty { throw Output.usage(fr: "donnez au moins un identifiant d'offre.", en: "give at least one offer id.") } }

        func run() throws {
            let language = global.language
            let catalogue = try global.loadCatalogue().catalogue
            let unknown = ids.filter { catalogue.offer(id: $0) == nil }
            if !unknown.isEmpty {
                for id in unknown { Output.error(Nearest.unknownOffer(id, catalogue, language)) }
                Output.error(language == .fr ? "catalyse : rien n'a été ajouté." : "catalyse: nothing was added.")
                throw ExitCode(ExitStatus.notFound)
            }
            let store = FavouritesStore(environment: global.environment)
            var before = Set(try Output.favouritesOrExit(store, language))
            var added = 0
            do { for id in ids where before.insert(id).inserted { _ = try store.add(id); added += 1 } } catch { throw Output.exit(for: error, language) }
            Output.note(FavouritesCommand.done(added: added, already: ids.count - added, language))
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: loc("Retirer des favoris (aussi ceux qui ne sont plus dans le catalogue).", "Unmark favourites (also those no longer in the catalogue)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: .loc("Identifiants d'offres.", "Offer ids.", value: ("ids-offres", "ids"))) var ids: [String]

        func validate() throws { if ids.isEmpty { throw Output.usage(fr: "donnez au moins un identifiant d'offre.", en: "give at least one offer id.") } }

        func run() throws {
            let language = global.language
            let store = FavouritesStore(environment: global.environment)
            var present = Set(try Output.favouritesOrExit(store, language))
            var removed = 0
            do { for id in ids where present.remove(id) != nil { _ = try store.remove(id); removed += 1 } } catch { throw Output.exit(for: error, language) }
            Output.note(FavouritesCommand.done(removed: removed, absent: ids.count - removed, language))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: loc("Lister les favoris : identifiant et titre, ou une mention pour ceux qui ne sont plus dans le catalogue.", "List the favourites: id and title, or a mark for those no longer in the catalogue."))
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

    /// What `add` did: « 2 favoris ajoutés. », « 1 favori ajouté ; 1 l'était déjà. »
    static func done(added: Int, already: Int, _ language: Language) -> String {
        let fr = language == .fr
        if added == 0 {
            return fr ? (already > 1 ? "Aucun favori ajouté : ces offres l'étaient déjà." : "Aucun favori ajouté : cette offre l'était déjà.")
                      : (already > 1 ? "No favourite added: these offers already were." : "No favourite added: this offer already was.")
        }
        let s = added > 1 ? "s" : ""
        let head = fr ? "\(added) favori\(s) ajouté\(s)" : "\(added) favourite\(s) added"
        guard already > 0 else { return head + "." }
        return head + (fr ? " ; \(already) l'étai\(already > 1 ? "ent" : "t") déjà." : "; \(already) already \(already > 1 ? "were" : "was").")
    }

    /// What `remove` did: « 1 favori retiré. », « Aucun favori retiré : cette offre n'en était pas un. »
    static func done(removed: Int, absent: Int, _ language: Language) -> String {
        let fr = language == .fr
        if removed == 0 {
            return fr ? (absent > 1 ? "Aucun favori retiré : aucune de ces offres n'était un favori." : "Aucun favori retiré : cette offre n'était pas un favori.")
                      : (absent > 1 ? "No favourite removed: none of these offers was a favourite." : "No favourite removed: this offer was not a favourite.")
        }
        let s = removed > 1 ? "s" : ""
        let head = fr ? "\(removed) favori\(s) retiré\(s)" : "\(removed) favourite\(s) removed"
        guard absent > 0 else { return head + "." }
        return head + (fr ? " ; \(absent) n'étai\(absent > 1 ? "ent" : "t") pas un favori." : "; \(absent) \(absent > 1 ? "were" : "was") not a favourite.")
    }
}

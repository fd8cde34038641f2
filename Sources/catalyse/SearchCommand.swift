import ArgumentParser
import CatalyseCore
import Foundation

/// A help text in French and English; `text` is the one of the command line's language.
struct Bilingual {
    let fr: String; let en: String
    init(_ fr: String, _ en: String) { self.fr = fr; self.en = en }
    var text: String { loc(fr, en) }
}

/// The help of the `search` commands in both languages (`loc`, as every command's).
enum SearchHelp {
    static let abstract = Bilingual("Recherches enregistrées : les filtres et la recherche sous un nom, et les nouvelles offres qu'elles trouvent.",
                                "Saved searches: filters and a search under a name, and the new offers they find.")
    static let discussion = Bilingual("""
        Gardées dans la base des dossiers ($XDG_DATA_HOME/catalyse/catalyse.sqlite). Un nom est unique, accents et \
        casse ignorés ; enregistrer sous un nom pris remplace la recherche. `search check` dit, pour chaque recherche, \
        combien d'offres nouvelles ou modifiées depuis la dernière consultation elle trouve : statut 0 s'il n'y a rien \
        de nouveau, 10 sinon (pour une tâche cron ou un script de courriel).
        """, """
        Kept in the dossiers database ($XDG_DATA_HOME/catalyse/catalyse.sqlite). A name is unique, accents and case \
        ignored; saving under a taken name replaces that search. `search check` says, for each search, how many offers \
        new or changed since they were last seen it finds: exit status 0 when nothing is new, 10 otherwise (for a cron \
        job or a mail script).
        """)
    static let save = Bilingual("Enregistre les filtres donnés (ceux de `list`) sous un nom.", "Save the filters given (those of `list`) under a name.")
    static let list = Bilingual("Les recherches enregistrées, avec leurs filtres.", "The saved searches, with their filters.")
    static let run = Bilingual("Liste les offres d'une recherche enregistrée (comme `list`).", "List the offers of a saved search (as `list` does).")
    static let remove = Bilingual("Supprime une recherche enregistrée.", "Remove a saved search.")
    static let check = Bilingual("Combien d'offres nouvelles trouve chaque recherche (statut 10 s'il y en a).",
                             "How many new offers each search finds (exit status 10 when there are some).")
    static let name = Bilingual("Nom de la recherche (un début unique suffit pour run et remove).", "Name of the search (a unique beginning is enough for run and remove).")
}

/// The exit status of `search check` when some saved search has new offers.
enum SearchCheckStatus { static let somethingNew: Int32 = 10 }

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: SearchHelp.abstract.text,
        discussion: SearchHelp.discussion.text + loc("\n\nExemples :", "\n\nExamples:") + """

              catalyse search save "Nord · stratégique" --territory 59 --purpose strategique
              catalyse search list
              catalyse search run nord
              catalyse search check --json
              catalyse search remove "Nord · stratégique"
            """,
        subcommands: [SearchSave.self, SearchList.self, SearchRun.self, SearchRemove.self, SearchCheck.self],
        defaultSubcommand: SearchList.self
    )

    /// The saved search a name designates, or exit 1 with the nearest names.
    static func resolve(_ name: String, _ store: DossierStore, _ context: DossierContext) throws -> SavedSearch {
        switch try context.run({ () throws(DossierError) in try store.savedSearch(named: name) }) {
        case .success(let s): return s
        case .failure(let problem):
            let message = problem.message(context.language)
            Output.error((context.language == .fr ? "catalyse : " : "catalyse: ") + message.prefix(1).lowercased() + message.dropFirst())
            throw ExitCode(ExitStatus.notFound)
        }
    }
}

struct SearchSave: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "save", abstract: SearchHelp.save.text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc(SearchHelp.name.fr, SearchHelp.name.en, value: ("nom", "name"))) var name: String
    @OptionGroup var filters: FilterOptions

    func run() throws {
        let context = DossierContext(global: global)
        let language = global.language
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            Output.error((language == .fr ? "catalyse : " : "catalyse: ") + SavedSearchProblem.emptyName.message(language))
            throw ExitCode(ExitStatus.usage)
        }
        if filters.favourites {
            throw Output.usage(fr: "une recherche enregistrée ne garde pas --favourites (les favoris changent) ; donnez ses autres filtres.",
                               en: "a saved search does not keep --favourites (favourites change); give its other filters.")
        }
        let search = SavedSearch(name: name.trimmingCharacters(in: .whitespaces), filter: try filters.facetFilter())
        let store = try context.store()
        let replaced = try context.run { () throws(DossierError) in try store.save(search) }
        let shown = Typography.quoted(TextCleaning.forDisplay(search.name), language)
        let what = FilterDescription.line(search.filter, language)
        Output.note(language == .fr
            ? "Recherche \(shown) \(replaced ? "remplacée" : "enregistrée") : \(what)."
            : "Search \(shown) \(replaced ? "replaced" : "saved"): \(what).")
    }
}

struct SearchList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: SearchHelp.list.text)
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: .loc("Imprimer du JSON.", "Print JSON.")) var json = false

    func run() throws {
        let context = DossierContext(global: global)
        let store = try context.store()
        let all = try context.run { () throws(DossierError) in try store.savedSearches() }
        let language = global.language
        if json {
            struct Item: Encodable { var name: String; var query: String; var filters: [String: [String]] }
            let items = all.map { s in
                Item(name: s.name, query: s.filter.query,
                     filters: Dictionary(uniqueKeysWithValues: Facet.allCases.compactMap { f in
                         let codes = s.filter.selectedCodes(f)
                         return codes.isEmpty ? nil : (f.rawValue, codes)
                     }))
            }
            try Output.json(language) { () throws(JSONOutput.EncodingError) in try JSONOutput.encode(items) }
            return
        }
        if all.isEmpty {
            Output.note(language == .fr ? "Aucune recherche enregistrée (S dans l'interface, ou catalyse search save NOM …)."
                                        : "No saved search (S in the interface, or catalyse search save NAME …).")
            return
        }
        Output.out(all.map { Output.tsvField($0.name) + "\t" + $0.description(language) }.joined(separator: "\n") + "\n")
    }
}

struct SearchRun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: SearchHelp.run.text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc(SearchHelp.name.fr, SearchHelp.name.en, value: ("nom", "name"))) var name: String
    @Flag(name: .customLong("new"), help: .loc("Seulement les offres nouvelles ou modifiées depuis qu'elles ont été vues.", "Only the offers new or changed since they were last seen.")) var onlyNew = false
    @Flag(name: .long, help: .loc("Imprimer du JSON (comme list --json).", "Print JSON (as list --json).")) var json = false

    func run() throws {
        let context = DossierContext(global: global)
        let store = try context.store()
        let search = try SearchCommand.resolve(name, store, context)
        let language = global.language
        let selection = try Selection(global, filter: search.filter, counts: false, onlyNew: onlyNew, news: json || onlyNew)
        if json {
            let offers = selection.offers, news = selection.news, catalogue = selection.catalogue
            try Output.json(language) { () throws(JSONOutput.EncodingError) in try JSONOutput.offers(offers, catalogue, news: news) }
            return
        }
        ListCommand.print(selection.result.offers, catalogue: selection.catalogue, language: language, terminal: Output.stdoutIsTerminal)
        if selection.result.offers.isEmpty { ListCommand.printEmpty(selection, onlyNew: onlyNew, language: language) }
    }
}

struct SearchRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: SearchHelp.remove.text)
    @OptionGroup var global: GlobalOptions
    @Argument(help: .loc(SearchHelp.name.fr, SearchHelp.name.en, value: ("nom", "name"))) var name: String

    func run() throws {
        let context = DossierContext(global: global)
        let store = try context.store()
        let search = try SearchCommand.resolve(name, store, context)
        _ = try context.run { () throws(DossierError) in try store.removeSearch(named: search.name) }
        let shown = Typography.quoted(TextCleaning.forDisplay(search.name), global.language)
        Output.note(global.language == .fr ? "Recherche \(shown) supprimée." : "Search \(shown) removed.")
    }
}

struct SearchCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: SearchHelp.check.text,
        discussion: loc("Une ligne par recherche enregistrée qui a des offres nouvelles (« Nord · stratégique : 2 nouvelles offres »). Statut de sortie : 0 rien de nouveau, 10 du nouveau.",
                        "One line per saved search with new offers (“Nord · stratégique: 2 new offers”). Exit status: 0 nothing new, 10 something new."))
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: .loc("Imprimer du JSON : le catalogue, depuis quand, et chaque recherche avec son nombre et les identifiants de ses nouvelles offres.", "Print JSON: the catalogue, since when, and each search with its count and the ids of its new offers.")) var json = false

    func run() throws {
        let context = DossierContext(global: global)
        let language = global.language
        let store = try context.store()
        let searches = try context.run { () throws(DossierError) in try store.savedSearches() }
        let loaded = try global.loadCatalogue()
        let today = try global.printedDay()
        let news = try context.run { () throws(DossierError) in try store.news(for: loaded.catalogue, today: today) }
        let alerts = SearchAlert.alerts(searches, index: loaded.searchIndex(), news: news, all: json)
        if json {
            try Output.json(language) { () throws(JSONOutput.EncodingError) in try JSONOutput.alerts(alerts, news: news) }
        } else if !alerts.isEmpty {
            Output.out(alerts.map { $0.text(language) }.joined(separator: "\n") + "\n")
        }
        if alerts.contains(where: { $0.count > 0 }) { throw ExitCode(SearchCheckStatus.somethingNew) }
    }
}

import ArgumentParser
import CatalyseCore
import Foundation

/// `catalyse dossier …`: one dossier per association accompanied, with the status of each offer,
/// notes and follow-ups, in the dossiers database (`DossierStore`).
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: loc("Dossiers : un par association accompagnée, avec le statut de chaque offre, des notes et des relances.", "Dossiers: one per association helped, with the status of each offer, notes and follow-ups."),
        discussion: loc("""
            Conservés dans $XDG_DATA_HOME/catalyse/catalyse.sqlite (par défaut \
            ~/.local/share/catalyse). Un dossier porte le nom que vous voulez ; accents et casse \
            sont ignorés, et un début unique du nom suffit. Statuts : a-etudier, contacte, \
            en-discussion, retenu, ecarte (leurs libellés français ou anglais aussi). Une offre « \
            contacté » ou « en discussion » depuis plus longtemps que le délai de relance (14 jours, \
            sauf réglage par `dossier follow-up --set-days`) est à relancer.

            Exemples :
              catalyse dossier new "Les Jardins partagés" --territory 59 --stage creation --need mise-en-reseau
              catalyse dossier add jardins lanterne-boussole-diagnostic-strategique
              catalyse dossier status jardins lanterne-boussole-diagnostic-strategique contacte
              catalyse dossier note jardins lanterne-boussole-diagnostic-strategique "Appel le 3, rappeler lundi"
              catalyse dossier follow-up
              catalyse dossier export jardins --as markdown -o jardins.md
            """, """
            Kept in $XDG_DATA_HOME/catalyse/catalyse.sqlite (by default ~/.local/share/catalyse). \
            A dossier is named as you like; accents and case are ignored, and a unique beginning of \
            the name is enough. Statuses: a-etudier, contacte, en-discussion, retenu, ecarte (their \
            French or English labels work too). An offer “contacted” or “in discussion” for \
            longer than the follow-up delay (14 days unless set with `dossier follow-up --set-days`) \
            is to follow up.

            Examples:
              catalyse dossier new "Les Jardins partagés" --territory 59 --stage creation --need mise-en-reseau
              catalyse dossier add jardins lanterne-boussole-diagnostic-strategique
              catalyse dossier status jardins lanterne-boussole-diagnostic-strategique contacte
              catalyse dossier note jardins lanterne-boussole-diagnostic-strategique "Appel le 3, rappeler lundi"
              catalyse dossier follow-up
              catalyse dossier export jardins --as markdown -o jardins.md
            """),
        subcommands: [DossierNew.self, DossierList.self, DossierShow.self, DossierAdd.self, DossierStatus.self, DossierNote.self,
                      DossierFollowUp.self, DossierExport.self, DossierImport.self, DossierRename.self, DossierArchive.self,
                      DossierUnarchive.self, DossierRemove.self, DossierBackup.self, DossierRestore.self, DossierCheck.self],
        defaultSubcommand: DossierList.self
    )
}

/// What every dossier command needs: the language, the store, the clock, and the catalogue
/// when offers are named or shown.
struct DossierContext {
    let global: GlobalOptions
    var language: Language { global.language }
    var now: Moment { Moment.now() }

    /// Opens the dossiers database, or exits with its message.
    func store() throws -> DossierStore {
        do { return try DossierStore(environment: global.environment) } catch { throw fail(error) }
    }

    /// The catalogue in effect (as every command loads it).
    func catalogue() throws -> Catalogue { try global.loadCatalogue().catalogue }

    /// Runs a store action, exiting with the error's message and status.
    func run<T>(_ body: () throws(DossierError) -> T) throws -> T {
        do { return try body() } catch { throw fail(error) }
    }

    /// Prints the message of `error` and gives the exit status it stands for.
    func fail(_ error: DossierError) -> ExitCode {
        let message = error.message(language)
        Output.error((language == .fr ? "catalyse : " : "catalyse: ") + message.prefix(1).lowercased() + message.dropFirst())
        switch error {
        case .unreadable, .unusableBackup(_, .unreadable): return ExitCode(ExitStatus.noInput)
        case .unusableBackup: return ExitCode(ExitStatus.dataError)
        case .damaged, .newerVersion, .foreign, .invalidImport: return ExitCode(ExitStatus.dataError)
        case .unwritable: return ExitCode(ExitStatus.cantCreate)
        case .emptyName, .emptyNote: return ExitCode(ExitStatus.usage)
        case .nameTaken, .unknownDossier, .ambiguousDossier, .offerNotInDossier: return ExitCode(ExitStatus.notFound)
        }
    }

    /// The dossier a typed name designates.
    func dossier(_ name: String, in store: DossierStore) throws -> Dossier {
        try run { () throws(DossierError) in try store.dossier(named: name) }
    }

    /// Offer ids checked against the catalogue: all known, or exit 1 naming the unknown ones
    /// with the nearest ids.
    func knownOffers(_ ids: [String], _ catalogue: Catalogue, verb: Label) throws -> [String] {
        let unknown = ids.filter { catalogue.offer(id: $0) == nil }
        guard !unknown.isEmpty else { return ids }
        let all = catalogue.offers.indices.map { catalogue.offers.id($0) }
        for id in unknown {
            let near = Suggestions.nearest(id, among: all)
            let shown = TextCleaning.forDisplay(id)
            let hint = near.isEmpty ? "" : (language == .fr ? " ; vouliez-vous dire \(near.joined(separator: ", ")) ?" : "; did you mean \(near.joined(separator: ", "))?")
            Output.error(language == .fr ? "catalyse : offre inconnue : \(shown)\(hint)" : "catalyse: unknown offer: \(shown)\(hint)")
        }
        Output.error(language == .fr ? "catalyse : rien n'a été \(verb.fr)." : "catalyse: nothing was \(verb.en).")
        throw ExitCode(ExitStatus.notFound)
    }

    /// One line on standard error saying what was done.
    func done(_ fr: String, _ en: String) { Output.note(language == .fr ? fr : en) }
}

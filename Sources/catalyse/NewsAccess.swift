import CatalyseCore

/// What is new, for the command line: the dossiers database opened and the catalogue's news
/// worked out; when the database cannot be used, nil and one note on stderr (the list goes on
/// without marks).
enum NewsAccess {
    static func open(_ global: GlobalOptions) -> Result<DossierStore, DossierError> {
        do throws(DossierError) {
            return .success(try DossierStore(environment: global.environment))
        } catch {
            return .failure(error)
        }
    }

    static func news(_ catalogue: Catalogue, _ global: GlobalOptions) -> (store: DossierStore, news: News)? {
        do throws(DossierError) {
            let store = try open(global).get()
            return (store, try store.news(for: catalogue, today: (try? global.printedDay()) ?? Day.today()))
        } catch {
            unavailable(error, global.language)
            return nil
        }
    }

    /// A command that shows offers without marks (`list`, `show`, `export`, `map`, `firms`,
    /// `search run`): the catalogue's first opening recorded, every offer seen, when it has
    /// never been opened; nothing else (nothing compared, no mark cleared). Silent when the
    /// database cannot be used: such a command's output has no marks to go without, and the
    /// next opening records it.
    static func recordFirstOpening(_ catalogue: Catalogue, _ global: GlobalOptions) {
        guard case .success(let store) = open(global) else { return }
        _ = try? store.recordFirstOpening(of: catalogue, today: (try? global.printedDay()) ?? Day.today())
    }

    /// The one note when the news cannot be read.
    static func unavailable(_ error: DossierError, _ language: Language) {
        Output.note(language == .fr
            ? "catalyse : les nouveautés ne sont pas suivies (" + error.message(.fr) + ") ; la liste est donnée sans marques."
            : "catalyse: what is new is not tracked (" + error.message(.en) + "); the list is given without marks.")
    }
}

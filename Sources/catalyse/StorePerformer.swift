import CatalyseCore
import CatalyseTUI

/// The interface's effects performed for real, with the core's stores: the favourites file
/// (locked, written atomically), export files (never replaced without asking), the
/// remembered language and the dossiers (`DossierAccess`, opened on first use). Each outcome
/// goes back to the interface typed; it words it.
struct StorePerformer: EffectPerformer {
    let favourites: FavouritesStore
    let language: LanguagePreference
    let dossiers: DossierAccess

    func perform(_ effect: Effect) -> Event? {
        switch effect {
        case .toggleFavourite(let id):
            do throws(FavouritesError) {
                _ = try favourites.toggle(id)
                return .favouritesLoaded(try favourites.load())
            } catch {
                return .favouritesFailed(error)
            }
        case .writeExport(let path, let contents, let overwrite):
            switch AtomicFile.write(Array(contents.utf8), to: path, overwrite: overwrite) {
            case .success: return .exportWritten(path: path)
            case .failure(let error): return .exportFailed(WriteFailure(error))
            }
        case .saveLanguage(let choice):
            // Not being able to remember the language is not worth a message: it still switched.
            language.save(choice)
            return nil
        case .loadDossiers, .createDossier, .renameDossier, .archiveDossier, .removeDossier, .addToDossier, .setOfferStatus, .addDossierNote:
            return dossiers.perform(effect)
        case .quit, .suspend:
            return nil  // the loop's own
        }
    }
}

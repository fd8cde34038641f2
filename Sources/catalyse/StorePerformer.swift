import CatalyseCore
import CatalyseTUI

/// The interface's effects performed for real, with the core's stores: the favourites file
/// (locked, written atomically), export files (never replaced without asking), the
/// remembered language, the search history (locked, atomic, bounded), the terminal's clipboard
/// (OSC 52) and the dossiers (`DossierAccess`, opened on first use). Each outcome goes back to
/// the interface typed; it words it.
struct StorePerformer: EffectPerformer {
    let favourites: FavouritesStore
    let language: LanguagePreference
    let dossiers: DossierAccess
    var searchHistory: SearchHistoryStore? = nil
    var clipboard = ClipboardWriter()
    /// What is new and the saved searches (nil: not tracked).
    var news: NewsPerformer? = nil
    /// Where the self-assessment's answers are kept.
    var assessment: AssessmentProgress? = nil
    /// Where the current dossier is remembered between sessions.
    var currentDossier: CurrentDossierPreference? = nil

    func perform(_ effect: Effect) -> Event? {
        switch effect {
        case .toggleFavourite(let id):
            do throws(FavouritesError) {
                _ = try favourites.toggle(id)
                return .favouritesLoaded(try favourites.load())
            } catch {
                return .favouritesFailed(error)
            }
        case .restoreFavourite(let id, let before):
            do throws(FavouritesError) {
                return .favouritesLoaded(try favourites.restore(id, before: before))
            } catch {
                return .favouritesFailed(error)
            }
        case .copyToClipboard(let text, let target):
            if let reason = clipboard.copy(text) { return .copyFailed(reason) }
            return .copied(target, text: text)
        case .loadSearchHistory, .recordSearch:
            guard let searchHistory else { return nil }
            do throws(SearchHistoryError) {
                if case .recordSearch(let text) = effect { return .searchHistoryLoaded(try searchHistory.record(text)) }
                return .searchHistoryLoaded(try searchHistory.load())
            } catch {
                return .searchHistoryFailed(error)
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
        case .markNewsSeen, .saveSearch, .removeSavedSearch:
            return news?.perform(effect)
        case .rememberCurrentDossier(let id):
            // Best effort, like the language: the dossier is current for this session anyway.
            currentDossier?.save(id)
            return nil
        case .saveAssessment(let contents):
            return assessment?.save(contents).map { .assessmentNotSaved(WriteFailure($0)) }
        case .quit, .suspend:
            return nil  // the loop's own
        }
    }
}

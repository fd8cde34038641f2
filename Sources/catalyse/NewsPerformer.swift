import CatalyseCore
import CatalyseTUI

/// The interface's news effects, performed with the dossiers database: the news worked out at
/// start (`start`, before the first frame, so the alerts show at once), marks cleared, searches
/// saved and removed. It keeps the news it last answered, which each change starts from.
final class NewsPerformer {
    let dossiers: DossierAccess
    let catalogue: Catalogue
    let today: Day
    private var news: News?

    init(dossiers: DossierAccess, catalogue: Catalogue, today: Day) {
        self.dossiers = dossiers
        self.catalogue = catalogue
        self.today = today
    }

    /// The first event: the news and saved searches, or why there are none.
    func start() -> Event {
        do throws(DossierError) {
            let store = try dossiers.open()
            let loaded = try store.news(for: catalogue, today: today)
            news = loaded
            return .newsLoaded(loaded, searches: try store.savedSearches())
        } catch {
            return .newsUnavailable(error)
        }
    }

    func perform(_ effect: Effect) -> Event? {
        do throws(DossierError) {
            let store = try dossiers.open()
            switch effect {
            case .markNewsSeen(let ids):
                guard let current = news else { return nil }
                let after = try store.markSeen(ids, in: catalogue, news: current, today: today)
                news = after
                return .newsLoaded(after, searches: try store.savedSearches())
            case .saveSearch(let search):
                let replaced = try store.save(search)
                return .savedSearchesChanged(try store.savedSearches(), .searchSaved(name: search.name, replaced: replaced))
            case .removeSavedSearch(let name):
                try store.removeSearch(named: name)
                return .savedSearchesChanged(try store.savedSearches(), .searchRemoved(name: name))
            default:
                return nil
            }
        } catch {
            return .newsUnavailable(error)
        }
    }
}

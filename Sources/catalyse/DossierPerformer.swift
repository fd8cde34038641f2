import CatalyseCore
import CatalyseTUI

/// The interface's dossier effects, performed with the core's `DossierStore`. The database is
/// opened on the first dossier effect, not at start: a damaged or foreign one never stops the
/// interface (the dossier screen says why and how to restore it), and it is tried again on the
/// next dossier effect (after a `catalyse dossier restore` in another terminal, say).
final class DossierAccess {
    let path: String
    let clock: () -> Moment
    private var store: DossierStore?

    init(path: String, clock: @escaping () -> Moment = Moment.now) {
        self.path = path
        self.clock = clock
    }

    func open() throws(DossierError) -> DossierStore {
        if let store { return store }
        let opened = try DossierStore(path: path)
        store = opened
        return opened
    }

    /// Performs one dossier effect; the answer is every dossier after it (or the error).
    func perform(_ effect: Effect) -> Event? {
        do throws(DossierError) {
            let store = try open()
            let now = clock()
            let outcome = try apply(effect, store, now)
            let snapshot = DossierSnapshot(dossiers: try store.dossiers(includeArchived: true), followUpDelay: try store.followUpDelay(),
                                           now: now, times: .local)
            return .dossiersLoaded(snapshot, outcome)
        } catch {
            return .dossierFailed(error)
        }
    }

    private func apply(_ effect: Effect, _ store: DossierStore, _ now: Moment) throws(DossierError) -> DossierOutcome {
        /// The dossier as it is now in the database (another command may have changed it).
        func current(_ ref: DossierRef) throws(DossierError) -> Dossier {
            guard let d = try store.dossier(id: ref.id) else { throw .unknownDossier(ref.name, suggestions: []) }
            return d
        }
        switch effect {
        case .loadDossiers:
            return .loaded
        case .createDossier(let profile):
            return .created(id: try store.create(profile, now: now).id)
        case .renameDossier(let ref, let name):
            try store.rename(try current(ref), to: name, now: now)
            return .renamed(id: ref.id)
        case .archiveDossier(let ref, let archived):
            try store.setArchived(archived, try current(ref), now: now)
            return .archived(id: ref.id, archived: archived)
        case .removeDossier(let ref):
            let d = try current(ref)
            try store.remove(d)
            return .removed(name: d.name)
        case .addToDossier(let ref, let ids):
            let already = try store.add(ids, to: try current(ref), now: now)
            return .added(id: ref.id, offerIDs: ids, already: already)
        case .setOfferStatus(let ref, let offerID, let status):
            try store.setStatus(status, of: offerID, in: try current(ref), now: now)
            return .statusSet(id: ref.id, offerID: offerID, status: status)
        case .addDossierNote(let ref, let offerID, let text):
            try store.addNote(text, to: offerID, in: try current(ref), now: now)
            return .noteAdded(id: ref.id, offerID: offerID)
        case .toggleFavourite, .writeExport, .saveLanguage, .quit, .suspend, .markNewsSeen, .saveSearch, .removeSavedSearch,
             .restoreFavourite, .copyToClipboard, .loadSearchHistory, .recordSearch, .saveAssessment, .rememberCurrentDossier:
            return .loaded  // not a dossier effect (StorePerformer sends only dossier effects here)
        }
    }
}

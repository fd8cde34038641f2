import CatalyseCore
@testable import CatalyseTUI
import Testing

/// Dossiers for the headless and golden tests, on the small fixture catalogue, at a fixed
/// moment shown in UTC (so that no screen depends on the machine's time zone).
enum DossierFixture {
    /// 2026-11-26 12:00 UTC, the fixture's today.
    static let now = Moment(seconds: 1_795_694_400)
    static let created = Moment(seconds: 1_793_520_000)     // 2026-11-01 08:00
    static let contacted = Moment(seconds: 1_794_303_000)   // 2026-11-10 09:30: 16 days, to follow up
    static let noted = Moment(seconds: 1_795_184_100)       // 2026-11-20 14:15
    static let discussed = Moment(seconds: 1_795_538_700)   // 2026-11-24 16:45
    static let added = Moment(seconds: 1_795_600_800)       // 2026-11-25 10:00

    static let jardinsProfile = DossierProfile(name: "Les Jardins partagés", territory: .department("59"), stage: .creation, budget: .from10kTo50k,
                                               employer: .benevole, needs: [.miseEnReseau, .coachingDirigeants],
                                               description: "Trouver des partenaires pour un second jardin.",
                                               contactName: "Anne Roy", contactEmail: "anne@jardins.example.org")

    static let jardins = Dossier(id: 1, profile: jardinsProfile, created: created, offers: [
        DossierOffer(offerID: "eclat-reseau", status: .contacte, statusSince: contacted, added: created,
                     notes: [DossierNote(at: noted, text: "Appel le 3 ; rappeler lundi.")]),
        DossierOffer(offerID: "eclat-diagnostic", status: .aEtudier, statusSince: added, added: added),
        DossierOffer(offerID: "zeta-distance", status: .enDiscussion, statusSince: discussed, added: created),
        DossierOffer(offerID: "offre-disparue", status: .retenu, statusSince: created, added: created),
    ], history: [
        DossierEvent(at: created, kind: .created),
        DossierEvent(at: created, kind: .added(offerID: "eclat-reseau")),
        DossierEvent(at: created, kind: .added(offerID: "zeta-distance")),
        DossierEvent(at: created, kind: .added(offerID: "offre-disparue")),
        DossierEvent(at: created, kind: .status(offerID: "offre-disparue", from: .aEtudier, to: .retenu)),
        DossierEvent(at: contacted, kind: .status(offerID: "eclat-reseau", from: .aEtudier, to: .contacte)),
        DossierEvent(at: noted, kind: .note(offerID: "eclat-reseau", text: "Appel le 3 ; rappeler lundi.")),
        DossierEvent(at: discussed, kind: .status(offerID: "zeta-distance", from: .aEtudier, to: .enDiscussion)),
        DossierEvent(at: added, kind: .added(offerID: "eclat-diagnostic")),
    ])

    static let horizon = Dossier(id: 2, profile: DossierProfile(name: "Horizon Corse", territory: .department("2A")), created: created, offers: [
        DossierOffer(offerID: "fusee-gouvernance", status: .ecarte, statusSince: added, added: created),
    ], history: [DossierEvent(at: created, kind: .created)])

    static let old = Dossier(id: 3, profile: DossierProfile(name: "Ancien dossier"), archived: true, created: created,
                             history: [DossierEvent(at: created, kind: .created), DossierEvent(at: added, kind: .archived)])

    static let snapshot = DossierSnapshot(dossiers: [horizon, old, jardins].sorted { TextFolding.frenchLess($0.name, $1.name) },
                                          followUpDelay: 14, now: now, times: .utc)

    /// The store's answer to the first load.
    static let loaded = Event.dossiersLoaded(snapshot, .loaded)

    static let damaged = DossierError.damaged(path: "/home/asso/.local/share/catalyse/catalyse.sqlite", reason: .database(code: 26, message: "file is not a database"))
}

extension Driver {
    /// `d`, and the store's answer with the fixture dossiers.
    mutating func openDossiers(_ snapshot: DossierSnapshot = DossierFixture.snapshot) {
        press(.char("d"))
        send(.dossiersLoaded(snapshot, .loaded))
    }

    /// The dossiers list, then Enter on « Les Jardins partagés » (the second, in French order).
    mutating func openJardins() {
        openDossiers()
        let at = state.listedDossiers.firstIndex { $0.id == 1 }!
        for _ in 0..<at { press(.down) }
        press(.enter)
    }
}

/// The dossier effect among effects, if any.
func dossierEffects(_ effects: [Effect]) -> [Effect] {
    effects.filter {
        switch $0 {
        case .loadDossiers, .createDossier, .renameDossier, .archiveDossier, .removeDossier, .addToDossier, .setOfferStatus, .addDossierNote: true
        default: false
        }
    }
}

/// The dossiers kept in memory, with the store's rules (names unique, accents and case ignored;
/// an offer added once; setting the same status changes nothing; a note on an offer of the
/// dossier only), a clock that moves a minute per change, and failures on demand.
struct FakeDossiers {
    var dossiers: [Dossier] = []
    var delay = 14
    var now = DossierFixture.now
    /// When set, every dossier effect fails with this error (a damaged database…).
    var failure: DossierError? = nil
    private var nextID: Int64 = 1

    init(_ dossiers: [Dossier] = []) {
        self.dossiers = dossiers
        nextID = (dossiers.map(\.id).max() ?? 0) + 1
    }

    mutating func perform(_ effect: Effect) -> Event {
        if let failure { return .dossierFailed(failure) }
        now = Moment(seconds: now.seconds + 60)
        do throws(DossierError) {
            let outcome = try apply(effect)
            dossiers.sort { TextFolding.frenchLess($0.name, $1.name) }
            return .dossiersLoaded(DossierSnapshot(dossiers: dossiers, followUpDelay: delay, now: now, times: .utc), outcome)
        } catch {
            return .dossierFailed(error)
        }
    }

    private func at(_ ref: DossierRef) throws(DossierError) -> Int {
        guard let i = dossiers.firstIndex(where: { $0.id == ref.id }) else { throw .unknownDossier(ref.name, suggestions: []) }
        return i
    }

    private func checkFree(_ name: String, except id: Int64? = nil) throws(DossierError) {
        let key = DossierProfile.key(name)
        guard !key.isEmpty else { throw .emptyName }
        if let taken = dossiers.first(where: { DossierProfile.key($0.name) == key && $0.id != id }) { throw .nameTaken(taken.name) }
    }

    private mutating func apply(_ effect: Effect) throws(DossierError) -> DossierOutcome {
        switch effect {
        case .loadDossiers:
            return .loaded
        case .createDossier(var profile):
            profile.name = profile.name.trimmingCharacters(in: .whitespaces)
            try checkFree(profile.name)
            let d = Dossier(id: nextID, profile: profile, created: now, history: [DossierEvent(at: now, kind: .created)])
            nextID += 1
            dossiers.append(d)
            return .created(id: d.id)
        case .renameDossier(let ref, let name):
            let i = try at(ref)
            try checkFree(name, except: ref.id)
            dossiers[i].history.append(DossierEvent(at: now, kind: .renamed(from: dossiers[i].name, to: name)))
            dossiers[i].profile.name = name
            return .renamed(id: ref.id)
        case .archiveDossier(let ref, let archived):
            let i = try at(ref)
            dossiers[i].archived = archived
            dossiers[i].history.append(DossierEvent(at: now, kind: archived ? .archived : .unarchived))
            return .archived(id: ref.id, archived: archived)
        case .removeDossier(let ref):
            let i = try at(ref)
            let name = dossiers[i].name
            dossiers.remove(at: i)
            return .removed(name: name)
        case .addToDossier(let ref, let ids):
            let i = try at(ref)
            var already: [String] = []
            for id in ids {
                if dossiers[i].offers.contains(where: { $0.offerID == id }) { already.append(id); continue }
                dossiers[i].offers.append(DossierOffer(offerID: id, status: .aEtudier, statusSince: now, added: now))
                dossiers[i].history.append(DossierEvent(at: now, kind: .added(offerID: id)))
            }
            return .added(id: ref.id, offerIDs: ids, already: already)
        case .setOfferStatus(let ref, let offerID, let status):
            let i = try at(ref)
            guard let o = dossiers[i].offers.firstIndex(where: { $0.offerID == offerID }) else {
                throw .offerNotInDossier(dossier: ref.name, offerID: offerID)
            }
            let old = dossiers[i].offers[o].status
            if old != status {
                dossiers[i].offers[o].status = status
                dossiers[i].offers[o].statusSince = now
                dossiers[i].history.append(DossierEvent(at: now, kind: .status(offerID: offerID, from: old, to: status)))
            }
            return .statusSet(id: ref.id, offerID: offerID, status: status)
        case .addDossierNote(let ref, let offerID, let text):
            let i = try at(ref)
            let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !note.isEmpty else { throw .emptyNote }
            guard let o = dossiers[i].offers.firstIndex(where: { $0.offerID == offerID }) else {
                throw .offerNotInDossier(dossier: ref.name, offerID: offerID)
            }
            dossiers[i].offers[o].notes.append(DossierNote(at: now, text: note))
            dossiers[i].history.append(DossierEvent(at: now, kind: .note(offerID: offerID, text: note)))
            return .noteAdded(id: ref.id, offerID: offerID)
        default:
            Issue.record("not a dossier effect: \(effect)")
            return .loaded
        }
    }
}

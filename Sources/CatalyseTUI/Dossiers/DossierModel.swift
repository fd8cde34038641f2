import CatalyseCore
import Glibc

/// A dossier as an effect names it: its id, and its name for a message when it is gone.
public struct DossierRef: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public init(id: Int64, name: String) { self.id = id; self.name = name }
    public init(_ dossier: Dossier) { self.init(id: dossier.id, name: dossier.name) }
}

/// How moments are shown: in the local time zone (the program), or in UTC (tests and golden
/// screens, which must not depend on the machine's zone).
public enum DossierTimes: Sendable, Equatable {
    case local, utc

    /// `2026-12-01 09:30`.
    func format(_ moment: Moment) -> String {
        guard self == .utc else { return moment.local }
        var t = time_t(moment.seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    /// `2026-12-01`.
    func day(_ moment: Moment) -> String { String(format(moment).prefix(10)) }
}

/// The dossiers as the store last gave them: all of them (archived ones too), with the
/// follow-up delay and the moment they were read at (« à relancer » is computed at that moment).
public struct DossierSnapshot: Sendable, Equatable {
    public var dossiers: [Dossier]
    public var followUpDelay: Int
    public var now: Moment
    public var times: DossierTimes

    public init(dossiers: [Dossier], followUpDelay: Int, now: Moment, times: DossierTimes = .local) {
        self.dossiers = dossiers; self.followUpDelay = followUpDelay; self.now = now; self.times = times
    }
}

/// What a dossier effect did, sent back with the dossiers after it.
public enum DossierOutcome: Sendable, Equatable {
    case loaded
    case created(id: Int64)
    case renamed(id: Int64)
    case archived(id: Int64, archived: Bool)
    case removed(name: String)
    /// The ids added, and those that were already in the dossier (left as they were).
    case added(id: Int64, offerIDs: [String], already: [String])
    case statusSet(id: Int64, offerID: String, status: OfferStatus)
    case noteAdded(id: Int64, offerID: String)
}

extension DossierError {
    /// The database itself cannot be used (the dossier screens say why and how to restore);
    /// other errors are about one action.
    var isStoreProblem: Bool {
        switch self {
        case .unreadable, .damaged, .newerVersion, .foreign: true
        default: false
        }
    }
}

/// A dialog over the dossier screens (or over the list, for the chooser): one at a time.
enum DossierDialog: Sendable, Equatable {
    case create(DossierForm)
    case rename(RenamePrompt)
    case remove(RemoveConfirmation)
    case status(StatusMenu)
    case note(NoteEditor)
    case choose(DossierChooser)

    /// A change was asked for and its answer has not come yet.
    var pending: Bool {
        switch self {
        case .create(let f): f.pending
        case .rename(let r): r.pending
        case .remove(let r): r.pending
        case .status(let s): s.pending
        case .note(let n): n.pending
        case .choose(let c): c.pending
        }
    }

    /// The same dialog showing an error from the store (the change did not happen).
    func failed(_ error: DossierError) -> DossierDialog {
        switch self {
        case .create(var f): f.pending = false; f.problem = .store(error); if error == .emptyName || error.isNameTaken { f.field = .name }; return .create(f)
        case .rename(var r): r.pending = false; r.error = error; return .rename(r)
        case .remove(var r): r.pending = false; r.error = error; return .remove(r)
        case .status(var s): s.pending = false; s.error = error; return .status(s)
        case .note(var n): n.pending = false; n.error = error; return .note(n)
        case .choose(var c): c.pending = false; c.error = error; return .choose(c)
        }
    }
}

extension DossierError {
    var isNameTaken: Bool { if case .nameTaken = self { true } else { false } }
}

/// Everything the interface keeps about dossiers. The store is asked through effects; this is
/// its last answer and what the dossier screens show.
struct DossiersState: Sendable, Equatable {
    /// The store's last answer (nil until the first one, or after the database failed).
    var snapshot: DossierSnapshot? = nil
    /// The database could not be opened or read: why.
    var problem: DossierError? = nil
    /// The first load was asked for and not answered yet.
    var loading = false
    /// The current dossier: named in the header, `a` adds to it, the list marks its offers.
    var currentID: Int64? = nil
    /// The current dossier as last remembered in the state folder (`rememberCurrentDossier`).
    var rememberedID: Int64? = nil
    /// The last session's current dossier is waiting for the store's first answer: until then
    /// nothing is remembered over it (a database that fails leaves it as it was).
    var resuming = false
    /// The dossiers list: archived ones shown too.
    var showArchived = false
    var list = ScrollState()
    /// The dossier open (its screen and its history).
    var openID: Int64? = nil
    /// Index into the open dossier's offers, in the order shown (grouped by status).
    var offerSelection = 0
    var document = ScrollState(marksMore: true)
    var historyScroll = 0
    var dialog: DossierDialog? = nil
}

extension AppState {
    /// Every dossier the store gave (archived ones too).
    var allDossiers: [Dossier] { dossiers.snapshot?.dossiers ?? [] }

    /// The dossiers the list shows: not archived, unless they are asked for.
    var listedDossiers: [Dossier] { allDossiers.filter { dossiers.showArchived || !$0.archived } }

    /// The dossiers offers can be added to (the chooser): those not archived.
    var activeDossiers: [Dossier] { allDossiers.filter { !$0.archived } }

    func dossier(id: Int64?) -> Dossier? {
        guard let id else { return nil }
        return allDossiers.first { $0.id == id }
    }

    /// The current dossier, when there is one and it is still there.
    public var currentDossier: Dossier? { dossier(id: dossiers.currentID) }

    /// The dossier open on the dossier screen.
    var openDossier: Dossier? { dossier(id: dossiers.openID) }

    /// Whether an offer is in the current dossier (the list marks it).
    func isInCurrentDossier(_ offerID: String) -> Bool {
        currentDossier?.offers.contains { $0.offerID == offerID } ?? false
    }

    /// The open dossier's offers in the order the screen shows them: by status, then as added.
    var openDossierOffers: [DossierOffer] {
        guard let d = openDossier else { return [] }
        return OfferStatus.allCases.flatMap { s in d.offers.filter { $0.status == s } }
    }

    /// The offers of a dossier to follow up at the snapshot's moment.
    func followUps(_ d: Dossier) -> Int {
        guard let s = dossiers.snapshot else { return 0 }
        return d.followUps(now: s.now, delay: s.followUpDelay).count
    }

    func needsFollowUp(_ o: DossierOffer) -> Bool {
        guard let s = dossiers.snapshot else { return false }
        return o.needsFollowUp(now: s.now, delay: s.followUpDelay)
    }

    var dossierTimes: DossierTimes { dossiers.snapshot?.times ?? .local }

    /// Starts with the dossier the last session had current (`CurrentDossierPreference`): it
    /// becomes current when the store answers, if it is still there and not archived. Returns
    /// whether the store must be read now.
    public mutating func resumeCurrentDossier(_ id: Int64?) -> Bool {
        dossiers.rememberedID = id
        dossiers.resuming = id != nil
        return id != nil
    }

    /// The effect that remembers the current dossier, when it changed (nothing while the last
    /// session's is being resumed).
    mutating func rememberCurrentDossier() -> [Effect] {
        guard !dossiers.resuming, dossiers.currentID != dossiers.rememberedID else { return [] }
        dossiers.rememberedID = dossiers.currentID
        return [.rememberCurrentDossier(dossiers.currentID)]
    }

    // MARK: The store's answers

    mutating func dossiersLoaded(_ snapshot: DossierSnapshot, _ outcome: DossierOutcome) -> [Effect] {
        // The list's selection stays on the same dossier when others come or go above it.
        let previousListed = selectedListedDossier?.id
        dossiers.snapshot = snapshot
        dossiers.problem = nil
        dossiers.loading = false
        if dossiers.resuming {
            dossiers.resuming = false
            if dossiers.currentID == nil { dossiers.currentID = dossiers.rememberedID }
        }
        // A current dossier that is gone or archived is current no more.
        if let current = currentDossier, current.archived { dossiers.currentID = nil }
        if currentDossier == nil { dossiers.currentID = nil }
        var select = previousListed
        var follow: [Effect] = []
        switch outcome {
        case .loaded:
            break
        case .created(let id):
            dossiers.currentID = id
            select = id
            if let d = dossier(id: id) { status = StatusMessage(.dossier(.created(d.name))) }
            // Made from a self-assessment or a pathway: its offers go in, « à étudier ».
            if case .create(let f)? = dossiers.dialog, !f.thenAdd.isEmpty, let d = dossier(id: id) { follow = [.addToDossier(DossierRef(d), offerIDs: f.thenAdd)] }
        case .renamed(let id):
            if let d = dossier(id: id) { status = StatusMessage(.dossier(.renamed(d.name))) }
        case .archived(let id, let archived):
            if let d = dossier(id: id) { status = StatusMessage(.dossier(archived ? .archived(d.name) : .unarchived(d.name))) }
        case .removed(let name):
            status = StatusMessage(.dossier(.removed(name)))
        case .added(let id, let offerIDs, let already):
            // Chosen when there was no current dossier: it becomes the current one.
            if dossiers.currentID == nil, let d = dossier(id: id), !d.archived { dossiers.currentID = id }
            if let d = dossier(id: id) {
                let added = offerIDs.filter { !already.contains($0) }.count
                status = StatusMessage(.dossier(added > 0 ? .added(d.name, added) : .alreadyIn(d.name)))
            }
        case .statusSet(_, let offerID, let newStatus):
            // The selection follows the offer into its new group.
            if let at = openDossierOffers.firstIndex(where: { $0.offerID == offerID }) { dossiers.offerSelection = at }
            status = StatusMessage(.dossier(.statusSet(newStatus)))
        case .noteAdded:
            status = StatusMessage(.dossier(.noteAdded))
        }
        // The change asked for is done: its dialog closes.
        if outcome != .loaded, dossiers.dialog?.pending == true { dossiers.dialog = nil }
        if let select, let at = listedDossiers.firstIndex(where: { $0.id == select }) {
            dossiers.list.fit(count: listedDossiers.count, height: dossierListHeight(layout), selecting: at)
        }
        // The open dossier was removed (here or elsewhere): back to the dossiers list.
        if openDossier == nil && (screen == .dossier || screen == .dossierHistory) {
            while stack.count > 1 && (screen == .dossier || screen == .dossierHistory || screen == .sheet) { stack.removeLast() }
            dossiers.openID = nil
        }
        clampDossiers()
        return follow
    }

    mutating func dossierFailed(_ error: DossierError) -> [Effect] {
        dossiers.loading = false
        // Never read at all (the folder cannot be made, say): the dossiers screen says why.
        if error.isStoreProblem || (dossiers.snapshot == nil && dossiers.dialog?.pending != true) {
            dossiers.problem = error
            dossiers.snapshot = nil
            dossiers.currentID = nil
            dossiers.dialog = nil
            if screen == .dossier || screen == .dossierHistory {
                while stack.count > 1 && screen != .dossiers { stack.removeLast() }
            }
            // The dossiers screen says it; elsewhere (a from the list) the footer does.
            if screen != .dossiers { status = StatusMessage(.dossier(.failed(error))) }
        } else if let dialog = dossiers.dialog, dialog.pending {
            dossiers.dialog = dialog.failed(error)
        } else {
            status = StatusMessage(.dossier(.failed(error)))
        }
        clampDossiers()
        return []
    }

    /// Keeps the dossier screens' selections in range and in view.
    mutating func clampDossiers(_ l: Layout? = nil) {
        let l = l ?? layout
        dossiers.list.fit(count: listedDossiers.count, height: dossierListHeight(l))
        clampDossierView(l)
        clampDossierHistory(l)
    }
}

import GRDB

/// Reading dossiers back from the database. Text is cleaned again as it is read (the file may
/// have been edited by another program), and a code the program does not know is reported as
/// damage, never guessed.
extension DossierStore {
    /// Every dossier (the archived ones with `includeArchived`), by name in French order, with
    /// their offers and history.
    public func dossiers(includeArchived: Bool = false) throws(DossierError) -> [Dossier] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM dossier" + (includeArchived ? "" : " WHERE archived = 0"))
            return try rows.map { try DossierStore.dossier($0, db) }
                .sorted { TextFolding.frenchLess($0.name, $1.name) }
        }
    }

    /// The dossier a typed name designates: the exact name (accents and case ignored), else a
    /// unique prefix, archived ones included.
    public func dossier(named text: String) throws(DossierError) -> Dossier {
        let all = try dossiers(includeArchived: true)
        switch Resolution.of(text, among: all, names: { [$0.name] }) {
        case .found(let d): return d
        case .ambiguous(let candidates): throw .ambiguousDossier(text, candidates: candidates.map(\.name))
        case .unknown:
            throw .unknownDossier(text, suggestions: Suggestions.nearest(text, among: all.map(\.name)))
        }
    }

    public func dossier(id: Int64) throws(DossierError) -> Dossier? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM dossier WHERE id = ?", arguments: [id]).map { try DossierStore.dossier($0, db) }
        }
    }

    /// Every offer to follow up, across the dossiers that are not archived, oldest first.
    public func followUps(now: Moment, delay: Int) throws(DossierError) -> [(dossier: Dossier, offer: DossierOffer)] {
        try dossiers().flatMap { d in d.followUps(now: now, delay: delay).map { (d, $0) } }
            .sorted { ($0.offer.statusSince, $0.dossier.name) < ($1.offer.statusSince, $1.dossier.name) }
    }

    /// The follow-up delay in days (a setting; 14 by default).
    public func followUpDelay() throws(DossierError) -> Int {
        try read { db in
            try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'follow-up-days'").flatMap { Int($0) } ?? 14
        }
    }

    // MARK: Rows to values

    static func code<T>(_ raw: String?, _ what: String, _ parse: (String) -> T?) throws -> T? {
        guard let raw else { return nil }
        guard let value = parse(raw) else { throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown \(what) '\(TextCleaning.forDisplay(raw))'") }
        return value
    }

    static func text(_ raw: String?, singleLine: Bool = true) -> String? {
        raw.map { TextCleaning.clean($0, singleLine: singleLine).text }
    }

    static func dossier(_ row: Row, _ db: Database) throws -> Dossier {
        let id: Int64 = row["id"]
        let needs: String = row["needs"]
        let profile = DossierProfile(
            name: text(row["name"]) ?? "",
            territory: try code(row["territory"], "territory", Place.init(code:)),
            stage: try code(row["stage"], "stage", Stage.init(code:)),
            budget: try code(row["budget"], "budget band", BudgetBand.init(code:)),
            employer: try code(row["employer"], "employer status", EmployerStatus.init(code:)),
            needs: try needs.split(separator: ",").map { try code(String($0), "support kind", SupportKind.init(code:))! },
            description: text(row["description"], singleLine: false),
            contactName: text(row["contact_name"]), contactEmail: text(row["contact_email"]),
            note: text(row["note"], singleLine: false))
        var history: [DossierEvent] = []
        var notes: [String: [DossierNote]] = [:]
        for e in try Row.fetchAll(db, sql: "SELECT * FROM dossier_event WHERE dossier_id = ? ORDER BY id", arguments: [id]) {
            let at = Moment(seconds: e["at"])
            let offer: String = e["offer_id"] ?? ""
            let old: String? = e["old_value"], new: String? = e["new_value"]
            let kind: DossierEvent.Kind
            switch e["kind"] as String {
            case "created": kind = .created
            case "added": kind = .added(offerID: offer)
            case "status":
                kind = .status(offerID: offer, from: try code(old, "status", OfferStatus.init(rawValue:)),
                               to: try code(new, "status", OfferStatus.init(rawValue:)) ?? .aEtudier)
            case "note":
                let note = text(new, singleLine: false) ?? ""
                kind = .note(offerID: offer, text: note)
                notes[offer, default: []].append(DossierNote(at: at, text: note))
            case "renamed": kind = .renamed(from: text(old) ?? "", to: text(new) ?? "")
            case "archived": kind = .archived
            case "unarchived": kind = .unarchived
            case "imported": kind = .imported(from: text(new) ?? "")
            case "profile": kind = .profileChanged
            case let other: throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown event '\(TextCleaning.forDisplay(other))'")
            }
            history.append(DossierEvent(at: at, kind: kind))
        }
        let offers = try Row.fetchAll(db, sql: "SELECT * FROM dossier_offer WHERE dossier_id = ? ORDER BY position", arguments: [id]).map { o in
            let offerID: String = o["offer_id"]
            return DossierOffer(offerID: text(offerID) ?? "", status: try code(o["status"], "status", OfferStatus.init(rawValue:)) ?? .aEtudier,
                                statusSince: Moment(seconds: o["status_since"]), added: Moment(seconds: o["added_at"]),
                                notes: notes[offerID] ?? [])
        }
        return Dossier(id: id, profile: profile, archived: row["archived"] as Bool, created: Moment(seconds: row["created_at"]),
                       offers: offers, history: history)
    }
}

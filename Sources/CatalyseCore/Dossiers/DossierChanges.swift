import GRDB

/// Changing dossiers: each public method is one user action, one transaction, and leaves an
/// event in the dossier's history. `now` is passed in (tests inject their clock).
extension DossierStore {
    /// A new dossier; its name must be free (accents and case ignored).
    @discardableResult
    public func create(_ profile: DossierProfile, now: Moment) throws(DossierError) -> Dossier {
        let profile = DossierStore.cleaned(profile)
        guard !DossierProfile.key(profile.name).isEmpty else { throw .emptyName }
        let id: Int64 = try write { db in
            try DossierStore.checkNameFree(profile.name, db)
            try db.execute(sql: """
                INSERT INTO dossier (name, name_key, territory, stage, budget, employer, needs, description,
                                     contact_name, contact_email, note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [profile.name, DossierProfile.key(profile.name), profile.territory?.code, profile.stage?.code,
                                 profile.budget?.code, profile.employer?.code, profile.needs.map(\.code).joined(separator: ","),
                                 profile.description, profile.contactName, profile.contactEmail, profile.note, now.seconds])
            let id = db.lastInsertedRowID
            try DossierStore.event(db, id, now, "created")
            return id
        }
        return try dossier(id: id)!
    }

    /// Adds offers (ids checked by the caller against the catalogue) « à étudier »; returns the
    /// ids that were already in the dossier (left as they were).
    @discardableResult
    public func add(_ offerIDs: [String], to dossier: Dossier, now: Moment) throws(DossierError) -> [String] {
        try write { db in
            var already: [String] = []
            var position = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(position), -1) FROM dossier_offer WHERE dossier_id = ?", arguments: [dossier.id]) ?? -1
            for id in offerIDs {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM dossier_offer WHERE dossier_id = ? AND offer_id = ?", arguments: [dossier.id, id]) != nil {
                    already.append(id)
                    continue
                }
                position += 1
                try db.execute(sql: "INSERT INTO dossier_offer (dossier_id, offer_id, status, status_since, added_at, position) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [dossier.id, id, OfferStatus.aEtudier.code, now.seconds, now.seconds, position])
                try DossierStore.event(db, dossier.id, now, "added", offer: id)
            }
            return already
        }
    }

    /// Sets an offer's status (an offer not in the dossier is refused). Setting the status it
    /// already has changes nothing.
    public func setStatus(_ status: OfferStatus, of offerID: String, in dossier: Dossier, now: Moment) throws(DossierError) {
        try write { db in
            guard let old = try String.fetchOne(db, sql: "SELECT status FROM dossier_offer WHERE dossier_id = ? AND offer_id = ?", arguments: [dossier.id, offerID]) else {
                throw DossierError.offerNotInDossier(dossier: dossier.name, offerID: offerID)
            }
            guard old != status.code else { return }
            try db.execute(sql: "UPDATE dossier_offer SET status = ?, status_since = ? WHERE dossier_id = ? AND offer_id = ?",
                           arguments: [status.code, now.seconds, dossier.id, offerID])
            try DossierStore.event(db, dossier.id, now, "status", offer: offerID, old: old, new: status.code)
        }
    }

    /// A dated note on an offer of the dossier.
    public func addNote(_ text: String, to offerID: String, in dossier: Dossier, now: Moment) throws(DossierError) {
        let note = TextCleaning.trim(TextCleaning.clean(text).text)
        guard !note.isEmpty else { throw .emptyNote }
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM dossier_offer WHERE dossier_id = ? AND offer_id = ?", arguments: [dossier.id, offerID]) != nil else {
                throw DossierError.offerNotInDossier(dossier: dossier.name, offerID: offerID)
            }
            try DossierStore.event(db, dossier.id, now, "note", offer: offerID, new: note)
        }
    }

    public func rename(_ dossier: Dossier, to name: String, now: Moment) throws(DossierError) {
        let name = DossierStore.cleaned(DossierProfile(name: name)).name
        guard !DossierProfile.key(name).isEmpty else { throw .emptyName }
        try write { db in
            if DossierProfile.key(name) != DossierProfile.key(dossier.name) { try DossierStore.checkNameFree(name, db) }
            try db.execute(sql: "UPDATE dossier SET name = ?, name_key = ? WHERE id = ?", arguments: [name, DossierProfile.key(name), dossier.id])
            try DossierStore.event(db, dossier.id, now, "renamed", old: dossier.name, new: name)
        }
    }

    public func setArchived(_ archived: Bool, _ dossier: Dossier, now: Moment) throws(DossierError) {
        try write { db in
            try db.execute(sql: "UPDATE dossier SET archived = ? WHERE id = ?", arguments: [archived, dossier.id])
            try DossierStore.event(db, dossier.id, now, archived ? "archived" : "unarchived")
        }
    }

    /// Deletes a dossier with its offers and history.
    public func remove(_ dossier: Dossier) throws(DossierError) {
        try write { db in try db.execute(sql: "DELETE FROM dossier WHERE id = ?", arguments: [dossier.id]) }
    }

    public func setFollowUpDelay(_ days: Int) throws(DossierError) {
        try write { db in
            try db.execute(sql: "INSERT INTO setting (key, value) VALUES ('follow-up-days', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [String(days)])
        }
    }

    /// Adds a whole dossier (an import): its profile, offers with their statuses, notes and
    /// history, then an `imported` event. The name must be free.
    @discardableResult
    public func insert(_ imported: Dossier, from file: String, now: Moment) throws(DossierError) -> Dossier {
        let profile = DossierStore.cleaned(imported.profile)
        guard !DossierProfile.key(profile.name).isEmpty else { throw .emptyName }
        let id: Int64 = try write { db in
            try DossierStore.checkNameFree(profile.name, db)
            try db.execute(sql: """
                INSERT INTO dossier (name, name_key, territory, stage, budget, employer, needs, description,
                                     contact_name, contact_email, note, archived, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [profile.name, DossierProfile.key(profile.name), profile.territory?.code, profile.stage?.code,
                                 profile.budget?.code, profile.employer?.code, profile.needs.map(\.code).joined(separator: ","),
                                 profile.description, profile.contactName, profile.contactEmail, profile.note, imported.archived,
                                 imported.created.seconds])
            let id = db.lastInsertedRowID
            for (position, o) in imported.offers.enumerated() {
                try db.execute(sql: "INSERT INTO dossier_offer (dossier_id, offer_id, status, status_since, added_at, position) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, o.offerID, o.status.code, o.statusSince.seconds, o.added.seconds, position])
            }
            for e in imported.history {
                switch e.kind {
                case .created: try DossierStore.event(db, id, e.at, "created")
                case .added(let offer): try DossierStore.event(db, id, e.at, "added", offer: offer)
                case let .status(offer, from, to): try DossierStore.event(db, id, e.at, "status", offer: offer, old: from?.code, new: to.code)
                case let .note(offer, text): try DossierStore.event(db, id, e.at, "note", offer: offer, new: TextCleaning.clean(text).text)
                case let .renamed(from, to): try DossierStore.event(db, id, e.at, "renamed", old: from, new: to)
                case .archived: try DossierStore.event(db, id, e.at, "archived")
                case .unarchived: try DossierStore.event(db, id, e.at, "unarchived")
                case .imported(let from): try DossierStore.event(db, id, e.at, "imported", new: from)
                case .profileChanged: try DossierStore.event(db, id, e.at, "profile")
                }
            }
            try DossierStore.event(db, id, now, "imported", new: file)
            return id
        }
        return try dossier(id: id)!
    }

    // MARK: Helpers

    static func event(_ db: Database, _ dossier: Int64, _ at: Moment, _ kind: String, offer: String? = nil, old: String? = nil, new: String? = nil) throws {
        try db.execute(sql: "INSERT INTO dossier_event (dossier_id, at, kind, offer_id, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)",
                       arguments: [dossier, at.seconds, kind, offer, old, new])
    }

    static func checkNameFree(_ name: String, _ db: Database) throws {
        if let taken = try String.fetchOne(db, sql: "SELECT name FROM dossier WHERE name_key = ?", arguments: [DossierProfile.key(name)]) {
            throw DossierError.nameTaken(taken)
        }
    }

    /// The profile's texts as they are kept: cleaned as catalogue text is, trimmed, empty ones
    /// dropped.
    static func cleaned(_ p: DossierProfile) -> DossierProfile {
        func line(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = TextCleaning.trim(TextCleaning.clean(s, singleLine: true).text)
            return t.isEmpty ? nil : t
        }
        func block(_ s: String?) -> String? {
            guard let s else { return nil }
            let t = TextCleaning.trim(TextCleaning.clean(s).text)
            return t.isEmpty ? nil : t
        }
        var q = p
        q.name = line(p.name) ?? ""
        q.description = block(p.description)
        q.contactName = line(p.contactName)
        q.contactEmail = line(p.contactEmail)
        q.note = block(p.note)
        var needs: [SupportKind] = []
        for n in p.needs where !needs.contains(n) { needs.append(n) }
        q.needs = needs
        return q
    }
}

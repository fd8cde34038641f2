import Foundation
import GRDB

/// The fingerprints of what the user has seen of each catalogue, kept in the dossiers database
/// by catalogue name: `news_catalogue` (one row a catalogue: the digest of the whole catalogue
/// the last time everything had been seen, and since when), `news_baseline` (every offer seen,
/// as two blobs: `SeenBaseline.swift`) and `news_seen` (the offers seen one at a time since the
/// baseline was written: a sheet opened; folded into the baseline when they are many).
///
/// Opening works out every offer's fingerprint (on every core) and the digest of the whole
/// catalogue. When it equals the one recorded the last time everything had been seen, nothing is
/// new and nothing more is read: that is the common case and costs one row. Otherwise the
/// catalogue's offers, sorted by id hash, are merged with the baseline (read in place, not
/// copied) and the rows of `news_seen`, which win over the baseline. The first opening writes
/// the baseline: every offer seen, in one statement.
extension DossierStore {
    /// Above this many rows in `news_seen`, marking offers as seen folds them into the baseline
    /// (rewriting it) rather than adding rows, so that an opening never reads many rows.
    static let seenRowsLimit = 4096

    /// What is new in `catalogue` since the user last saw it (nothing on its first opening,
    /// which records every offer as seen).
    public func news(for catalogue: Catalogue, today: Day) throws(DossierError) -> News {
        let offers = catalogue.offers
        let name = catalogue.name
        // A known catalogue needs only the digests; a first opening records the fields too.
        let known = try read { db in try DossierStore.catalogueID(db, name) != nil }
        var prints = CatalogueFingerprints(offers, fields: !known)
        let whole = prints.whole
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, digest, since FROM news_catalogue WHERE name = ?", arguments: [name]) else {
                // Another process may have removed it since: the fields are then worked out now.
                if !prints.hasFields { prints = CatalogueFingerprints(offers, fields: true) }
                try DossierStore.recordFirstOpening(db, name: name, prints: prints, today: today)
                return News(catalogueName: name, since: today, firstOpen: true, digest: whole)
            }
            let id: Int64 = row[0]
            let recorded = UInt64(bitPattern: row[1])
            let since = Day(iso: row[2] as String) ?? today
            if recorded == whole {
                return News(catalogueName: name, since: since, digest: whole)
            }
            let marks = try DossierStore.compare(db, catalogueID: id, name: name, offers: offers, prints: prints)
            if marks.isEmpty {
                try db.execute(sql: "UPDATE news_catalogue SET digest = ?, since = ? WHERE id = ?",
                               arguments: [Int64(bitPattern: whole), today.description, id])
                return News(catalogueName: name, since: today, digest: whole)
            }
            return News(catalogueName: name, since: since, marks: marks, digest: whole)
        }
    }

    /// Records `catalogue` as seen when it has never been opened (every offer seen), and does
    /// nothing else: the first opening by a command that shows no marks (`list`, `show`,
    /// `export`…). Nothing is compared, nothing is marked as seen. Returns whether it recorded.
    @discardableResult
    public func recordFirstOpening(of catalogue: Catalogue, today: Day) throws(DossierError) -> Bool {
        let name = catalogue.name
        if try read({ db in try DossierStore.catalogueID(db, name) != nil }) { return false }
        let prints = CatalogueFingerprints(catalogue.offers, fields: true)
        return try write { db in
            if try DossierStore.catalogueID(db, name) != nil { return false }
            try DossierStore.recordFirstOpening(db, name: name, prints: prints, today: today)
            return true
        }
    }

    /// Records the offers `ids` as seen (their sheet was opened, or `M`); once no mark is left,
    /// the catalogue's digest too, so the next opening finds nothing to compare. Returns the
    /// news without those marks. A few offers are rows of `news_seen`; many (or when the rows
    /// would be many) are folded into the baseline with the rows, in the same transaction.
    public func markSeen(_ ids: [String], in catalogue: Catalogue, news: News, today: Day) throws(DossierError) -> News {
        try markSeen(ids, in: catalogue, news: news, today: today, rowsLimit: DossierStore.seenRowsLimit)
    }

    /// The same, folding into the baseline above `rowsLimit` rows (tests give a small one).
    func markSeen(_ ids: [String], in catalogue: Catalogue, news: News, today: Day, rowsLimit: Int) throws(DossierError) -> News {
        var news = news
        let indices = ids.compactMap { catalogue.index(ofOffer: $0) }
        try write { db in
            guard let id = try DossierStore.catalogueID(db, news.catalogueName) else { return }
            let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM news_seen WHERE catalogue_id = ?", arguments: [id]) ?? 0
            if rows + indices.count <= rowsLimit {
                try DossierStore.recordSeen(db, catalogueID: id, offers: catalogue.offers, indices: indices)
            } else {
                let seen = indices.map { i in
                    let print = catalogue.offers.fingerprint(i)
                    return SeenRows.Row(id: catalogue.offers.id(i), key: print.idHash, digest: print.digest, fields: print.fields)
                }
                try DossierStore.fold(db, catalogueID: id, name: news.catalogueName, adding: seen)
            }
            for i in ids { news.marks[i] = nil }
            if news.marks.isEmpty {
                try db.execute(sql: "UPDATE news_catalogue SET digest = ?, since = ? WHERE id = ?",
                               arguments: [Int64(bitPattern: news.digest), today.description, id])
                news.since = today
            }
        }
        return news
    }

    /// Every mark cleared at once.
    public func markAllSeen(in catalogue: Catalogue, news: News, today: Day) throws(DossierError) -> News {
        try markSeen(Array(news.marks.keys), in: catalogue, news: news, today: today)
    }

    // MARK: Work

    static func catalogueID(_ db: Database, _ name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM news_catalogue WHERE name = ?", arguments: [name])
    }

    /// The catalogue's digest: the same whatever the offers' order.
    static func combine(_ digests: [UInt64]) -> UInt64 {
        var sum: UInt64 = 0, xor: UInt64 = 0
        for d in digests {
            let m = StableHash.finish(d)
            sum &+= m
            xor ^= m
        }
        return StableHash.finish(StableHash.mix(StableHash.mix(StableHash.seed, sum), xor ^ UInt64(digests.count)))
    }

    /// A first opening: the catalogue's row and its baseline, every offer seen.
    static func recordFirstOpening(_ db: Database, name: String, prints: CatalogueFingerprints, today: Day) throws {
        try db.execute(sql: "INSERT INTO news_catalogue (name, digest, since) VALUES (?, ?, ?)",
                       arguments: [name, Int64(bitPattern: prints.whole), today.description])
        let id = db.lastInsertedRowID
        try writeBaseline(db, catalogueID: id, BaselineBlobs.merge(.empty, prints.sorted()))
    }

    static func writeBaseline(_ db: Database, catalogueID: Int64, _ blobs: BaselineBlobs) throws {
        try db.execute(sql: """
            INSERT INTO news_baseline (catalogue_id, offers, field_count, entries, fields) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(catalogue_id) DO UPDATE SET offers = excluded.offers, field_count = excluded.field_count,
                entries = excluded.entries, fields = excluded.fields
            """, arguments: [catalogueID, blobs.count, OfferFingerprint.fieldCount, blobs.entries, blobs.fields])
    }

    /// `body` with the catalogue's baseline, read in place (valid only during `body`); empty
    /// when it has none.
    static func withBaseline<T>(_ db: Database, catalogueID: Int64, name: String, _ body: (BaselineBytes) throws -> T) throws -> T {
        let cursor = try Row.fetchCursor(db, sql: "SELECT offers, field_count, entries, fields FROM news_baseline WHERE catalogue_id = ?",
                                         arguments: [catalogueID])
        guard let row = try cursor.next() else { return try body(.empty) }
        let count: Int = row[0], fieldCount: Int = row[1]
        return try row.withUnsafeData(atIndex: 2) { entries in
            try row.withUnsafeData(atIndex: 3) { fields in
                try (entries ?? Data()).withUnsafeBytes { e in
                    try (fields ?? Data()).withUnsafeBytes { f in
                        try body(BaselineBytes(count: count, fieldCount: fieldCount, entries: e, fields: f, catalogue: name))
                    }
                }
            }
        }
    }

    /// The rows of `news_seen` of a catalogue, sorted by id hash.
    static func seenRows(_ db: Database, catalogueID: Int64) throws -> SeenRows {
        var rows: [SeenRows.Row] = []
        let cursor = try Row.fetchCursor(db, sql: "SELECT offer_id, digest, fields FROM news_seen WHERE catalogue_id = ?", arguments: [catalogueID])
        while let row = try cursor.next() {
            let id: String = row[0]
            rows.append(SeenRows.Row(id: id, key: OfferFingerprint.idHash(id), digest: UInt64(bitPattern: row[1]),
                                     fields: OfferFingerprint.fields(fromBytes: [UInt8](row[2] as Data))))
        }
        return SeenRows(rows)
    }

    /// Writes the fingerprints of the offers `indices` as seen, rows of `news_seen`, 100 rows a
    /// statement (the layout of `v2-news`).
    static func recordSeen(_ db: Database, catalogueID: Int64, offers: OfferList, indices: [Int]) throws {
        let batch = 100
        func statement(_ rows: Int) throws -> Statement {
            let values = Array(repeating: "(?, ?, ?, ?)", count: rows).joined(separator: ", ")
            return try db.cachedStatement(sql: "INSERT OR REPLACE INTO news_seen (catalogue_id, offer_id, digest, fields) VALUES " + values)
        }
        var start = 0
        while start < indices.count {
            let end = min(indices.count, start + batch)
            var arguments: [(any DatabaseValueConvertible)?] = []
            arguments.reserveCapacity((end - start) * 4)
            for i in indices[start..<end] {
                let f = offers.fingerprint(i)
                arguments.append(catalogueID)
                arguments.append(offers.id(i))
                arguments.append(Int64(bitPattern: f.digest))
                arguments.append(Data(f.fieldBytes))
            }
            try statement(end - start).execute(arguments: StatementArguments(arguments))
            start = end
        }
    }

    /// Folds the rows of `news_seen` of a catalogue, and the offers `adding` (which replace
    /// rows of the same ids), into its baseline, and removes the rows folded. Rows whose field
    /// hashes are not this version's number (none are written so) stay rows: never dropped.
    static func fold(_ db: Database, catalogueID: Int64, name: String, adding: [SeenRows.Row]) throws {
        let width = OfferFingerprint.fieldCount
        let added = Set(adding.map(\.id))
        let rows = try seenRows(db, catalogueID: catalogueID).rows
        let kept = rows.filter { !added.contains($0.id) }
        let updates = SeenRows(kept.filter { $0.fields.count == width } + adding)
        let blobs = try withBaseline(db, catalogueID: catalogueID, name: name) { base in BaselineBlobs.merge(base, updates) }
        try writeBaseline(db, catalogueID: catalogueID, blobs)
        try db.execute(sql: "DELETE FROM news_seen WHERE catalogue_id = ? AND length(fields) = ?", arguments: [catalogueID, width * 4])
        for row in rows where added.contains(row.id) && row.fields.count != width {
            try db.execute(sql: "DELETE FROM news_seen WHERE catalogue_id = ? AND offer_id = ?", arguments: [catalogueID, row.id])
        }
    }

    /// The marks: the offers sorted by id hash beside the baseline (sorted the same way) and
    /// the rows seen since (which win over the baseline for their ids).
    static func compare(_ db: Database, catalogueID: Int64, name: String, offers: OfferList, prints: CatalogueFingerprints) throws -> [String: News.Mark] {
        let rows = try seenRows(db, catalogueID: catalogueID)
        let order = prints.sortedOrder()
        // Each offer's verdict: nil seen as it is, else the field hashes it had (empty: new).
        var found: [(Int, [UInt32]?)] = []
        try withBaseline(db, catalogueID: catalogueID, name: name) { base in
            var b = 0, r = 0
            for i32 in order {
                let i = Int(i32)
                let key = prints.keys[i], digest = prints.digests[i]
                while r < rows.count && rows.key(r) < key { r += 1 }
                if r < rows.count && rows.key(r) == key {
                    var k = r, same = false
                    while k < rows.count && rows.key(k) == key { if rows.digest(k) == digest { same = true }; k += 1 }
                    if !same { found.append((i, rows.rows[r].fields)) }
                    continue
                }
                while b < base.count && base.key(b) < key { b += 1 }
                var k = b, same = false
                while k < base.count && base.key(k) == key { if base.digest(k) == digest { same = true }; k += 1 }
                if same { continue }
                found.append((i, k > b ? base.fieldHashes(b) : nil))
            }
        }
        var marks: [String: News.Mark] = [:]
        for (i, old) in found {
            let id = offers.id(i)
            guard let old else { marks[id] = News.Mark(kind: .new); continue }
            marks[id] = News.Mark(kind: .changed, fields: OfferFingerprint.changedFields(old: old, new: offers.fingerprint(i).fields))
        }
        return marks
    }

    /// Migration `v3-news-baseline`: every catalogue's rows of `news_seen` (one an offer, as
    /// `v2-news` wrote them) folded into its baseline.
    static func foldAllSeenRows(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM news_catalogue") {
            try fold(db, catalogueID: row[0], name: row[1], adding: [])
        }
    }
}

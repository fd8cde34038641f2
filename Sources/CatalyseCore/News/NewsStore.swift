import Foundation
import GRDB

/// The fingerprints of what the user has seen of each catalogue, kept in the dossiers database
/// (tables `news_catalogue` and `news_seen`, migration `v2-news`), by catalogue name.
///
/// Opening works out a digest of the whole catalogue (every offer's fingerprint, on every
/// core). When it equals the one recorded the last time everything had been seen, nothing is
/// new and nothing more is read: that is the common case and costs one row. Otherwise the
/// recorded fingerprints are read in id order beside the catalogue's offers in id order (a
/// merge, no table in memory). The first opening records every offer as seen, in batches.
extension DossierStore {
    /// What is new in `catalogue` since the user last saw it (nothing on its first opening,
    /// which records every offer as seen).
    public func news(for catalogue: Catalogue, today: Day) throws(DossierError) -> News {
        let offers = catalogue.offers
        let digests = DossierStore.digests(offers)
        let whole = DossierStore.combine(digests)
        let name = catalogue.name
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT id, digest, since FROM news_catalogue WHERE name = ?", arguments: [name]) else {
                try db.execute(sql: "INSERT INTO news_catalogue (name, digest, since) VALUES (?, ?, ?)",
                               arguments: [name, Int64(bitPattern: whole), today.description])
                let id = db.lastInsertedRowID
                try DossierStore.recordSeen(db, catalogueID: id, offers: offers, indices: offers.indicesByID())
                return News(catalogueName: name, since: today, firstOpen: true, digest: whole)
            }
            let id: Int64 = row[0]
            let recorded = UInt64(bitPattern: row[1])
            let since = Day(iso: row[2] as String) ?? today
            if recorded == whole {
                return News(catalogueName: name, since: since, digest: whole)
            }
            let marks = try DossierStore.compare(db, catalogueID: id, offers: offers, digests: digests)
            if marks.isEmpty {
                try db.execute(sql: "UPDATE news_catalogue SET digest = ?, since = ? WHERE id = ?",
                               arguments: [Int64(bitPattern: whole), today.description, id])
                return News(catalogueName: name, since: today, digest: whole)
            }
            return News(catalogueName: name, since: since, marks: marks, digest: whole)
        }
    }

    /// Records the offers `ids` as seen (their sheet was opened, or `M`); once no mark is left,
    /// the catalogue's digest too, so the next opening finds nothing to compare. Returns the
    /// news without those marks.
    public func markSeen(_ ids: [String], in catalogue: Catalogue, news: News, today: Day) throws(DossierError) -> News {
        var news = news
        let indices = ids.compactMap { catalogue.index(ofOffer: $0) }
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM news_catalogue WHERE name = ?", arguments: [news.catalogueName]) else { return }
            try DossierStore.recordSeen(db, catalogueID: id, offers: catalogue.offers, indices: indices)
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

    /// Every offer's digest, the offers split over the cores.
    static func digests(_ offers: OfferList) -> [UInt64] {
        let n = offers.count
        return Parallel.map(n, parts: Parallel.parts(for: n)) { range in range.map { offers.fingerprint($0).digest } }.flatMap { $0 }
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

    /// Writes the fingerprints of the offers `indices` as seen, 100 rows a statement.
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

    /// The marks: the offers in id order beside the recorded fingerprints in id order.
    static func compare(_ db: Database, catalogueID: Int64, offers: OfferList, digests: [UInt64]) throws -> [String: News.Mark] {
        let order = offers.indicesByID()
        var marks: [String: News.Mark] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT offer_id, digest, fields FROM news_seen WHERE catalogue_id = ? ORDER BY offer_id",
                                         arguments: [catalogueID])
        var next = try cursor.next()
        var nextID: String? = next.map { $0[0] }
        for i in order {
            let id = offers.id(i)
            // Recorded offers that are no longer in the catalogue are passed over.
            while let seen = nextID, seen < id {
                next = try cursor.next()
                nextID = next.map { $0[0] }
            }
            guard let row = next, nextID == id else {
                marks[id] = News.Mark(kind: .new)
                continue
            }
            if UInt64(bitPattern: row[1]) != digests[i] {
                let old = OfferFingerprint.fields(fromBytes: [UInt8](row[2] as Data))
                marks[id] = News.Mark(kind: .changed, fields: OfferFingerprint.changedFields(old: old, new: offers.fingerprint(i).fields))
            }
            next = try cursor.next()
            nextID = next.map { $0[0] }
        }
        return marks
    }
}

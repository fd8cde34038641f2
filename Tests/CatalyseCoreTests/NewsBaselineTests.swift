import Foundation
import GRDB
import Testing
@testable import CatalyseCore

/// What was seen of a catalogue as one baseline row (migration `v3-news-baseline`): the first
/// opening writes no row an offer; the merge with the catalogue gives the marks `v2-news` gave;
/// marks cleared one at a time are rows until they are many, then folded in; a database of the
/// `v2-news` schema with seen offers in it is migrated and gives the same news; a damaged
/// baseline is said, not guessed.
@Suite("What was seen, as one baseline")
struct NewsBaselineTests {
    static let day1 = Day(year: 2026, month: 11, day: 3)!, day2 = Day(year: 2026, month: 11, day: 26)!

    /// A catalogue of `n` offers `o-0` … (`summary` changed for those in `changed`, those in
    /// `removed` left out, `added` more at the end).
    static func catalogue(_ n: Int, changed: Set<Int> = [], removed: Set<Int> = [], added: Int = 0) throws -> Catalogue {
        var offers: [String] = []
        for k in 0..<(n + added) where !removed.contains(k) {
            offers.append(Fixtures.offer(id: "o-\(k)", summary: changed.contains(k) ? "Un autre résumé, revu." : "Un regard extérieur."))
        }
        return try NewsTests.catalogue(offers)
    }

    static func count(_ store: DossierStore, _ table: String) throws -> Int {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    @Test func theFirstOpeningWritesOneSortedBaselineAndNoRowAnOffer() throws {
        let (store, dir) = try DossierStoreTests.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let v1 = try Self.catalogue(40)
        #expect(try store.news(for: v1, today: Self.day1).firstOpen)
        #expect(try Self.count(store, "news_seen") == 0)
        #expect(try Self.count(store, "news_baseline") == 1)
        let (offers, keys) = try store.read { db in
            try DossierStore.withBaseline(db, catalogueID: 1, name: v1.name) { base in (base.count, (0..<base.count).map(base.key)) }
        }
        #expect(offers == 40)
        #expect(keys == keys.sorted() && Set(keys) == Set(v1.offers.indices.map { OfferFingerprint.idHash(v1.offers.id($0)) }))
        // Every offer's fields are there: a change names its field.
        let news = try store.news(for: try Self.catalogue(40, changed: [7], removed: [3], added: 2), today: Self.day2)
        #expect(news.marks == ["o-7": News.Mark(kind: .changed, fields: ["summary"]), "o-40": News.Mark(kind: .new), "o-41": News.Mark(kind: .new)])
    }

    @Test func aCommandThatShowsNoMarksRecordsOnlyAFirstOpening() throws {
        let (store, dir) = try DossierStoreTests.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let v1 = try Self.catalogue(5), v2 = try Self.catalogue(5, changed: [1])
        #expect(try store.recordFirstOpening(of: v1, today: Self.day1))
        // Known: nothing recorded, nothing compared, nothing cleared.
        #expect(try !store.recordFirstOpening(of: v2, today: Self.day2))
        let news = try store.news(for: v2, today: Self.day2)
        #expect(!news.firstOpen && news.marks == ["o-1": News.Mark(kind: .changed, fields: ["summary"])] && news.since == Self.day1)
        #expect(try !store.recordFirstOpening(of: v2, today: Self.day2))
        #expect(try store.news(for: v2, today: Self.day2).count == 1)
    }

    @Test func marksClearedAreRowsUntilTheyAreManyThenFoldedIntoTheBaseline() throws {
        let (store, dir) = try DossierStoreTests.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try store.news(for: try Self.catalogue(30), today: Self.day1)
        let v2 = try Self.catalogue(30, changed: [2, 4, 6, 8, 10, 12], removed: [1], added: 3)
        var news = try store.news(for: v2, today: Self.day2)
        #expect(news.count == 9)
        // Two sheets opened: two rows, the baseline as it was.
        news = try store.markSeen(["o-2", "o-30"], in: v2, news: news, today: Self.day2, rowsLimit: 4)
        #expect(try Self.count(store, "news_seen") == 2)
        #expect(try store.news(for: v2, today: Self.day2).ids == news.ids)
        // Three more would make five rows, above the limit: all five folded into the baseline.
        news = try store.markSeen(["o-4", "o-31", "o-6"], in: v2, news: news, today: Self.day2, rowsLimit: 4)
        #expect(try Self.count(store, "news_seen") == 0)
        let baseline = try store.read { db in try Int.fetchOne(db, sql: "SELECT offers FROM news_baseline") }
        #expect(baseline == 30 + 2)  // the 30 seen (the removed one kept), the two new ones folded in
        let reopened = try store.news(for: v2, today: Self.day2)
        #expect(reopened.ids == news.ids && reopened.ids == ["o-8", "o-10", "o-12", "o-32"])
        #expect(reopened.marks["o-8"] == News.Mark(kind: .changed, fields: ["summary"]))
        // M: nothing left; the next opening is the one-row case, and since is today.
        let none = try store.markAllSeen(in: v2, news: reopened, today: Self.day2)
        #expect(none.isEmpty)
        let after = try store.news(for: v2, today: Self.day2)
        #expect(after.isEmpty && after.since == Self.day2)
        // The removed offer is still remembered: back unchanged, it is not new.
        let back = try store.news(for: try Self.catalogue(33, changed: [2, 4, 6, 8, 10, 12]), today: Self.day2)
        #expect(back.isEmpty, "\(back.marks)")
    }

    @Test func theMergeReplacesEveryEntryOfAnIDHashAndKeepsTheOrder() throws {
        func row(_ key: UInt64, _ digest: UInt64) -> SeenRows.Row {
            SeenRows.Row(id: "x\(key)-\(digest)", key: key, digest: digest, fields: Array(repeating: UInt32(truncatingIfNeeded: digest), count: OfferFingerprint.fieldCount))
        }
        let first = BaselineBlobs.merge(.empty, SeenRows([row(5, 1), row(1, 9), row(3, 2), row(3, 1), row(9, 4)]))
        #expect(first.count == 5)
        let merged = first.entries.withUnsafeBytes { e in
            first.fields.withUnsafeBytes { f in
                // Hash 3 (two entries: two ids of one hash) replaced by one; 4 added; 9 replaced.
                let base = try! BaselineBytes(count: first.count, fieldCount: OfferFingerprint.fieldCount, entries: e, fields: f, catalogue: "c")
                #expect((0..<base.count).map { [base.key($0), base.digest($0)] } == [[1, 9], [3, 1], [3, 2], [5, 1], [9, 4]])
                return BaselineBlobs.merge(base, SeenRows([row(3, 7), row(4, 4), row(9, 8)]))
            }
        }
        merged.entries.withUnsafeBytes { e in
            merged.fields.withUnsafeBytes { f in
                let base = try! BaselineBytes(count: merged.count, fieldCount: OfferFingerprint.fieldCount, entries: e, fields: f, catalogue: "c")
                #expect((0..<base.count).map { [base.key($0), base.digest($0)] } == [[1, 9], [3, 7], [4, 4], [5, 1], [9, 8]])
                #expect((0..<base.count).map { base.fieldHashes($0)[OfferFingerprint.fieldCount - 1] } == [9, 7, 4, 1, 8])
            }
        }
    }

    @Test func theRadixSortGivesTheOrderOfASort() {
        var generator = SystemRandomNumberGenerator()
        let n = 70_000
        var keys = (0..<n).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) }
        keys[10] = keys[20]; keys[30] = keys[20]  // equal hashes: by digest
        let digests = (0..<n).map { UInt64($0 * 7919 % 1000) }
        let prints = CatalogueFingerprints(keys: keys, digests: digests, fields: [])
        let order = prints.sortedOrder().map(Int.init)
        let expected = (0..<n).sorted { (keys[$0], digests[$0], $0) < (keys[$1], digests[$1], $1) }
        #expect(order.map { [keys[$0], digests[$0]] } == expected.map { [keys[$0], digests[$0]] })
        #expect(Set(order).count == n)
    }

    @Test func aDamagedBaselineIsSaidNotGuessed() throws {
        let (store, dir) = try DossierStoreTests.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let v1 = try Self.catalogue(4)
        _ = try store.news(for: v1, today: Self.day1)
        try store.write { db in try db.execute(sql: "UPDATE news_baseline SET entries = substr(entries, 1, 40)") }
        #expect { try store.news(for: try Self.catalogue(4, changed: [0]), today: Self.day2) } throws: { error in
            guard case DossierError.damaged(_, let reason) = error else { return false }
            let en = reason.text(.en), fr = reason.text(.fr)
            return en.contains("news_baseline") && en.contains("Catalogue de test") && en.contains("entries has 40 bytes for 4 offers")
                && fr.contains("entries compte 40 octets pour 4 offres")
        }
        // Unchanged, nothing is read: the one-row case still works.
        #expect(try store.news(for: v1, today: Self.day2).isEmpty)
    }

    // MARK: A database of the v2-news schema

    /// `v2-news` as it was: the first opening inserted one row an offer; later openings read
    /// the rows in id order beside the offers in id order.
    enum V2 {
        static func news(_ db: Database, _ catalogue: Catalogue, today: Day) throws -> [String: News.Mark] {
            let offers = catalogue.offers
            let whole = DossierStore.combine(offers.indices.map { offers.fingerprint($0).digest })
            guard let row = try Row.fetchOne(db, sql: "SELECT id, digest FROM news_catalogue WHERE name = ?", arguments: [catalogue.name]) else {
                try db.execute(sql: "INSERT INTO news_catalogue (name, digest, since) VALUES (?, ?, ?)",
                               arguments: [catalogue.name, Int64(bitPattern: whole), today.description])
                try seen(db, db.lastInsertedRowID, catalogue, offers.indices.map { offers.id($0) })
                return [:]
            }
            let id: Int64 = row[0]
            if UInt64(bitPattern: row[1]) == whole { return [:] }
            var marks: [String: News.Mark] = [:]
            let rows = try Row.fetchAll(db, sql: "SELECT offer_id, digest, fields FROM news_seen WHERE catalogue_id = ? ORDER BY offer_id", arguments: [id])
            var k = 0
            for i in offers.indicesByID() {
                let offerID = offers.id(i), print = offers.fingerprint(i)
                while k < rows.count && (rows[k][0] as String) < offerID { k += 1 }
                guard k < rows.count, rows[k][0] as String == offerID else { marks[offerID] = News.Mark(kind: .new); continue }
                if UInt64(bitPattern: rows[k][1]) != print.digest {
                    let old = OfferFingerprint.fields(fromBytes: [UInt8](rows[k][2] as Data))
                    marks[offerID] = News.Mark(kind: .changed, fields: OfferFingerprint.changedFields(old: old, new: print.fields))
                }
                k += 1
            }
            return marks
        }

        static func seen(_ db: Database, _ catalogueID: Int64, _ catalogue: Catalogue, _ ids: [String]) throws {
            for offerID in ids {
                let print = catalogue.offers.fingerprint(catalogue.index(ofOffer: offerID)!)
                try db.execute(sql: "INSERT OR REPLACE INTO news_seen (catalogue_id, offer_id, digest, fields) VALUES (?, ?, ?, ?)",
                               arguments: [catalogueID, offerID, Int64(bitPattern: print.digest), Data(print.fieldBytes)])
            }
        }
    }

    @Test func aDatabaseOfTheV2SchemaWithSeenOffersIsMigratedAndGivesTheSameNews() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/catalyse.sqlite"
        let v1 = try Self.catalogue(50)
        let v2 = try Self.catalogue(50, changed: [3, 17, 44], removed: [9, 10], added: 4)
        let v3 = try Self.catalogue(50, changed: [3, 17, 44, 21], removed: [9, 10, 30], added: 6)
        let other = try Fixtures.load(Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(id: "seul")])])
            .replacingOccurrences(of: "Catalogue de test", with: "Autre catalogue")).catalogue
        // As v2 left it: a dossier, a saved search, two catalogues opened, then v2 of the first
        // seen in part (two sheets opened: their rows rewritten), and one row of another length.
        do {
            let queue = try DatabaseQueue(path: path)
            try DossierSchema.migrator.migrate(queue, upTo: "v2-news")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO dossier (name, name_key, created_at) VALUES ('Asso', 'asso', 0)")
                try db.execute(sql: "INSERT INTO saved_search (name, name_key, query, selection, created_at) VALUES ('Nord', 'nord', '', '{}', 0)")
                #expect(try V2.news(db, v1, today: Self.day1).isEmpty)
                #expect(try V2.news(db, other, today: Self.day1).isEmpty)
                #expect(try V2.news(db, v2, today: Self.day2).count == 7)
                try V2.seen(db, 1, v2, ["o-17", "o-51"])
                try db.execute(sql: "INSERT INTO news_seen (catalogue_id, offer_id, digest, fields) VALUES (1, 'o-99', 5, x'0102')")
            }
        }
        // What v2 says of v2 and v3, on a copy left at v2.
        let copy = dir + "/v2-copy.sqlite"
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let (v2News, v3News) = try DatabaseQueue(path: copy).write { db in (try V2.news(db, v2, today: Self.day2), try V2.news(db, v3, today: Self.day2)) }
        #expect(v2News.count == 5 && v3News.count == 8)
        let seenRows = try DatabaseQueue(path: copy).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM news_seen") }

        // Migrated: every row folded in but the one of another length, nothing else touched.
        let store = try DossierStore(path: path)
        #expect(try store.read { db in try DossierSchema.migrator.hasCompletedMigrations(db) })
        #expect(try store.dossiers().map(\.name) == ["Asso"])
        #expect(try store.savedSearches().map(\.name) == ["Nord"])
        #expect(try Self.count(store, "news_seen") == 1)
        let folded = try store.read { db in try Int.fetchOne(db, sql: "SELECT SUM(offers) FROM news_baseline") }
        #expect(folded == (seenRows ?? 0) - 1)
        #expect(try store.news(for: v2, today: Self.day2).marks == v2News)
        #expect(try store.news(for: v3, today: Self.day2).marks == v3News)
        #expect(try store.news(for: other, today: Self.day2).isEmpty)
        // The first version less one offer: the offer seen since in its changed form is « modifié ».
        let v1less = try Self.catalogue(50, removed: [0])
        let v1News = try DatabaseQueue(path: copy).write { db in try V2.news(db, v1less, today: Self.day2) }
        #expect(v1News == ["o-17": News.Mark(kind: .changed, fields: ["summary"])])
        #expect(try store.news(for: v1less, today: Self.day2).marks == v1News)
    }
}

import Foundation
import GRDB
import Glibc
import Testing
@testable import CatalyseCore

/// The dossiers store: schema, actions and their history, follow-ups with an injected clock,
/// names, and the databases it must refuse untouched.
@Suite("Dossiers store")
struct DossierStoreTests {
    static let day: Int64 = 86_400
    static let t0 = Moment(seconds: 1_795_000_000)

    static func at(days: Int64) -> Moment { Moment(seconds: t0.seconds + days * day) }

    /// A store in a fresh folder (removed with the returned folder by the caller).
    static func fresh() throws -> (DossierStore, String) {
        let dir = Fixtures.tempDirectory()
        return (try DossierStore(path: dir + "/data/catalyse.sqlite"), dir)
    }

    static func bytes(_ path: String) -> [UInt8] { FileManager.default.contents(atPath: path).map([UInt8].init) ?? [] }

    @Test func createAddStatusNoteAndTheHistory() throws {
        let (store, dir) = try Self.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let created = try store.create(DossierProfile(name: "  Les Jardins partagés ", territory: .department("59"), stage: .creation,
                                                      needs: [.miseEnReseau, .miseEnReseau, .coachingDirigeants]), now: Self.t0)
        #expect(created.name == "Les Jardins partagés")
        #expect(created.profile.needs == [.miseEnReseau, .coachingDirigeants])
        var d = try store.dossier(named: "jardins")
        #expect(try store.add(["offre-a", "offre-b"], to: d, now: Self.at(days: 1)).isEmpty)
        #expect(try store.add(["offre-b", "offre-c"], to: d, now: Self.at(days: 2)) == ["offre-b"])
        try store.setStatus(.contacte, of: "offre-a", in: d, now: Self.at(days: 3))
        try store.setStatus(.contacte, of: "offre-a", in: d, now: Self.at(days: 4))  // unchanged: no event
        try store.addNote("Appel le 3.\nRappeler lundi.", to: "offre-a", in: d, now: Self.at(days: 5))
        #expect(throws: DossierError.offerNotInDossier(dossier: "Les Jardins partagés", offerID: "offre-z")) {
            try store.setStatus(.retenu, of: "offre-z", in: d, now: Self.at(days: 6))
        }
        #expect(throws: DossierError.emptyNote) { try store.addNote(" \n ", to: "offre-a", in: d, now: Self.at(days: 6)) }
        d = try store.dossier(named: "JARDINS PARTAGES")
        #expect(d.offers.map(\.offerID) == ["offre-a", "offre-b", "offre-c"])
        #expect(d.offers[0].status == .contacte && d.offers[0].statusSince == Self.at(days: 3))
        #expect(d.offers[0].notes == [DossierNote(at: Self.at(days: 5), text: "Appel le 3.\nRappeler lundi.")])
        #expect(d.statusCounts == [.contacte: 1, .aEtudier: 2])
        #expect(d.history.map(\.kind) == [
            .created, .added(offerID: "offre-a"), .added(offerID: "offre-b"), .added(offerID: "offre-c"),
            .status(offerID: "offre-a", from: .aEtudier, to: .contacte), .note(offerID: "offre-a", text: "Appel le 3.\nRappeler lundi."),
        ])
        #expect(try store.integrityCheck() == "ok")
    }

    @Test func followUpsComeAfterTheDelay() throws {
        let (store, dir) = try Self.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try store.create(DossierProfile(name: "Asso"), now: Self.t0)
        try store.add(["a", "b", "c"], to: d, now: Self.t0)
        try store.setStatus(.contacte, of: "a", in: d, now: Self.t0)
        try store.setStatus(.enDiscussion, of: "b", in: d, now: Self.at(days: 10))
        try store.setStatus(.retenu, of: "c", in: d, now: Self.t0)
        #expect(try store.followUpDelay() == 14)
        #expect(try store.followUps(now: Self.at(days: 13), delay: 14).isEmpty)
        #expect(try store.followUps(now: Self.at(days: 14), delay: 14).map(\.offer.offerID) == ["a"])
        #expect(try store.followUps(now: Self.at(days: 30), delay: 14).map(\.offer.offerID) == ["a", "b"])
        try store.setFollowUpDelay(3)
        #expect(try store.followUpDelay() == 3)
        let archived = try store.dossier(named: "asso")
        try store.setArchived(true, archived, now: Self.at(days: 31))
        #expect(try store.followUps(now: Self.at(days: 40), delay: 3).isEmpty)
        #expect(try store.dossiers().isEmpty)
        #expect(try store.dossiers(includeArchived: true).count == 1)
    }

    @Test func namesAreUniqueOnceFoldedAndFoundByPrefixOrWords() throws {
        let (store, dir) = try Self.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try store.create(DossierProfile(name: "Les Jardins partagés"), now: Self.t0)
        try store.create(DossierProfile(name: "Jardin d'Émile"), now: Self.t0)
        try store.create(DossierProfile(name: "Secours solidaire"), now: Self.t0)
        #expect(throws: DossierError.nameTaken("Les Jardins partagés")) { try store.create(DossierProfile(name: "LES JARDINS PARTAGES"), now: Self.t0) }
        #expect(throws: DossierError.emptyName) { try store.create(DossierProfile(name: " \u{7} "), now: Self.t0) }
        #expect(try store.dossier(named: "les jardins").name == "Les Jardins partagés")
        #expect(try store.dossier(named: "emile").name == "Jardin d'Émile")
        #expect(try store.dossier(named: "jardins").name == "Les Jardins partagés")
        #expect(try store.dossier(named: "secours").name == "Secours solidaire")
        #expect(throws: DossierError.ambiguousDossier("jard", candidates: ["Jardin d'Émile", "Les Jardins partagés"])) { try store.dossier(named: "jard") }
        #expect(try store.dossier(named: "secour solidair").name == "Secours solidaire")
        #expect(throws: DossierError.unknownDossier("secuors", suggestions: ["Secours solidaire"])) { try store.dossier(named: "secuors") }
        #expect(throws: DossierError.unknownDossier("zzz", suggestions: [])) { try store.dossier(named: "zzz") }
        let d = try store.dossier(named: "secours")
        try store.rename(d, to: "SECOURS Solidaire", now: Self.at(days: 1))  // same name, other case: allowed
        #expect(throws: DossierError.nameTaken("Jardin d'Émile")) { try store.rename(d, to: "jardin d'emile", now: Self.at(days: 1)) }
        #expect(try store.dossier(named: "secours").history.last?.kind == .renamed(from: "Secours solidaire", to: "SECOURS Solidaire"))
    }

    @Test func theHistoryIsNeverRewrittenAndGoesOnlyWithItsDossier() throws {
        let (store, dir) = try Self.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try store.create(DossierProfile(name: "Asso"), now: Self.t0)
        try store.add(["a"], to: d, now: Self.t0)
        #expect(throws: DossierError.self) { try store.write { db in try db.execute(sql: "UPDATE dossier_event SET at = 0") } }
        #expect(throws: DossierError.self) { try store.write { db in try db.execute(sql: "DELETE FROM dossier_event") } }
        #expect(try store.dossier(named: "asso").history.count == 2)
        try store.remove(d)
        #expect(try store.dossiers(includeArchived: true).isEmpty)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier_event") } == 0)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dossier_offer") } == 0)
    }

    @Test func theFileIsPrivateAndItsSchemaCurrent() throws {
        let (store, dir) = try Self.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try store.create(DossierProfile(name: "Asso"), now: Self.t0)
        var info = stat()
        for suffix in ["", "-wal", "-shm"] where stat(store.path + suffix, &info) == 0 {
            #expect(info.st_mode & 0o777 == 0o600, "\(suffix): \(String(info.st_mode & 0o777, radix: 8))")
        }
        #expect(stat(dir + "/data", &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(try store.read { db in try DossierSchema.migrator.hasCompletedMigrations(db) })
        #expect(try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") } == 1)
        // Opening it again changes nothing and keeps the data.
        #expect(try DossierStore(path: store.path).dossiers().map(\.name) == ["Asso"])
    }

    @Test func aDatabaseItCannotUseIsRefusedUntouched() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Not a database at all.
        let text = dir + "/text.sqlite"
        try Data(String(repeating: "Ceci n'est pas une base.\n", count: 300).utf8).write(to: URL(fileURLWithPath: text))
        let before = Self.bytes(text)
        #expect { try DossierStore(path: text) } throws: { if case DossierError.damaged = $0 { true } else { false } }
        let textKept = Self.bytes(text) == before
        #expect(textKept)
        // Another program's SQLite database.
        let other = dir + "/other.sqlite"
        try DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')") }
        let otherBefore = Self.bytes(other)
        #expect(throws: DossierError.foreign(path: other)) { try DossierStore(path: other) }
        let otherKept = Self.bytes(other) == otherBefore
        #expect(otherKept)
        // A database a newer Catalyse wrote (a migration this one does not know).
        let newer = dir + "/newer.sqlite"
        _ = try DossierStore(path: newer)
        try DatabaseQueue(path: newer).write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        let newerBefore = Self.bytes(newer)
        #expect(throws: DossierError.newerVersion(path: newer)) { try DossierStore(path: newer) }
        let newerKept = Self.bytes(newer) == newerBefore
        #expect(newerKept)
        // A folder, and a symbolic link, are not the database.
        #expect { try DossierStore(path: dir) } throws: { if case DossierError.unreadable = $0 { true } else { false } }
        symlink(newer, dir + "/link.sqlite")
        #expect { try DossierStore(path: dir + "/link.sqlite") } throws: { if case DossierError.unreadable = $0 { true } else { false } }
    }

    @Test func notesAndProfilesAreCleanedLikeCatalogueText() throws {
        let (store, dir) = try Self.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try store.create(DossierProfile(name: "Asso\u{1B}[31m rouge\u{202E}", description: "Besoin\u{07}\n\u{1B}]0;titre\u{07}suite", contactName: "A\u{9B}B"), now: Self.t0)
        try store.add(["a"], to: d, now: Self.t0)
        try store.addNote("\u{1B}[2Jeffacé\u{2066}", to: "a", in: d, now: Self.t0)
        let back = try store.dossier(named: "asso")
        for text in [back.name, back.profile.description ?? "", back.profile.contactName ?? "", back.offers[0].notes[0].text] {
            #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }, "\(text.debugDescription)")
        }
    }
}

import Foundation
import Glibc
import Testing
@testable import CatalyseCore

/// A dossier handed to a colleague (JSON), backups and restores, and the report a person reads.
@Suite("Dossiers: transfer, backup, report")
struct DossierTransferTests {
    typealias S = DossierStoreTests

    static func sample(_ store: DossierStore) throws -> Dossier {
        let d = try store.create(DossierProfile(name: "Les Jardins partagés", territory: .department("59"), stage: .creation, budget: .from10kTo50k,
                                                employer: .benevole, needs: [.miseEnReseau], description: "Trouver des partenaires.",
                                                contactName: "Anne Roy", contactEmail: "anne@jardins.example.org", note: "Rencontrée au forum."),
                                 now: S.t0)
        try store.add(["lanterne-boussole-diagnostic-strategique", "offre-disparue"], to: d, now: S.at(days: 1))
        try store.setStatus(.contacte, of: "lanterne-boussole-diagnostic-strategique", in: d, now: S.at(days: 2))
        try store.addNote("Appel le 3 ; rappeler lundi.", to: "lanterne-boussole-diagnostic-strategique", in: d, now: S.at(days: 3))
        return try store.dossier(named: "jardins")
    }

    @Test func jsonRoundTripsAndImportKeepsTheHistory() throws {
        let (store, dir) = try S.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try Self.sample(store)
        let json = try DossierTransfer.encode(d)
        var back = try DossierTransfer.decode(Array(json.utf8), path: "jardins.json")
        #expect(back.profile == d.profile && back.offers == d.offers && back.history == d.history && back.created == d.created)
        #expect(throws: DossierError.nameTaken("Les Jardins partagés")) { try store.insert(back, from: "jardins.json", now: S.at(days: 9)) }
        back.profile.name = "Jardins (copie)"
        let imported = try store.insert(back, from: "jardins.json", now: S.at(days: 9))
        #expect(imported.offers == d.offers)
        #expect(imported.history == d.history + [DossierEvent(at: S.at(days: 9), kind: .imported(from: "jardins.json"))])
        // Without the notes: neither the notes, nor the note events, nor the profile's note.
        let bare = try DossierTransfer.decode(Array(try DossierTransfer.encode(d, notes: false).utf8), path: "x.json")
        #expect(bare.offers.allSatisfy(\.notes.isEmpty) && bare.profile.note == nil)
        #expect(!bare.history.contains { if case .note = $0.kind { true } else { false } })
    }

    @Test func aBadFileIsRefusedWithItsField() throws {
        func problem(_ json: String) -> String? {
            do { _ = try DossierTransfer.decode(Array(json.utf8), path: "d.json"); return nil } catch {
                if case let .invalidImport(_, field, _) = error { return field }
                return "\(error)"
            }
        }
        let (store, dir) = try S.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let good = try DossierTransfer.encode(try Self.sample(store))
        #expect(problem(good) == nil)
        #expect(problem("nope") == "json")
        #expect(problem(good.replacingOccurrences(of: "\"catalyse-dossier\"", with: "\"autre\"")) == "format")
        #expect(problem(good.replacingOccurrences(of: "\"creation\"", with: "\"croissance\"")) == "profile.stage")
        #expect(problem(good.replacingOccurrences(of: "\"contacte\"", with: "\"perdu\"")) == "offers[0].status")
        #expect(problem(good.replacingOccurrences(of: "\"offre-disparue\"", with: "\"Offre Disparue\"")) == "offers[1].id")
        #expect(problem(good.replacingOccurrences(of: "\"name\" : \"Les", with: "\"nom\" : \"Les")) == "name")
        #expect(problem(good.replacingOccurrences(of: "\"kind\" : \"created\"", with: "\"kind\" : \"effacé\"")) == "history[0].kind")
        #expect(DossierError.invalidImport(path: "d.json", field: "profile.stage", problem: Label(fr: "valeur inconnue", en: "unknown value")).message(.fr)
                == "d.json : profile.stage : valeur inconnue ; rien n'a été importé.")
    }

    @Test func backupAndRestoreKeepTheReplacedDatabase() throws {
        let (store, dir) = try S.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try Self.sample(store)
        let backup = dir + "/sauvegarde.sqlite"
        try store.backup(to: backup, overwrite: false)
        #expect(throws: DossierError.self) { try store.backup(to: backup, overwrite: false) }
        var info = stat()
        #expect(stat(backup, &info) == 0 && info.st_mode & 0o777 == 0o600)
        try store.create(DossierProfile(name: "Après la sauvegarde"), now: S.at(days: 5))
        let kept = try store.restore(from: backup, now: S.at(days: 6))
        #expect(try store.dossiers().map(\.name) == ["Les Jardins partagés"])
        #expect(try DossierStore(path: kept).dossiers().map(\.name) == ["Après la sauvegarde", "Les Jardins partagés"])
        // A backup that is not one is refused and the database stays as it is.
        let junk = dir + "/junk.sqlite"
        try Data("pas une base".utf8).write(to: URL(fileURLWithPath: junk))
        #expect { try store.restore(from: junk, now: S.at(days: 7)) } throws: { if case DossierError.unusableBackup(junk, .damaged) = $0 { true } else { false } }
        #expect(try store.dossiers().map(\.name) == ["Les Jardins partagés"])
        // Restoring over a damaged database from a bad backup moves nothing aside either.
        let untouched = dir + "/untouched/catalyse.sqlite"
        try FileManager.default.createDirectory(atPath: dir + "/untouched", withIntermediateDirectories: true)
        try Data(String(repeating: "y", count: 5000).utf8).write(to: URL(fileURLWithPath: untouched))
        #expect(throws: DossierError.self) { try DossierStore.restore(over: untouched, from: junk, now: S.at(days: 7)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/untouched") == ["catalyse.sqlite"])
        // The message names the backup, not the database, in both languages.
        let refused = DossierError.unusableBackup(path: junk, problem: .damaged(.database(code: 26, message: "file is not a database")))
        #expect(refused.message(.fr).hasPrefix("La sauvegarde \(junk) ne peut pas être restaurée : elle est endommagée (ce fichier n'est pas une base de données)"))
        #expect(refused.message(.en) == "The backup \(junk) cannot be restored: it is damaged (file is not a database); the dossiers database was left untouched.")
        // A damaged database in place is moved aside, not read, and the backup put back.
        let damaged = dir + "/damaged/catalyse.sqlite"
        try FileManager.default.createDirectory(atPath: dir + "/damaged", withIntermediateDirectories: true)
        try Data(String(repeating: "x", count: 5000).utf8).write(to: URL(fileURLWithPath: damaged))
        let aside = try DossierStore.restore(over: damaged, from: backup, now: S.at(days: 8))
        #expect(FileManager.default.contents(atPath: aside) == Data(String(repeating: "x", count: 5000).utf8))
        #expect(try DossierStore(path: damaged).dossiers().map(\.name) == ["Les Jardins partagés"])
    }

    @Test func theReportGroupsByStatusAndFitsItsWidth() throws {
        let (store, dir) = try S.fresh()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try Self.sample(store)
        for language in Language.allCases {
            let c = DossierReport.Context(catalogue: Fixtures.shipped, language: language, date: S.at(days: 20).day, now: S.at(days: 20), followUpDelay: 14)
            let text = DossierReport.text(d, c)
            #expect(text.split(separator: "\n").allSatisfy { CellWidth.of(String($0)) <= 78 }, "\(text)")
            #expect(text.contains(language == .fr ? "Contacté (1)" : "Contacted (1)"))
            #expect(text.contains(language == .fr ? "— à relancer" : "— to follow up"))
            #expect(text.contains(language == .fr ? "offre-disparue — n'est plus dans le catalogue" : "offre-disparue — no longer in the catalogue"))
            #expect(text.contains("Appel le 3") && text.contains("Rencontrée au forum"))
            var quiet = c
            quiet.notes = false
            let bare = DossierReport.text(d, quiet) + DossierReport.markdown(d, quiet) + DossierReport.csv(d, quiet, separator: ";")
            #expect(!bare.contains("Appel le 3") && !bare.contains("Rencontrée au forum"))
            let csv = DossierReport.csv(d, c, separator: ";")
            #expect(csv.hasPrefix("\u{FEFF}dossier;offer_id;") && csv.components(separatedBy: "\r\n").count == 4)
        }
    }
}

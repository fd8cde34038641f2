import Foundation
import Glibc
import Testing

/// The dossiers in the real interface (tmux), and the same database seen by `catalyse dossier`.
@Suite("Dossiers in the interface, end to end (tmux)", .serialized, .enabled(if: TmuxSession.tmux != nil))
struct DossierInterfaceTests {
    /// A sandbox whose dossiers database is in its own `data` folder (`XDG_DATA_HOME`), for the
    /// interface and the command line alike.
    static func sandbox() -> Sandbox {
        let box = Sandbox()
        box.extraEnvironment["XDG_DATA_HOME"] = box.directory + "/data"
        box.extraEnvironment["SOURCE_DATE_EPOCH"] = "1764115200"  // the export's date: 26 November 2025
        return box
    }

    static func count(_ text: String, in screen: String) -> Int { screen.components(separatedBy: text).count - 1 }

    @Test func createAddStatusNoteExportQuitReopen() throws {
        let box = Self.sandbox()
        var session: TmuxSession? = try TmuxSession(sandbox: box)
        let t = session!
        t.waitFor(text: "75 / 75 offres")
        // A new dossier: its name, then its territory with the completion.
        t.send("d")
        t.waitFor(text: "Aucun dossier pour l'instant.")
        t.send("n")
        t.waitFor(text: "Nouveau dossier")
        t.type("Les Jardins partagés")
        t.send("Tab")
        t.type("59")
        t.waitFor(text: "Nord (59)")
        t.send("Enter")
        t.waitFor(text: "c'est le dossier courant")
        #expect(t.screen.contains("Les Jardins partagés (courant)"))
        // Three offers from the list, each marked ✓ as the store answers.
        t.send("Escape")
        t.waitFor(text: "75 / 75 offres")
        #expect(t.screen.contains("Les Jardins"))
        for n in 1...3 {
            if n > 1 { t.send("Down") }
            t.send("a")
            t.waitFor("\(n) offers marked") { Self.count("✓", in: $0) == n }
        }
        t.waitFor(text: "Offre ajoutée au dossier")
        // In the dossier: a status, then a note.
        t.send("d")
        t.waitFor(text: "3 offres")
        t.send("Enter")
        t.waitFor(text: "À étudier (3)")
        t.send("s")
        t.waitFor(text: "Statut de l'offre")
        t.send("2")
        t.waitFor("the new status") { $0.contains("Contacté (1)") && $0.contains("À étudier (2)") }
        t.send("n")
        t.waitFor(text: "Note sur l'offre")
        t.type("Appel le 3, rappeler lundi.")
        t.send("C-s")
        t.waitFor(text: "Note ajoutée.")
        t.waitFor(text: "Appel le 3, rappeler lundi.")
        // The export, with the default name.
        t.send("e")
        t.waitFor(text: "Exporter le dossier")
        t.send("Enter")
        t.waitFor(text: "Dossier exporté dans")
        let exported = try #require(box.read("catalyse-dossier-les-jardins-partages-2025-11-26.txt"))
        #expect(exported.hasPrefix("Catalyse — dossier d'accompagnement : Les Jardins partagés\nExporté le 26 novembre 2025"))
        #expect(exported.contains("Contacté (1)") && exported.contains("À étudier (2)") && exported.contains("Appel le 3, rappeler lundi."))
        t.send("q")
        t.waitFor(text: "Dossiers (1)")
        t.send("q")
        t.waitFor(text: "75 / 75 offres")
        t.send("q")
        #expect(t.exitStatus() == 0)
        session = nil

        // Reopened: everything is there.
        let again = try TmuxSession(sandbox: box)
        again.waitFor(text: "75 / 75 offres")
        // The last session's current dossier is current again: in the header, its offers marked.
        again.waitFor("the current dossier resumed") { $0.split(separator: "\n").first?.contains("Les Jardins") == true && Self.count("✓", in: $0) == 3 }
        #expect(FileManager.default.fileExists(atPath: box.directory + "/state/catalyse/current-dossier"))
        again.send("d")
        again.waitFor("the dossier") { $0.contains("Les Jardins partagés") && $0.contains("3 offres — à étudier 2 · contacté 1") }
        again.send("Enter")
        again.waitFor("its offers and note") { $0.contains("Contacté (1)") && $0.contains("À étudier (2)") && $0.contains("Appel le 3, rappeler lundi.") }
        again.send("h")
        again.waitFor(text: "Note sur")
        again.send("C-c")
        #expect(again.exitStatus() == 0)

        // The command line sees the same dossier.
        let list = box.run("dossier", "list")
        #expect(list.status == 0 && list.stdout == "Les Jardins partagés\t59\t3\t2\t1\t0\t0\t0\t0\tno\n", "\(list.stdout)\(list.stderr)")
        let show = box.run("dossier", "show", "jardins")
        #expect(show.status == 0)
        #expect(show.stdout.contains("Territoire : Nord (59)"))
        #expect(show.stdout.contains("À étudier (2)") && show.stdout.contains("Contacté (1)"))
        #expect(show.stdout.contains("Appel le 3, rappeler lundi."))
        // The export from the interface is the command line's report (same date, same notes).
        let cli = box.run("dossier", "export", "jardins")
        #expect(cli.stdout == exported)
    }

    @Test func aDamagedDatabaseOnlyStopsTheDossierScreen() throws {
        let box = Self.sandbox()
        let folder = box.directory + "/data/catalyse"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let garbage = String(repeating: "pas une base SQLite ", count: 400)
        try garbage.write(toFile: folder + "/catalyse.sqlite", atomically: true, encoding: .utf8)
        let t = try TmuxSession(sandbox: box)
        t.waitFor(text: "75 / 75 offres")
        t.send("d")
        t.waitFor(text: "La base des dossiers ne peut pas être utilisée.")
        t.waitFor(text: "catalyse dossier restore FICHIER")
        t.send("Escape")
        t.waitFor(text: "75 / 75 offres")
        // The rest works: a favourite, a search.
        t.send("Space")
        t.waitFor("a star") { $0.contains("★") }
        t.send("a")
        t.waitFor(text: "endommagée")
        t.send("Escape", "/")
        t.type("strat")
        t.waitFor("a shorter list") { !$0.contains("75 / 75 offres") && $0.contains("/ 75 offres") }
        t.send("Enter", "q")
        #expect(t.exitStatus() == 0)
        // The database was left as it was.
        #expect(try String(contentsOfFile: folder + "/catalyse.sqlite", encoding: .utf8) == garbage)
    }
}

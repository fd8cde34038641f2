import Foundation
import Glibc
import Testing

/// `catalyse dossier …` run as a user would, in both languages; and nothing acknowledged is
/// ever lost, under SIGKILL or with a dozen writers at once.
@Suite("Dossier command line")
struct DossierCommandTests {
    static let offer = "lanterne-boussole-diagnostic-strategique"
    static let other = "passerelles-safran-strategie-numerique"

    @Test func aCatalystFollowsAnAssociationFromTheCommandLine() throws {
        let box = Sandbox()
        var r = box.run("dossier", "new", "Les Jardins partagés", "--territory", "59000", "--stage", "Création", "--need", "mise en reseau",
                        "--contact-email", "anne@jardins.example.org")
        #expect(r.status == 0 && r.stderr == nb("Dossier « Les Jardins partagés » créé.\n"), "\(r.stderr)")
        #expect(box.run("dossier", "new", "LES JARDINS PARTAGES").status == 1)
        r = box.run("dossier", "add", "jardins", Self.offer, Self.other)
        #expect(r.status == 0 && r.stderr == nb("2 offres ajoutées au dossier « Les Jardins partagés ».\n"), "\(r.stderr)")
        r = box.run("dossier", "add", "jardins", "lanterne-boussole-diagnostic-strategiqe")
        #expect(r.status == 1 && r.stderr.contains(nb("vouliez-vous dire lanterne-boussole-diagnostic-strategique ?")) && r.stderr.contains("rien n'a été ajouté"))
        #expect(box.run("dossier", "status", "jardins", Self.offer, "en disc").status == 0)
        r = box.run("dossier", "status", "jardins", "offre-absente", "retenu", env: ["LANG": "en_GB.UTF-8"])
        #expect(r.status == 1 && r.stderr.contains("add it first with “catalyse dossier add \"Les Jardins partagés\" offre-absente”"), "\(r.stderr)")
        #expect(box.run("dossier", "status", "jardins", Self.offer, "perdu").status == 64)
        #expect(box.run("dossier", "note", "jardins", Self.offer, "Appel le 3 ; rappeler lundi.").status == 0)
        r = box.run("dossier", "list")
        #expect(r.stdout == "Les Jardins partagés\t59\t2\t1\t0\t1\t0\t0\t0\tno\n", "\(r.stdout)")
        let show = box.run("dossier", "show", "jardins")
        #expect(show.status == 0 && show.stdout.contains("En discussion (1)") && show.stdout.contains("Appel le 3"))
        let english = box.run("dossier", "show", "jardins", "--lang", "en")
        #expect(english.stdout.contains("In discussion (1)") && english.stdout.contains("Needs: Networking"))
        r = box.run("dossier", "show", "inconnu")
        #expect(r.status == 1 && r.stderr.hasPrefix(nb("catalyse : aucun dossier ne s'appelle « inconnu »")))
        // Exports: the report without the notes, the JSON with them, both atomic.
        #expect(box.run("dossier", "export", "jardins", "--no-notes", "-o", "jardins.md").status == 0)
        let md = try #require(box.read("jardins.md"))
        #expect(md.hasPrefix("# Catalyse — dossier d'accompagnement : Les Jardins partagés") && !md.contains("Appel le 3"))
        #expect(box.run("dossier", "export", "jardins", "-o", "jardins.md").status == 73)
        #expect(box.run("dossier", "export", "jardins", "-o", "jardins.json").status == 0)
        // `-o -` is standard output (no file named "-"), as for `catalyse export`.
        let dash = box.run("dossier", "export", "jardins", "--no-notes", "--as", "markdown", "-o", "-")
        #expect(dash.status == 0 && dash.stdout == md && box.read("-") == nil, "\(dash.stderr)")
        // CSV: `;` in French and `,` in English by default, as `catalyse export`; --separator overrides.
        let frCSV = box.run("dossier", "export", "jardins", "--as", "csv").stdout
        let enCSV = box.run("dossier", "export", "jardins", "--as", "csv", "--lang", "en").stdout
        let forced = box.run("dossier", "export", "jardins", "--as", "csv", "--separator", ",").stdout
        let header = { (csv: String) in String(csv.split(separator: "\r\n").first ?? "") }
        #expect(header(frCSV).contains(";") && !header(frCSV).contains(","), "\(header(frCSV))")
        #expect(header(enCSV).contains(",") && !header(enCSV).contains(";"), "\(header(enCSV))")
        #expect(header(forced).contains(",") && !header(forced).contains(";"), "\(header(forced))")
        // Hand it to a colleague: an existing name is refused unless renamed.
        #expect(box.run("dossier", "import", "jardins.json").status == 1)
        r = box.run("dossier", "import", "jardins.json", "--as", "Jardins (copie)")
        #expect(r.status == 0 && r.stderr == nb("Dossier « Jardins (copie) » importé (2 offres).\n"), "\(r.stderr)")
        #expect(box.run("dossier", "show", "copie").stdout.contains("Appel le 3"))
        // Archive, remove (asks for --force), follow-up, backup and restore.
        #expect(box.run("dossier", "archive", "copie").status == 0)
        #expect(box.run("dossier", "list").stdout.split(separator: "\n").count == 1)
        #expect(box.run("dossier", "list", "--all").stdout.split(separator: "\n").count == 2)
        #expect(box.run("dossier", "remove", "copie").status == 64)
        #expect(box.run("dossier", "remove", "copie", "--force").status == 0)
        #expect(box.run("dossier", "follow-up").stdout.isEmpty)
        #expect(box.run("dossier", "follow-up", "--set-days", "0").status == 64)
        #expect(box.run("dossier", "backup", "-o", "sauvegarde.sqlite").status == 0)
        #expect(box.run("dossier", "new", "Après").status == 0)
        r = box.run("dossier", "restore", "sauvegarde.sqlite")
        #expect(r.status == 0 && r.stderr.contains("l'ancienne base est gardée dans"), "\(r.stderr)")
        #expect(box.run("dossier", "list", "--all").stdout.split(separator: "\n").count == 1)
        #expect(box.run("dossier", "list", "--json").stdout.contains("\"follow_up\" : 0"))
    }

    /// A bad backup (not a database, someone else's, missing) is refused before anything
    /// moves: the database in place keeps its dossiers and nothing is set aside.
    @Test func aBadBackupLeavesTheDatabaseInPlace() throws {
        let box = Sandbox()
        #expect(box.run("dossier", "new", "Les Jardins").status == 0)
        let folder = box.directory + "/.local/share/catalyse"
        let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        FileManager.default.createFile(atPath: box.directory + "/pas-une-base.sqlite", contents: Data(String(repeating: "x", count: 5000).utf8))
        for (file, words) in [("pas-une-base.sqlite", "endommagée"), ("absente.sqlite", "introuvable")] {
            let r = box.run("dossier", "restore", file)
            #expect(r.status != 0 && r.stderr.contains(file) && r.stderr.contains(words), "\(r.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before, "\(file): something was moved")
            #expect(box.run("dossier", "list").stdout.contains("Les Jardins"), "\(file)")
        }
    }

    @Test func aDamagedDatabaseIsRefusedAndTheRestStillWorks() throws {
        let box = Sandbox()
        let folder = box.directory + "/.local/share/catalyse"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let junk = Data(String(repeating: "pas une base ", count: 400).utf8)
        FileManager.default.createFile(atPath: folder + "/catalyse.sqlite", contents: junk)
        let r = box.run("dossier", "list")
        #expect(r.status == 65 && r.stderr.contains("endommagée") && r.stderr.contains("catalyse dossier restore"), "\(r.stderr)")
        #expect(FileManager.default.contents(atPath: folder + "/catalyse.sqlite") == junk)
        #expect(box.run("list").status == 0)
        #expect(box.run("favourites", "add", Self.offer).status == 0)
        #expect(box.run("export", "--favourites").status == 0)
    }

    /// A few hundred SIGKILLs while changes are written: every change reported done (exit 0) is
    /// in the database afterwards, and SQLite finds it sound.
    @Test func changesSurviveSIGKILL() throws {
        let box = Sandbox()
        #expect(box.run("dossier", "new", "Asso").status == 0)
        #expect(box.run("dossier", "add", "asso", Self.offer).status == 0)
        let count = Int(ProcessInfo.processInfo.environment["CATALYSE_CRASH_ITERATIONS"] ?? "") ?? 200
        let started = Date()
        #expect(box.run("dossier", "note", "asso", Self.offer, "calibrage").status == 0)
        let window = UInt32(max(20_000, Date().timeIntervalSince(started) * 1.5e6))
        var acknowledged: [String] = ["calibrage"]
        var killed = 0
        var generator = SystemRandomNumberGenerator()
        for i in 0..<count {
            let text = "note \(i)"
            let pid = try #require(Spawn.start(Spawn.catalyse, ["dossier", "note", "asso", Self.offer, text],
                                               environment: Spawn.environment([:], state: box.directory), directory: box.directory))
            usleep(UInt32.random(in: 0...window, using: &generator))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            if (status & 0x7F) == 0 && (status >> 8) & 0xFF == 0 { acknowledged.append(text) } else { killed += 1 }
        }
        #expect(killed > 0, "no run was ever killed: the test proves nothing")
        let json = box.run("dossier", "show", "asso", "--json")
        #expect(json.status == 0, "\(json.stderr)")
        for text in acknowledged { #expect(json.stdout.contains("\"text\" : \"\(text)\""), "lost: \(text)") }
        print("dossier SIGKILL: \(count) runs, \(killed) killed, \(acknowledged.count - 1) acknowledged and all found")
        let check = box.run("dossier", "check")
        #expect(check.status == 0 && check.stdout == "ok\n", "\(check.stdout)\(check.stderr)")
    }

    /// A dozen command-line writers on the same dossier at once: every change is kept.
    @Test func concurrentWritersLoseNothing() throws {
        let box = Sandbox()
        #expect(box.run("dossier", "new", "Asso").status == 0)
        #expect(box.run("dossier", "add", "asso", Self.offer).status == 0)
        let writers = 12, each = 5
        var pids: [pid_t] = []
        for w in 0..<writers {
            let script = (0..<each).map { "\"\(Spawn.catalyse)\" dossier note asso \(Self.offer) 'w\(w)-n\($0)' || exit 1" }.joined(separator: "; ")
            pids.append(try #require(Spawn.start("/bin/sh", ["-c", script], environment: Spawn.environment([:], state: box.directory), directory: box.directory)))
        }
        for pid in pids {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            #expect(status == 0, "a writer failed (\(status))")
        }
        let json = box.run("dossier", "show", "asso", "--json").stdout
        for w in 0..<writers { for n in 0..<each { #expect(json.contains("\"text\" : \"w\(w)-n\(n)\""), "lost w\(w)-n\(n)") } }
    }
}

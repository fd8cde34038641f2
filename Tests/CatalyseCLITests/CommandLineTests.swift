import Foundation
import Testing

/// The built binary, run as a user would: exit statuses, language choice, catalogue precedence.
@Suite("Command line")
struct CommandLineTests {
    static let smallCatalogue = """
        catalogue:
          name: Petit catalogue
          updated: 2026-01-15
          illustrative: false
        firms:
          - id: seul-cabinet
            name: Seul Cabinet
            presentation: Un seul cabinet.
            headquarters: 2A
            contact: {name: Anne Seule, email: anne@seul.example.org}
            joined: 2020
            provenance: {source: Test, verified: 2026-01-15}
            offers:
              - id: seule-offre
                title: Seule offre de coaching
                summary: Une offre.
                description: Une description.
                format: mi-chemin
                purpose: strategique
                kinds: [coaching-dirigeants]
                themes: [innovation-associative]
                territories: [2A, 2B]
                mode: presentiel
                audience: [collectif]
                duration: un mois
                cost: "=1+1, tarif \\"réduit\\""
                apply: Écrire.
        """

    @Test func validateTheShippedCatalogueInBothLanguages() {
        let box = Sandbox()
        let fr = box.run("validate")
        #expect(fr.status == 0)
        #expect(fr.stdout == nb("OK : 26 cabinets, 75 offres\n"))
        #expect(box.run("validate", env: ["LANG": "en_GB.UTF-8"]).stdout == "OK: 26 firms, 75 offers\n")
        #expect(box.run("validate", env: ["LANG": "de_DE.UTF-8"]).stdout.hasPrefix("OK: "))
        #expect(box.run("validate", env: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]).stdout.hasPrefix(nb("OK : ")))
        #expect(box.run("validate", env: ["LC_ALL": "", "LC_MESSAGES": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"]).stdout.hasPrefix("OK: "))
        #expect(box.run("validate", "--lang", "fr", env: ["LANG": "en_GB.UTF-8"]).stdout.hasPrefix(nb("OK : ")))
        #expect(box.run("validate", "--lang", "xx").status == 64)
    }

    @Test func validateReportsEveryErrorWithPositionAndExits65() {
        let box = Sandbox()
        let bad = box.write("bad.yaml", Self.smallCatalogue
            .replacingOccurrences(of: "format: mi-chemin", with: "format: gratuit")
            .replacingOccurrences(of: "territories: [2A, 2B]", with: "territories: [2A, R99]"))
        let r = box.run("validate", bad)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("\(bad):18:"))
        #expect(lines[0].contains(nb("firms[0].offers[0].format : valeur inconnue « gratuit » pour format")))
        #expect(box.run("validate", bad, "--lang", "en").stderr.contains("firms[0].offers[0].format: unknown format 'gratuit'"))
        #expect(lines[1].hasPrefix("\(bad):22:"))
        #expect(lines[1].contains("territories[1]"))
        #expect(lines[2].contains("2 erreurs"))
    }

    /// `SOURCE_DATE_EPOCH` pins the date an export prints, never the date validation checks
    /// years against: 1970 or 2020 do not refuse the shipped catalogue (firms joined up to 2026),
    /// and 2100 does not let a firm join in 2099.
    @Test func sourceDateEpochPinsOnlyThePrintedDate() {
        let box = Sandbox()
        #expect(box.run("favourites", "add", "lanterne-boussole-diagnostic-strategique").status == 0)
        let epoch0 = box.run("export", "--favourites", env: ["SOURCE_DATE_EPOCH": "0"])
        #expect(epoch0.status == 0, "\(epoch0.stderr)")
        #expect(epoch0.stdout.contains("Exportée le 1er janvier 1970"))
        let epoch2020 = box.run("export", "--favourites", "--lang", "en", env: ["SOURCE_DATE_EPOCH": "1577836800"])
        #expect(epoch2020.status == 0 && epoch2020.stdout.contains("Exported on 1 January 2020"), "\(epoch2020.stderr)")
        #expect(box.run("validate", env: ["SOURCE_DATE_EPOCH": "0"]).status == 0)
        let future = box.write("future.yaml", Self.smallCatalogue.replacingOccurrences(of: "joined: 2020", with: "joined: 2099"))
        let r = box.run("validate", future, env: ["SOURCE_DATE_EPOCH": "4102444800"])
        #expect(r.status == 65)
        #expect(r.stderr.contains(nb("firms[0].joined : l'année 2099 est hors de 2008–")))
    }

    @Test func missingCatalogueExits66() {
        let box = Sandbox()
        let r = box.run("list", "--catalogue", box.directory + "/absent.yaml")
        #expect(r.status == 66)
        #expect(r.stderr.contains("absent.yaml"))
    }

    @Test func cataloguePrecedenceOptionThenEnvironmentThenEmbedded() {
        let box = Sandbox()
        let small = box.write("small.yaml", Self.smallCatalogue)
        let other = box.write("other.yaml", Self.smallCatalogue.replacingOccurrences(of: "seule-offre", with: "autre-offre"))
        #expect(box.run("list").stdout.split(separator: "\n").count == 75)
        #expect(box.run("list", env: ["CATALYSE_CATALOGUE": small]).stdout.hasPrefix("seule-offre\t"))
        #expect(box.run("list", "--catalogue", other, env: ["CATALYSE_CATALOGUE": small]).stdout.hasPrefix("autre-offre\t"))
    }

    @Test func listIsTabSeparatedWhenPiped() {
        let box = Sandbox()
        let r = box.run("list", "--territory", "2A", "--purpose", "STRATEGIQUE")
        #expect(r.status == 0)
        for line in r.stdout.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            #expect(fields.count == 6)
            #expect(fields[3] == "strategique")
        }
        let none = box.run("list", "--query", "zzzzzz")
        #expect(none.status == 0 && none.stdout.isEmpty)
    }

    @Test func usageErrorsExit64() {
        let box = Sandbox()
        let unknown = box.run("list", "--purpose", "tactique")
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("operationnelle, strategique"))
        let ambiguous = box.run("list", "--territory", "hauts de")
        #expect(ambiguous.status == 64)
        #expect(ambiguous.stderr.contains("R32") && ambiguous.stderr.contains("92"))
        #expect(box.run("list", "--territory", "atlantide").status == 64)
        #expect(box.run("list", "--no-such-flag").status == 64)
        #expect(box.run("list", "--territory", "59000").status == 0)
    }

    @Test func jsonOutput() throws {
        let box = Sandbox()
        let r = box.run("list", "--query", "gouvernance", "--json")
        #expect(r.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(!array.isEmpty)
        let first = array[0]
        #expect(first["id"] is String && first["title"] is String)
        #expect((first["firm"] as? [String: Any])?["name"] is String)
        #expect(first["territories"] is [String])
        let counted = box.run("list", "--counts", "--json", "--purpose", "strategique")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(counted.stdout.utf8)) as? [String: Any])
        let facets = try #require(object["facets"] as? [String: [String: Int]])
        let offers = try #require(object["offers"] as? [[String: Any]])
        #expect(facets["purpose"]?["strategique"] == offers.count)
        #expect(facets["territory"]?["R32"] != nil)
    }

    @Test func showAndUnknownIDs() {
        let box = Sandbox()
        let first = box.run("list").stdout.split(separator: "\t").first.map(String.init) ?? ""
        let shown = box.run("show", first)
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("Contact"))
        #expect(shown.stdout.contains("Catalogue illustratif"))
        #expect(box.run("show", "pas-une-offre").status == 1)
        #expect(box.run("favourites", "add", "pas-une-offre").status == 1)
    }

    @Test func favouritesAddListRemoveAndCorruptFile() throws {
        let box = Sandbox()
        let ids = box.run("list").stdout.split(separator: "\n").prefix(2).map { String($0.split(separator: "\t")[0]) }
        #expect(box.run(["favourites", "add"] + ids).status == 0)
        let list = box.run("favourites", "list")
        #expect(list.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == ids)
        #expect(box.run("list", "--favourites").stdout.split(separator: "\n").count == 2)
        // An id that left the catalogue is kept and shown as missing, and can be removed.
        let path = box.directory + "/state/catalyse/favourites"
        try (String(contentsOfFile: path, encoding: .utf8) + "offre-partie\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(box.run("favourites", "list").stdout.contains("offre-partie\t(introuvable dans ce catalogue)"))
        #expect(box.run("favourites", "remove", "offre-partie", ids[0]).status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == ids[1] + "\n")
        // A corrupt file: exit 65, untouched.
        try "ok\nPAS UN ID\n".write(toFile: path, atomically: true, encoding: .utf8)
        let corrupt = box.run("favourites", "add", ids[0])
        #expect(corrupt.status == 65)
        #expect(corrupt.stderr.contains("ligne 2"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "ok\nPAS UN ID\n")
        #expect(box.run("list", "--favourites").status == 65)
    }

    @Test func exportFormatsOverwriteAndErrors() throws {
        let box = Sandbox()
        let small = box.write("small.yaml", Self.smallCatalogue)
        let env = ["CATALYSE_CATALOGUE": small, "SOURCE_DATE_EPOCH": "1764115200"]
        let text = box.run("export", env: env)
        #expect(text.status == 0)
        #expect(text.stdout.contains("Exportée le 26 novembre 2025"))
        #expect(text.stdout.contains("Seule offre de coaching"))
        #expect(box.run("export", "-o", "out.csv", env: env).status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: box.directory + "/out.csv")))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        // French by default: French headers, `;` between cells.
        #expect(csv.hasPrefix("Identifiant;Identifiant du cabinet;Cabinet;"))
        #expect(csv.contains("\"'=1+1, tarif \"\"réduit\"\"\""))
        let again = box.run("export", "-o", "out.csv", env: env)
        #expect(again.status == 73)
        #expect(again.stderr.contains("--force"))
        #expect(box.run("export", "-o", "out.csv", "--force", "--as", "markdown", env: env).status == 0)
        #expect(box.read("out.csv")?.hasPrefix("# Catalyse") == true)
        #expect(box.run("export", "-o", "no/such/folder/x.txt", env: env).status == 73)
        #expect(box.run("export", "--separator", ";", "--as", "csv", env: env).stdout.contains("Identifiant;Identifiant du cabinet;"))
        #expect(box.run("export", "--separator", ",", "--as", "csv", env: env).stdout.contains("Identifiant,Identifiant du cabinet,"))
        #expect(box.run("export", "--lang", "en", "--as", "csv", env: env).stdout.contains("Id,Firm id,Firm,Offer,"))
        #expect(box.run("export", "--separator", "|", "--as", "csv", env: env).status == 64)
        let files = try FileManager.default.contentsOfDirectory(atPath: box.directory).filter { $0.hasPrefix(".catalyse-tmp") }
        #expect(files.isEmpty)
    }

    /// Nothing found: standard error says what would help (exit 0), stdout stays empty or `[]`.
    @Test func anEmptyListSaysWhatWouldHelpOnStandardError() {
        let box = Sandbox()
        let r = box.run("list", "--territory", "2A", "--mode", "a-distance", "--query", "commnication")
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == nb("""
            catalyse : aucune offre ne correspond.
            Pour en trouver :
              remplacer « commnication » (dans aucune offre) par « communication » : 2\u{00A0}offres
              sans la recherche « commnication » : 7\u{00A0}offres

            """))
        let json = box.run("list", "--json", "--lang", "en", "--territory", "2A", "--kind", "relais-communication", "--format", "mi-chemin", "--mode", "a-distance")
        #expect(json.status == 0 && json.stdout == "[\n\n]\n")
        #expect(json.stderr.hasPrefix("catalyse: no offer matches.\nTo find some:\n  without “Support kind: Communication relay”: 2 offers\n"), "\(json.stderr)")
        // A list that finds something says nothing more.
        #expect(box.run("list", "--territory", "2A").stderr.isEmpty)
    }

    /// `show --why` takes the filters of `list`; without `--why` they are a usage error.
    @Test func showWhyTakesTheFiltersOfList() {
        let box = Sandbox()
        let r = box.run("show", "heliotrope-partenaires-mentorat-direction", "--why", "--territory", "59", "--mode", "a-distance")
        #expect(r.status == 0)
        #expect(r.stdout.contains(nb("Pourquoi cette offre :\n  Territoire : couvre la France entière, dont Nord (59)\n  Modalité : à distance\n")))
        #expect(box.run("show", "heliotrope-partenaires-mentorat-direction", "--why").stdout.contains(nb("Pourquoi cette offre : aucun filtre")))
        #expect(box.run("show", "heliotrope-partenaires-mentorat-direction", "--territory", "59").status == 64)
        #expect(box.run("show", "heliotrope-partenaires-mentorat-direction", "--why", "--territory", "nowhere").status == 64)
        // Favourites: the store is read.
        #expect(box.run("favourites", "add", "heliotrope-partenaires-mentorat-direction").status == 0)
        let favourite = box.run("show", "heliotrope-partenaires-mentorat-direction", "--why", "--favourites", "--lang", "en")
        #expect(favourite.stdout.contains("Why this offer:\n  Favourites: in your favourites\n"), "\(favourite.stdout)")
    }

    /// The program's own French messages follow French typography; English ones carry none of it.
    @Test func messagesFollowTheTypographyOfTheirLanguage() {
        let box = Sandbox()
        _ = box.write("existe.txt", "x")
        let commands: [[String]] = [
            ["show", "pas-une-offre"], ["--catalogue", "absent.yaml", "list"], ["favourites", "add", "pas-une-offre"],
            ["export", "-o", "existe.txt"], ["list", "--query", "zzzz"], ["validate"], ["show", "lanterne-boussole-cercle-dirigeants", "--why", "--stage", "creation"],
        ]
        var seen = 0
        for language in ["fr", "en"] {
            for command in commands {
                let r = box.run(command + ["--lang", language])
                for line in (r.stderr + r.stdout).split(separator: "\n") where line.hasPrefix("catalyse") || line.hasPrefix("OK") || line.hasPrefix("  ") || line.hasPrefix("Pour") || line.hasPrefix("To ") || line.hasPrefix("Pourquoi") || line.hasPrefix("Why") {
                    // Quoted catalogue text (descriptions after the label column) is the catalogue's own.
                    guard !line.hasPrefix("   ") else { continue }
                    seen += 1
                    let problems = typographyProblems(String(line), french: language == "fr")
                    #expect(problems.isEmpty, "\(command) \(language): \(line): \(problems)")
                }
            }
        }
        #expect(seen > 15)
    }

    @Test func withoutATerminalTheInterfacePrintsTheList() {
        let box = Sandbox()
        let r = box.run([], env: ["TERM": "xterm-256color"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").count == 75)
        #expect(r.stderr.contains("catalyse list"))
    }

    @Test func helpHasExamplesInBothLanguages() {
        let box = Sandbox()
        let help = box.run("list", "--help")
        #expect(help.status == 0)
        #expect(help.stdout.contains(nb("Exemples :")))
        #expect(box.run("--help").stdout.contains("Code de sortie"))
        #expect(box.run("list", "--help", "--lang", "en").stdout.contains("Examples:"))
        #expect(box.run("--lang", "en", "--help").stdout.contains("Exit status"))
    }
}

@Suite("Synthetic catalogues")
struct SyntheticCatalogueTests {
    /// Same seed, same bytes; and what it writes is a valid catalogue of the asked size.
    @Test func generatorIsDeterministicAndValid() throws {
        let box = Sandbox()
        let bench = Spawn.buildDirectory + "/catalyse-bench"
        for name in ["a.json", "b.json"] {
            #expect(Spawn.run(bench, ["generate", "--offers", "300", "--seed", "7", "-o", box.directory + "/" + name], environment: ["PATH": "/usr/bin:/bin"]).status == 0)
        }
        let a = try Data(contentsOf: URL(fileURLWithPath: box.directory + "/a.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: box.directory + "/b.json"))
        #expect(a == b && a.count > 300 * 400)
        #expect(box.run("validate", box.directory + "/a.json").stdout == nb("OK : 7 cabinets, 300 offres\n"))
        #expect(Spawn.run(bench, ["generate", "--offers", "300", "--seed", "8", "-o", box.directory + "/c.json"], environment: ["PATH": "/usr/bin:/bin"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: box.directory + "/c.json")) != a)
    }
}

import Foundation
import Testing

/// `catalyse compile`, and the other commands on a compiled catalogue, run as a user would.
@Suite("Command line: compile and .catalyse files")
struct CompileCommandTests {
    static let shippedYAML = Spawn.packageRoot + "/data/catalogue.yaml"

    /// The shipped catalogue compiled into `box` (checks the command's own output on the way).
    static func compileShipped(_ box: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let out = box.directory + "/annuaire.catalyse"
        let r = box.run("compile", shippedYAML, "-o", out)
        #expect(r.status == 0, "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(r.stderr.contains("annuaire.catalyse") && r.stderr.contains("26 cabinets, 75 offres"), "\(r.stderr)", sourceLocation: sourceLocation)
        #expect(FileManager.default.fileExists(atPath: out), sourceLocation: sourceLocation)
        return out
    }

    @Test func compiledCatalogueGivesTheSameOutputs() throws {
        let box = Sandbox()
        let compiled = Self.compileShipped(box)
        let first = box.run("list", "--catalogue", Self.shippedYAML).stdout.split(separator: "\t").first.map(String.init) ?? ""
        #expect(!first.isEmpty)
        let commands: [[String]] = [
            ["list"], ["list", "--query", "strat compet", "--territory", "59"], ["list", "--json"], ["firms", "--json"],
            ["show", first], ["list", "--counts", "--json", "--purpose", "strategique", "--kind", "mise-en-reseau"],
            ["list", "--territory", "R84", "--format", "mi-chemin"], ["firms"], ["show", first, "--lang", "en"],
            ["validate"],
        ]
        for command in commands {
            let yaml = box.run(command + ["--catalogue", Self.shippedYAML])
            let fast = box.run(command + ["--catalogue", compiled])
            #expect(yaml.status == 0, "\(command): \(yaml.stderr)")
            #expect(fast.status == yaml.status, "\(command): \(fast.stderr)")
            #expect(!yaml.stdoutBytes.isEmpty, "\(command)")
            #expect(fast.stdoutBytes == yaml.stdoutBytes, "\(command)")
            #expect(fast.stderr == yaml.stderr, "\(command)")
        }
        // Through the environment as well, and an unknown id.
        #expect(box.run("list", env: ["CATALYSE_CATALOGUE": compiled]).stdoutBytes == box.run("list").stdoutBytes)
        #expect(box.run("show", "pas-une-offre", "--catalogue", compiled).status == 1)
    }

    @Test func compilesTheCatalogueInEffectWithoutASource() {
        let box = Sandbox()
        let out = box.directory + "/integre.catalyse"
        let r = box.run("compile", "-o", out)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(box.run("list", "--catalogue", out).stdoutBytes == box.run("list").stdoutBytes)
        // Compiling again replaces the file.
        #expect(box.run("compile", Self.shippedYAML, "-o", out).status == 0)
        #expect(box.run("validate", out).stdout == nb("OK : 26 cabinets, 75 offres\n"))
    }

    @Test func outputMustEndInCatalyse() {
        let box = Sandbox()
        for name in ["out.txt", "out.yaml", "out.catalyse.bak", "catalyse"] {
            let r = box.run("compile", Self.shippedYAML, "-o", box.directory + "/" + name)
            #expect(r.status == 64, "\(name)")
            #expect(r.stderr.contains(".catalyse"), "\(name): \(r.stderr)")
            #expect(!FileManager.default.fileExists(atPath: box.directory + "/" + name))
        }
        #expect(box.run("compile", Self.shippedYAML).status == 64)
        #expect(box.run("compile", Self.shippedYAML, "-o", box.directory + "/OUT.CATALYSE").status == 0)
    }

    @Test func invalidSourceIsRefusedAndNothingIsWritten() {
        let box = Sandbox()
        let bad = box.write("bad.yaml", CommandLineTests.smallCatalogue.replacingOccurrences(of: "format: mi-chemin", with: "format: gratuit"))
        let out = box.directory + "/bad.catalyse"
        let r = box.run("compile", bad, "-o", out)
        #expect(r.status == 65)
        #expect(r.stderr.contains(nb("firms[0].offers[0].format : valeur inconnue « gratuit » pour format")), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        // An existing output is left as it was.
        let good = Self.compileShipped(box)
        let before = FileManager.default.contents(atPath: good)
        #expect(box.run("compile", bad, "-o", good).status == 65)
        #expect(FileManager.default.contents(atPath: good) == before)
        #expect(box.run("compile", box.directory + "/absent.yaml", "-o", out).status == 66)
    }

    @Test func damagedCompiledFilesAreRefusedWithTheRecordNamed() throws {
        let box = Sandbox()
        let compiled = Self.compileShipped(box)
        let bytes = try #require(FileManager.default.contents(atPath: compiled))
        let cut = box.directory + "/coupe.catalyse"
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
        let r = box.run("validate", cut)
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(r.stderr)")
        // `FILE: field: message`, no line and column (a compiled file has none).
        #expect(lines.first?.hasPrefix(cut + nb(": file : le fichier compilé est endommagé")) == true, "\(r.stderr)")
        #expect(box.run("validate", cut, "--lang", "en").stderr.hasPrefix(cut + ": file: "))
        #expect(lines.first?.contains(".catalyse:0") == false)
        #expect(lines.last == "\(cut)\u{00A0}: 1 erreur, catalogue refusé.")
        #expect(box.run("list", "--catalogue", cut).status == 65)

        // A YAML file named .catalyse, and an empty one.
        let yaml = box.write("source.catalyse", CommandLineTests.smallCatalogue)
        let y = box.run("validate", yaml, "--lang", "en")
        #expect(y.status == 65)
        #expect(y.stderr.hasPrefix(yaml + ": file: ") && y.stderr.contains("catalyse compile"), "\(y.stderr)")
        #expect(y.stderr.hasSuffix("1 error, catalogue refused.\n"))
        let empty = box.write("vide.catalyse", "")
        #expect(box.run("validate", empty).status == 65)
    }

    /// A file of the previous format (a remote offer matched every territory then) is refused in
    /// one sentence, in the output language, that says to compile it again.
    @Test func aFileOfAnotherFormatVersionIsRefusedWithCompileItAgain() throws {
        let box = Sandbox()
        let compiled = Self.compileShipped(box)
        var bytes = try #require(FileManager.default.contents(atPath: compiled))
        bytes.replaceSubrange(8..<12, with: [1, 0, 0, 0])
        let old = box.directory + "/ancien.catalyse"
        try bytes.write(to: URL(fileURLWithPath: old))
        let fr = box.run("list", "--catalogue", old)
        #expect(fr.status == 65)
        #expect(fr.stderr == "catalyse\u{00A0}: \(old)" + nb(" a été compilé par une version antérieure de catalyse (format 1 ; celle-ci lit le format 2) : recompilez-le depuis son catalogue YAML ou JSON avec « catalyse compile ».\n"))
        let en = box.run("validate", old, "--lang", "en")
        #expect(en.status == 65)
        #expect(en.stderr == "catalyse: \(old) was compiled by an older catalyse (format 1; this one reads format 2): compile it again from its YAML or JSON catalogue with “catalyse compile”.\n")
    }

    @Test func theInterfaceRunsOnACompiledCatalogueInARealTerminal() throws {
        let box = Sandbox()
        let compiled = Self.compileShipped(box)
        let t = try TmuxSession(["--catalogue", compiled], sandbox: box)
        t.waitFor(text: "75 / 75 offres")
        #expect(t.screen.contains("Catalogue illustratif"))
        t.send("/")
        t.type("strat compet")
        t.waitFor("a shorter list") { !$0.contains("75 / 75 offres") && $0.contains("/ 75 offres") }
        t.send("Enter")
        t.waitFor(text: nb("« strat compet »"))
        t.send("Enter")  // the offer sheet, decoded from the mapped file
        t.waitFor(text: nb("Cabinet :"))
        t.send("Space")  // a favourite, found again by its id in the compiled id table
        let favourites = box.directory + "/state/catalyse/favourites"
        t.waitFor("the favourite saved") { _ in (box.read("state/catalyse/favourites") ?? "").contains("-") }
        let saved = (try? String(contentsOfFile: favourites, encoding: .utf8)) ?? ""
        t.send("q")
        t.send("q")
        // The same favourite is listed by the command line on the compiled and the YAML catalogue.
        let onCompiled = box.run("list", "--favourites", "--catalogue", compiled)
        let onYAML = box.run("list", "--favourites", "--catalogue", Self.shippedYAML)
        #expect(onCompiled.status == 0 && onCompiled.stdout == onYAML.stdout)
        #expect(onCompiled.stdout.split(separator: "\n").count == 1)
        #expect(saved.contains(String(onCompiled.stdout.split(separator: "\t").first ?? "")))
    }
}

import Foundation
import Testing

/// Issue 23, class 11 through the binary: work a user can make grow with the square of what
/// they type. A repeated option costs what one costs (the arguments are folded before the
/// parser reads them); a command line longer than 1,000 words once folded is refused with a
/// clear message; a 2,000-character paste into the search prompt on 20,000 offers searches
/// once.
@Suite("Repeated input", .serialized)
struct RepetitionTests {
    static func timed(_ body: () -> Spawn.Result) -> (Spawn.Result, Double) {
        let started = Date()
        let r = body()
        return (r, Date().timeIntervalSince(started))
    }

    @Test(arguments: [2_000, 4_000, 20_000])
    func aRepeatedOptionCostsWhatOneCosts(repeats: Int) {
        let box = Sandbox()
        let once = box.run("list", "--kind", "apport-expertise")
        let (r, took) = Self.timed { box.run(Array(repeating: ["--kind", "apport-expertise"], count: repeats).flatMap { $0 } + ["list"]) }
        // (Before the subcommand the option is unknown: the parser refuses it, quickly too.)
        #expect(r.status == 64)
        let (list, listTook) = Self.timed { box.run(["list"] + Array(repeating: ["--kind", "apport-expertise"], count: repeats).flatMap { $0 }) }
        #expect(list.status == 0 && list.stdout == once.stdout)
        #expect(took < 5 && listTook < 5, "\(repeats) repeats: \(took) s, \(listTook) s")
        print("\(repeats) repeats of --kind: \(String(format: "%.2f", listTook)) s")
        // Several options, several values, the = form, the last --query and --lang win.
        var mixed = ["list"]
        for i in 0..<repeats { mixed += i % 2 == 0 ? ["--kind=apport-expertise", "--territory", "59"] : ["--query", "x\(i)", "--lang", "en", "--json"] }
        mixed += ["--query", "diagnostic", "--lang", "fr"]
        let (m, mixedTook) = Self.timed { box.run(mixed) }
        #expect(m.status == 0, "\(m.stderr.prefix(300))")
        #expect(m.stdout == box.run("list", "--kind", "apport-expertise", "--territory", "59", "--query", "diagnostic", "--json").stdout)
        #expect(mixedTook < 10, "\(mixedTook) s")
    }

    @Test func distinctValuesAreFoldedToo() {
        let box = Sandbox()
        // 2,000 different postal codes of the Nord and the Pas-de-Calais.
        let codes = (0..<2_000).map { String(59_000 + $0 % 1_000 + ($0 >= 1_000 ? 3_000 : 0)) }
        let (r, took) = Self.timed { box.run(["list"] + codes.flatMap { ["--territory", $0] }) }
        #expect(r.status == 0 && took < 5, "\(took) s: \(r.stderr.prefix(200))")
        #expect(r.stdout == box.run("list", "--territory", "59", "--territory", "62").stdout)
        // A bad value among them is still named.
        let bad = box.run(["list"] + codes.flatMap { ["--territory", $0] } + ["--territory", "nulle-part"])
        #expect(bad.status == 64 && bad.stderr.contains(nb("« nulle-part »")))
    }

    @Test func aCommandLineOverTheBoundIsRefusedClearly() {
        let box = Sandbox()
        let ids = (0..<1_000).map { "offre-\($0)" }
        let (ok, took) = Self.timed { box.run(["favourites", "remove"] + ids.prefix(998)) }
        #expect(ok.status == 0 && took < 5, "1,000 words: \(took) s")
        let refused = box.run(["favourites", "remove"] + ids + ["une-de-trop"])
        #expect(refused.status == 64)
        #expect(refused.stderr == nb("catalyse : la ligne de commande compte 1003 mots une fois les options répétées regroupées ; la limite est de 1000 (donnez les identifiants en plusieurs fois).\n"))
        #expect(box.run(["favourites", "remove"] + ids + ["x"], env: ["LANG": "en_GB.UTF-8"]).stderr.hasPrefix("catalyse: the command line has 1003 words"))
    }

    @Test(.enabled(if: TmuxSession.tmux != nil)) func aLongPasteIntoTheSearchOnTwentyThousandOffersSearchesOnce() throws {
        let box = Sandbox()
        let json = box.directory + "/vingt-mille.json", compiled = box.directory + "/vingt-mille.catalyse"
        let generated = Spawn.run(Spawn.buildDirectory + "/catalyse-bench", ["generate", "--offers", "20000", "-o", json],
                                  environment: ["PATH": "/usr/bin:/bin"], timeout: 300)
        try #require(generated.status == 0, "\(generated.stderr)")
        try #require(box.run(["compile", json, "-o", compiled], timeout: 300).status == 0)
        let t = try TmuxSession(["--catalogue", compiled], sandbox: box, width: 120, height: 30)
        t.waitFor(text: "20000 / 20000 offres", timeout: 60)
        t.send("/")
        t.waitFor(text: "Recherche")
        let paste = String(repeating: "strat gouv ", count: 181) + "fin"  // 1,994 characters
        _ = box.write("paste.txt", paste)
        let started = Date()
        t.run(["-S", t.socket, "load-buffer", box.directory + "/paste.txt"])
        t.run(["-S", t.socket, "paste-buffer", "-t", "0"])
        t.waitFor("the end of the paste in the prompt", timeout: 30) { $0.contains("gouv fin") }
        let took = Date().timeIntervalSince(started)
        print("2,000-character paste on 20,000 offers: \(String(format: "%.2f", took)) s to the frame")
        #expect(took < 15)
        t.send("Escape")
        t.send("q")
        #expect(t.exitStatus() == 0)
    }
}

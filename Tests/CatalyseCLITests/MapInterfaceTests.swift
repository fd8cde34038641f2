import Foundation
import Testing
import Glibc

/// The map in a real terminal (tmux), and `catalyse map --json` against `catalyse list
/// --territory … --json` with the same filters.
@Suite("Map end to end", .serialized)
struct MapInterfaceTests {
    /// The number of offers `list --json` gives for these arguments.
    static func listed(_ box: Sandbox, _ arguments: [String]) throws -> Int {
        let r = box.run(["list", "--json"] + arguments)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [Any])
        return json.count
    }

    @Test("map --json gives each région, and every département of two régions, the count of list --territory")
    func mapAgainstList() throws {
        let box = Sandbox()
        let filters = ["--purpose", "strategique"]
        let r = box.run(["map", "--json"] + filters)
        #expect(r.status == 0, "\(r.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let regions = try #require(root["regions"] as? [[String: Any]])
        #expect(regions.count == 18)
        var counts: Set<Int> = []
        for region in regions {
            let code = try #require(region["code"] as? String)
            let count = try #require(region["count"] as? Int)
            counts.insert(count)
            #expect(count == (try Self.listed(box, filters + ["--territory", code])), "\(code)")
            guard code == "R32" || code == "R94" else { continue }
            let departments = try #require(region["departments"] as? [[String: Any]])
            #expect(!departments.isEmpty)
            for department in departments {
                let d = try #require(department["code"] as? String)
                #expect(department["count"] as? Int == (try Self.listed(box, filters + ["--territory", d])), "\(d)")
            }
        }
        #expect(counts.count > 1)
    }

    @Test("Open the map, move to Corse, Enter: the list shows Corse's offers", .enabled(if: TmuxSession.tmux != nil))
    func mapToCorse() throws {
        let box = Sandbox()
        let corse = box.run("list", "--territory", "R94").stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(corse.count > 1)
        let t = try TmuxSession(sandbox: box)
        t.waitFor(text: "75 / 75 offres")
        t.send("m")
        t.waitFor(text: "Carte des offres · Île-de-France (R11)")
        t.waitFor(text: "Outre-mer")
        // Île-de-France → Centre-Val de Loire → Auvergne-Rhône-Alpes → Occitanie → PACA → Corse.
        t.send("j", "Down", "j", "l", "Right")
        t.waitFor(text: "Carte des offres · Corse (R94) : \(corse.count) offres".replacingOccurrences(of: " : ", with: "\u{00A0}: "))
        t.send("Enter")
        t.waitFor(text: "\(corse.count) / 75 offres")
        t.waitFor(text: "Territoire\u{00A0}: Corse (R94)")
        // The first offers of `list --territory R94`, by title, in the same order.
        let first = try #require(corse.first)
        t.waitFor(text: String(first[2].prefix(20)))
        // u takes the filter back.
        t.send("u")
        t.waitFor(text: "75 / 75 offres")
        t.send("q")
        #expect(t.exitStatus() == 0)
    }

    @Test("Under NO_COLOR the map is characters, bold and reverse: no colour sequence", .enabled(if: TmuxSession.tmux != nil))
    func noColor() throws {
        let t = try TmuxSession(["--lang", "en"], env: ["NO_COLOR": "1"], width: 100, height: 30)
        t.waitFor(text: "75 / 75 offers")
        t.send("m")
        t.waitFor(text: "Map of the offers")
        // From 100 columns a name keeps at least five letters.
        t.waitFor(text: "Hauts-de-Fr…")
        let screen = t.run(["-S", t.socket, "capture-pane", "-e", "-p", "-t", "0"]).stdout
        // No colour sequence (a foreground 30–38 or background 40–48 parameter) under NO_COLOR:
        // bold and reverse only (39 and 49 are tmux's resets to the default colours).
        let colour = try Regex(#"\x1B\[(?:[0-9;]*;)?[34][0-8](?:;[0-9;]*)?m"#)
        #expect(screen.contains("\u{1B}[1m") && screen.contains("7m"))
        #expect(screen.firstMatch(of: colour) == nil, "\(screen.debugDescription.prefix(400))")
        #expect(screen.contains("█") || screen.contains("▓"))
        t.send("Escape", "q")
        #expect(t.exitStatus() == 0)
    }
}

import Foundation
import Testing

/// What is new and the saved searches on the command line: `list --new`, `--json`'s `news`,
/// `search save|list|run|remove|check` and its exit status, a database that cannot be used.
@Suite("News and saved searches on the command line")
struct NewsCommandTests {
    static let date = ["SOURCE_DATE_EPOCH": "1762128000"]  // 3 November 2025
    static let later = ["SOURCE_DATE_EPOCH": "1764115200"]  // 26 November 2025
    static let changed = "lanterne-boussole-diagnostic-strategique"
    static let added = "lanterne-boussole-nouvelle-offre"

    /// The shipped catalogue in the sandbox, and a changed copy: one title changed, one offer
    /// added, and whitespace reflowed elsewhere (trailing spaces, a key moved).
    static func catalogues(_ box: Sandbox) throws -> (String, String) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let original = try String(contentsOfFile: root + "/data/catalogue.yaml", encoding: .utf8)
        let v1 = box.write("v1.yaml", original)
        var text = original.replacingOccurrences(of: "title: Diagnostic stratégique partagé\n", with: "title: Diagnostic stratégique partagé et revu\n")
        let start = try #require(text.range(of: "      - id: \(changed)\n"))
        let end = try #require(text.range(of: "      - id:", range: start.upperBound..<text.endIndex))
        let block = String(text[start.lowerBound..<end.lowerBound]).replacingOccurrences(of: changed, with: added)
        text.insert(contentsOf: block, at: end.lowerBound)
        // Whitespace only: trailing spaces after a title, and a summary moved under its title is not a change.
        text = text.replacingOccurrences(of: "title: Mentorat de direction\n", with: "title: Mentorat de direction   \n")
        #expect(text != original)
        return (v1, box.write("v2.yaml", text))
    }

    @Test func listNewAndTheJSONNewsFollowWhatChanged() throws {
        let box = Sandbox()
        let (v1, v2) = try Self.catalogues(box)
        // First opening: nothing is new, whatever the catalogue holds.
        var r = box.run(["list", "--new", "--catalogue", v1], env: Self.date)
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stderr)")
        #expect(r.stderr == nb("catalyse : rien de nouveau depuis le 3 novembre 2025.\n"), "\(r.stderr)")
        r = box.run(["list", "--json", "--catalogue", v1], env: Self.date)
        #expect(r.status == 0 && r.stdout.contains("\"news\" : null") && !r.stdout.contains("\"news\" : \"new\""))
        // The new version: the changed offer and the new one, in the tab-separated shape of list.
        r = box.run(["list", "--new", "--catalogue", v2], env: Self.later)
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.map { String($0.split(separator: "\t").first ?? "") } == [Self.changed, Self.added], "\(r.stdout)")
        #expect(lines.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 6 })
        // --json: "news" on every offer.
        r = box.run(["list", "--json", "--catalogue", v2, "--firm", "lanterne-boussole"], env: Self.later)
        let offers = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        let news = Dictionary(uniqueKeysWithValues: offers.compactMap { o in (o["id"] as? String).map { ($0, o["news"] as? String ?? "null") } })
        #expect(news[Self.changed] == "changed" && news[Self.added] == "new")
        #expect(news.filter { $0.value == "null" }.count == offers.count - 2)
        #expect(offers.allSatisfy { $0.keys.contains("news") })
        // With other filters: none of them.
        r = box.run(["list", "--new", "--territory", "971", "--catalogue", v2], env: Self.later)
        #expect(r.stdout.isEmpty && r.stderr.contains("aucune des 2 nouveautés depuis le 3 novembre 2025"), "\(r.stderr)")
        // In English; the first version again is what was seen: nothing new since it was.
        r = box.run(["list", "--new", "--catalogue", v1, "--lang", "en"], env: Self.later)
        #expect(r.stdout.isEmpty && r.stderr == "catalyse: nothing new since 3 November 2025.\n", "\(r.stderr)")
    }

    @Test func savedSearchesAndTheirCheckForACronJob() throws {
        let box = Sandbox()
        let (v1, v2) = try Self.catalogues(box)
        var r = box.run(["search", "save", "Nord · stratégique", "--territory", "59", "--purpose", "strategique"])
        #expect(r.status == 0 && r.stderr == nb("Recherche « Nord · stratégique » enregistrée : Finalité : Stratégique ; Territoire : Nord (59).\n"), "\(r.stderr)")
        #expect(box.run(["search", "save", "Paris", "--territory", "75"]).status == 0)
        r = box.run(["search", "save", "nord · STRATÉGIQUE", "--territory", "59", "--purpose", "strategique"])
        #expect(r.stderr.contains("remplacée"))
        #expect(box.run(["search", "save", "   "]).status == 64)
        #expect(box.run(["search", "save", "X", "--favourites"]).status == 64)
        #expect(box.run(["search", "save", "X", "--purpose", "inconnue"]).status == 64)
        r = box.run(["search", "list"])
        #expect(r.stdout == nb("nord · STRATÉGIQUE\tFinalité : Stratégique ; Territoire : Nord (59)\nParis\tTerritoire : Paris (75)\n"), "\(r.stdout)")
        // The first check records the catalogue: nothing new, exit 0.
        r = box.run(["search", "check", "--catalogue", v1], env: Self.date)
        #expect(r.status == 0 && r.stdout.isEmpty, "\(r.stdout)\(r.stderr)")
        // After a change: the searches with new offers, exit 10.
        r = box.run(["search", "check", "--catalogue", v2], env: Self.later)
        #expect(r.status == 10 && r.stdout == nb("nord · STRATÉGIQUE : 2 nouvelles offres\n"), "\(r.stdout)")
        r = box.run(["search", "check", "--json", "--catalogue", v2], env: Self.later)
        #expect(r.status == 10)
        let check = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let searches = try #require(check["searches"] as? [[String: Any]])
        #expect(check["since"] as? String == "2025-11-03" && check["news"] as? Int == 2)
        #expect(searches.map { $0["count"] as? Int } == [2, 0])
        #expect((searches.first?["offers"] as? [String]) == [Self.changed, Self.added])
        r = box.run(["search", "check", "--catalogue", v2, "--lang", "en"], env: Self.later)
        #expect(r.stdout == "nord · STRATÉGIQUE: 2 new offers\n")
        // run: the list of the saved filter, --new only the new ones.
        r = box.run(["search", "run", "nord", "--new", "--catalogue", v2], env: Self.later)
        #expect(r.status == 0 && r.stdout.split(separator: "\n").count == 2)
        r = box.run(["search", "run", "nord", "--catalogue", v2], env: Self.later)
        #expect(r.stdout.split(separator: "\n").count > 2)
        r = box.run(["search", "run", "nrd"])
        #expect(r.status == 1 && r.stderr.contains(nb("aucune recherche enregistrée ne s'appelle « nrd »")) && r.stderr.contains("nord"), "\(r.stderr)")
        r = box.run(["search", "remove", "NORD"])
        #expect(r.status == 0 && r.stderr.contains("supprimée"))
        #expect(box.run(["search", "remove", "nord"]).status == 1)
        #expect(box.run(["search", "check", "--catalogue", v2], env: Self.later).status == 0)
    }

    /// The first opening by a command that shows no marks counts (the issue: « the first time a
    /// catalogue is opened, on the command line or in the interface »); later ones change
    /// nothing, and their output is the same as without any database.
    @Test func listShowExportMapAndFirmsRecordTheFirstOpeningAndNothingElse() throws {
        for command in [["list"], ["show", Self.changed], ["export", "--as", "csv"], ["map"], ["firms"], ["firms", "lanterne-boussole"], ["list", "--query", "nord", "--counts"]] {
            let box = Sandbox()
            let (v1, v2) = try Self.catalogues(box)
            let noDatabase = ["XDG_DATA_HOME": box.write("not-a-folder", "x")]
            let plain = box.run(command + ["--catalogue", v1], env: Self.date)
            #expect(plain.status == 0 && plain.stderr.isEmpty, "\(command): \(plain.stderr)")
            // The same bytes as with no database at all, and nothing said about it.
            let without = box.run(command + ["--catalogue", v1], env: Self.date.merging(noDatabase) { $1 })
            #expect(without.status == 0 && without.stderr.isEmpty && without.stdoutBytes == plain.stdoutBytes, "\(command): \(without.stderr)")
            // It was a first opening: the changed version's news are what changed since.
            var r = box.run(["list", "--new", "--catalogue", v2], env: Self.later)
            #expect(r.stdout.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") } == [Self.changed, Self.added], "\(command): \(r.stdout)\(r.stderr)")
            #expect(box.run(["list", "--new", "--json", "--catalogue", v2], env: Self.later).stdout.contains("\"news\" : \"changed\""))
            // Later openings by the same command mark nothing as seen (not even `show` of a marked offer).
            r = box.run(command + ["--catalogue", v2], env: Self.later)
            #expect(r.status == 0 && r.stderr.isEmpty, "\(command): \(r.stderr)")
            r = box.run(["list", "--new", "--catalogue", v2], env: Self.later)
            #expect(r.stdout.split(separator: "\n").count == 2, "\(command): \(r.stdout)")
            r = box.run(["search", "check", "--json", "--catalogue", v2], env: Self.later)
            #expect(r.stdout.contains("\"since\" : \"2025-11-03\""), "\(command): \(r.stdout)")
        }
    }

    @Test func aDatabaseItCannotUseLeavesTheListWithoutMarksAndSaysSoOnce() throws {
        let box = Sandbox()
        let (v1, _) = try Self.catalogues(box)
        let data = box.write("not-a-folder", "x")
        var r = box.run(["list", "--json", "--catalogue", v1], env: ["XDG_DATA_HOME": data])
        #expect(r.status == 0 && r.stdout.contains("\"news\" : null"))
        #expect(r.stderr.components(separatedBy: "nouveautés ne sont pas suivies").count == 2, "\(r.stderr)")
        r = box.run(["list", "--catalogue", v1], env: ["XDG_DATA_HOME": data])
        #expect(r.status == 0 && r.stderr.isEmpty && !r.stdout.isEmpty)
        r = box.run(["search", "check", "--catalogue", v1], env: ["XDG_DATA_HOME": data])
        #expect(r.status != 0 && r.status != 10)
    }
}

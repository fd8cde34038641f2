import CatalyseCore
@testable import CatalyseTUI
import Foundation
import Testing

/// One golden screen: the events that lead to it from a fresh start on the small fixture
/// catalogue (two favourites, one of them gone from the catalogue), and the sizes it exists at.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    static let narrow = (width: 80, height: 24)
    static let wide = (width: 200, height: 50)

    var screen: String
    var events: @Sendable (Language) -> [Event]
    var sizes: [(width: Int, height: Int)] = [GoldenCase.narrow, GoldenCase.wide]
    /// Drawn as under NO_COLOR (no colour, no dim).
    var noColor = false
    var testDescription: String { screen }

    init(_ screen: String, sizes: [(width: Int, height: Int)] = [GoldenCase.narrow, GoldenCase.wide],
         _ events: @escaping @Sendable (Language) -> [Event]) {
        self.screen = screen
        self.sizes = sizes
        self.events = events
    }

    static func keys(_ keys: Key...) -> [Event] { keys.map(Event.key) }
    static func text(_ text: String) -> [Event] { text.map { .key(.char($0)) } }

    static let favouritesPath = "/home/asso/.local/state/catalyse/favourites"

    static let all: [GoldenCase] = [
        GoldenCase("list") { _ in [] },
        // Below 100 columns the sheet takes the screen; from 100 on, Enter focuses it beside the list.
        GoldenCase("sheet") { _ in keys(.down, .down, .enter) },
        // The unfocused preview beside the list exists only from 100 columns on.
        GoldenCase("side-sheet", sizes: [GoldenCase.wide]) { _ in keys(.down, .down) },
        GoldenCase("filter-panel") { _ in keys(.char("p"), .char("2"), .char("f"), .down, .down) },
        GoldenCase("help") { _ in keys(.char("?")) },
        GoldenCase("export") { _ in keys(.char("e")) },
        GoldenCase("export-overwrite") { _ in
            keys(.char("e"), .enter) + [.exportFailed(WriteFailure(path: "/home/asso/catalyse-selection-2026-11-26.txt", cause: .exists))]
        },
        GoldenCase("export-error") { _ in
            keys(.char("e"), .enter) + [.exportFailed(WriteFailure(path: "/home/asso/catalyse-selection-2026-11-26.txt", cause: .system("No space left on device")))]
        },
        GoldenCase("firms") { _ in keys(.char("b")) },
        GoldenCase("firm") { _ in keys(.char("b"), .down, .enter) },
        GoldenCase("territory-prompt") { _ in keys(.char("t")) + text("75") },
        // The sheet of a filtered list says why the offer is listed, one line per filter.
        GoldenCase("sheet-why") { _ in
            keys(.char("t")) + text("59") + keys(.enter, .char("p"), .char("/")) + text("mise") + keys(.enter, .enter)
        },
        // Nothing matches: what would help (the nearest word, then each filter's removal).
        GoldenCase("empty-hint") { _ in
            keys(.char("t")) + text("75") + keys(.enter, .char("/")) + text("stratgie") + keys(.enter)
        },
        // The side sheet where the list keeps a 30-cell title column (not at 120 columns).
        GoldenCase("side-sheet-140", sizes: [(width: 140, height: 30)]) { _ in keys(.down) },
        GoldenCase("favourites-error") { _ in
            keys(.char(" ")) + [.favouritesFailed(.unwritable(path: favouritesPath, reason: .system(EACCES)))]
        },
    ] + dossierCases + roughEdgeCases + mapCases + newsCases + assessmentCases + pathwayCases

    /// `d` and the store's answer: the fixture dossiers (`DossierFixture`), shown in UTC.
    static let dossiers = keys(.char("d")) + [DossierFixture.loaded]
    /// Enter on « Les Jardins partagés », the second dossier in French order.
    static let jardins = dossiers + keys(.down, .enter)

    static let dossierCases: [GoldenCase] = [
        GoldenCase("dossiers") { _ in dossiers },
        GoldenCase("dossiers-unavailable") { _ in keys(.char("d")) + [.dossierFailed(DossierFixture.damaged)] },
        GoldenCase("dossier") { _ in jardins },
        GoldenCase("dossier-history") { _ in jardins + keys(.char("h")) },
        GoldenCase("dossier-status") { _ in jardins + keys(.down, .char("s"), .down) },
        GoldenCase("dossier-note") { _ in
            jardins + keys(.down, .char("n")) + text("Appel prévu jeudi ; rappeler lundi matin pour fixer le rendez-vous avec la présidente.")
                + keys(.enter) + text("Deuxième ligne.")
        },
        GoldenCase("dossier-export") { _ in jardins + keys(.char("e")) },
        GoldenCase("dossier-form") { _ in dossiers + keys(.char("n")) + text("Les Amis du Vieux-Lille") + keys(.tab) + text("lil") },
        GoldenCase("dossier-form-needs") { _ in
            dossiers + keys(.char("n")) + text("Les Amis du Vieux-Lille") + keys(.tab) + text("59") + keys(.tab, .right, .right, .tab, .right, .tab, .left, .tab, .down, .char(" "))
        },
        GoldenCase("dossier-rename") { _ in dossiers + keys(.down, .char("r")) },
        GoldenCase("dossier-remove") { _ in dossiers + keys(.down, .char("x")) },
        GoldenCase("dossier-chooser") { _ in keys(.char("A")) + [DossierFixture.loaded] },
        GoldenCase("list-current-dossier") { _ in jardins + keys(.escape, .escape) },
    ]

    static var fileNames: Set<String> {
        var names = Set<String>()
        for c in all {
            for size in c.sizes {
                for language in Language.allCases {
                    names.insert(Golden.fileName(c.screen, width: size.width, height: size.height, language: language))
                }
            }
        }
        return names
    }
}

@Suite("Golden screens")
struct GoldenTests {
    @Test("Each main screen at 80×24 and 200×50, in French and English, compared whole", arguments: GoldenCase.all)
    func screen(_ golden: GoldenCase) {
        for size in golden.sizes {
            for language in Language.allCases {
                var d = Driver(favourites: ["eclat-reseau", "offre-disparue"], language: language, languageLocked: true,
                               noColor: golden.noColor, width: size.width, height: size.height)
                for event in golden.events(language) { d.send(event) }
                let name = Golden.fileName(golden.screen, width: size.width, height: size.height, language: language)
                let heading = "\(golden.screen) · \(size.width)×\(size.height) · \(language.rawValue)"
                Golden.check(Golden.document(d.grid, heading: heading), file: name)
            }
        }
    }

    @Test("Every file in Golden/ belongs to a case (a renamed screen leaves no stale file)")
    func noStaleFiles() throws {
        guard !Golden.updating else { return }
        let files = try FileManager.default.contentsOfDirectory(atPath: Golden.directory).filter { $0.hasSuffix(".txt") }
        #expect(Set(files) == GoldenCase.fileNames, "stale: \(Set(files).subtracting(GoldenCase.fileNames).sorted()), missing: \(GoldenCase.fileNames.subtracting(files).sorted())")
    }

    @Test("The line diff shows what changed, with line numbers")
    func lineDiff() {
        let report = LineDiff.report(expected: ["a", "b", "c", "d"], actual: ["a", "B", "c", "d", "e"])
        #expect(report == """
               1  a
               2− b
               2+ B
               3  c
               4  d
               5+ e
            """)
        #expect(LineDiff.steps(["x"], ["x"]) == [.same(0, 0)])
    }
}

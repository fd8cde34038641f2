import CatalyseCore
@testable import CatalyseTUI

/// Golden screens of the export dialog's paths and separator, the menus, undo, filter
/// removal, the firm search, the search history and unknown keys (appended to `GoldenCase.all`).
extension GoldenCase {
    static let roughEdgeCases: [GoldenCase] = [
        // CSV chosen: the separator row is live and focused.
        GoldenCase("export-csv") { _ in keys(.char("e"), .up, .up, .left, .down) },
        // A name with its own folder: the folder line shows where it goes while it is typed.
        GoldenCase("export-path") { _ in keys(.char("e"), .ctrl("u")) + text("~/envois/liste.md") },
        // The folder line focused and edited.
        GoldenCase("export-folder") { _ in keys(.char("e"), .down) + text("/envois") },
        GoldenCase("purpose-menu") { _ in keys(.char("p")) },
        GoldenCase("copy-menu") { _ in keys(.enter, .char("y")) },
        GoldenCase("copied") { _ in
            keys(.enter, .char("y"), .char("e")) + [.copied(.email, text: "une-adresse-tres-longue-pour-tester@fusee.example.org")]
        },
        GoldenCase("firm-search") { _ in keys(.char("b"), .char("/")) + text("cons") },
        // Space in the favourites view: the row goes, the footer says so and how to undo.
        GoldenCase("favourite-removed") { _ in keys(.char("F"), .char(" ")) },
        // Later, « u annuler » stays in the footer while the removal can be undone.
        GoldenCase("undo-hint") { _ in keys(.char("F"), .char(" "), .down) },
        GoldenCase("filters-cleared") { _ in keys(.char("p"), .char("2"), .char("x")) },
        GoldenCase("filter-removed") { _ in keys(.char("t")) + text("59") + keys(.enter, .char("p"), .char("3"), .backspace) },
        GoldenCase("unknown-key") { _ in keys(.char("z")) },
        GoldenCase("search-history") { _ in
            keys(.char("/")) + [.searchHistoryLoaded(["gouvernance", "réseau", "stratégie"])] + text("dist") + keys(.ctrl("p"), .ctrl("p"))
        },
        GoldenCase("search-history-error") { _ in
            keys(.char("/")) + [.searchHistoryFailed(.corrupt(path: "/home/asso/.local/state/catalyse/search-history", line: 2, defect: .controlCharacter))]
                + text("strat") + keys(.enter)
        },
    ]
}

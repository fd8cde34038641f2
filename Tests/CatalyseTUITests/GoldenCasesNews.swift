import CatalyseCore
@testable import CatalyseTUI

/// Golden screens of what is new and the saved searches (appended to `GoldenCase.all`).
extension GoldenCase {
    static var newsLoaded: Event { .newsLoaded(NewsFixture.news, searches: [NewsFixture.nordStrategic, NewsFixture.paris]) }

    static let newsCases: [GoldenCase] = [
        // At start: the marks, the header's count since when, the alerts in the footer.
        GoldenCase("news-alerts") { _ in [newsLoaded] },
        // N: only the new and changed offers.
        GoldenCase("news-only") { _ in [newsLoaded] + keys(.char("N")) },
        // The sheet of a changed offer says which fields changed.
        GoldenCase("news-sheet") { _ in [newsLoaded] + keys(.char("N"), .down, .enter) },
        // R: the saved searches with their new offers.
        GoldenCase("saved-searches") { _ in [newsLoaded] + keys(.char("R")) },
        // S: the name prompt, filled with the filter's words.
        GoldenCase("save-search") { _ in [newsLoaded] + keys(.char("p"), .char("3"), .char("S")) },
        // The database could not be used: said once, no marks.
        GoldenCase("news-unavailable") { _ in [.newsUnavailable(.damaged(path: "/home/asso/.local/share/catalyse/catalyse.sqlite", reason: .database(code: 26, message: "file is not a database")))] },
    ]
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// `/` in the firm browser, and the search prompt's history (Ctrl-P / Ctrl-N).
@Suite("Firm search and search history")
struct FirmSearchAndHistoryTests {
    @Test("/ in the firms: the list follows the typing, accents and case ignored; Enter keeps; Esc restores; Esc again clears")
    func firmSearch() {
        var d = Driver()
        d.press(.char("b"), .char("/"))
        #expect(d.trimmed(23).hasPrefix(nb("/ Cabinet : ")))
        d.type("ECLAT")
        #expect(d.lines[1].contains("Cabinets (1 / 4)"))
        #expect(d.lines[1].contains(nb("Recherche : « ECLAT »")))
        #expect(d.lines[2].contains("Éclat Conseil"))
        #expect(!d.text.contains("Zeta Partenaires"))
        // The head office's département counts too (Zeta is in Gironde).
        d.press(.ctrl("u"))
        d.type("giron")
        #expect(d.lines[2].contains("Zeta Partenaires") && d.lines[1].contains("(1 / 4)"))
        d.press(.enter)
        #expect(!d.state.isPromptOpen)
        #expect(d.lines[1].contains(nb("Recherche : « giron »")))
        d.press(.enter)
        #expect(d.state.screen == .firm)
        #expect(d.text.contains("Cabinets › Zeta Partenaires"))
        d.press(.escape)
        // Reopened on its text; Esc in the prompt puts back the text before.
        d.press(.char("/"))
        d.type("x")
        #expect(d.text.contains("Aucun cabinet ne correspond."))
        d.press(.escape)
        #expect(d.lines[1].contains(nb("Recherche : « giron »")))
        // Esc on the list clears the search first, then goes back.
        d.press(.escape)
        #expect(d.state.screen == .firms && d.lines[1].contains("Cabinets (4)"))
        d.press(.escape)
        #expect(d.state.screen == .list)
    }

    @Test("The firm search prompt: ↑ ↓ move the list; letters are text; in English")
    func firmSearchKeys() {
        var d = Driver(language: .en)
        d.press(.char("b"), .char("/"))
        d.type("c")
        // « Cabinet 🚀 Fusée » and « Éclat Conseil » (Conseil), in order.
        #expect(d.lines[1].contains("Firms (2 / 4)") && d.lines[1].contains("Search: “c”"))
        d.press(.down)
        #expect(d.state.firms.list.selection == 1 && d.lines[3].contains("Éclat Conseil"))
        d.type("qjb")
        #expect(d.state.isPromptOpen)
        #expect(d.text.contains("No firm matches."))
        #expect(d.trimmed(23).hasPrefix("/ Firm: cqjb"))
    }

    @Test("The first / reads the history once; Enter records the search; Esc and an empty search record nothing")
    func historyEffects() {
        var d = Driver()
        #expect(d.press(.char("/")) == [.loadSearchHistory])
        d.type("  strat  ")
        #expect(d.press(.enter) == [.recordSearch("strat")])
        #expect(d.press(.char("/")).isEmpty)
        d.press(.ctrl("u"))
        d.type("coaching")
        #expect(d.press(.escape).isEmpty)
        d.press(.char("/"), .ctrl("u"))
        #expect(d.press(.enter).isEmpty)
        #expect(d.state.searchHistory.entries == ["strat"])
    }

    @Test("Ctrl-P goes back through past searches, Ctrl-N forward and then to the text typed; the list follows; ↑ ↓ still move the list")
    func recall() {
        var d = Driver()
        d.press(.char("/"))
        d.send(.searchHistoryLoaded(["gouvernance", "réseau", "stratégie"]))
        d.type("dist")
        d.press(.ctrl("p"))
        #expect(d.state.filter.query == "stratégie")
        #expect(d.trimmed(23).hasPrefix(nb("/ Recherche : stratégie")))
        d.press(.ctrl("p"), .ctrl("p"), .ctrl("p"))
        #expect(d.state.filter.query == "gouvernance")
        #expect(d.lines[0].hasSuffix("1 / 7 offres"))
        d.press(.ctrl("n"))
        #expect(d.state.filter.query == "réseau")
        d.press(.ctrl("n"), .ctrl("n"))
        #expect(d.state.filter.query == "dist")
        d.press(.down)
        #expect(d.state.filter.query == "dist" && d.state.isPromptOpen)
        // A recalled search, edited, is a new text: Ctrl-P starts again from the newest.
        d.press(.ctrl("p"), .backspace)
        #expect(d.state.filter.query == "stratégi")
        d.press(.ctrl("p"))
        #expect(d.state.filter.query == "stratégie")
        // Enter keeps it and moves it to the newest place.
        d.press(.ctrl("p"))
        #expect(d.press(.enter) == [.recordSearch("réseau")])
        #expect(d.state.searchHistory.entries == ["gouvernance", "stratégie", "réseau"])
        // No history: Ctrl-P does nothing.
        var e = Driver()
        e.press(.char("/"))
        e.type("ab")
        e.press(.ctrl("p"))
        #expect(e.state.filter.query == "ab")
    }

    @Test("An unreadable history is said once, after the prompt closes; the session's searches are still recalled")
    func historyFailure() {
        var d = Driver()
        d.press(.char("/"))
        let error = SearchHistoryError.corrupt(path: "/home/asso/.local/state/catalyse/search-history", line: 2, defect: .controlCharacter)
        d.send(.searchHistoryFailed(error))
        d.type("strat")
        d.press(.enter)
        #expect(joined(d, 17..<24).contains("illisible à la ligne 2 (un caractère de contrôle)"))
        #expect(d.state.status?.isError == true)
        d.send(.searchHistoryFailed(error))
        d.press(.escape)
        #expect(!d.text.contains("illisible"))
        d.press(.char("/"), .ctrl("u"), .ctrl("p"))
        #expect(d.state.filter.query == "strat")
        d.press(.escape)
        d.send(.searchHistoryFailed(error))
        #expect(!d.text.contains("illisible"))
    }

    @Test("Through the loop: the history read at the first /, recorded on Enter, recalled after")
    func historyLoop() {
        let backend = FakeBackend(keys(.char("/")) + typed("strat") + keys(.enter, .char("/"), .ctrl("u"), .ctrl("p"), .enter, .char("q")))
        var performer = FakePerformer()
        performer.history = ["coaching"]
        let state = AppState(index: Fixture.smallIndex, favourites: [], language: .fr, languageLocked: false, today: Fixture.today,
                             noColor: false, width: 80, height: 24, exportDirectory: "/home/asso")
        var l = EventLoop(state: state, backend: backend, performer: performer)
        #expect(l.run() == .quit)
        #expect(l.performer.performed == [.loadSearchHistory, .recordSearch("strat"), .recordSearch("strat")])
        #expect(l.performer.history == ["coaching", "strat"])
        #expect(l.state.filter.query == "strat")
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// Saying why an offer is listed, and what would help when nothing is (issue 12, part 4).
@Suite("Why this offer; an empty list says what would help")
struct EmptyListTests {
    @Test("An empty list lists what would help; `a` applies the first suggestion (the nearest word)")
    func wordReplacement() {
        var d = Driver()
        d.press(.char("t")); d.type("75"); d.press(.enter)
        d.press(.char("/")); d.type("stratgie"); d.press(.enter)
        #expect(d.state.rowCount == 0)
        let text = joined(d, 3..<20)
        #expect(text.contains("Aucune offre ne correspond. Pour en trouver :"))
        #expect(text.contains("remplacer « stratgie » (dans aucune offre) par « stratégie » : 1 offre"))
        #expect(text.contains("sans la recherche « stratgie » : 1 offre"))
        #expect(text.contains("s : appliquer la première suggestion"))
        d.press(.char("s"))
        #expect(d.state.filter.query == "stratégie")
        #expect(d.state.selectedID == "tokyo-strategie")
        #expect(d.lines[1].contains(nb("Recherche : « stratégie »")))
        // On a list that is not empty, `a` does nothing.
        d.press(.char("s"))
        #expect(d.state.filter.query == "stratégie")
    }

    @Test("Removals come best first; `a` drops the filter whose removal lists the most offers")
    func removalBestFirst() throws {
        var d = Driver()
        d.press(.char("p"), .char("2"))                                    // opérationnelle
        d.press(.char("t")); d.type("75"); d.press(.enter)    // Paris: only a strategic offer
        #expect(d.state.rowCount == 0)
        let help = try #require(d.state.emptyHelp)
        #expect(help.suggestions.map(\.change) == [.remove(.territory), .remove(.purpose)])
        #expect(help.suggestions.map(\.count) == [3, 1])
        d.press(.char("s"))
        #expect(d.state.filter.territories.isEmpty)
        #expect(d.state.filter[Purpose.self] == [.operationnelle])
        #expect(d.state.rowCount == 3)
        #expect(d.state.emptyHelp == nil)
    }

    @Test("Favourites only: leaving that view is offered like a filter's removal")
    func favouritesView() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("F"), .char("p"), .char("3"))            // favourites, stratégique
        #expect(d.state.rowCount == 0)
        #expect(joined(d, 3..<20).contains("sans « Favoris seulement » : 4 offres"))
        d.press(.char("s"))
        #expect(!d.state.favouritesOnly)
        #expect(d.state.rowCount == 4)
    }

    @Test("The filter panel says the first thing that would help; `L` rewords it all")
    func panelAndLanguage() {
        var d = Driver()
        d.press(.char("/")); d.type("qwxz"); d.press(.enter)
        d.press(.char("f"))
        #expect(joined(d, 2..<3).contains("Aucune offre — sans la recherche « qwxz » : 7 offres"))
        d.press(.escape, .char("L"))
        #expect(joined(d, 3..<20).contains("No offer matches. To find some: without the search “qwxz”: 7 offers"))
    }

    @Test("The sheet of a filtered list says why the offer is there, one line per filter")
    func sheetSaysWhy() {
        var d = Driver()
        d.press(.char("t")); d.type("59"); d.press(.enter)
        d.press(.char("p"), .char("2"), .char("/")); d.type("mise"); d.press(.enter, .enter)
        let text = joined(d, 2..<23)
        #expect(text.contains("Pourquoi cette offre Finalité : opérationnelle Territoire : couvre Nord (59) Recherche : « mise » dans le titre"))
        // Without a filter: no such block.
        var plain = Driver()
        plain.press(.enter)
        #expect(!plain.text.contains("Pourquoi cette offre"))
        // Opened from a firm, the sheet is not about the list: no block either.
        var firm = Driver()
        firm.press(.char("p"), .char("2"), .char("b"), .enter, .enter)
        #expect(firm.state.screen == .sheet)
        #expect(!firm.text.contains("Pourquoi cette offre"))
        // Beside the list, the preview of the selected offer says it too.
        var wide = Driver(width: 200, height: 50)
        wide.press(.char("p"), .char("2"))
        #expect(wide.text.contains("Why this offer") == false && wide.text.contains("Pourquoi cette offre"))
        #expect(joined(wide, 2..<48).contains("Finalité : opérationnelle"))
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The search prompt (`/`): the list follows the typing; letters are text.
@Suite("Search")
struct SearchTests {
    @Test("Esc in the main list clears the search (and only the search)")
    func escClearsSearch() {
        var d = Driver()
        d.press(.char("p"), .char("2"))
        d.type("/")
        d.type("insulaire")
        d.press(.enter)
        #expect(d.lines[1].contains(nb("Recherche : « insulaire »")))
        #expect(d.lines[0].hasSuffix("1 / 7 offres"))
        d.press(.escape)
        #expect(!d.lines[1].contains("Recherche"))
        #expect(d.lines[1].contains(nb("Finalité : Opérationnelle")))
        #expect(d.lines[0].hasSuffix("3 / 7 offres"))
    }

    @Test("/ search: the list follows each keystroke, Enter keeps the text, Esc restores the previous one")
    func searchPrompt() {
        var d = Driver()
        d.press(.char("/"))
        #expect(d.state.isPromptOpen)
        #expect(d.lines[23].hasPrefix(nb("/ Recherche : ")))
        d.type("g")
        let afterG = d.state.result.offers.count
        d.type("ouv")
        #expect(d.lines[23].hasPrefix(nb("/ Recherche : gouv")))
        #expect(d.lines[1].contains(nb("Recherche : « gouv »")))
        let n = d.state.result.offers.count
        #expect(n == 1 && n <= afterG)
        #expect(d.lines[0].hasSuffix("1 / 7 offres"))
        #expect(d.lines[3].contains("Gouvernance partagée"))
        // The cursor is in the prompt, after the text.
        #expect(d.grid.cursor?.row == 23 && d.grid.cursor?.column == CellWidth.of(nb("/ Recherche : gouv")))
        d.press(.enter)
        #expect(!d.state.isPromptOpen)
        #expect(d.lines[1].contains(nb("Recherche : « gouv »")))
        // Reopened with the current text; Esc gives back "gouv" after typing more.
        d.press(.char("/"))
        #expect(d.lines[23].hasPrefix(nb("/ Recherche : gouv")))
        d.type("zzz")
        #expect(d.state.result.offers.isEmpty)
        #expect(d.text.contains("Aucune offre ne correspond."))
        d.press(.escape)
        #expect(d.state.filter.query == "gouv")
        #expect(d.lines[0].hasSuffix("\(n) / 7 offres"))
        // Backspace edits.
        d.press(.char("/"), .backspace, .backspace, .backspace, .backspace, .enter)
        #expect(d.state.filter.query.isEmpty)
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
    }

    @Test("In a prompt letters are text: q, j, x, F, ? do not act")
    func promptLettersAreText() {
        var d = Driver()
        d.press(.char("/"))
        let effects = d.type("qjxF? L")
        #expect(effects.isEmpty)
        // Only the first read of the search history, when the prompt opened.
        #expect(d.effects == [.loadSearchHistory])
        #expect(d.state.filter.query == "qjxF? L")
        #expect(d.state.screen == .list && d.state.isPromptOpen)
        // The arrows still move the list.
        d.press(.escape)
        d.press(.char("/"), .down)
        #expect(d.state.selectedID == "fusee-relais")
    }
}

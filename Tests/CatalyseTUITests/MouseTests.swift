import CatalyseCore
@testable import CatalyseTUI
import Testing

@Suite("Mouse")
struct MouseTests {
    @Test("A click selects a list row; a second click opens it (narrow)")
    func clickRow() {
        var d = Driver()
        d.send(.mouse(.press, row: 6, column: 30))
        #expect(d.state.selectedID == "eclat-reseau")
        #expect(d.grid.cursor?.row == 6)
        d.send(.mouse(.press, row: 6, column: 30))
        #expect(d.state.screen == .sheet)
        // Clicks outside the rows do nothing.
        d.press(.escape)
        d.send(.mouse(.press, row: 0, column: 3), .mouse(.press, row: 20, column: 3))
        #expect(d.state.selectedID == "eclat-reseau")
        #expect(d.state.screen == .list)
    }

    @Test("The wheel scrolls the list")
    func wheel() {
        var d = Driver(index: Fixture.embeddedIndex)
        d.send(.mouse(.wheelDown, row: 10, column: 10))
        #expect(d.grid.cursor?.row == 3 + wheelStep)
        d.send(.mouse(.wheelUp, row: 10, column: 10))
        #expect(d.grid.cursor?.row == 3)
    }

    @Test("A click on a facet value in the panel ticks it")
    func clickFacet() {
        var d = Driver()
        d.press(.char("f"))
        let row = d.rows(containing: "] Mi-chemin").first!
        d.send(.mouse(.press, row: row, column: 10))
        #expect(d.lines[row].contains("[x] Mi-chemin"))
        #expect(d.lines[0].hasSuffix("3 / 7 offres"))
        d.send(.mouse(.press, row: row, column: 10))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
    }

    @Test("Wide: a click on the sheet focuses it, the wheel scrolls it, a click on the list goes back")
    func wideClicks() {
        var d = Driver(width: 140, height: 30)
        let sheetColumn = d.state.layout.sheetX + 5
        d.send(.mouse(.press, row: 10, column: sheetColumn))
        #expect(d.state.screen == .sheet)
        let before = d.text
        d.send(.mouse(.wheelDown, row: 10, column: sheetColumn))
        #expect(d.text != before)
        d.send(.mouse(.press, row: 5, column: 5))
        #expect(d.state.screen == .list)
        #expect(d.state.selectedID == "eclat-diagnostic")
    }

    @Test("A click on a territory candidate chooses it")
    func clickTerritory() {
        var d = Driver()
        d.press(.char("t"))
        d.type("75")
        let row = d.rows(containing: "Nouvelle-Aquitaine (R75)").first!
        d.send(.mouse(.press, row: row, column: 20))
        #expect(d.state.filter.territories == [.region("75")])
        #expect(!d.state.isPromptOpen)
    }
}

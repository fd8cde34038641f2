import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The movement keys, Enter and Esc in the list, q, Ctrl-C and Ctrl-Z.
@Suite("Moving in the list and opening sheets")
struct NavigationTests {
    @Test("↑ ↓ / k j move in the list")
    func upDown() {
        var d = Driver()
        #expect(d.state.selectedID == "fusee-gouvernance")
        d.press(.down)
        #expect(d.state.selectedID == "fusee-relais")
        d.press(.char("j"))
        #expect(d.state.selectedID == "eclat-diagnostic")
        d.press(.char("k"))
        #expect(d.state.selectedID == "fusee-relais")
        d.press(.up, .up, .up)
        #expect(d.state.selectedID == "fusee-gouvernance")
        #expect(d.grid.cursor?.row == 3)
    }

    @Test("PgUp PgDn move by a page, Home End / g G go to the ends; the list scrolls")
    func pagesAndEnds() {
        var d = Driver(index: Fixture.embeddedIndex, width: 80, height: 24)
        let page = d.state.layout.listHeight - 1
        #expect(page == 19)
        d.press(.pageDown)
        #expect(d.grid.cursor?.row == 3 + page)
        d.press(.pageDown)
        // Scrolled: the selected row is still on screen, on the cursor row.
        let cursor = d.grid.cursor!.row
        let id = d.state.selectedID!
        let title = Fixture.embeddedIndex.catalogue.offer(id: id)!.title
        #expect(d.lines[cursor].contains(String(title.prefix(15))))
        d.press(.pageUp, .pageUp)
        #expect(d.grid.cursor?.row == 3)
        d.press(.char("G"))
        let last = Fixture.embeddedIndex.catalogue.offers[d.state.result.offers.last!]
        #expect(d.state.selectedID == last.id)
        #expect(d.grid.cursor?.row == 22)
        #expect(d.lines[22].contains(String(last.title.prefix(15))))
        d.press(.char("g"))
        #expect(d.grid.cursor?.row == 3)
        d.press(.end)
        #expect(d.state.selectedID == last.id)
        d.press(.home)
        #expect(d.state.selectedID == Fixture.embeddedIndex.catalogue.offers[d.state.result.offers[0]].id)
    }

    @Test("Enter opens the sheet full screen below 100 columns; Esc returns to the list")
    func enterOpensSheet() {
        var d = Driver(width: 80, height: 24)
        d.press(.down, .down, .enter)
        #expect(d.state.screen == .sheet)
        #expect(d.lines[1].contains("Fiche de l'offre"))
        #expect(d.lines[2].contains("Diagnostic stratégique partagé"))
        #expect(d.text.contains(nb("Cabinet : Éclat Conseil")))
        #expect(d.text.contains(nb("Territoires : Hauts-de-France (R32)")))
        #expect(!d.text.contains("  Cabinet  "))
        d.press(.escape)
        #expect(d.state.screen == .list)
        #expect(d.state.selectedID == "eclat-diagnostic")
        #expect(d.lines[2].hasPrefix("  Cabinet"))
    }

    @Test("Enter focuses the side sheet where it shows (140 columns): the movement keys then scroll it")
    func enterFocusesSideSheet() {
        var d = Driver(width: 140, height: 20)
        d.press(.enter)
        #expect(d.state.screen == .sheet)
        // The list is still there, the sheet is beside it, the cursor moved into the sheet.
        #expect(d.lines[3].contains("Gouvernance partagée"))
        let frame = d.state.sheetFrame(d.state.layout)
        #expect(frame.beside)
        #expect(d.grid.cursor?.row == frame.y && d.grid.cursor?.column == frame.x)
        let before = d.lines[3]
        d.press(.down, .down)
        #expect(d.state.selectedID == "fusee-gouvernance")  // the list did not move
        #expect(d.lines[3] != before)                      // the sheet scrolled
        d.press(.char("q"))
        #expect(d.state.screen == .list)
        d.press(.down)
        #expect(d.state.selectedID == "fusee-relais")
    }

    @Test("q goes back from a sheet, the panel, the help, a firm; quits from the main list")
    func quitKey() {
        var d = Driver()
        #expect(d.press(.enter, .char("q")).isEmpty)
        #expect(d.press(.char("f"), .char("q")).isEmpty)
        #expect(d.press(.char("?"), .char("q")).isEmpty)
        #expect(d.press(.char("b"), .enter, .char("q"), .char("q")).isEmpty)
        #expect(d.state.screen == .list)
        #expect(d.effects.isEmpty)
        #expect(d.press(.char("q")) == [.quit])
    }

    @Test("Ctrl-C quits from anywhere, prompts and dialogs included")
    func ctrlC() {
        let setups: [[Key]] = [[], [.enter], [.char("f")], [.char("?")], [.char("b"), .enter], [.char("/")], [.char("t")], [.char("e")]]
        for keys in setups {
            var d = Driver()
            for key in keys { d.press(key) }
            #expect(d.press(.ctrl("c")) == [.quit], "\(keys)")
        }
        var small = Driver(width: 10, height: 5)
        #expect(small.press(.ctrl("c")) == [.quit])
    }

    @Test("Ctrl-Z asks to suspend, from anywhere; the state is unchanged")
    func ctrlZ() {
        var d = Driver()
        d.press(.char("/"))
        d.type("gou")
        let before = d.text
        #expect(d.press(.ctrl("z")) == [.suspend])
        #expect(d.text == before)
        #expect(d.state.isPromptOpen)
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

@Suite("Both languages")
struct LanguageTests {
    @Test("English screens use the English vocabulary")
    func english() {
        var d = Driver(language: .en)
        #expect(d.lines[0].contains("Illustrative catalogue"))
        #expect(d.lines[0].hasSuffix("7 / 7 offers"))
        #expect(d.lines[1].hasPrefix("No filter"))
        #expect(d.lines[3].contains("Strategic") && d.lines[3].contains("Skills-based"))
        d.press(.char("p"))
        #expect(d.lines[1].contains("Filters: Purpose: Operational"))
        #expect(d.lines[1].contains("[x: clear all]"))
        d.press(.char("F"))
        #expect(d.lines[1].contains("Filters: Purpose: Operational; Favourites only"))
        d.press(.char("F"), .enter)
        #expect(d.lines[1].contains("Offer sheet"))
        #expect(d.text.contains("Firm: Cabinet 🚀 Fusée"))
        #expect(d.text.contains("Free for the association"))
        d.press(.escape, .char("f"))
        #expect(d.text.contains("[x] Operational"))
        #expect(d.text.contains("[ ] Strategic\u{0020}"))
        #expect(!d.text.contains("Operational support"))
        d.press(.escape, .char("b"))
        #expect(d.lines[1].contains("Firms (4)"))
        d.press(.escape, .char("t"))
        d.type("zzz")
        #expect(d.text.contains("No place matches."))
        d.press(.escape)
        d.send(.resize(width: 30, height: 8))
        #expect(d.text.contains("terminal too small"))
    }

    @Test("French screens use the French vocabulary")
    func french() {
        var d = Driver(language: .fr)
        d.press(.enter)
        #expect(d.text.contains("Gratuit pour l'association"))
        #expect(d.text.contains("Finalité : Accompagnement à finalité stratégique"))
        d.press(.escape, .char("f"))
        #expect(d.text.contains("[ ] Opérationnelle"))
    }

    @Test("Switching the language keeps the place in the list")
    func switchKeepsSelection() {
        var d = Driver()
        d.press(.down, .down, .char("L"))
        #expect(d.state.selectedID == "eclat-diagnostic")
        #expect(d.state.language == .en)
        #expect(d.lines[d.grid.cursor!.row].contains("Strategic"))
    }
}

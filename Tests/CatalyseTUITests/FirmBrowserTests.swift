import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The firm list (`b`) and a firm's page.
@Suite("Browsing by firm")
struct FirmBrowserTests {
    @Test("b: browse by firm, Enter shows the firm, Enter on an offer its sheet; q goes back each time")
    func firmBrowser() {
        var d = Driver()
        d.press(.char("b"))
        #expect(d.state.screen == .firms)
        #expect(d.lines[1].contains("Cabinets (4)"))
        #expect(d.lines[2].contains("Cabinet 🚀 Fusée") && d.lines[2].contains("2 offres"))
        #expect(d.lines[3].contains("Éclat Conseil"))
        #expect(d.lines[5].contains("東京コンサルティング"))
        d.press(.down, .enter)
        #expect(d.state.screen == .firm)
        let text = d.text
        #expect(text.contains("Cabinet fictif « Éclat Conseil » pour les tests."))
        #expect(text.contains(nb("Siège : Nord (59)")))
        #expect(text.contains("Offres (2)"))
        let joined = d.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains("une-adresse-tres-longue-pour-tester@eclat.example.org"))
        let firstOffer = d.rows(containing: "Diagnostic stratégique partagé").first!
        #expect(d.grid.cursor?.row == firstOffer)
        d.press(.down, .enter)
        #expect(d.state.screen == .sheet)
        #expect(d.lines[2].contains("Mise en réseau régionale"))
        d.press(.char("q"))
        #expect(d.state.screen == .firm)
        d.press(.char("q"))
        #expect(d.state.screen == .firms)
        d.press(.escape)
        #expect(d.state.screen == .list)
        #expect(d.effects.isEmpty)
    }

    @Test("b on a small terminal: the firm opens at its name; the first ↓ scrolls to the first offer")
    func firmSmall() {
        var d = Driver(index: Fixture.embeddedIndex, width: 60, height: 15)
        d.press(.char("b"), .enter)
        #expect(d.lines[2].contains("Alizés & Mangroves Conseil"))
        #expect(d.grid.cursor?.row == 2)
        d.press(.down)
        let firm = Fixture.embeddedIndex.catalogue.firm(id: "alizes-mangroves") ?? Fixture.embeddedIndex.catalogue.firms.first { $0.name.hasPrefix("Alizés") }!
        let first = Fixture.embeddedIndex.catalogue.offers[firm.offerIndices.lowerBound]
        let cursor = d.grid.cursor!.row
        #expect(d.lines[cursor].contains(String(first.title.prefix(20))))
        d.press(.enter)
        #expect(d.lines[2].contains(String(first.title.prefix(20))))
    }

    @Test("b: the firm view opens the sheet full screen even on a wide terminal")
    func firmSheetWide() {
        var d = Driver(width: 120, height: 30)
        d.press(.char("b"), .enter, .enter)
        #expect(d.state.screen == .sheet)
        #expect(!d.state.sheetFrame(d.state.layout).beside)
        #expect(d.lines[2].contains("Gouvernance partagée"))
    }

    @Test("Firm list: a range in the title and ↓ suite when the firms do not all show")
    func firmListMore() {
        var d = Driver(index: Fixture.embeddedIndex, width: 80, height: 24)
        d.press(.char("b"))
        let n = Fixture.embeddedIndex.catalogue.firms.count
        #expect(n > 21)
        #expect(d.lines[1].contains("Cabinets  (1–20 / \(n))"))
        #expect(d.lines[22].contains("↓ suite"))
        // Down to the 20th firm: the list scrolls before the selection reaches "↓ suite".
        for _ in 0..<19 { d.press(.down) }
        #expect(d.grid.cursor!.row == 21)
        d.press(.down)
        #expect(d.grid.cursor!.row == 21)
        #expect(d.lines[1].contains("(2–21 / \(n))"))
        d.press(.char("G"))
        #expect(d.lines[1].contains("(\(n - 20)–\(n) / \(n))"))
        #expect(!d.text.contains("↓ suite"))
        #expect(d.grid.cursor!.row == 22)
        // A click on "↓ suite" selects nothing hidden.
        d.press(.char("g"))
        d.send(.mouse(.press, row: 22, column: 5))
        #expect(d.grid.cursor!.row == 2)
        // Few firms: the count only.
        var small = Driver()
        small.press(.char("b"))
        #expect(small.lines[1].contains("Cabinets (4)"))
    }
}

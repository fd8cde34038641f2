import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The filter panel (`f`), the purpose cycle (`p`) and clearing everything (`x`).
@Suite("Filter panel and purpose")
struct FilterPanelTests {
    @Test("f: the filter panel lists every facet with counts; Space toggles a value; Esc and q close it")
    func filterPanel() {
        var d = Driver()
        d.press(.char("f"))
        #expect(d.state.screen == .filters)
        let text = d.text
        #expect(text.contains("Filtres  Espace coche"))
        #expect(text.contains("Finalité"))
        #expect(text.contains("[ ] Opérationnelle"))
        let strategicRow = d.rows(containing: "] Stratégique").first!
        #expect(d.trimmed(strategicRow).hasSuffix(" 4"))
        let operationalRow = d.rows(containing: "] Opérationnelle").first!
        #expect(d.trimmed(operationalRow).hasSuffix(" 3"))
        #expect(d.grid.cursor?.row == operationalRow)
        d.press(.down, .space)
        #expect(d.lines[strategicRow].contains("[x] Stratégique"))
        #expect(d.lines[0].hasSuffix("4 / 7 offres"))
        #expect(d.lines[1].contains(nb("Finalité : Stratégique")))
        // Counts of another facet follow the selection: Mi-chemin among strategic offers.
        let miChemin = d.rows(containing: "] Mi-chemin").first!
        #expect(d.trimmed(miChemin).hasSuffix(" 2"))
        d.press(.space)
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
        d.press(.space, .escape)
        #expect(d.state.screen == .list)
        #expect(d.lines[0].hasSuffix("4 / 7 offres"))
        d.press(.char("f"), .char("q"))
        #expect(d.state.screen == .list)
        #expect(d.effects.isEmpty)
    }

    @Test("f: every facet is in the panel (scrolling to the end)")
    func filterPanelFacets() {
        var d = Driver(width: 80, height: 24)
        d.press(.char("f"))
        var seen = ""
        for _ in 0..<12 {
            seen += d.text
            d.press(.pageDown)
        }
        for facet in Facet.allCases {
            #expect(seen.contains("\n" + facet.label.fr), "\(facet)")
        }
        #expect(seen.contains("Hauts-de-France (R32)"))
        #expect(seen.contains("France entière"))
        #expect(seen.contains("Moins de 10\u{00A0}k€"))
        #expect(seen.contains("À distance"))
        // Tab jumps to the next facet.
        d.press(.char("g"), .tab)
        #expect(d.lines[d.grid.cursor!.row].contains("Mécénat de compétences"))
    }

    @Test("p shows the purposes with their counts; 1–3 choose at once, p moves down, Enter applies, Esc changes nothing")
    func purposeMenu() {
        var d = Driver()
        d.press(.char("p"))
        #expect(d.text.contains("─ Finalité ─"))
        #expect(d.text.contains("1  (•) Toutes les finalités") && d.text.contains("7 offres"))
        #expect(d.text.contains("2  ( ) Opérationnelle") && d.text.contains("3 offres"))
        #expect(d.text.contains("3  ( ) Stratégique") && d.text.contains("4 offres"))
        #expect(d.lines[d.grid.cursor!.row].contains("Toutes les finalités"))
        d.press(.char("2"))
        #expect(!d.text.contains("─ Finalité ─"))
        #expect(d.lines[1].contains(nb("Finalité : Opérationnelle")))
        #expect(d.lines[0].hasSuffix("3 / 7 offres"))
        #expect(d.lines[3...5].allSatisfy { $0.contains("Opérationnelle") })
        // Opened again on the current one; p moves down, so p p Enter gives « Stratégique ».
        d.press(.char("p"))
        #expect(d.lines[d.grid.cursor!.row].contains("(•) Opérationnelle"))
        d.press(.char("p"), .enter)
        #expect(d.lines[1].contains(nb("Finalité : Stratégique")))
        #expect(d.lines[0].hasSuffix("4 / 7 offres"))
        // Esc closes without a change; 1 (or Home, then Enter) gives every purpose back.
        d.press(.char("p"), .down, .escape)
        #expect(d.lines[1].contains(nb("Finalité : Stratégique")))
        d.press(.char("p"), .char("1"))
        #expect(d.lines[1].hasPrefix("Aucun filtre"))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
        // In English, and from the filter panel too.
        var en = Driver(language: .en)
        en.press(.char("f"), .char("p"))
        #expect(en.text.contains("─ Purpose ─") && en.text.contains("(•) Every purpose"))
        en.press(.down, .down, .char(" "))
        #expect(en.state.filter[Purpose.self] == [.strategique])
        #expect(en.state.screen == .filters)
    }

    @Test("x clears every filter, the search and the favourites-only view")
    func clearAll() {
        var d = Driver(favourites: ["tokyo-strategie"])
        d.press(.char("p"), .char("3"), .char("F"), .char("/"))
        d.type("str")
        d.press(.enter)
        #expect(d.lines[1].contains(nb("Finalité : Stratégique")))
        #expect(d.lines[1].contains("Favoris seulement"))
        #expect(d.text.contains(nb("[⌫ : retirer · x : tout effacer]")))
        d.press(.char("x"))
        #expect(d.state.filter.isEmpty)
        #expect(!d.state.favouritesOnly)
        #expect(d.lines[1].hasPrefix("Aucun filtre"))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
    }

    @Test("Panel: the highlight stays on the same value when a département adds a row above it")
    func panelHighlightKeepsItsValue() {
        for language in Language.allCases {
            var d = Driver(language: language)
            d.press(.char("f"), .char("G"))
            let collectif = Audience.collectif.label(language)
            #expect(d.lines[d.grid.cursor!.row].contains("[ ] " + collectif))
            d.press(.char("t"))
            d.type("finist")
            d.press(.enter)
            #expect(d.state.filter.territories == [.department("29")])
            #expect(d.state.selectedPanelValue == PanelValue(facet: .audience, code: "collectif"))
            #expect(d.lines[d.grid.cursor!.row].contains("[ ] " + collectif), "\(language)")
            // And back when the département goes (x clears everything).
            d.press(.char("x"))
            #expect(d.lines[d.grid.cursor!.row].contains("[ ] " + collectif))
        }
    }

    @Test("Panel in English: purposes by their short labels, so « Strategic support » is the theme only")
    func panelPurposeLabels() {
        var d = Driver(language: .en, width: 80, height: 60)
        d.press(.char("f"))
        let text = d.text
        #expect(text.contains("[ ] Operational "))
        #expect(text.contains("[ ] Strategic "))
        #expect(text.components(separatedBy: "Strategic support").count == 2)
    }
}

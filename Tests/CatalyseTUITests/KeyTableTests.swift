import CatalyseCore
@testable import CatalyseTUI
import Testing

/// One test (or more) per row of the key table of issue 3.
@Suite("Key table")
struct KeyTableTests {
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
        #expect(d.text.contains("Cabinet : Éclat Conseil"))
        #expect(d.text.contains("Territoires : Hauts-de-France (R32)"))
        #expect(!d.text.contains("  Cabinet  "))
        d.press(.escape)
        #expect(d.state.screen == .list)
        #expect(d.state.selectedID == "eclat-diagnostic")
        #expect(d.lines[2].hasPrefix("  Cabinet"))
    }

    @Test("Enter focuses the side sheet at 100 columns and more: the movement keys then scroll it")
    func enterFocusesSideSheet() {
        var d = Driver(width: 100, height: 20)
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

    @Test("Esc in the main list clears the search (and only the search)")
    func escClearsSearch() {
        var d = Driver()
        d.press(.char("p"))
        d.type("/")
        d.type("insulaire")
        d.press(.enter)
        #expect(d.lines[1].contains("Recherche : « insulaire »"))
        #expect(d.lines[0].hasSuffix("1 / 7 offres"))
        d.press(.escape)
        #expect(!d.lines[1].contains("Recherche"))
        #expect(d.lines[1].contains("Finalité : Opérationnelle"))
        #expect(d.lines[0].hasSuffix("3 / 7 offres"))
    }

    @Test("/ search: the list follows each keystroke, Enter keeps the text, Esc restores the previous one")
    func searchPrompt() {
        var d = Driver()
        d.press(.char("/"))
        #expect(d.state.isPromptOpen)
        #expect(d.lines[23].hasPrefix("/ Recherche : "))
        d.type("g")
        let afterG = d.state.result.offers.count
        d.type("ouv")
        #expect(d.lines[23].hasPrefix("/ Recherche : gouv"))
        #expect(d.lines[1].contains("Recherche : « gouv »"))
        let n = d.state.result.offers.count
        #expect(n == 1 && n <= afterG)
        #expect(d.lines[0].hasSuffix("1 / 7 offres"))
        #expect(d.lines[3].contains("Gouvernance partagée"))
        // The cursor is in the prompt, after the text.
        #expect(d.grid.cursor?.row == 23 && d.grid.cursor?.column == CellWidth.of("/ Recherche : gouv"))
        d.press(.enter)
        #expect(!d.state.isPromptOpen)
        #expect(d.lines[1].contains("Recherche : « gouv »"))
        // Reopened with the current text; Esc gives back "gouv" after typing more.
        d.press(.char("/"))
        #expect(d.lines[23].hasPrefix("/ Recherche : gouv"))
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
        #expect(d.effects.isEmpty)
        #expect(d.state.filter.query == "qjxF? L")
        #expect(d.state.screen == .list && d.state.isPromptOpen)
        // The arrows still move the list.
        d.press(.escape)
        d.press(.char("/"), .down)
        #expect(d.state.selectedID == "fusee-relais")
    }

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
        #expect(d.lines[1].contains("Finalité : Stratégique"))
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

    @Test("p cycles the purpose: all → opérationnelle → stratégique → all")
    func purposeCycle() {
        var d = Driver()
        d.press(.char("p"))
        #expect(d.lines[1].contains("Finalité : Opérationnelle"))
        #expect(d.lines[0].hasSuffix("3 / 7 offres"))
        #expect(d.lines[3...5].allSatisfy { $0.contains("Opérationnelle") })
        d.press(.char("p"))
        #expect(d.lines[1].contains("Finalité : Stratégique"))
        #expect(d.lines[0].hasSuffix("4 / 7 offres"))
        d.press(.char("p"))
        #expect(d.lines[1].hasPrefix("Aucun filtre"))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
    }

    @Test("t: territory candidates for 75 are Paris, then Nouvelle-Aquitaine (R75); Enter sets the filter")
    func territoryPrompt() {
        var d = Driver()
        d.press(.char("t"))
        #expect(d.text.contains("Territoire"))
        d.type("75")
        let paris = d.rows(containing: "Paris (75)")
        let aquitaine = d.rows(containing: "Nouvelle-Aquitaine (R75)")
        #expect(paris.count == 1 && aquitaine.count == 1)
        #expect(paris[0] < aquitaine[0])
        // The first candidate is highlighted; the cursor is in the text field.
        #expect(d.lines[d.grid.cursor!.row].contains("Lieu : 75"))
        d.press(.down, .enter)
        #expect(!d.state.isPromptOpen)
        #expect(d.lines[1].contains("Territoire : Nouvelle-Aquitaine (R75)"))
        // Zeta's two offers (R75, and the remote one), nothing else.
        #expect(d.lines[0].hasSuffix("2 / 7 offres"))
        // Again, with a name typed without accents: candidates follow the typing.
        d.press(.char("t"))
        d.type("corse du")
        #expect(d.text.contains("Corse-du-Sud (2A)"))
        d.press(.enter)
        #expect(d.lines[1].contains("Territoire : Corse-du-Sud (2A)"))
        #expect(d.state.filter.territories == [.department("2A")])
        // A postal code.
        d.press(.char("t"))
        d.type("59000")
        #expect(d.lines[d.rows(containing: "Nord (59)").first!].contains("Nord (59)"))
        d.press(.enter)
        #expect(d.state.filter.territories == [.department("59")])
        // Esc leaves the filter as it was; Enter on empty text removes it.
        d.press(.char("t"))
        d.type("33")
        d.press(.escape)
        #expect(d.state.filter.territories == [.department("59")])
        d.press(.char("t"), .enter)
        #expect(d.state.filter.territories.isEmpty)
    }

    @Test("t: letters are text in the territory prompt")
    func territoryLetters() {
        var d = Driver()
        d.press(.char("t"))
        d.type("q")
        #expect(d.effects.isEmpty)
        d.type("uimper")
        #expect(d.text.contains("Finistère (29)") == false)
        for _ in 0..<7 { d.press(.backspace) }
        d.type("finis")
        #expect(d.text.contains("Finistère (29)"))
    }

    @Test("x clears every filter, the search and the favourites-only view")
    func clearAll() {
        var d = Driver(favourites: ["tokyo-strategie"])
        d.press(.char("p"), .char("p"), .char("F"), .char("/"))
        d.type("str")
        d.press(.enter)
        #expect(d.lines[1].contains("Finalité : Stratégique"))
        #expect(d.lines[1].contains("Favoris seulement"))
        #expect(d.text.contains("[x : tout effacer]"))
        d.press(.char("x"))
        #expect(d.state.filter.isEmpty)
        #expect(!d.state.favouritesOnly)
        #expect(d.lines[1].hasPrefix("Aucun filtre"))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
    }

    @Test("Space marks the selected offer: ★ at once, Effect.toggleFavourite, corrected by the reply")
    func spaceToggles() {
        var d = Driver()
        let effects = d.press(.space)
        #expect(effects == [.toggleFavourite(id: "fusee-gouvernance")])
        #expect(d.lines[3].hasPrefix("★ "))
        // The store's answer is what counts.
        d.send(.favouritesLoaded(["fusee-gouvernance"]))
        #expect(d.lines[3].hasPrefix("★ "))
        d.send(.favouritesLoaded([]))
        #expect(d.lines[3].hasPrefix("  "))
        // A failure restores the confirmed favourites and says so.
        d.press(.space)
        #expect(d.lines[3].hasPrefix("★ "))
        d.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein")))
        #expect(d.lines[3].hasPrefix("  "))
        #expect(d.state.statusText == nb("Favoris non enregistrés : ") + "Impossible d'enregistrer les favoris dans /f : disque plein.")
        #expect(d.text.contains(nb("Favoris non enregistrés : Impossible")))
        // An error stays after other keys, and goes with Esc.
        d.press(.down)
        #expect(d.text.contains("Favoris non enregistrés"))
        d.press(.escape)
        #expect(!d.text.contains("Favoris non enregistrés"))
        #expect(d.state.selectedID == "fusee-relais")
    }

    @Test("F shows the favourites only, missing ones listed and marked; Space on a missing one unmarks it")
    func favouritesOnly() {
        var d = Driver(favourites: ["zeta-modele", "offre-disparue", "eclat-reseau"])
        #expect(d.lines[d.rows(containing: "Transformer son modèle").first!].hasPrefix("★ "))
        d.press(.char("F"))
        #expect(d.lines[1].contains("Favoris seulement"))
        #expect(d.lines[1].contains("1 favori introuvable dans ce catalogue"))
        #expect(d.text.contains("[x : tout effacer]"))
        #expect(d.lines[0].hasSuffix("2 / 7 offres"))
        let y = d.state.layout.listY
        #expect(d.lines[y].contains("Mise en réseau régionale"))
        #expect(d.lines[y + 1].contains("Transformer son modèle"))
        #expect(d.lines[y + 2].contains("(favori introuvable)"))
        #expect(d.lines[y + 2].contains("offre-disparue — introuvable dans ce catalogue"))
        #expect(d.lines[y + 2].hasPrefix("★ "))
        #expect(d.lines[y + 3].trimmingCharacters(in: .whitespaces).isEmpty)
        d.press(.down, .down)
        #expect(d.state.selectedID == "offre-disparue")
        // Enter cannot open it, and says why.
        d.press(.enter)
        #expect(d.state.screen == .list)
        #expect(d.lines[23].contains("n'est plus dans le catalogue"))
        let effects = d.press(.space)
        #expect(effects == [.toggleFavourite(id: "offre-disparue")])
        d.send(.favouritesLoaded(["zeta-modele", "eclat-reseau"]))
        #expect(!d.text.contains("offre-disparue"))
        #expect(!d.lines[1].contains("introuvable"))
        d.press(.char("F"))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
        #expect(!d.lines[1].contains("Favoris seulement"))
    }

    @Test("F with no favourites says how to mark one")
    func favouritesOnlyEmpty() {
        var d = Driver()
        d.press(.char("F"))
        #expect(d.text.contains("Aucun favori pour l'instant."))
        #expect(d.lines[0].hasSuffix("0 / 7 offres"))
    }

    @Test("e: export dialog; Enter emits writeExport with the default file name in the export folder")
    func exportDefault() {
        var d = Driver(favourites: ["tokyo-strategie"])
        d.press(.char("e"))
        #expect(d.text.contains("Exporter la sélection"))
        #expect(d.text.contains("(•) Texte"))
        #expect(d.text.contains("(•) Favoris (1)"))
        #expect(d.text.contains("catalyse-selection-2026-11-26.txt"))
        let effects = d.press(.enter)
        guard case .writeExport(let path, let contents, let overwrite)? = effects.first else {
            Issue.record("no writeExport: \(effects)")
            return
        }
        #expect(path == "/home/asso/catalyse-selection-2026-11-26.txt")
        #expect(!overwrite)
        #expect(contents.contains("Stratégie à trois ans"))
        #expect(!contents.contains("Gouvernance partagée"))
        #expect(contents.contains("Favoris seulement"))
        d.send(.exportWritten(path: path))
        #expect(!d.text.contains("Exporter la sélection"))
        #expect(d.lines[23].contains("Sélection exportée dans /home/asso/catalyse-selection-2026-11-26.txt"))
    }

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
        #expect(text.contains("Siège : Nord (59)"))
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

    @Test("L switches French ↔ English and asks to remember it")
    func languageSwitch() {
        var d = Driver()
        let effects = d.press(.char("L"))
        #expect(effects == [.saveLanguage(.en)])
        #expect(d.lines[0].hasSuffix("7 / 7 offers"))
        #expect(d.lines[0].contains("Illustrative catalogue"))
        #expect(d.lines[2].contains("Firm") && d.lines[2].contains("Purpose"))
        #expect(d.lines[3].contains("Strategic"))
        #expect(d.lines[23].hasPrefix("↑↓ move  Enter sheet  / search"))
        #expect(d.press(.char("L")) == [.saveLanguage(.fr)])
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
    }

    @Test("L with --lang: switches for the session, saves nothing, says so")
    func languageLocked() {
        var d = Driver(languageLocked: true)
        let effects = d.press(.char("L"))
        #expect(effects.isEmpty)
        #expect(d.lines[0].hasSuffix("7 / 7 offers"))
        #expect(d.lines[23].contains("--lang"))
    }

    @Test("? shows every key of the key table, the mouse and Shift+drag")
    func help() {
        for language in Language.allCases {
            var d = Driver(language: language, width: 80, height: 24)
            d.press(.char("?"))
            #expect(d.state.screen == .help)
            var seen = ""
            for _ in 0..<6 {
                seen += d.text + "\n"
                d.press(.pageDown)
            }
            let keys = language == .fr
                ? ["↑ ↓ / k j", "PgUp PgDn", "Début Fin / g G", "Entrée", "Échap", "   /  ", "   f  ", "   p  ", "   t  ", "   x  ",
                   "Espace", "   F  ", "   e  ", "   b  ", "   L  ", "   ?  ", "   q  ", "Ctrl-C", "Ctrl-Z", "clic", "molette", "Maj + glisser"]
                : ["↑ ↓ / k j", "PgUp PgDn", "Home End / g G", "Enter", "Esc", "   /  ", "   f  ", "   p  ", "   t  ", "   x  ",
                   "Space", "   F  ", "   e  ", "   b  ", "   L  ", "   ?  ", "   q  ", "Ctrl-C", "Ctrl-Z", "click", "wheel", "Shift + drag"]
            for key in keys { #expect(seen.contains(key), "\(language): \(key)") }
            #expect(seen.contains(language == .fr ? "sélectionner du texte pour le copier" : "select text to copy it"))
            d.press(.char("q"))
            #expect(d.state.screen == .list)
            d.press(.char("?"), .escape)
            #expect(d.state.screen == .list)
        }
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

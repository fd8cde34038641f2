import CatalyseCore
@testable import CatalyseTUI
import Testing

@Suite("Screen layout")
struct LayoutTests {
    @Test("80×24: header, filters line, column titles, list, footer")
    func narrowScreen() {
        let d = Driver()
        let lines = d.lines
        #expect(lines.count == 24)
        #expect(lines.allSatisfy { CellWidth.of($0) == 80 })
        #expect(lines[0].hasPrefix("Catalyse · Catalogue de test"))
        #expect(lines[0].contains(" Catalogue illustratif "))
        #expect(lines[0].hasSuffix("7 / 7 offres"))
        #expect(lines[1].hasPrefix("Aucun filtre"))
        #expect(lines[2].hasPrefix("  Cabinet"))
        #expect(lines[2].contains("Offre") && lines[2].contains("Finalité") && lines[2].contains("Format"))
        // Default order: firm name, accents ignored (Cabinet, Éclat, Zeta, then the CJK name).
        #expect(lines[3].contains("Cabinet 🚀 Fusée") && lines[3].contains("Gouvernance partagée"))
        #expect(lines[5].contains("Éclat Conseil") && lines[5].contains("Diagnostic stratégique partagé"))
        #expect(lines[9].contains("東京"))
        #expect(lines[23].hasPrefix("↑↓ bouger  Entrée fiche  / chercher"))
        #expect(lines[23].contains("? aide"))
        // No sheet beside the list below 100 columns.
        #expect(!d.text.contains("Fiche de l'offre"))
        #expect(!d.text.contains("│"))
    }

    @Test("The side sheet shows only where the list beside it keeps a title column of 30 cells",
          arguments: [(100, false), (120, false), (140, true), (200, true)])
    func sideSheetThreshold(width: Int, beside: Bool) {
        for language in Language.allCases {
            var d = Driver(language: language, width: width, height: 30)
            #expect(d.state.layout.split == beside, "\(width) \(language)")
            #expect(d.text.contains("│") == beside, "\(width) \(language)")
            let columns = ListColumns(width: d.state.layout.listWidth, strings: Strings(language), gap: beside ? 1 : 0)
            #expect(columns.titleWidth >= AppState.minimumSplitTitle, "\(width) \(language): \(columns.titleWidth)")
            // The title column as drawn: from the title's heading to the purpose's.
            let titles = d.state.layout.columnTitleY
            let offer = try! #require(d.column(of: Strings(language).columnOffer, row: titles))
            let purpose = try! #require(d.column(of: Strings(language).columnPurpose, row: titles))
            #expect(purpose - offer - 1 >= 30)
            // Enter opens the sheet beside the list there, full screen elsewhere.
            d.press(.enter)
            #expect(d.state.sheetFrame(d.state.layout).beside == beside)
        }
    }

    @Test("140×40: the selected offer's sheet shows beside the list and follows the selection")
    func wideScreen() {
        var d = Driver(width: 140, height: 40)
        #expect(d.lines.count == 40 && d.lines.allSatisfy { CellWidth.of($0) == 140 })
        #expect(d.lines[2].contains("│ Fiche de l'offre"))
        let separator = d.column(of: "│", row: 5)
        #expect(separator == d.state.layout.listWidth)
        // The sheet (right of the separator) shows the first offer, then the second after ↓.
        #expect(d.lines[3].contains("│ Gouvernance partagée"))
        d.press(.down)
        #expect(d.lines[3].contains("│ Relais de communication insulaire"))
        #expect(d.text.contains(nb("Cabinet : Cabinet 🚀 Fusée")))
    }

    @Test("Purpose and format tags stay in one cell column, whatever the firm name (accents, CJK, emoji)")
    func columnAlignment() {
        for (width, language) in [(80, Language.fr), (60, .fr), (120, .en), (100, .en)] {
            let d = Driver(language: language, width: width, height: 24)
            let tags = language == .fr ? ["Stratégique", "Opérationnelle"] : ["Strategic", "Operational"]
            var purposeColumns: Set<Int> = []
            var formatColumns: Set<Int> = []
            var rows = 0
            let formats = language == .fr ? ["Mécénat", "Mi-chemin"] : ["Skills-based", "Half-way"]
            let listWidth = d.state.layout.listWidth
            for row in 3..<10 {
                // The leftmost tag of the row inside the list (the sheet beside it has words too).
                guard let c = tags.compactMap({ d.column(of: $0, row: row) }).filter({ $0 < listWidth }).min() else { continue }
                purposeColumns.insert(c)
                if let f = formats.compactMap({ d.column(of: $0, row: row) }).filter({ $0 < listWidth }).min() {
                    formatColumns.insert(f)
                }
                rows += 1
            }
            #expect(rows == 7, "width \(width)")
            #expect(purposeColumns.count == 1, "width \(width): \(purposeColumns)")
            #expect(formatColumns.count == 1, "width \(width): \(formatColumns)")
        }
    }

    @Test("Wide and accented names are cut with … inside their column")
    func truncation() {
        let fits = Driver(width: 80)
        // 20 cells for the firm at 80 columns: the ten CJK characters fit exactly.
        #expect(fits.lines[fits.rows(containing: "東京").first!].contains("東京コンサルティング Stratégie"))
        let d = Driver(width: 60)
        let row = d.rows(containing: "東京").first!
        // 15 cells: seven wide characters (14 cells) and …, then the title column.
        #expect(d.lines[row].contains("東京コンサルテ… Stratégie"))
        #expect(d.column(of: "Stratégie", row: row) == 2 + 15 + 1)
        let longRow = d.rows(containing: "Transformer son").first!
        #expect(d.lines[longRow].contains("…"))
        #expect(!d.lines[longRow].contains("qui dépasse"))
    }

    @Test("The header never cuts the count and the badge (60 columns, long catalogue name, both languages)")
    func headerKeepsCountAndBadge() {
        for language in Language.allCases {
            for width in [60, 61, 64, 70, 79, 80, 99, 100, 140] {
                var d = Driver(index: Fixture.embeddedIndex, language: language, width: width, height: 20)
                let badge = language == .fr ? "Catalogue illustratif" : "Illustrative catalogue"
                let count = language == .fr ? "75 / 75 offres" : "75 / 75 offers"
                #expect(d.lines[0].contains(badge), "\(language) \(width)")
                #expect(d.lines[0].hasSuffix(count), "\(language) \(width): \(d.lines[0])")
                #expect(d.lines[0].hasPrefix("Catalyse"))
                // With a filter the count changes and is still whole.
                d.press(.char("p"), .char("2"))
                let filtered = String(d.state.result.offers.count) + " / 75 "
                #expect(d.lines[0].contains(filtered + (language == .fr ? "offres" : "offers")))
            }
        }
    }

    @Test("Header: a long name is cut before the date, the date before Catalyse")
    func headerCutsNameFirst() {
        let wide = Driver(index: Fixture.embeddedIndex, width: 170, height: 20)
        #expect(wide.lines[0].contains("Annuaire illustratif des offres d’accompagnement des associations · mis à jour le 20 novembre 2026"))
        let medium = Driver(index: Fixture.embeddedIndex, width: 140, height: 20)
        #expect(medium.lines[0].contains("des associations · 2026-11-20"))
        let narrow = Driver(index: Fixture.embeddedIndex, width: 80, height: 20)
        #expect(narrow.lines[0].contains("Annuaire illustr…"))
        #expect(narrow.lines[0].contains("2026-11-20"))
        let narrowest = Driver(index: Fixture.embeddedIndex, width: 60, height: 20)
        #expect(!narrowest.lines[0].contains("Annuaire"))
        #expect(narrowest.lines[0].hasPrefix("Catalyse · 2026-11-20"))
    }

    @Test("A catalogue that is not illustrative has no badge")
    func noBadge() {
        let base = Fixture.small
        let real = Catalogue(name: "Annuaire réel", updated: base.updated, illustrative: false, firms: base.firms, offers: Array(base.offers))
        let d = Driver(index: SearchIndex(catalogue: real))
        #expect(!d.lines[0].contains("illustratif"))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
    }

    @Test("The terminal cursor sits at the start of the selected row")
    func cursorOnSelectedRow() {
        var d = Driver()
        #expect(d.grid.cursor?.row == 3 && d.grid.cursor?.column == 0)
        d.press(.down, .down)
        let cursor = d.grid.cursor!
        #expect(cursor.row == 5 && cursor.column == 0)
        #expect(d.lines[cursor.row].contains("Diagnostic stratégique partagé"))
        // The selected row is drawn in reverse video, the others are not.
        #expect(d.grid[5, 10].style.reverse)
        #expect(!d.grid[6, 10].style.reverse)
    }

    @Test("The sheet wraps contact details at word boundaries and never truncates them")
    func sheetWrapsContact() {
        let offer = Fixture.small.offer(id: "fusee-relais")!
        let firm = Fixture.small.firm(of: offer)
        for width in [20, 30, 39, 60] {
            let lines = SheetView.lines(offer: offer, firm: firm, language: .fr, width: width, favourite: false)
            #expect(lines.allSatisfy { CellWidth.of($0.plainText) <= width }, "width \(width)")
            let joined = lines.map { $0.plainText.trimmingCharacters(in: .whitespaces) }.joined()
            #expect(joined.contains(firm.contact.email), "width \(width)")
            #expect(joined.contains("0123456789") || joined.replacingOccurrences(of: " ", with: "").contains("0123456789"))
            #expect(!lines.contains { $0.plainText.contains("…") })
        }
    }

    @Test("The full-screen sheet scrolls with the movement keys down to the contact")
    func fullSheetScrolls() {
        var d = Driver(width: 60, height: 15)
        d.press(.enter)
        #expect(d.lines[1].contains("Fiche de l'offre"))
        #expect(d.lines[2].contains("Gouvernance partagée"))
        #expect(d.text.contains("↓ suite"))
        d.press(.char("G"))
        #expect(!d.text.contains("↓ suite"))
        #expect(d.text.contains(nb("Id : fusee-gouvernance")))
        #expect(d.text.contains("Contact"))
        d.press(.char("g"))
        #expect(d.lines[2].contains("Gouvernance partagée"))
        d.press(.char("j"))
        #expect(!d.lines[2].contains("Gouvernance partagée"))
    }

    @Test("Beside the sheet, the format column leaves a space before the separator")
    func formatColumnGap() {
        for width in [140, 150, 200] {
            let d = Driver(width: width, height: 24)
            let separator = d.state.layout.listWidth
            for row in 3..<10 {
                #expect(d.grid[row, separator].grapheme == "│")
                #expect(d.grid[row, separator - 1].grapheme == " ", "\(width) row \(row): \(d.lines[row])")
            }
            #expect(d.lines[d.rows(containing: "Mi-chemin").first!].contains("Mi-chemin │"))
        }
    }

    @Test("No filter: the hint keeps whole keys at 60 columns, in both languages")
    func noFilterHint() {
        for language in Language.allCases {
            for width in [60, 70, 80] {
                let d = Driver(language: language, width: width)
                let line = d.trimmed(1)
                #expect(!line.contains("…"), "\(language) \(width): \(line)")
                #expect(line.hasPrefix(Strings(language).noFilter + " · /"))
            }
        }
        #expect(Driver(width: 80).trimmed(1).hasSuffix("p finalité"))
    }
}

@Suite("Grid")
struct GridTests {
    @Test("Writing over half of a wide grapheme leaves no orphan half")
    func wideHalves() {
        var grid = Grid(width: 6, height: 1)
        grid.put("東京", row: 0, column: 0)
        #expect(grid.lines == ["東京  "])
        grid.put("│", row: 0, column: 1)
        #expect(grid.lines == [" │京  "])
        grid.put("x", row: 0, column: 2)
        #expect(grid.lines == [" │x   "])
        #expect(grid.cells.allSatisfy { !$0.isContinuation })
    }

    @Test("A box drawn over a CJK name keeps every row at the grid width")
    func boxOverCJK() {
        var d = Driver(width: 60, height: 15)
        d.press(.char("t"))
        d.type("7")
        #expect(d.lines.allSatisfy { CellWidth.of($0) == 60 })
    }
}

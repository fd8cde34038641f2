import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The problems found by driving the real binary in tmux at 80×24, one test (or more) each.
@Suite("Review at 80×24")
struct ReviewTests {
    func writeEffect(_ effects: [Effect]) -> (path: String, contents: String, overwrite: Bool)? {
        for effect in effects { if case .writeExport(let p, let c, let o) = effect { return (p, c, o) } }
        return nil
    }

    /// The text of rows `rows`, without box borders and trailing spaces, joined by spaces, with
    /// non-breaking spaces read as spaces.
    func joined(_ d: Driver, _ rows: Range<Int>, columns: Range<Int>? = nil) -> String {
        let grid = d.grid
        let columns = columns ?? 0..<grid.width
        return rows.map { r in
            var line = ""
            for c in columns where !grid[r, c].isContinuation { line += grid[r, c].grapheme }
            return line.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty }.joined(separator: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    // MARK: 1. Filter panel

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

    // MARK: 2. Line ranges

    @Test("Full sheet: the range in the title is the lines shown; PgDn continues after the last one")
    func fullSheetRange() {
        var d = Driver(index: Fixture.embeddedIndex, width: 80, height: 24)
        d.press(.enter)
        let lines = d.state.sheetLines(d.state.sheetFrame(d.state.layout)).map(\.plainText)
        let h = d.state.sheetFrame(d.state.layout).height
        #expect(h == 21 && lines.count > h)
        #expect(d.lines[1].contains("(1–\(h - 1) / \(lines.count))"))
        // Shown: lines 1 … h-1, then "↓ suite" on the last row.
        #expect(d.trimmed(2 + h - 2) == " " + lines[h - 2] || d.trimmed(2 + h - 2).hasSuffix(lines[h - 2]))
        #expect(d.lines[2 + h - 1].contains("↓ suite"))
        d.press(.pageDown)
        #expect(d.lines[1].contains("(\(h)–"))
        #expect(d.trimmed(2).hasSuffix(lines[h - 1].trimmingCharacters(in: .whitespaces)))
        // The last page: every line it shows is counted.
        d.press(.char("G"))
        #expect(d.lines[1].contains("(\(lines.count - h + 1)–\(lines.count) / \(lines.count))"))
        #expect(!d.text.contains("↓ suite"))
    }

    @Test("Help and the focused side sheet: the range counts the lines shown")
    func helpAndSideSheetRanges() {
        var help = Driver(width: 80, height: 24)
        help.press(.char("?"))
        let count = help.state.helpLines(help.state.layout).count
        #expect(help.lines[1].contains("(1–20 / \(count))"))
        help.press(.pageDown)
        #expect(help.lines[1].contains("(21–40 / \(count))"))
        #expect(help.trimmed(2).hasSuffix(help.state.helpLines(help.state.layout)[20].plainText.trimmingCharacters(in: .whitespaces)))

        var side = Driver(index: Fixture.embeddedIndex, width: 120, height: 40)
        side.press(.enter)
        let frame = side.state.sheetFrame(side.state.layout)
        let total = side.state.sheetLines(side.state.sheetFrame(side.state.layout)).count
        #expect(frame.beside && total > frame.height)
        #expect(side.lines[frame.y - 1].contains("(1–\(frame.height - 1) / \(total))"))
    }

    // MARK: 3. Territory prompt

    @Test("Territory prompt: the explanation and how to clear the filter are never cut, 60 to 80 columns")
    func territoryTextFits() {
        for language in Language.allCases {
            let s = Strings(language)
            for width in [60, 64, 70, 76, 80] {
                for withFilter in [false, true] {
                    var d = Driver(language: language, width: width, height: 24)
                    if withFilter {
                        d.press(.char("t"))
                        d.type("finist")
                        d.press(.enter)
                    }
                    d.press(.char("t"))
                    let inputRow = d.rows(containing: s.territoryLabel).first!
                    let box = d.state.territoryBox(d.state.layout)
                    let text = joined(d, 3..<(inputRow + (withFilter ? 4 : 3)), columns: box.x..<(box.x + box.width))
                    let help = s.territoryHelp.replacingOccurrences(of: "\u{00A0}", with: " ")
                    #expect(text.contains(help), "\(language) \(width) \(withFilter): \(text)")
                    #expect(text.contains(s.territoryClearHint), "\(language) \(width) \(withFilter): \(text)")
                    if withFilter { #expect(text.contains(s.territoryCurrent("Finistère (29)"))) }
                    #expect(!text.contains("…"), "\(language) \(width)")
                    // Typing still works, with candidates below the notes.
                    d.type("29")
                    #expect(d.text.contains("Finistère (29)"))
                    #expect(d.lines[d.grid.cursor!.row].contains(s.territoryLabel + "29"))
                }
            }
        }
    }

    // MARK: 4. Paths

    @Test("Overwrite question: the file name is whole, the folder cut in its middle")
    func overwriteShowsFileName() {
        for width in [60, 80] {
            var d = Driver(favourites: ["eclat-reseau"], width: width, height: 24,
                           exportDirectory: "/tmp/guide/work/un-dossier-assez-long/encore-un-niveau")
            d.press(.char("e"), .enter)
            d.send(.exportFailed(WriteFailure(path: "/home/asso/catalyse-selection-2026-11-26.txt", cause: .exists)))
            let text = d.text
            #expect(text.contains("catalyse-selection-2026-11-26.txt"), "\(width)")
            #expect(text.contains(nb("Le fichier existe déjà :")))
            #expect(text.contains("/tmp/…/") || text.contains("…/encore-un-niveau/"), "\(width)")
            #expect(text.contains(nb("Le remplacer ? o : oui · n : non")))
            #expect(d.lines.allSatisfy { CellWidth.of($0) == width })
        }
        #expect(TextFit.path("/tmp/guide/work/catalyse-selection-2026-11-26.txt", width: 40) == "/tmp/…/catalyse-selection-2026-11-26.txt")
        #expect(TextFit.path("/a/b.txt", width: 40) == "/a/b.txt")
        #expect(TextFit.path("/x/un-nom-de-fichier-vraiment-tres-long.csv", width: 20).hasSuffix(".csv"))
        #expect(CellWidth.of(TextFit.path("/x/un-nom-de-fichier-vraiment-tres-long.csv", width: 20)) <= 20)
    }

    @Test("After an export, the status shows the file name whole, the folder cut in its middle")
    func exportedStatusShowsFileName() {
        for width in [60, 80] {
            var d = Driver(favourites: ["eclat-reseau"], width: width, height: 24)
            let path = "/tmp/guide/work/un-dossier-assez-long/encore-un-niveau/catalyse-selection-2026-11-26.txt"
            d.send(.exportWritten(path: path))
            let footer = d.trimmed(23)
            #expect(footer.hasPrefix("Sélection exportée dans /"), "\(width): \(footer)")
            #expect(footer.hasSuffix("/catalyse-selection-2026-11-26.txt"), "\(width): \(footer)")
            #expect(footer.contains("…"))
            #expect(d.state.statusText == "Sélection exportée dans " + path)
        }
    }

    // MARK: 5. Errors

    static let unreadableError = FavouritesError.corrupt(path: "/home/camille/.local/state/catalyse/favourites", line: 3,
                                                         text: "ceci n'est pas un identifiant d'offre")
    static let unreadable = unreadableError.message(.fr)

    @Test("An unreadable favourites file: the message is shown in full and stays until Esc")
    func unreadableFavourites() {
        for width in [60, 80] {
            var d = Driver(width: width, height: 24)
            d.send(.favouritesUnreadable(ReviewTests.unreadableError))
            let footerStart = d.state.layout.footerY
            #expect(footerStart < 23)
            let message = joined(d, footerStart..<23)
            #expect(message == ReviewTests.unreadable, "\(width): \(message)")
            #expect(d.trimmed(23).contains(nb("Échap masquer le message")) || d.trimmed(23).hasPrefix("Échap masquer"))
            // Favourites are said to be unavailable on the filters line.
            #expect(d.lines[1].contains("favoris indisponibles"))
            // Other keys leave the message; the list is shorter and the selection stays visible.
            d.press(.char("G"))
            #expect(joined(d, footerStart..<23) == ReviewTests.unreadable)
            let cursor = d.grid.cursor!.row
            #expect(cursor < footerStart && d.lines[cursor].contains("東京"))
            // Esc dismisses the message only (the search is kept).
            d.press(.char("/"))
            d.type("a")
            d.press(.enter)
            #expect(d.text.contains("ligne 3"))
            d.press(.escape)
            #expect(!d.text.contains("ligne 3"))
            #expect(d.state.filter.query == "a")
            #expect(d.lines[1].contains("favoris indisponibles") || d.lines[2].contains("favoris indisponibles"))
            #expect(d.state.favouritesUnavailable)
            // Once the store answers, favourites are available again.
            d.send(.favouritesLoaded([]))
            #expect(!d.text.contains("favoris indisponibles"))
        }
    }

    @Test("An error goes when the favourites are acted on (Space, F)")
    func errorGoesWithFavouriteAction() {
        var d = Driver()
        d.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein")))
        #expect(d.text.contains("Favoris non enregistrés"))
        d.press(.space)
        #expect(!d.text.contains("Favoris non enregistrés"))
        d.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein")))
        d.press(.char("F"))
        #expect(!d.text.contains("Favoris non enregistrés"))
    }

    // MARK: 6. Export counts

    @Test("Export dialog: the favourites count is what will be written, missing ones apart")
    func exportCounts() {
        for width in [60, 80] {
            var d = Driver(favourites: ["eclat-reseau", "zeta-modele", "offre-disparue"], width: width, height: 24)
            d.press(.char("e"))
            #expect(d.text.contains("(•) Favoris (2, + 1 introuvable)"), "\(width)")
            #expect(d.text.contains("( ) Liste affichée (7)"), "\(width)")
            // The dialog's keys are whole too.
            #expect(d.text.contains("Échap annuler"), "\(width)")
            let write = writeEffect(d.press(.enter))!
            #expect(write.contents.contains("2 offres"))
            #expect(write.contents.contains("offre-disparue"))
        }
        var en = Driver(favourites: ["eclat-reseau", "gone"], language: .en)
        en.press(.char("F"), .char("e"))
        #expect(en.text.contains("Favourites (1, + 1 missing)"))
        #expect(en.text.contains("Current list (1, + 1 missing)"))
    }

    // MARK: 7. French spacing

    @Test("Wrapping keeps « with its word and :, ;, », ?, ! with the previous one")
    func frenchSpacing() {
        for width in 12...30 {
            for text in ["Filtres : Recherche : « financ » ; Finalité : Stratégique", "dans la liste : quitter ; ailleurs : revenir ?"] {
                let lines = wrapText(text, first: width, rest: width)
                for line in lines {
                    #expect(!line.hasPrefix(":") && !line.hasPrefix(";") && !line.hasPrefix("»") && !line.hasPrefix("?"), "\(width): \(lines)")
                    #expect(!line.hasSuffix("«"), "\(width): \(lines)")
                }
            }
        }
        // The filters line, at every search length.
        for n in 1...40 {
            var d = Driver(width: 60)
            d.press(.char("p"), .char("/"))
            d.type(String(repeating: "é", count: n))
            d.press(.enter)
            for row in d.state.layout.filterY..<d.state.layout.columnTitleY {
                let line = d.trimmed(row)
                #expect(!line.hasSuffix("«") && !line.hasPrefix("»") && !line.hasPrefix(";") && !line.hasPrefix(":"), "\(n): \(line)")
            }
        }
        // The help: no line starts with a lone sign.
        for width in [60, 80, 100] {
            var d = Driver(width: width, height: 24)
            d.press(.char("?"))
            for line in d.state.helpLines(d.state.layout).map({ $0.plainText.trimmingCharacters(in: .whitespaces) }) {
                #expect(!line.hasPrefix(";") && !line.hasPrefix(":") && !line.hasPrefix("»"), "\(width): \(line)")
            }
        }
        #expect(Strings(.fr).exportOverwriteQuestion == "Le remplacer\u{00A0}? o\u{00A0}: oui · n\u{00A0}: non")
    }

    // MARK: 8. Small display issues

    @Test("Beside the sheet, the format column leaves a space before the separator")
    func formatColumnGap() {
        for width in [100, 120, 150] {
            let d = Driver(width: width, height: 24)
            let separator = d.state.layout.listWidth
            for row in 3..<10 {
                #expect(d.grid[row, separator].grapheme == "│")
                #expect(d.grid[row, separator - 1].grapheme == " ", "\(width) row \(row): \(d.lines[row])")
            }
            #expect(d.lines[d.rows(containing: "Mi-chemin").first!].contains("Mi-chemin │"))
        }
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

    // MARK: 9. Too small

    @Test("Too small: says how to quit when there is room; 1×1 still works")
    func tooSmallQuit() {
        let fr = Driver(width: 40, height: 10)
        #expect(fr.text.contains(nb("q : quitter")))
        let en = Driver(language: .en, width: 40, height: 10)
        #expect(en.text.contains("q: quit"))
        #expect(Driver(width: 1, height: 1).lines == ["…"])
        let two = Driver(width: 30, height: 2)
        #expect(two.text.contains("terminal trop petit"))
        #expect(Driver(width: 12, height: 5).text.contains(nb("q : quitter")))
        var prompt = Driver()
        prompt.press(.char("/"))
        prompt.send(.resize(width: 40, height: 10))
        #expect(prompt.text.contains(nb("Ctrl-C : quitter")))
        #expect(prompt.press(.ctrl("c")) == [.quit])
    }

    // MARK: 10. Help

    @Test("Help lists the prompt, panel and export keys too")
    func helpListsEveryKey() {
        for language in Language.allCases {
            var d = Driver(language: language, width: 80, height: 24)
            d.press(.char("?"))
            let text = d.state.helpLines(d.state.layout).map(\.plainText).joined(separator: "\n")
            let keys = language == .fr
                ? ["Suppr", "Ctrl-U", "Début Fin ", "Retour arrière", "Tab / Maj-Tab", "→ ←", "o / n", "← → / Espace", ".md .csv .txt"]
                : ["Delete", "Ctrl-U", "Home End ", "Backspace", "Tab / Shift-Tab", "→ ←", "y / n", "← → / Space", ".md .csv .txt"]
            for key in keys { #expect(text.contains("  " + key), "\(language): \(key)") }
            #expect(!text.contains("…"))
        }
    }

    // MARK: 11. Purpose labels in the panel

    @Test("Panel in English: purposes by their short labels, so « Strategic support » is the theme only")
    func panelPurposeLabels() {
        var d = Driver(language: .en, width: 80, height: 60)
        d.press(.char("f"))
        let text = d.text
        #expect(text.contains("[ ] Operational "))
        #expect(text.contains("[ ] Strategic "))
        #expect(text.components(separatedBy: "Strategic support").count == 2)
    }

    // MARK: 12. No match

    @Test("Territory: no message after one character; a muted one from two")
    func territoryNoMatch() {
        var d = Driver()
        d.press(.char("t"))
        d.type("5")
        #expect(!d.text.contains("Aucun lieu ne correspond."))
        var z = Driver()
        z.press(.char("t"))
        z.type("z")
        #expect(!z.text.contains("Aucun lieu ne correspond."))
        z.type("q")
        let row = z.rows(containing: "Aucun lieu ne correspond.").first!
        let column = z.column(of: "Aucun", row: row)!
        #expect(z.grid[row, column].style.color == .muted)
        #expect(!z.grid[row, column].style.bold)
    }

    // MARK: 13. Extension → format

    @Test("Export: a typed extension chooses the format; the format still changes the extension")
    func typedExtension() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"), .down, .down)
        for _ in 0..<3 { d.press(.backspace) }
        #expect(d.text.contains("(•) Texte"))
        d.type("md")
        #expect(d.text.contains("(•) Markdown"))
        d.press(.backspace, .backspace)
        d.type("CSV")
        #expect(d.text.contains("(•) CSV"))
        // Back to the format: → changes it, and the extension with it.
        d.press(.up, .up, .right)
        #expect(d.text.contains("(•) Texte"))
        #expect(d.text.contains("catalyse-selection-2026-11-26.txt"))
        d.press(.right)
        #expect(d.text.contains("catalyse-selection-2026-11-26.md"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path.hasSuffix(".md"))
        #expect(write.contents.hasPrefix("# Catalyse"))
        // A name without a known extension leaves the format alone.
        var other = Driver(favourites: ["eclat-reseau"])
        other.press(.char("e"), .right, .down, .down)
        other.type(".bak")
        #expect(other.text.contains("(•) Markdown"))
    }
}

@Suite("Unreadable favourites in the shortlist")
struct UnreadableFavouritesShortlistTests {
    @Test func theShortlistSaysTheFavouritesCouldNotBeRead() {
        var d = Driver(width: 80, height: 24)
        _ = d.state.update(.favouritesUnreadable(.corrupt(path: "/f", line: 2, text: "?")))
        d.press(.char("F"))
        #expect(d.text.contains("Les favoris n'ont pas pu être lus."))
        #expect(!d.text.contains("Aucun favori pour l'instant."))
    }
}

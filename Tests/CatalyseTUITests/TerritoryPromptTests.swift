import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The territory prompt (`t`): candidates, letters as text, its explanations, no match.
@Suite("Territory prompt")
struct TerritoryPromptTests {
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
        #expect(d.lines[d.grid.cursor!.row].contains(nb("Lieu : 75")))
        d.press(.down, .enter)
        #expect(!d.state.isPromptOpen)
        #expect(d.lines[1].contains(nb("Territoire : Nouvelle-Aquitaine (R75)")))
        // Zeta's two offers (R75, and the remote one), nothing else.
        #expect(d.lines[0].hasSuffix("2 / 7 offres"))
        // Again, with a name typed without accents: candidates follow the typing.
        d.press(.char("t"))
        d.type("corse du")
        #expect(d.text.contains("Corse-du-Sud (2A)"))
        d.press(.enter)
        #expect(d.lines[1].contains(nb("Territoire : Corse-du-Sud (2A)")))
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
                    if withFilter { #expect(text.contains(s.territoryCurrent("Finistère (29)").replacingOccurrences(of: "\u{00A0}", with: " "))) }
                    #expect(!text.contains("…"), "\(language) \(width)")
                    // Typing still works, with candidates below the notes.
                    d.type("29")
                    #expect(d.text.contains("Finistère (29)"))
                    #expect(d.lines[d.grid.cursor!.row].contains(s.territoryLabel + "29"))
                }
            }
        }
    }

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
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// French spacing: non-breaking spaces keep signs with their words when text wraps.
@Suite("French typography")
struct TypographyTests {
    @Test("Wrapping keeps « with its word and :, ;, », ?, ! with the previous one")
    func frenchSpacing() {
        for width in 12...30 {
            for text in ["Filtres : Recherche : « financ » ; Finalité : Stratégique", "dans la liste : quitter ; ailleurs : revenir ?"] {
                let lines = TextWrap.lines(text, first: width, rest: width)
                for line in lines {
                    #expect(!line.hasPrefix(":") && !line.hasPrefix(";") && !line.hasPrefix("»") && !line.hasPrefix("?"), "\(width): \(lines)")
                    #expect(!line.hasSuffix("«"), "\(width): \(lines)")
                }
            }
        }
        // The filters line, at every search length.
        for n in 1...40 {
            var d = Driver(width: 60)
            d.press(.char("p"), .char("2"), .char("/"))
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
}

/// Issue 23, class 9: graphemes in the grid take the cells a terminal gives them, whole.
@Suite("Grapheme clusters in the grid")
struct GraphemeGridTests {
    @Test func clustersTakeTheirCellsWhole() {
        var grid = Grid(width: 20, height: 1)
        #expect(grid.put("a👍🏽b", row: 0, column: 0) == 6)
        #expect(grid.cells.prefix(6).map(\.grapheme) == ["a", "👍", "", "🏽", "", "b"])
        #expect(grid.lines[0].hasPrefix("a👍🏽b"))
        var family = Grid(width: 10, height: 1)
        family.put("x👨‍👩‍👧y", row: 0, column: 0)
        #expect(family.cells.prefix(4).map(\.grapheme) == ["x", "👨‍👩‍👧", "", "y"])
        var indic = Grid(width: 10, height: 1)
        #expect(indic.put("क्षत्रिय", row: 0, column: 0) == 6)
        #expect(indic.lines[0].hasPrefix("क्षत्रिय"))
        // A cluster that does not fit is left out whole, never cut between its pieces.
        var narrow = Grid(width: 4, height: 1)
        #expect(narrow.put("ab👍🏽", row: 0, column: 0) == 2)
        #expect(narrow.lines[0] == "ab  ")
    }
}

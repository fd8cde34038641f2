import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The offer sheet, full screen and beside the list.
@Suite("Offer sheet")
struct SheetTests {
    @Test("Full sheet: the range in the title is the lines shown; PgDn continues after the last one")
    func fullSheetRange() {
        // A sheet of more than two screens (its text laid out in paragraphs is some 37 lines).
        var d = Driver(index: Fixture.embeddedIndex, width: 80, height: 18)
        d.press(.enter)
        let lines = d.state.sheetLines(d.state.sheetFrame(d.state.layout)).map(\.plainText)
        let h = d.state.sheetFrame(d.state.layout).height
        #expect(h == 15 && lines.count > 2 * h)
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

    @Test("The focused side sheet: the range in its title counts the lines shown")
    func sideSheetRange() {
        var side = Driver(index: Fixture.embeddedIndex, width: 140, height: 40)
        side.press(.enter)
        let frame = side.state.sheetFrame(side.state.layout)
        let total = side.state.sheetLines(frame).count
        #expect(frame.beside && total > frame.height)
        #expect(side.lines[frame.y - 1].contains("(1–\(frame.height - 1) / \(total))"))
    }
}

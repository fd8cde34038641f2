@testable import CatalyseTUI
import Testing

/// The multi-line field of the note editor: lines worked out for a width, the caret kept on
/// its character whatever the width.
@Suite("Text area")
struct TextAreaTests {
    func typed(_ text: String, width: Int = 20) -> TextArea {
        var area = TextArea()
        for ch in text {
            if ch == "\n" { area.insertNewline() } else { _ = area.handle(.char(ch), width: width) }
        }
        return area
    }

    @Test("Lines wrap at spaces within the width (one cell left for the caret); new lines are kept; a long word is cut")
    func wrapping() {
        let area = typed("rappeler lundi matin\nsans faute", width: 12)
        #expect(area.lineTexts(width: 12) == ["rappeler ", "lundi matin", "sans faute"])
        #expect(typed("anticonstitutionnellement", width: 10).lineTexts(width: 10) == ["anticonst", "itutionne", "llement"])
        #expect(TextArea().lineTexts(width: 10) == [""])
        #expect(typed("a\n").lineTexts(width: 10) == ["a", ""])
        #expect(typed("a\n\nb").lineTexts(width: 10) == ["a", "", "b"])
        // Wide characters count two cells.
        #expect(typed("東京東京東京", width: 7).lineTexts(width: 7) == ["東京東", "京東京"])
    }

    @Test("The caret: its row and column at a width; ↑ ↓ keep the column; Home and End work on its line")
    func caret() {
        var area = typed("premier mot\nsecond", width: 30)
        #expect(area.caretPosition(width: 30) == (row: 1, column: 6))
        area.moveVertically(-1, width: 30)
        #expect(area.caretPosition(width: 30) == (row: 0, column: 6))
        _ = area.handle(.end, width: 30)
        #expect(area.caretPosition(width: 30) == (row: 0, column: 11))
        area.moveVertically(1, width: 30)
        #expect(area.caretPosition(width: 30) == (row: 1, column: 6))
        _ = area.handle(.home, width: 30)
        #expect(area.caretPosition(width: 30) == (row: 1, column: 0))
        area.moveVertically(1, width: 30)
        #expect(area.caretPosition(width: 30) == (row: 1, column: 6))
        area.moveVertically(-1, width: 30)
        area.moveVertically(-1, width: 30)
        #expect(area.caretPosition(width: 30) == (row: 0, column: 0))
    }

    @Test("A resize moves no character: the caret stays on its character, on another line")
    func resize() {
        var area = typed("un deux trois quatre", width: 40)
        for _ in 0..<7 { _ = area.handle(.left, width: 40) }   // back over « quatre » and its space
        let before = area.caret
        #expect(area.caretPosition(width: 40) == (row: 0, column: 13))
        #expect(area.caretPosition(width: 10).row == 1)
        #expect(area.caret == before && area.text == "un deux trois quatre")
        // Typing at a narrow width inserts at the same place.
        _ = area.handle(.char("!"), width: 10)
        #expect(area.text == "un deux trois! quatre")
    }

    @Test("Editing: Backspace joins lines, Delete, Ctrl-U clears to the start of the line; controls are refused")
    func editing() {
        var area = typed("ab\ncd")
        _ = area.handle(.home, width: 20)
        _ = area.handle(.backspace, width: 20)
        #expect(area.text == "abcd" && area.caret == 2)
        _ = area.handle(.delete, width: 20)
        #expect(area.text == "abd")
        _ = area.handle(.ctrl("u"), width: 20)
        #expect(area.text == "d" && area.caret == 0)
        #expect(area.handle(.char("\u{1B}"), width: 20) == .ignored)
        #expect(area.handle(.char("\u{202E}"), width: 20) == .ignored)
        #expect(typed("  \n ").isBlank && !typed(" x ").isBlank)
    }
}

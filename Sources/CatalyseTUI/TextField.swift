import CatalyseCore

/// A one-line text being typed, with a caret. In a field, letters are text: only the keys of
/// `ScreenKeys.text` (the arrows, Home/End, Backspace/Delete, Ctrl-U) edit; everything else is
/// for the caller to handle.
struct TextField: Sendable, Equatable {
    private(set) var characters: [Character]
    /// Position of the caret, in characters (0 ... count).
    private(set) var caret: Int

    init(_ text: String = "") {
        characters = Array(text)
        caret = characters.count
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }

    enum Outcome { case changed, moved, ignored }

    /// Applies an editing key (`ScreenKeys.text`); any other typed character is text.
    mutating func handle(_ key: Key) -> Outcome {
        let count = characters.count
        return TextField.edit(key, &characters, caret: &caret) { (0, count) }
    }

    /// The editing shared by a field and a text area: `key` typed or applied at `caret` in
    /// `characters`, where Home, End and Ctrl-U work between the two positions `line` gives (the
    /// whole text in a field, the caret's line in an area; worked out only for those keys).
    static func edit(_ key: Key, _ characters: inout [Character], caret: inout Int, line: () -> (start: Int, end: Int)) -> Outcome {
        guard let action = ScreenKeys.text.action(for: key) else {
            guard case .char(let ch) = key, accepts(ch) else { return .ignored }
            characters.insert(ch == "\t" ? " " : ch, at: caret)
            caret += 1
            return .changed
        }
        switch action {
        case .deleteBackward:
            guard caret > 0 else { return .ignored }
            characters.remove(at: caret - 1)
            caret -= 1
            return .changed
        case .deleteForward:
            guard caret < characters.count else { return .ignored }
            characters.remove(at: caret)
            return .changed
        case .deleteToStart:
            let start = line().start
            guard caret > start else { return .ignored }
            characters.removeSubrange(start..<caret)
            caret = start
            return .changed
        case .left:
            guard caret > 0 else { return .ignored }
            caret -= 1
            return .moved
        case .right:
            guard caret < characters.count else { return .ignored }
            caret += 1
            return .moved
        case .start:
            caret = line().start
            return .moved
        case .end:
            caret = line().end
            return .moved
        }
    }

    /// Inserts typed text at the caret (what `accepts` refuses is left out); whether it changed.
    mutating func insert(_ text: String) -> Bool {
        let accepted = text.filter(TextField.accepts).map { $0 == "\t" ? " " : $0 }
        guard !accepted.isEmpty else { return false }
        characters.insert(contentsOf: accepted, at: caret)
        caret += accepted.count
        return true
    }

    mutating func set(_ text: String) {
        characters = Array(text)
        caret = characters.count
    }

    /// Typed characters that may enter a field: no control or bidirectional characters, which
    /// must never reach the terminal.
    static func accepts(_ ch: Character) -> Bool {
        if ch == "\t" { return true }
        for scalar in ch.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || TextCleaning.isBidiControl(v) { return false }
            if v == 0x2028 || v == 0x2029 { return false }
        }
        return true
    }

    /// The field drawn in `width` cells: the visible part of the text and the caret's column
    /// within it (the text scrolls horizontally so that the caret stays visible).
    func visible(width: Int) -> (text: String, caretColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let widths = characters.map { CellWidth.of($0) }
        let beforeCaret = widths[0..<caret].reduce(0, +)
        // Leave one cell for the caret at the end.
        var start = 0
        var skipped = 0
        while beforeCaret - skipped > width - 1, start < caret {
            skipped += widths[start]
            start += 1
        }
        var out = ""
        var used = 0
        var i = start
        while i < characters.count, used + widths[i] <= width {
            out.append(characters[i])
            used += widths[i]
            i += 1
        }
        return (out, beforeCaret - skipped)
    }
}

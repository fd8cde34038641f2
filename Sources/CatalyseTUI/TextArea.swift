import CatalyseCore

/// A text of several lines being typed (a note), with a caret. It keeps characters, not lines:
/// lines are worked out for the width it is drawn at (wrapped at spaces), so a resize loses
/// nothing and the caret stays on its character. Editing keys are `ScreenKeys.text`'s (Home and
/// End, Ctrl-U work on the caret's line); a new line is `insertNewline()`; any other typed
/// character is text.
struct TextArea: Sendable, Equatable {
    private(set) var characters: [Character] = []
    /// Position of the caret, in characters (0 ... count).
    private(set) var caret = 0

    init(_ text: String = "") {
        characters = Array(text)
        caret = characters.count
    }

    var text: String { String(characters) }
    var isBlank: Bool { characters.allSatisfy { $0 == " " || $0 == "\n" } }

    mutating func insertNewline() {
        characters.insert("\n", at: caret)
        caret += 1
    }

    /// Applies an editing key, or types a character.
    mutating func handle(_ key: Key, width: Int) -> TextField.Outcome {
        let whole = self
        return TextField.edit(key, &characters, caret: &caret) {
            let line = whole.lines(width: width)[whole.caretLine(width: width)]
            return (line.lowerBound, whole.lastPosition(line))
        }
    }

    /// Moves the caret to the line above (-1) or below (+1), at the same column or the line's end.
    mutating func moveVertically(_ delta: Int, width: Int) {
        let all = lines(width: width)
        let here = caretLine(width: width)
        let target = here + delta
        guard all.indices.contains(target) else {
            caret = delta < 0 ? 0 : characters.count
            return
        }
        let column = cells(all[here].lowerBound..<caret)
        var i = all[target].lowerBound
        var used = 0
        while i < lastPosition(all[target]), used + CellWidth.of(characters[i]) <= column {
            used += CellWidth.of(characters[i])
            i += 1
        }
        caret = i
    }

    /// The last caret position on a line: its end, or before its last character when the line
    /// goes on below (a position at its end is the next line's start).
    private func lastPosition(_ line: Range<Int>) -> Int {
        let wrapped = line.upperBound < characters.count && characters[line.upperBound] != "\n"
        return wrapped && !line.isEmpty ? line.upperBound - 1 : line.upperBound
    }

    private func cells(_ range: Range<Int>) -> Int { characters[range].reduce(0) { $0 + CellWidth.of($1) } }

    /// The lines at `width` cells: ranges of characters, without the new-line characters.
    /// A line leaves one cell for the caret; a long word is cut where it must.
    func lines(width: Int) -> [Range<Int>] {
        let room = max(1, width - 1)
        var out: [Range<Int>] = []
        var start = 0
        while true {
            let hardEnd = characters[start...].firstIndex(of: "\n") ?? characters.count
            var s = start
            repeat {
                var used = 0
                var j = s
                var lastSpace: Int? = nil
                while j < hardEnd, used + CellWidth.of(characters[j]) <= room {
                    if characters[j] == " " { lastSpace = j }
                    used += CellWidth.of(characters[j])
                    j += 1
                }
                if j >= hardEnd {
                    out.append(s..<hardEnd)
                    s = hardEnd
                } else {
                    let end = lastSpace.map { $0 + 1 } ?? max(j, s + 1)
                    out.append(s..<end)
                    s = end
                }
            } while s < hardEnd
            guard hardEnd < characters.count else { break }
            start = hardEnd + 1
            if start == characters.count {
                out.append(start..<start)
                break
            }
        }
        return out
    }

    /// The line the caret is on: the last that starts at or before it.
    func caretLine(width: Int) -> Int {
        let all = lines(width: width)
        return all.lastIndex { $0.lowerBound <= caret } ?? 0
    }

    /// The caret's row and column at `width`.
    func caretPosition(width: Int) -> (row: Int, column: Int) {
        let all = lines(width: width)
        let row = caretLine(width: width)
        return (row, cells(all[row].lowerBound..<min(caret, all[row].upperBound)))
    }

    /// The text of each line at `width`.
    func lineTexts(width: Int) -> [String] { lines(width: width).map { String(characters[$0]) } }
}

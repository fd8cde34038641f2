/// The one word-wrapper: text laid out in lines of terminal cells, used by the exports, `show`
/// and every view of the interface.
public enum TextWrap {
    /// The paragraphs of a text written in a file (`Paragraphs.blocks`): a blank line separates
    /// paragraphs (an empty string between them); a single line break inside a paragraph is
    /// only the file's own wrapping and becomes a space, except before a list item (`- `).
    /// Catalogue text is already in this form once loaded; this is for any other text.
    public static func paragraphs(_ text: String) -> [String] {
        let blocks = Paragraphs.blocks(text)
        return blocks.isEmpty ? [""] : blocks
    }

    /// The paragraphs of `text` (see `paragraphs`), each wrapped to `width` cells: how the
    /// exports and `catalyse show` lay out a catalogue's text.
    public static func paragraphs(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return paragraphs(text, first: width, rest: width)
    }

    /// The paragraphs of `text` wrapped at word boundaries, the first line in `first` cells (it
    /// follows a label), the others in `rest`; an empty line between paragraphs; the lines that
    /// continue a list item (`- …`) indented by two cells, under its text.
    public static func paragraphs(_ text: String, first: Int, rest: Int) -> [String] {
        var out: [String] = []
        for block in paragraphs(text) {
            if block.isEmpty { out.append(""); continue }
            let width = out.isEmpty ? first : rest
            if Paragraphs.isItem(Substring(block)) {
                let wrapped = lines(block, first: width, rest: max(1, rest - 2))
                out.append(wrapped[0])
                out += wrapped.dropFirst().map { "  " + $0 }
            } else {
                out += lines(block, first: width, rest: rest)
            }
        }
        return out.isEmpty ? [""] : out
    }

    /// The words of a line of text, as units that are never broken apart: French typography
    /// keeps `«` with the next word and `»`, `:`, `;`, `?`, `!` with the previous one, even
    /// when the text has plain spaces there. A non-breaking space (U+00A0) never separates
    /// words either.
    public static func unbreakableWords(_ paragraph: Substring) -> [String] {
        var units: [String] = []
        var glueNext = false
        for piece in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
            let word = String(piece)
            let closes = word.first.map { "»:;?!".contains($0) } ?? false
            if let last = units.last, glueNext || closes {
                units[units.count - 1] = last + " " + word
            } else {
                units.append(word)
            }
            glueNext = word.last == "«"
        }
        return units
    }

    /// Wraps text at word boundaries: the first line gets `first` cells, the others `rest`.
    /// Words longer than a line are cut onto the next line (never dropped), newlines start new
    /// lines, so nothing is lost (contact details are wrapped, never truncated). French
    /// punctuation stays with its word (`unbreakableWords`).
    public static func lines(_ text: String, first: Int, rest: Int) -> [String] {
        let first = max(1, first), rest = max(1, rest)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var limit: Int { lines.isEmpty ? first : rest }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            for piece in unbreakableWords(paragraph) {
                var word = piece
                var w = CellWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + w <= limit {
                    line += " " + word
                    lineWidth += 1 + w
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                } else if lines.isEmpty && w > first && w <= rest {
                    // A word that does not fit beside the label but fits a whole line: start below.
                    lines.append("")
                }
                while w > limit {
                    var head = ""
                    var headWidth = 0
                    var remainder = Substring(word)
                    while let ch = remainder.first, headWidth + CellWidth.of(ch) <= limit {
                        head.append(ch)
                        headWidth += CellWidth.of(ch)
                        remainder = remainder.dropFirst()
                    }
                    if head.isEmpty, let ch = remainder.first { head = String(ch); remainder = remainder.dropFirst() }
                    lines.append(head)
                    word = String(remainder)
                    w = CellWidth.of(word)
                }
                line = word
                lineWidth = w
            }
            lines.append(line)
            line = ""
            lineWidth = 0
        }
        return lines
    }

    /// Text with surrounding blank lines and trailing spaces removed (multi-line catalogue
    /// fields end with a newline).
    public static func trimmedBlock(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var l = line
            while l.last == " " || l.last == "\t" { l.removeLast() }
            return l
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

/// The one word-wrapper: text laid out in lines of terminal cells, used by the exports, `show`
/// and every view of the interface.
public enum TextWrap {
    /// The paragraphs of a text written in a file: a blank line separates paragraphs; a single
    /// line break inside a paragraph is only the file's own wrapping and becomes a space, except
    /// before a list item (`- `, `• `, `* `).
    public static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.isEmpty {
                if !current.isEmpty { result.append(current) }
                current = ""
                result.append("")
                continue
            }
            let isItem = trimmed.hasPrefix("- ") || trimmed.hasPrefix("• ") || trimmed.hasPrefix("* ")
            if current.isEmpty {
                current = String(line)
            } else if isItem {
                result.append(current)
                current = String(line)
            } else {
                current += " " + trimmed
            }
        }
        result.append(current)
        // Runs of blank lines give one empty line between paragraphs.
        var compact: [String] = []
        for p in result where !(p.isEmpty && (compact.last?.isEmpty ?? true)) { compact.append(p) }
        while compact.last?.isEmpty == true { compact.removeLast() }
        return compact.isEmpty ? [""] : compact
    }

    /// The paragraphs of `text` (see `paragraphs`), each wrapped to `width` cells: how the
    /// exports and `catalyse show` lay out a catalogue's text.
    public static func paragraphs(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return lines(paragraphs(text).joined(separator: "\n"), first: width, rest: width)
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

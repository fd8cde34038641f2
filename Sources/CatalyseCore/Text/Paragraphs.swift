/// Text written in a file, laid out as text once, when it is loaded: the line breaks of a
/// multi-line field (YAML `|` blocks wrap at about 85 characters) are the file's own wrapping,
/// not the author's. Every output (sheets, exports, `--json`, the interface) then gets
/// paragraphs and wraps them to its own width.
public enum Paragraphs {
    /// Whether a line (leading spaces already removed) starts a list item.
    @inline(__always)
    static func isItem(_ line: Substring) -> Bool {
        line.hasPrefix("- ") || line.hasPrefix("• ") || line.hasPrefix("* ") || line == "-" || line == "•"
    }

    /// The blocks of a text: each paragraph or list item on one line, spaces inside it
    /// collapsed; `""` between two paragraphs (a blank line in the source), never at either end
    /// and never two in a row.
    ///
    /// - a single line break inside a paragraph is a space;
    /// - a blank line (or a line of spaces) separates paragraphs;
    /// - a line that starts with `- ` (or `• `, `* `) starts a list item, which the next lines
    ///   continue until a blank line or another item.
    public static func blocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current = ""
        var blankBefore = false
        func flush() {
            guard !current.isEmpty else { return }
            if blankBefore && !blocks.isEmpty { blocks.append("") }
            blocks.append(current)
            current = ""
            blankBefore = false
        }
        // "\r\n" is one Character in Swift: every line break form ends a line.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = raw.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                flush()
                blankBefore = true
                continue
            }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\r" }).joined(separator: " ")
            if isItem(line) {
                // The block before ends here (a blank line before this item is kept by flush).
                flush()
                current = words
            } else if current.isEmpty {
                current = words
            } else {
                current += " " + words
            }
        }
        flush()
        return blocks
    }

    /// The text in its laid-out form: `blocks` joined by line breaks, so a blank line separates
    /// paragraphs and each list item is on its own line. Idempotent.
    public static func normalise(_ text: String) -> String {
        blocks(text).joined(separator: "\n")
    }

    /// Whether `normalise` would leave the text as it is: judged on its bytes when it has no
    /// line break (most single-paragraph texts), else by laying it out.
    public static func isNormal(_ text: String) -> Bool {
        var previous: UInt8 = 0x20  // a leading space is not normal
        for b in text.utf8 {
            if b == 0x0A || b == 0x0D || b == 0x09 { return normalise(text) == text }
            if b == 0x20 && previous == 0x20 { return false }
            previous = b
        }
        return previous != 0x20 || text.isEmpty
    }
}

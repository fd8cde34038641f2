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
        if let laidOut = fastNormalise(text) {
            return laidOut.isEmpty ? [] : laidOut.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        return characterBlocks(text)
    }

    /// `blocks` by `Character`s: the rule as written, for texts that are not `SimpleText`.
    static func characterBlocks(_ text: String) -> [String] {
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
        fastNormalise(text) ?? characterBlocks(text).joined(separator: "\n")
    }

    /// `normalise` on the UTF-8 bytes of a `SimpleText` (nil for other texts), the same rule
    /// step by step: lines end at LF, CR LF or CR; leading spaces and tabs are dropped; an empty
    /// line ends the block; the words of a line (split at spaces) are joined by one space; an item
    /// line starts a new block. Blocks are joined by a line break, with a blank line where the
    /// source had one between two blocks.
    static func fastNormalise(_ text: String) -> String? {
        SimpleText.withBytes(text) { bytes -> String? in
            guard SimpleText.isSimple(bytes) else { return nil }
            return normaliseSimple(bytes)
        }
    }

    /// `fastNormalise` on bytes already known to be a `SimpleText`, in one pass: each line is
    /// copied as its end is looked for.
    static func normaliseSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let n = bytes.count
        return String(unsafeUninitializedCapacity: n + 1) { out in
            // Whether `k` is past the line: the end of the text or a line break.
            @inline(__always) func stop(_ k: Int) -> Bool { k >= n || bytes[k] == 0x0A || bytes[k] == 0x0D }
            var length = 0
            var inBlock = false, blankBefore = false, emitted = false
            var i = 0
            while i <= n {
                // One line from `i`: its leading spaces and tabs dropped.
                var start = i
                while start < n && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
                var end = start
                if stop(start) {
                    if inBlock { inBlock = false; blankBefore = false }
                    blankBefore = true
                } else {
                    let first = bytes[start]
                    let second: UInt8 = stop(start + 1) ? 0 : bytes[start + 1]
                    let item = ((first == 0x2D || first == 0x2A) && second == 0x20) || (first == 0x2D && stop(start + 1))
                        || (first == 0xE2 && start + 2 < n && bytes[start + 1] == 0x80 && bytes[start + 2] == 0xA2
                            && (stop(start + 3) || bytes[start + 3] == 0x20))
                    if item && inBlock { inBlock = false; blankBefore = false }
                    if !inBlock {
                        if emitted {
                            out[length] = 0x0A; length += 1
                            if blankBefore { out[length] = 0x0A; length += 1 }
                        }
                        inBlock = true; emitted = true; blankBefore = false
                    } else {
                        out[length] = 0x20; length += 1
                    }
                    // The line's words, one space between them, up to its end.
                    var pendingSpace = false
                    while end < n {
                        let b = bytes[end]
                        if b == 0x0A || b == 0x0D { break }
                        end += 1
                        if b == 0x20 { pendingSpace = true; continue }
                        if pendingSpace { out[length] = 0x20; length += 1; pendingSpace = false }
                        out[length] = b; length += 1
                    }
                }
                // Past the line break (CR LF is one).
                i = end < n && bytes[end] == 0x0D && end + 1 < n && bytes[end + 1] == 0x0A ? end + 2 : end + 1
            }
            return length
        }
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

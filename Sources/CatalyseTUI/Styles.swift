import CatalyseCore

/// The calm default theme. Colours only underline what text or a symbol already says (the
/// purpose tag is a word, a favourite is ★, the selected row is in reverse video). Under
/// NO_COLOR, `render()` removes every colour and dim attribute, leaving bold, reverse and
/// underline.
enum Palette {
    static let plain = CellStyle.plain
    static let appName = CellStyle(color: .accent, bold: true)
    static let headerText = CellStyle(bold: false)
    static let headerMuted = CellStyle(color: .muted)
    static let badge = CellStyle(color: .badge, bold: true, reverse: true)
    static let count = CellStyle(bold: true)
    static let filterPrefix = CellStyle(color: .accent, bold: true)
    static let muted = CellStyle(color: .muted, dim: true)
    static let columnTitle = CellStyle(bold: true, underline: true)
    static let selected = CellStyle(bold: true, reverse: true)
    static let favourite = CellStyle(color: .favourite, bold: true)
    static let firm = CellStyle(color: .muted)
    static let title = CellStyle(bold: true)
    static let heading = CellStyle(color: .accent, bold: true)
    static let key = CellStyle(bold: true)
    static let error = CellStyle(color: .error, bold: true)
    static let info = CellStyle(color: .accent, bold: true)
    static let missing = CellStyle(color: .error)
    static let border = CellStyle(color: .muted)
    static let checked = CellStyle(color: .accent, bold: true)

    static func purpose(_ purpose: Purpose) -> CellStyle {
        CellStyle(color: purpose == .strategique ? .strategic : .operational)
    }
}

/// A piece of text in one style.
struct Segment: Sendable {
    var text: String
    var style: CellStyle
    init(_ text: String, _ style: CellStyle = .plain) { self.text = text; self.style = style }
}

/// One line of a document view (a sheet, the help, a firm): segments drawn left to right.
struct StyledLine: Sendable {
    var segments: [Segment]
    init(_ segments: [Segment]) { self.segments = segments }
    init(_ text: String, _ style: CellStyle = .plain) { segments = [Segment(text, style)] }
    static let blank = StyledLine([])
    var plainText: String { segments.map(\.text).joined() }
}

extension Grid {
    /// Draws a styled line at (row, column), clipped to `width` cells.
    @discardableResult
    mutating func put(_ line: StyledLine, row: Int, column: Int, width: Int) -> Int {
        var x = column
        for segment in line.segments {
            let room = column + width - x
            if room <= 0 { break }
            x += put(segment.text, row: row, column: x, style: segment.style, maxWidth: room)
        }
        return x - column
    }

    /// Gives every cell of a rectangle the reverse attribute (the selected row).
    mutating func highlight(row: Int, from column: Int, width: Int) {
        guard row >= 0, row < height else { return }
        for x in max(0, column)..<max(max(0, column), min(self.width, column + width)) {
            var cell = self[row, x]
            cell.style.reverse = true
            cell.style.bold = true
            cell.style.color = .default
            cell.style.dim = false
            self[row, x] = cell
        }
    }

    /// Removes colours and dimming: the NO_COLOR look, bold, reverse and underline only.
    mutating func removeColours() {
        for r in 0..<height {
            for c in 0..<width {
                var cell = self[r, c]
                if cell.style.color != .default || cell.style.dim {
                    cell.style.color = .default
                    cell.style.dim = false
                    self[r, c] = cell
                }
            }
        }
    }

    /// Draws a box border around a rectangle, with an optional title on the top edge.
    mutating func box(row: Int, column: Int, width: Int, height: Int, title: String = "") {
        guard width >= 2, height >= 2 else { return }
        let style = Palette.border
        let right = column + width - 1
        let bottom = row + height - 1
        put("┌" + String(repeating: "─", count: width - 2) + "┐", row: row, column: column, style: style)
        put("└" + String(repeating: "─", count: width - 2) + "┘", row: bottom, column: column, style: style)
        for r in (row + 1)..<bottom {
            put("│", row: r, column: column, style: style)
            fill(row: r, from: column + 1, width: width - 2, style: .plain)
            put("│", row: r, column: right, style: style)
        }
        if !title.isEmpty {
            put(" " + title + " ", row: row, column: column + 2, style: Palette.heading, maxWidth: max(0, width - 4))
        }
    }
}

/// The words of a line of text, as units that are never broken apart: French typography keeps
/// `«` with the next word and `»`, `:`, `;`, `?`, `!` with the previous one, even when the text
/// (the core's filter descriptions, catalogue fields) has plain spaces there. A non-breaking
/// space (U+00A0) never separates words either.
func unbreakableWords(_ paragraph: Substring) -> [String] {
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
func wrapText(_ text: String, first: Int, rest: Int) -> [String] {
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

/// Text with surrounding blank lines and trailing spaces removed (multi-line catalogue fields
/// end with a newline).
func trimmedBlock(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
        var l = line
        while l.last == " " || l.last == "\t" { l.removeLast() }
        return l
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
}

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
        clearMargins(row: row, column: column, width: width, height: height)
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

    /// Blanks the cells beside a box, on its rows: two columns on each side, or up to the edge
    /// of the screen when less than that would be left, so that no cut word of what is under
    /// the box shows at its edges.
    mutating func clearMargins(row: Int, column: Int, width: Int, height: Int, gutter: Int = 2) {
        var left = max(0, column - gutter)
        if left <= gutter { left = 0 }
        var end = min(self.width, column + width + gutter)
        if self.width - end <= gutter { end = self.width }
        for r in max(0, row)..<min(self.height, row + height) {
            if column > left { fill(row: r, from: left, width: column - left, style: .plain) }
            if end > column + width { fill(row: r, from: column + width, width: end - column - width, style: .plain) }
        }
    }
}


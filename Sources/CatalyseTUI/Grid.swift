import CatalyseCore

/// Colours of the theme. The backend maps them to terminal colours (or to nothing under NO_COLOR).
public enum ThemeColor: Int, Sendable, Hashable, CaseIterable {
    case `default` = 0
    case accent       // headings, the selected facet
    case muted        // secondary text (firm names, hints)
    case badge        // the illustrative badge
    case favourite    // ★
    case strategic    // purpose tag: stratégique
    case operational  // purpose tag: opérationnelle
    case error        // messages about failures
}

/// How a cell is drawn. Meaning is never carried by colour alone: every coloured thing also has
/// a text or a symbol.
public struct CellStyle: Sendable, Hashable {
    public var color: ThemeColor = .default
    public var bold = false
    public var reverse = false
    public var underline = false
    public var dim = false
    public init(color: ThemeColor = .default, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.color = color; self.bold = bold; self.reverse = reverse; self.underline = underline; self.dim = dim
    }
    public static let plain = CellStyle()
}

/// One terminal cell: what the terminal draws there (a grapheme, or the part of one that takes a
/// cell of its own: `CellWidth.pieces`), possibly two cells wide, and its style. The cell right
/// of a wide one holds `continuation` so that columns stay aligned.
public struct Cell: Sendable, Hashable {
    public var grapheme: String
    public var style: CellStyle
    public var isContinuation: Bool { grapheme.isEmpty }
    public init(_ grapheme: String, _ style: CellStyle = .plain) { self.grapheme = grapheme; self.style = style }
    public static let blank = Cell(" ")
    public static let continuation = Cell("")
}

/// A cell position on the screen: a row and a column, from the top left corner (0, 0).
public struct Position: Sendable, Hashable {
    public var row: Int
    public var column: Int
    public init(row: Int, column: Int) { self.row = row; self.column = column }
    /// `Position(3, 0)`: row 3, column 0.
    public init(_ row: Int, _ column: Int) { self.init(row: row, column: column) }
}

/// A frame: a rectangle of cells the backend copies to the terminal, and where the terminal
/// cursor should sit (on the selected row, for screen readers).
public struct Grid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    public var cursor: Position? = nil

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        get { cells[row * width + column] }
        set { cells[row * width + column] = newValue }
    }

    /// Writes `text` at (row, column), clipped to `maxWidth` cells (and to the grid), one
    /// grapheme per cell (two for wide ones); a grapheme a terminal draws in several cells (a
    /// skin-tone emoji, a Devanagari conjunct) takes them, one piece each, and is written whole
    /// or not at all. Returns the number of cells written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle = .plain, maxWidth: Int? = nil) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let limit = min(width, column + (maxWidth ?? width))
        var x = column
        for ch in text {
            let w = CellWidth.of(ch)
            if w == 0 { continue }
            if x + w > limit { break }
            if ch.unicodeScalars.count == 1 || ch == "\r\n" {
                putCell(ch == "\t" || ch == "\n" || ch == "\r\n" ? " " : String(ch), width: w, row: row, column: x, style: style)
            } else {
                var px = x
                for piece in CellWidth.pieces(of: ch) {
                    putCell(piece.text, width: piece.width, row: row, column: px, style: style)
                    px += piece.width
                }
            }
            x += w
        }
        return x - column
    }

    /// One cell's content (`cells` wide: 1 or 2) at a column that may be left of the grid.
    private mutating func putCell(_ content: String, width cells: Int, row: Int, column: Int, style: CellStyle) {
        guard column >= 0 else { return }
        clearWideHalves(row: row, from: column, width: cells)
        self[row, column] = Cell(content, style)
        if cells == 2 { self[row, column + 1] = Cell("", style) }
    }

    /// Before cells `column ..< column + count` are overwritten: a wide grapheme cut in half at
    /// either edge (its other half outside the range) becomes a blank, so no orphan half is left
    /// for the terminal to draw across what is written (a box over a CJK firm name).
    mutating func clearWideHalves(row: Int, from column: Int, width count: Int) {
        if column > 0, column < width, self[row, column].isContinuation {
            self[row, column - 1] = Cell(" ", self[row, column - 1].style)
        }
        let after = column + count
        if after > 0, after < width, self[row, after].isContinuation {
            self[row, after] = Cell(" ", self[row, after].style)
        }
    }

    /// Fills a row segment with spaces in `style`.
    public mutating func fill(row: Int, from column: Int = 0, width: Int? = nil, style: CellStyle) {
        guard row >= 0, row < height else { return }
        let end = min(self.width, column + (width ?? self.width))
        if end > max(0, column) { clearWideHalves(row: row, from: max(0, column), width: end - max(0, column)) }
        for x in max(0, column)..<max(max(0, column), end) { self[row, x] = Cell(" ", style) }
    }

    /// The text of each row (continuation cells skipped, trailing spaces kept), for tests.
    public var lines: [String] {
        (0..<height).map { r in
            var s = ""
            for c in 0..<width where !self[r, c].isContinuation { s += self[r, c].grapheme }
            return s
        }
    }

    /// The whole frame as text, rows without trailing spaces, joined by newlines.
    public var text: String {
        lines.map { line in
            var l = line
            while l.hasSuffix(" ") { l.removeLast() }
            return l
        }.joined(separator: "\n")
    }
}

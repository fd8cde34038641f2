import CatalyseCore

/// The table `catalyse list` prints on a terminal. The id, which a person copies into
/// `catalyse show`, is never cut. Titles keep at least 20 cells and firm names 12; when the
/// full id, a 20-cell title and the short labels do not fit, the firm column goes first, then
/// the purpose, then the format. Purposes and formats are written short in the columns
/// (`Mécénat`); `show` and `--json` give them in full.
enum ListTable {
    struct Column {
        var header: String
        var cells: [String]
        /// The narrowest it may be made (nil: never narrowed).
        var minimum: Int?
        var width: Int

        init(_ header: String, _ cells: [String], minimum: Int? = nil) {
            self.header = header
            self.cells = cells
            self.minimum = minimum
            width = ([header] + cells).map(CellWidth.of).max() ?? 0
        }
    }

    static let gap = 2
    static let titleMinimum = 20
    static let firmMinimum = 12

    /// The columns shown at `width`, in order, with their widths.
    static func layout(_ offers: [Offer], catalogue: Catalogue, language: Language, width: Int) -> [Column] {
        let fr = language == .fr
        let id = Column("ID", offers.map(\.id))
        let firm = Column(fr ? "CABINET" : "FIRM", offers.map { catalogue.firm(of: $0).name }, minimum: firmMinimum)
        let title = Column(fr ? "OFFRE" : "OFFER", offers.map(\.title), minimum: titleMinimum)
        let purpose = Column(fr ? "FINALITÉ" : "PURPOSE", offers.map { $0.purpose.shortLabel.text(language) })
        let format = Column("FORMAT", offers.map { $0.format.shortLabel.text(language) })
        // Each layout in turn, the first that fits at its narrowest; else the id and the title.
        let layouts = [[id, firm, title, purpose, format], [id, title, purpose, format], [id, title, format], [id, title]]
        for candidate in layouts {
            let narrowest = candidate.reduce(0) { $0 + min($1.width, $1.minimum ?? $1.width) } + gap * (candidate.count - 1)
            if narrowest <= width { return shrink(candidate, to: width) }
        }
        var last = [id, title]
        last[1].width = max(8, width - id.width - gap)
        return last
    }

    /// Narrows the flexible columns, widest first, until the row fits `width`.
    static func shrink(_ columns: [Column], to width: Int) -> [Column] {
        var columns = columns
        var total = columns.reduce(0) { $0 + $1.width } + gap * (columns.count - 1)
        while total > width {
            let flexible = columns.indices.filter { c in columns[c].minimum.map { columns[c].width > $0 } ?? false }
            guard let c = flexible.max(by: { columns[$0].width < columns[$1].width }) else { break }
            columns[c].width -= 1
            total -= 1
        }
        return columns
    }

    static func render(_ offers: [Offer], catalogue: Catalogue, language: Language, width: Int) -> String {
        let columns = layout(offers, catalogue: catalogue, language: language, width: width)
        func line(_ cell: (Column) -> String) -> String {
            var s = ""
            for (c, column) in columns.enumerated() {
                let last = c == columns.count - 1
                s += last ? CellWidth.truncate(cell(column), to: column.width) : CellWidth.pad(cell(column), to: column.width) + String(repeating: " ", count: gap)
            }
            return s
        }
        var out = line(\.header) + "\n"
        for row in offers.indices { out += line { $0.cells[row] } + "\n" }
        return out
    }
}

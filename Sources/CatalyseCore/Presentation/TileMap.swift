/// France as a tile map, as newspapers draw it: each of the 13 metropolitan régions a block
/// placed where it lies (neighbours touching), the 5 overseas régions as insets below; each tile
/// its name (or a documented abbreviation where the tile is narrow), the number of offers, and a
/// shading that grows with it — characters, so it reads without colour (`░ ▒ ▓ █`, blank for 0).
public enum TileMap {
    /// A région's place on the grid: column and row of its top-left tile, and how many tiles wide.
    public struct Tile: Sendable, Equatable {
        public let region: String
        public let column: Int
        public let row: Int
        public let span: Int
        /// The abbreviation used where the name does not fit.
        public let short: String
    }

    /// The metropolitan tiles (a grid of 5 columns and 5 rows; the insets are a sixth row).
    public static let metropolitan: [Tile] = [
        Tile(region: "32", column: 2, row: 0, span: 1, short: "HdF"),
        Tile(region: "28", column: 1, row: 1, span: 1, short: "Norm"),
        Tile(region: "11", column: 2, row: 1, span: 1, short: "IdF"),
        Tile(region: "44", column: 3, row: 1, span: 1, short: "GEst"),
        Tile(region: "53", column: 0, row: 2, span: 1, short: "Bret"),
        Tile(region: "52", column: 1, row: 2, span: 1, short: "PdL"),
        Tile(region: "24", column: 2, row: 2, span: 1, short: "CVL"),
        Tile(region: "27", column: 3, row: 2, span: 1, short: "BFC"),
        Tile(region: "75", column: 1, row: 3, span: 1, short: "NAq"),
        Tile(region: "84", column: 2, row: 3, span: 2, short: "AuRA"),
        Tile(region: "76", column: 1, row: 4, span: 2, short: "Occ"),
        Tile(region: "93", column: 3, row: 4, span: 1, short: "PACA"),
        Tile(region: "94", column: 4, row: 4, span: 1, short: "Corse"),
    ]

    /// The overseas insets, in INSEE order, on a row of their own.
    public static let overseas: [Tile] = [
        Tile(region: "01", column: 0, row: 5, span: 1, short: "Guad"),
        Tile(region: "02", column: 1, row: 5, span: 1, short: "Mart"),
        Tile(region: "03", column: 2, row: 5, span: 1, short: "Guy"),
        Tile(region: "04", column: 3, row: 5, span: 1, short: "Réun"),
        Tile(region: "06", column: 4, row: 5, span: 1, short: "May"),
    ]

    public static var tiles: [Tile] { metropolitan + overseas }

    /// The tile of a région (its INSEE code, without `R`).
    public static func tile(_ region: String) -> Tile? { tiles.first { $0.region == region } }

    /// Columns and rows of the grid: 5 columns, 5 metropolitan rows and the row of insets.
    public static let columns = 5
    public static let rows = 6

    // MARK: Counts (the query layer's, as the territory filter counts)

    /// Each région's count in the facet counts of a query: what the list would give with that
    /// région as the only territory filter and every other filter unchanged (an offer counts when
    /// it covers the région, one of its départements, or the whole country).
    public static func regionCounts(_ counts: FacetCounts) -> [String: Int] {
        var out: [String: Int] = [:]
        for code in Territories.regionCodes { out[code] = counts.count(.territory, "R" + code) }
        return out
    }

    /// The départements of a région with their counts, in INSEE order.
    public static func departmentCounts(_ counts: FacetCounts, region: String) -> [(department: Territories.Department, count: Int)] {
        Territories.departments(ofRegion: region).map { ($0, counts.count(.territory, $0.code)) }
    }

    // MARK: Moving between neighbours

    public enum Direction: Sendable, Equatable { case up, down, left, right }

    /// The neighbouring tile in a direction, if any. Left and right: the nearest tile on the same
    /// row. Up and down: the nearest row that has a tile, and in it the tile nearest the columns
    /// this one covers (the leftmost when two are as near), so Occitanie goes down to Martinique
    /// and Corse up to Auvergne-Rhône-Alpes.
    public static func neighbour(of region: String, _ direction: Direction) -> String? {
        guard let from = tile(region) else { return nil }
        let all = tiles
        switch direction {
        case .left:
            return all.filter { $0.row == from.row && $0.column + $0.span <= from.column }.max { $0.column < $1.column }?.region
        case .right:
            return all.filter { $0.row == from.row && $0.column >= from.column + from.span }.min { $0.column < $1.column }?.region
        case .up, .down:
            let step = direction == .up ? -1 : 1
            var row = from.row + step
            while row >= 0 && row < rows {
                let candidates = all.filter { $0.row == row }
                func distance(_ t: Tile) -> Int {
                    if t.column + t.span <= from.column { return from.column - (t.column + t.span - 1) }
                    if t.column >= from.column + from.span { return t.column - (from.column + from.span - 1) }
                    return 0
                }
                if let best = candidates.min(by: { (distance($0), $0.column) < (distance($1), $1.column) }) { return best.region }
                row += step
            }
            return nil
        }
    }

    // MARK: Labels

    /// What a tile writes for its région in `room` cells: the full name when it fits; else, when
    /// `truncating` (from 100 columns), the name cut with « … » keeping at least five letters;
    /// else the abbreviation (`Tile.short`, documented in the user guide), itself cut if it must.
    public static func label(_ tile: Tile, room: Int, truncating: Bool) -> String {
        let name = Territories.regionNames[tile.region] ?? tile.region
        if CellWidth.of(name) <= room { return name }
        if truncating && room >= 6 { return CellWidth.truncate(name, to: room) }
        if CellWidth.of(tile.short) <= room { return tile.short }
        return String(tile.short.prefix(Swift.max(1, room)))
    }

    /// The shading of a count against the largest one: blank for none, then four steps.
    public static func shade(_ count: Int, max: Int) -> Character {
        guard count > 0, max > 0 else { return " " }
        switch Double(count) / Double(max) {
        case ...0.25: return "░"
        case ...0.5: return "▒"
        case ...0.75: return "▓"
        default: return "█"
        }
    }

    /// The map as lines of text, tiles `cell` cells wide (at least 8) and 4 rows tall (borders
    /// included): each tile's name (or abbreviation), its count, and a row of shading.
    public static func lines(counts: [String: Int], language: Language, cell: Int = 15) -> [String] {
        let cell = max(8, cell)
        let rows = 6, columns = 5
        let height = 4
        var canvas = [[Character]](repeating: [Character](repeating: " ", count: columns * cell + 1), count: rows * height)
        let maxCount = tiles.map { counts[$0.region] ?? 0 }.max() ?? 0
        func put(_ text: String, _ y: Int, _ x: Int) {
            var x = x
            for ch in text where x < canvas[y].count { canvas[y][x] = ch; x += 1 }
        }
        for tile in tiles {
            let x0 = tile.column * cell, y0 = tile.row * height
            let width = tile.span * cell
            let count = counts[tile.region] ?? 0
            let number = String(count)
            // The box takes the tile but its last column, which keeps neighbours apart.
            let inner = width - 3
            let room = inner - 1 - number.count
            let label = Self.label(tile, room: room, truncating: false)
            put("┌" + String(repeating: "─", count: inner) + "┐", y0, x0)
            put("│" + CellWidth.pad(label, to: room) + " " + number + "│", y0 + 1, x0)
            put("│" + String(repeating: shade(count, max: maxCount), count: inner) + "│", y0 + 2, x0)
            put("└" + String(repeating: "─", count: inner) + "┘", y0 + 3, x0)
        }
        var out = canvas.map { String($0).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
        // The overseas row starts after an empty one.
        out.insert(language == .fr ? "Outre-mer :" : "Overseas:", at: 5 * height)
        while out.last?.isEmpty == true { out.removeLast() }
        out.append("")
        out += TextWrap.paragraphs(legend(language), width: columns * cell)
        return out
    }

    /// What the shading and the counts mean.
    public static func legend(_ language: Language) -> String {
        language == .fr
            ? "Ombrage : vide 0, ░ jusqu'au quart du plus grand nombre, ▒ la moitié, ▓ les trois quarts, █ au-delà. Une offre compte pour une région si elle la couvre, couvre l'un de ses départements ou toute la France (les offres nationales comptent partout)."
            : "Shading: blank 0, ░ up to a quarter of the largest count, ▒ half, ▓ three quarters, █ above. An offer counts for a région when it covers it, one of its départements, or the whole country (national offers count everywhere)."
    }
}

import CatalyseCore

/// Where the map's parts go at the current size: the tiles of `TileMap` (5 columns, 5
/// metropolitan rows and the row of overseas insets), the legend under them and, from 160
/// columns, a panel beside them with the selected région's départements.
///
/// - 80×24: tiles 16 cells wide and 3 rows tall, without borders (name and count, then two rows
///   of shading); « Outre-mer » in the empty cell left of Occitanie.
/// - 200×50: tiles in boxes, 7 rows tall (name, count in words, shading), an « Outre-mer » row
///   above the insets, and the panel of the selected région's départements.
struct MapLayout {
    /// Below this size (the interface's own minimum width) the map says it does not fit.
    static let minimumWidth = 60
    static let minimumHeight = 20
    /// The départements screen: its legend (two lines) and a blank row above the list.
    static let departmentsTop = 3

    let x0: Int, y0: Int
    let cell: Int
    let tileHeight: Int
    /// Tiles drawn in boxes (from 4 rows tall).
    let boxed: Bool
    /// Names cut with « … » rather than abbreviated (from 100 columns).
    let truncating: Bool
    /// A row of its own for « Outre-mer » above the insets.
    let overseasRow: Bool
    let legendY: Int
    let legend: [String]
    /// The side panel (from 160 columns): its first column and width.
    let sideX: Int?
    let sideWidth: Int

    var mapWidth: Int { cell * TileMap.columns }

    /// A tile's rectangle: its columns less the last one, which keeps neighbours apart.
    func rect(_ tile: TileMap.Tile) -> TileRect {
        let extra = tile.row >= TileMap.rows - 1 && overseasRow ? 1 : 0
        return TileRect(x: x0 + tile.column * cell, y: y0 + tile.row * tileHeight + extra, width: tile.span * cell - 1, height: tileHeight)
    }
}

struct TileRect: Equatable {
    var x: Int, y: Int, width: Int, height: Int
    func contains(row: Int, column: Int) -> Bool { row >= y && row < y + height && column >= x && column < x + width }
}

extension AppState {
    /// The map's layout at this size; nil below its minimum.
    func mapFrame(_ l: Layout) -> MapLayout? {
        guard width >= MapLayout.minimumWidth, height >= MapLayout.minimumHeight else { return nil }
        let side = width >= 160
        let cell = min(28, (side ? width * 2 / 3 : width) / TileMap.columns)
        let mapWidth = cell * TileMap.columns
        let legends = [strings.mapLegend, strings.mapLegendShort].map {
            TextWrap.lines($0, first: max(10, mapWidth - 2), rest: max(10, mapWidth - 2))
        }
        let top = l.contentY
        let rows = l.footerY - top
        // The tallest tiles that fit, with the long legend if it fits too, else the short one.
        for h in [7, 6, 5, 4, 3, 2] {
            for legend in legends {
                for gap in [1, 0] where h >= 4 || gap == 0 {
                    // The tiles, the « Outre-mer » row, a blank row, the legend.
                    let spare = h >= 4 ? 1 : 0
                    guard TileMap.rows * h + gap + spare + legend.count <= rows else { continue }
                    let legendY = top + TileMap.rows * h + gap + spare
                    let x0 = side ? 0 : max(0, (width - mapWidth) / 2)
                    return MapLayout(x0: x0, y0: top, cell: cell, tileHeight: h, boxed: h >= 4, truncating: width >= 100,
                                     overseasRow: gap == 1, legendY: legendY, legend: legend,
                                     sideX: side ? mapWidth + 2 : nil, sideWidth: side ? width - mapWidth - 3 : 0)
                }
            }
        }
        return nil
    }

    func mapDepartmentsHeight(_ l: Layout) -> Int { max(0, l.contentHeight - MapLayout.departmentsTop) }

    // MARK: The map

    func renderMap(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let counts = mapCounts
        let name = Territories.regionNames[map.region] ?? map.region
        let title = s.mapTitle + " · " + s.mapSelected(name, code: "R" + map.region, count: counts[map.region] ?? 0)
        grid.put(CellWidth.truncate(title, to: max(0, l.width - 2)), row: l.titleY, column: 1, style: Palette.heading)
        guard let frame = mapFrame(l) else {
            renderMapTooSmall(l, into: &grid)
            return
        }
        let largest = counts.values.max() ?? 0
        for tile in TileMap.tiles {
            drawTile(tile, count: counts[tile.region] ?? 0, largest: largest, frame, into: &grid)
        }
        // « Outre-mer »: on its own row, or in the empty cell left of Occitanie.
        let overseasY = frame.overseasRow ? frame.y0 + (TileMap.rows - 1) * frame.tileHeight : frame.y0 + (TileMap.rows - 1) * frame.tileHeight - 1
        let label = frame.overseasRow ? s.mapOverseas : s.mapOverseas + " ↓"
        grid.put(CellWidth.truncate(label, to: frame.cell - 1), row: overseasY, column: frame.x0 + 1, style: Palette.heading)
        for (n, line) in frame.legend.enumerated() {
            grid.put(line, row: frame.legendY + n, column: frame.x0 + 1, style: Palette.muted)
        }
        if let x = frame.sideX { renderMapSide(x: x, width: frame.sideWidth, l, into: &grid) }
        let selected = TileMap.tile(map.region).map(frame.rect)
        grid.cursor = selected.map { Position($0.y, $0.x) }
    }

    /// One tile: its name (or abbreviation) and count, its shading, the mark of the current
    /// territory filter. The selected tile has its text rows in reverse video (the shading
    /// keeps its characters) and, in a box, a bold border.
    func drawTile(_ tile: TileMap.Tile, count: Int, largest: Int, _ frame: MapLayout, into grid: inout Grid) {
        let s = strings
        let r = frame.rect(tile)
        let selected = tile.region == map.region
        let marked = mapFilterRegions.contains(tile.region)
        let mark = marked ? "◆ " : ""
        let number = String(count)
        let inner = frame.boxed ? r.width - 2 : r.width
        // Tall tiles write the count in words on a line of its own.
        let countLine = frame.boxed && r.height >= 6
        // A cell of margin on each side of the text.
        let room = max(1, inner - 2 - CellWidth.of(mark) - (countLine ? 0 : 1 + number.count))
        let label = TileMap.label(tile, room: room, truncating: frame.truncating)
        let shade = TileMap.shade(count, max: largest)
        let shading = String(repeating: shade == " " ? "·" : String(shade), count: max(0, inner - 2))
        let shadeStyle = shade == " " ? Palette.muted : Palette.mapShade
        let textX = r.x + (frame.boxed ? 2 : 1)
        let top = frame.boxed ? r.y + 1 : r.y
        let bottom = frame.boxed ? r.y + r.height - 1 : r.y + r.height
        let textRows = countLine ? [top, top + 1] : [top]
        if frame.boxed {
            let border = selected ? Palette.mapSelectedBorder : marked ? Palette.title : Palette.border
            grid.put("┌" + String(repeating: "─", count: max(0, r.width - 2)) + "┐", row: r.y, column: r.x, style: border)
            grid.put("└" + String(repeating: "─", count: max(0, r.width - 2)) + "┘", row: r.y + r.height - 1, column: r.x, style: border)
            for y in top..<bottom {
                grid.put("│", row: y, column: r.x, style: border)
                grid.put("│", row: y, column: r.x + r.width - 1, style: border)
            }
        }
        var x = textX
        if marked { x += grid.put(mark, row: top, column: x, style: Palette.title) }
        grid.put(label, row: top, column: x, style: marked ? Palette.mapMarked : Palette.title)
        if countLine {
            grid.put(CellWidth.truncate(s.offersCount(count), to: inner - 2), row: top + 1, column: textX, style: Palette.count)
        } else {
            grid.put(number, row: top, column: textX + inner - 2 - number.count, style: Palette.count)
        }
        for y in (textRows.last ?? top) + 1..<max((textRows.last ?? top) + 1, bottom) {
            grid.put(shading, row: y, column: textX, style: shadeStyle)
        }
        if selected {
            for y in textRows { grid.highlight(row: y, from: frame.boxed ? r.x + 1 : r.x, width: inner) }
        }
    }

    /// From 160 columns: the selected région's name and count, the filters the counts follow,
    /// the territory filter, and its départements with their counts.
    func renderMapSide(x: Int, width: Int, _ l: Layout, into grid: inout Grid) {
        guard width > 10 else { return }
        let s = strings
        let counts = mapCounts
        var lines: [StyledLine] = []
        let name = Territories.regionNames[map.region] ?? map.region
        lines.append(StyledLine(name + " (R" + map.region + ")", Palette.heading))
        lines.append(StyledLine(s.offersCount(counts[map.region] ?? 0), Palette.count))
        lines.append(.blank)
        var others = filter
        others.territories = []
        let parts = FilterDescription.parts(others, language, favouritesOnly: favouritesOnly)
        let filters = parts.isEmpty ? s.mapFiltersNone : s.mapFilters(parts.joined(separator: Typography.semicolon(language)))
        for line in TextWrap.lines(filters, first: width, rest: width) { lines.append(StyledLine(line, Palette.muted)) }
        if !filter.territories.isEmpty {
            let current = s.mapCurrentTerritory(filter.territories.map { $0.displayName(language) }.joined(separator: ", "))
            for line in TextWrap.lines(current, first: width, rest: width) { lines.append(StyledLine(line, Palette.muted)) }
        }
        lines.append(.blank)
        lines.append(StyledLine(s.mapDepartmentsHeading, Palette.heading))
        lines += departmentLines(width: width)
        for (n, line) in lines.enumerated() where l.contentY + n < l.footerY {
            grid.put(line, row: l.contentY + n, column: x, width: width)
        }
    }

    /// The selected région's départements: mark, code, name, count and a bar of shading.
    func departmentLines(width: Int) -> [StyledLine] {
        let s = strings
        let rows = TileMap.departmentCounts(result.counts, region: map.region)
        let largest = rows.map(\.count).max() ?? 0
        let counted = rows.map { s.offersCount($0.count) }
        let countWidth = counted.map(CellWidth.of).max() ?? 0
        let bar = max(0, min(10, width - 2 - 4 - 12 - countWidth - 2))
        let nameWidth = max(4, width - 2 - 4 - countWidth - 1 - (bar > 0 ? bar + 1 : 0))
        return rows.enumerated().map { n, row in
            let marked = mapFilterDepartments.contains(row.department.code)
            let shade = TileMap.shade(row.count, max: largest)
            var segments = [Segment(marked ? "◆ " : "  ", Palette.title), Segment(CellWidth.pad(row.department.code, to: 4), Palette.key),
                            Segment(CellWidth.pad(CellWidth.truncate(row.department.name, to: nameWidth), to: nameWidth) + " ", marked ? Palette.mapMarked : .plain),
                            Segment(String(repeating: " ", count: countWidth - CellWidth.of(counted[n])) + counted[n], Palette.count)]
            if bar > 0 { segments.append(Segment(" " + String(repeating: shade == " " ? "·" : String(shade), count: bar), shade == " " ? Palette.muted : Palette.mapShade)) }
            return StyledLine(segments)
        }
    }

    /// Below the map's minimum: said as the rest of the interface says it, with the way back.
    func renderMapTooSmall(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let lines: [(String, CellStyle)] = [(s.mapTooSmall, Palette.title), (s.minimum(MapLayout.minimumWidth, MapLayout.minimumHeight), Palette.muted),
                                            (s.mapTooSmallBack, Palette.muted)]
        let y = l.contentY + max(0, (l.contentHeight - lines.count) / 2)
        for (n, line) in lines.enumerated() where y + n < l.footerY {
            let text = CellWidth.truncate(line.0, to: width)
            grid.put(text, row: y + n, column: max(0, (width - CellWidth.of(text)) / 2), style: line.1)
        }
        grid.cursor = Position(y, 0)
    }

    // MARK: The départements of a région

    func renderMapDepartments(_ l: Layout, into grid: inout Grid) {
        let s = strings
        let name = Territories.regionNames[map.region] ?? map.region
        let count = mapCounts[map.region] ?? 0
        let title = s.mapDepartmentsTitle(name + " (R" + map.region + ")") + " · " + s.offersCount(count)
        grid.put(CellWidth.truncate(title, to: max(0, l.width - 2)), row: l.titleY, column: 1, style: Palette.heading)
        let legend = TextFit.lines(s.mapDepartmentsLegend, width: l.contentWidth, maxLines: 2)
        for (n, line) in legend.enumerated() { grid.put(line, row: l.contentY + n, column: l.contentX, style: Palette.muted) }
        let lines = departmentLines(width: min(l.contentWidth, 90))
        let height = mapDepartmentsHeight(l)
        let window = map.departments.fitted(count: lines.count, height: height)
        let top = l.contentY + MapLayout.departmentsTop
        for i in window.visible {
            let y = top + i - window.offset
            grid.put(lines[i], row: y, column: l.contentX, width: l.contentWidth)
            if i == window.selection {
                grid.highlight(row: y, from: 0, width: l.width)
                grid.cursor = Position(y, 0)
            }
        }
        if window.hasMoreBelow {
            let more = s.moreBelow
            grid.put(more, row: top + height - 1, column: max(0, l.width - 1 - CellWidth.of(more)), style: Palette.muted)
        }
    }
}

extension Palette {
    /// The shading of a tile (its characters say the same without colour).
    static let mapShade = CellStyle(color: .accent)
    /// The name of the région or département of the current territory filter (◆ says it too).
    static let mapMarked = CellStyle(bold: true, underline: true)
    /// The border of the selected tile.
    static let mapSelectedBorder = CellStyle(color: .accent, bold: true)
}

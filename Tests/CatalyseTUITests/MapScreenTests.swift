import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The map (`m`): its counts against the query layer, moving between neighbours, Enter, `+`,
/// the mouse, live counts, the sizes.
@Suite("Map screen")
struct MapScreenTests {
    /// The number each tile shows on screen: the only all-digit word in its rectangle.
    static func tileCounts(_ d: Driver) -> [String: Int] {
        let grid = d.grid
        guard let frame = d.state.mapFrame(d.state.layout) else { return [:] }
        var out: [String: Int] = [:]
        for tile in TileMap.tiles {
            let r = frame.rect(tile)
            var words: [Int] = []
            for y in r.y..<(r.y + r.height) {
                var line = ""
                for x in r.x..<min(grid.width, r.x + r.width) where !grid[y, x].isContinuation { line += grid[y, x].grapheme }
                words += line.split { $0 == " " || $0 == "│" || $0 == "\u{00A0}" }.compactMap { Int($0) }
            }
            if words.count == 1, let n = words.first { out[tile.region] = n }
        }
        return out
    }

    /// What `list --territory PLACE` gives with the same filters: the query layer's list.
    static func listed(_ d: Driver, _ place: Place) -> Int {
        var f = d.state.effectiveFilter
        f.territories = [place]
        return d.state.index.run(f, counts: false).offers.count
    }

    /// The embedded catalogue, strategic offers, a territory filter on Nord (which the map's
    /// counts leave aside), or a search.
    static func filtered(_ keys: [Key], width: Int, height: Int) -> Driver {
        var d = Driver(index: Fixture.embeddedIndex, width: width, height: height)
        for key in keys { d.press(key) }
        d.press(.char("m"))
        return d
    }

    static let strategicInNord: [Key] = [.char("p"), .char("3"), .char("t"), .char("5"), .char("9"), .enter]
    static let search: [Key] = [.char("/")] + "réseau".map(Key.char) + [.enter]

    @Test("Every tile's count is the list's for that région with the same filters (all 18 régions)",
          arguments: [(80, 24), (200, 50)])
    func everyRegion(_ size: (Int, Int)) {
        for keys in [Self.strategicInNord, Self.search, []] {
            let d = Self.filtered(keys, width: size.0, height: size.1)
            #expect(d.state.screen == .map)
            let counts = Self.tileCounts(d)
            #expect(counts.count == 18, "\(counts)")
            for code in Territories.regionCodes {
                #expect(counts[code] == Self.listed(d, .region(code)), "R\(code)")
            }
            // Not all equal: the test tells régions apart.
            #expect(Set(counts.values).count > 1)
        }
    }

    @Test("Every département of Hauts-de-France and of Occitanie shows the list's count")
    func departmentsOfTwoRegions() {
        for (region, moves) in [("32", [Key.char("k")]), ("76", [.char("j"), .char("j"), .char("j")])] {
            var d = Self.filtered(Self.strategicInNord, width: 80, height: 40)
            // From Hauts-de-France (the région of Nord): down to the région wanted.
            d.press(.char("j"))
            for key in moves { d.press(key) }
            #expect(d.state.map.region == region)
            d.press(.char("+"))
            #expect(d.state.screen == .mapDepartments)
            let departments = Territories.departments(ofRegion: region)
            for department in departments {
                let rows = d.rows(containing: " " + department.code + "  " + department.name)
                #expect(rows.count == 1, "\(department.code)")
                guard let row = rows.first else { continue }
                let words = d.lines[row].split(separator: " ").map(String.init)
                let count = words.firstIndex { $0.hasPrefix("offre") }.flatMap { $0 > 0 ? Int(words[$0 - 1]) : nil }
                #expect(count == Self.listed(d, .department(department.code)), "\(department.code) \(d.lines[row])")
            }
        }
    }

    @Test("Arrows and h j k l go to the neighbouring région")
    func movement() {
        var d = Driver()
        d.press(.char("m"))
        #expect(d.state.map.region == "11")
        var path: [String] = []
        for key in [Key.char("k"), .down, .char("j"), .down, .char("j"), .right, .char("l"), .char("l"), .char("j"), .up, .left, .char("h"), .char("h"), .char("h")] {
            d.press(key)
            path.append(d.state.map.region)
        }
        // IdF → HdF → IdF → CVL → AuRA → Occitanie → PACA → Corse → (nothing further) → Mayotte
        // → Corse → PACA → Occitanie → (nothing further left).
        #expect(path == ["32", "11", "24", "84", "76", "93", "94", "94", "06", "94", "93", "76", "76", "76"])
        #expect(TileMap.neighbour(of: "53", .left) == nil)
        #expect(TileMap.neighbour(of: "53", .up) == "28")
        #expect(TileMap.neighbour(of: "01", .up) == "76")
    }

    @Test("Every région can be reached from Île-de-France with the arrows")
    func everyRegionReachable() {
        var seen: Set<String> = ["11"]
        var queue = ["11"]
        while let next = queue.popLast() {
            for direction in [TileMap.Direction.up, .down, .left, .right] {
                if let n = TileMap.neighbour(of: next, direction), seen.insert(n).inserted { queue.append(n) }
            }
        }
        #expect(seen == Set(Territories.regionCodes))
    }

    @Test("Enter filters on the région and goes back to the list; u takes it back")
    func enterFiltersAndUndoes() {
        var d = Driver()
        d.press(.char("p"), .char("3"))
        let before = d.state.filter
        d.press(.char("m"), .char("j"), .char("j"), .char("j"), .char("l"), .char("l"))
        #expect(d.state.map.region == "94")
        d.press(.enter)
        #expect(d.state.screen == .list)
        #expect(d.state.filter.territories == [.region("94")])
        #expect(d.state.filter[Purpose.self] == before[Purpose.self])
        // The list shows Corse's strategic offer only.
        #expect(d.state.result.offers.map { d.state.catalogue.offers[$0].id } == ["fusee-gouvernance"])
        #expect(d.text.contains(nb("Territoire : Corse (R94)")))
        d.press(.char("u"))
        #expect(d.state.filter == before)
        // Opened again, the map is on the filtered région, marked ◆.
        d.press(.char("m"), .char("j"), .char("j"), .char("j"), .char("l"), .char("l"), .enter, .char("m"))
        #expect(d.state.map.region == "94")
        #expect(d.text.contains("◆ Corse"))
    }

    @Test("+ lists the région's départements; Enter filters on one; Esc goes back to the map")
    func departments() {
        var d = Driver()
        d.press(.char("m"), .char("j"), .char("j"), .char("j"), .char("l"), .char("l"), .char("+"))
        #expect(d.state.screen == .mapDepartments)
        #expect(d.text.contains("2A  Corse-du-Sud"))
        d.press(.escape)
        #expect(d.state.screen == .map)
        d.press(.char("+"), .down, .enter)
        #expect(d.state.screen == .list)
        #expect(d.state.filter.territories == [.department("2B")])
        // From a département filter, the map opens on its région and + on the département.
        d.press(.char("m"), .char("+"))
        #expect(d.state.map.region == "94")
        #expect(d.state.map.departments.selection == 1)
        #expect(d.text.contains("◆ 2B"))
    }

    @Test("A click selects a tile, a second click filters on it; a click on a département row too")
    func mouse() throws {
        var d = Driver()
        d.press(.char("m"))
        let frame = try #require(d.state.mapFrame(d.state.layout))
        let corse = frame.rect(try #require(TileMap.tile("94")))
        d.send(.mouse(.press, row: corse.y + 1, column: corse.x + 2))
        #expect(d.state.map.region == "94")
        #expect(d.state.screen == .map)
        // Outside every tile: nothing.
        d.send(.mouse(.press, row: frame.y0, column: 0))
        #expect(d.state.map.region == "94")
        d.send(.mouse(.press, row: corse.y, column: corse.x))
        #expect(d.state.screen == .list)
        #expect(d.state.filter.territories == [.region("94")])
        d.press(.char("m"), .char("+"))
        let row = try #require(d.rows(containing: "2B  Haute-Corse").first)
        d.send(.mouse(.press, row: row, column: 5))
        #expect(d.state.map.departments.selection == 1 && d.state.screen == .mapDepartments)
        d.send(.mouse(.press, row: row, column: 5))
        #expect(d.state.filter.territories == [.department("2B")] && d.state.screen == .list)
    }

    @Test("The counts follow a filter changed from the map (p, f)")
    func liveCounts() {
        var d = Driver()
        d.press(.char("m"))
        #expect(Self.tileCounts(d)["32"] == 2)
        d.press(.char("p"), .char("2"))
        #expect(d.state.screen == .map)
        #expect(Self.tileCounts(d)["32"] == 1)
        #expect(Self.tileCounts(d)["94"] == 1)
        d.press(.char("f"))
        #expect(d.state.screen == .filters)
        d.press(.escape)
        #expect(d.state.screen == .map)
        d.press(.char("p"), .char("1"))
        #expect(Self.tileCounts(d)["32"] == 2)
    }

    @Test("Below its minimum the map says so and Esc still goes back; a resize brings it back")
    func tooSmall() {
        var d = Driver(width: 70, height: 18)
        d.press(.char("m"))
        #expect(d.text.contains("terminal trop petit pour la carte"))
        #expect(d.text.contains("minimum 60×20"))
        d.send(.resize(width: 70, height: 20))
        #expect(!d.text.contains("trop petit"))
        #expect(d.state.mapFrame(d.state.layout) != nil)
        d.send(.resize(width: 70, height: 18))
        d.press(.escape)
        #expect(d.state.screen == .list)
    }

    @Test("Names from 100 columns keep at least five letters; below, the abbreviations")
    func labels() {
        for width in [100, 120, 200] {
            var d = Driver(width: width, height: 40)
            d.press(.char("m"))
            for name in ["Hauts", "Norma", "Île-d", "Grand", "Breta", "Pays ", "Centr", "Bourg", "Nouve", "Auver", "Occit", "Prove", "Corse",
                         "Guade", "Marti", "Guyan", "La Ré", "Mayot"] {
                #expect(d.text.contains(name), "\(width): \(name)")
            }
        }
        var d = Driver(width: 80, height: 24)
        d.press(.char("m"))
        for short in ["HdF", "IdF", "PdL", "CVL", "BFC", "NAq", "PACA"] { #expect(d.text.contains(short)) }
    }

    @Test("Without colour the shading and the marks are characters; the selected tile in reverse video")
    func monochrome() {
        var d = Driver(noColor: true)
        d.press(.char("t"), .char("5"), .char("9"), .enter, .char("m"))
        let grid = d.grid
        #expect(grid.cells.allSatisfy { $0.style.color == .default && !$0.style.dim })
        #expect(d.text.contains("◆ HdF") && d.text.contains("█") && d.text.contains("·"))
        #expect(grid.cells.contains { $0.style.reverse })
    }

    @Test("The help lists the map's keys; L switches the map's language")
    func helpAndLanguage() {
        var d = Driver(width: 100, height: 200)
        d.press(.char("?"))
        #expect(d.text.contains("Carte (m)"))
        #expect(d.text.contains("aller à la région voisine"))
        d.press(.escape, .char("m"), .char("L"))
        #expect(d.text.contains("Map of the offers"))
        #expect(d.text.contains("Overseas"))
    }

    @Test("Several places in the territory filter: each région is marked")
    func severalPlaces() {
        var d = Driver()
        var f = d.state.filter
        f.territories = [.department("59"), .region("94")]
        d.state.setFilter(f)
        d.press(.char("m"))
        #expect(d.state.mapFilterRegions == ["32", "94"])
        #expect(d.text.contains("◆ HdF") && d.text.contains("◆ Corse"))
        #expect(d.state.map.region == "32")
    }

    @Test("Every text of the map, in both languages, with French typography and no mixing")
    func wording() {
        for language in Language.allCases {
            let s = Strings(language)
            let texts = [s.mapTitle, s.mapSelected("Corse", code: "R94", count: 2), s.mapOverseas, s.mapLegend, s.mapLegendShort,
                         s.mapTooSmall, s.mapTooSmallBack, s.mapDepartmentsHeading, s.mapDepartmentsTitle("Corse (R94)"),
                         s.mapFiltersNone, s.mapFilters("x"), s.mapCurrentTerritory("Nord (59)"), s.mapDepartmentsLegend]
            for text in texts {
                #expect(Wording.problems(text, language).isEmpty, "\(language): \(text): \(Wording.problems(text, language))")
            }
        }
    }
}

import CatalyseCore
@testable import CatalyseTUI

/// Golden screens of the map (`m`) and of a région's départements (`+`), with colour and as
/// under NO_COLOR (appended to `GoldenCase.all`).
extension GoldenCase {
    /// The same case drawn without colour (`-nocolor` in its file names).
    func monochrome() -> GoldenCase {
        var copy = GoldenCase(screen + "-nocolor", sizes: sizes, events)
        copy.noColor = true
        return copy
    }

    static let mapCases: [GoldenCase] = {
        // The fixture's offers: Hauts-de-France (R32 and 59), Paris, Corse (R94 and 2A),
        // Nouvelle-Aquitaine; the map opens on Île-de-France.
        let map = GoldenCase("map") { _ in keys(.char("m")) }
        // A filter on Nord and on the strategic purpose: Hauts-de-France marked ◆ and selected,
        // the counts those of the strategic offers.
        let filtered = GoldenCase("map-filtered") { _ in
            keys(.char("p"), .char("3"), .char("t")) + text("59") + keys(.enter, .char("m"))
        }
        // Corse's départements, the first one selected.
        let departments = GoldenCase("map-departments") { _ in keys(.char("m"), .down, .down, .down, .right, .right, .char("+")) }
        // Below the map's minimum (but above the interface's): said, with the way back.
        let small = GoldenCase("map-too-small", sizes: [(width: 70, height: 18)]) { _ in keys(.char("m")) }
        return [map, map.monochrome(), filtered, filtered.monochrome(), departments, departments.monochrome(), small]
    }()
}

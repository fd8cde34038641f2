@testable import CatalyseCore
import CatalyseTUI
import Testing

/// The interface on a compiled catalogue (memory-mapped, offers decoded on access) must show
/// exactly what it shows on the same catalogue loaded from YAML, screen after screen.
@Suite("Interface on a compiled catalogue")
struct CompiledCatalogueScreenTests {
    static let compiledIndex: SearchIndex = {
        let bytes = CompiledWriter.compile(SearchIndex(catalogue: Fixture.embeddedIndex.catalogue))
        let catalogue = try! CatalogueLoader.load(bytes: bytes, file: "embedded.catalyse", format: .compiled, today: Day(year: 2026, month: 11, day: 26)!).catalogue
        return SearchIndex(catalogue: catalogue)
    }()

    /// Walks both interfaces through the same keys and compares every screen and effect.
    func expectSameScreens(_ steps: [[Key]], width: Int = 120, height: Int = 40, favourites: [String] = [],
                           sourceLocation: SourceLocation = #_sourceLocation) {
        var yaml = Driver(index: Fixture.embeddedIndex, favourites: favourites, languageLocked: true, width: width, height: height)
        var compiled = Driver(index: Self.compiledIndex, favourites: favourites, languageLocked: true, width: width, height: height)
        #expect(compiled.text == yaml.text, sourceLocation: sourceLocation)
        for (n, keys) in steps.enumerated() {
            for key in keys {
                yaml.press(key)
                compiled.press(key)
            }
            #expect(compiled.text == yaml.text, "after step \(n): \(keys)", sourceLocation: sourceLocation)
            #expect("\(compiled.effects)" == "\(yaml.effects)", "effects after step \(n)", sourceLocation: sourceLocation)
        }
    }

    @Test func searchingScrollingAndReading() {
        let chars: (String) -> [Key] = { $0.map { Key.char($0) } }
        expectSameScreens([
            [.down, .down, .pageDown], [.end], [.home],
            [.char("/")] + chars("strat compet"), [.enter], [.down], [.enter], [.pageDown], [.escape],
            [.char("x")], [.char("p")], [.char("2")], [.char("p"), .char("3")],
        ])
    }

    @Test func filtersFirmsFavouritesAndExport() {
        expectSameScreens([
            [.char("f")], [.down, .down, .char(" ")], [.down, .char(" ")], [.escape],
            [.char("b")], [.down, .down, .enter], [.down], [.escape], [.escape],
            [.char(" ")], [.down, .char(" ")], [.char("F")], [.char("F")],
            [.char("e")], [.right], [.escape],
        ], favourites: ["gone-offer"])
    }

    @Test func narrowAndWideTerminals() {
        expectSameScreens([[.down, .enter], [.escape]], width: 80, height: 24)
        expectSameScreens([[.down, .enter], [.escape], [.char("t")]], width: 200, height: 60)
    }
}

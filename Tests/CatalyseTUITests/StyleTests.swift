import CatalyseCore
@testable import CatalyseTUI
import Testing

@Suite("Styles and NO_COLOR")
struct StyleTests {
    static let screens: [[Key]] = [[], [.enter], [.char("f")], [.char("?")], [.char("b")], [.char("b"), .enter],
                                   [.char("t"), .char("7"), .char("5")], [.char("e")], [.char("F")], [.char("/"), .char("g")],
                                   [.char("x"), .char("z")]]

    @Test("NO_COLOR: no cell on any screen has a colour or dim; reverse and bold remain")
    func noColor() {
        for width in [80, 120] {
            for keys in StyleTests.screens {
                var d = Driver(favourites: ["eclat-reseau", "gone"], noColor: true, width: width, height: 30)
                for key in keys { d.press(key) }
                let grid = d.grid
                #expect(grid.cells.allSatisfy { $0.style.color == .default && !$0.style.dim }, "\(keys) at \(width)")
                #expect(grid.cells.contains { $0.style.reverse }, "\(keys): something is highlighted")
                #expect(grid.cells.contains { $0.style.bold })
            }
        }
    }

    @Test("With colours, the theme uses colours (so the NO_COLOR test can fail)")
    func colours() {
        let d = Driver(favourites: ["eclat-reseau"])
        let colours = Set(d.grid.cells.map(\.style.color))
        #expect(colours.contains(.strategic))
        #expect(colours.contains(.operational))
        #expect(colours.contains(.badge))
        #expect(colours.contains(.favourite))
    }

    @Test("Meaning is never colour alone: ★ for favourites, the purpose as a word, reverse for the selection")
    func meaningWithoutColour() {
        let d = Driver(favourites: ["eclat-reseau"], noColor: true)
        let row = d.rows(containing: "Mise en réseau régionale").first!
        #expect(d.lines[row].hasPrefix("★"))
        #expect(d.lines[row].contains("Opérationnelle"))
        #expect(d.lines[row].contains("Mi-chemin"))
        let selected = d.grid.cursor!.row
        #expect((0..<80).allSatisfy { d.grid[selected, $0].style.reverse })
        // The badge is reverse video too.
        let badge = d.column(of: "Catalogue illustratif", row: 0)!
        #expect(d.grid[0, badge].style.reverse)
    }
}

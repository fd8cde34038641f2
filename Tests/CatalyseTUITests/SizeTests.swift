import CatalyseCore
@testable import CatalyseTUI
import Testing

@Suite("Sizes and resizing")
struct SizeTests {
    @Test("Below the minimum size the screen says so, in both languages")
    func tooSmall() {
        let fr = Driver(width: 40, height: 10)
        #expect(fr.text.contains("terminal trop petit"))
        #expect(fr.text.contains("minimum 60×15"))
        #expect(!fr.text.contains("Catalyse"))
        let en = Driver(language: .en, width: 40, height: 10)
        #expect(en.text.contains("terminal too small"))
        #expect(AppState.minimumSize.width <= 60 && AppState.minimumSize.height <= 15)
    }

    @Test("The minimum size itself shows the interface; one less does not")
    func minimumBoundary() {
        let (w, h) = AppState.minimumSize
        #expect(Driver(width: w, height: h).text.contains("Catalyse"))
        #expect(Driver(width: w - 1, height: h).text.contains("terminal trop petit"))
        #expect(Driver(width: w, height: h - 1).text.contains("terminal trop petit"))
    }

    @Test("1×1 and 0×0 never crash")
    func tiny() {
        for (w, h) in [(1, 1), (0, 0), (1, 0), (0, 1), (2, 1), (5, 2), (-3, -3)] {
            var d = Driver(width: w, height: h)
            let grid = d.grid
            #expect(grid.width == max(0, w) && grid.height == max(0, h))
            for key: Key in [.down, .enter, .char("f"), .char("/"), .char("x"), .escape, .char("?")] { d.press(key) }
            d.send(.mouse(.press, row: 0, column: 0), .mouse(.wheelDown, row: 0, column: 0))
            _ = d.grid
        }
        #expect(Driver(width: 1, height: 1).lines == ["…"])
    }

    @Test("Many sizes, every screen: no crash, the grid has the size, the cursor is inside")
    func randomSizes() {
        var generator = SplitMix(seed: 42)
        let setups: [[Key]] = [[], [.enter], [.char("f"), .pageDown], [.char("?"), .char("G")], [.char("b"), .enter],
                               [.char("b"), .enter, .enter, .char("G")], [.char("/"), .char("a")], [.char("t"), .char("7")],
                               [.char("e")], [.char("F")], [.char("G"), .enter]]
        for setup in setups {
            var d = Driver(index: Fixture.embeddedIndex, favourites: ["gone"], width: 80, height: 24)
            for key in setup { d.press(key) }
            for _ in 0..<40 {
                let w = Int(generator.next() % 150)
                let h = Int(generator.next() % 60)
                d.send(.resize(width: w, height: h))
                let grid = d.grid
                #expect(grid.width == w && grid.height == h)
                #expect(grid.lines.allSatisfy { CellWidth.of($0) == w })
                if let c = grid.cursor { #expect(c.row >= 0 && c.row < h && c.column >= 0 && c.column < w, "\(setup) \(w)×\(h)") }
                // Keys and clicks at this size do not crash either.
                d.send(.mouse(.press, row: Int(generator.next() % UInt64(max(1, h))), column: Int(generator.next() % UInt64(max(1, w)))))
                d.send(.mouse(.wheelDown, row: h / 2, column: w / 2))
                d.press(.down)
                d.press(.pageDown)
            }
        }
    }

    @Test("Resize redraws: list → too small → wide with the sheet beside")
    func resize() {
        var d = Driver(width: 80, height: 24)
        d.press(.char("G"))
        #expect(d.state.selectedID == "tokyo-strategie")
        d.send(.resize(width: 40, height: 10))
        #expect(d.text.contains("terminal trop petit"))
        d.send(.resize(width: 140, height: 40))
        #expect(d.grid.width == 140 && d.grid.height == 40)
        #expect(d.text.contains("│ Fiche de l'offre"))
        #expect(d.text.contains("│ Stratégie à trois ans"))
        #expect(d.state.selectedID == "tokyo-strategie")
        d.send(.resize(width: 60, height: 15))
        #expect(!d.text.contains("│"))
        // The selection is still visible after shrinking.
        let cursor = d.grid.cursor!
        #expect(d.lines[cursor.row].contains("東京"))
    }

    @Test("Resize keeps the selected row on screen in a long list")
    func resizeKeepsSelectionVisible() {
        var d = Driver(index: Fixture.embeddedIndex, width: 80, height: 40)
        for _ in 0..<30 { d.press(.down) }
        d.send(.resize(width: 80, height: 15))
        let cursor = d.grid.cursor!
        let offer = Fixture.embeddedIndex.catalogue.offer(id: d.state.selectedID!)!
        #expect(d.lines[cursor.row].contains(String(offer.title.prefix(10))))
        #expect(cursor.row >= d.state.layout.listY && cursor.row < d.state.layout.footerY)
    }

    @Test("A focused sheet follows a resize across the side-sheet threshold")
    func sheetAcrossBoundary() {
        var d = Driver(width: 140, height: 30)
        d.press(.enter)
        #expect(d.state.sheetFrame(d.state.layout).beside)
        d.send(.resize(width: 80, height: 24))
        #expect(!d.state.sheetFrame(d.state.layout).beside)
        #expect(d.lines[1].contains("Fiche de l'offre"))
        d.press(.escape)
        #expect(d.state.screen == .list)
    }

    @Test("Too small: says how to quit when there is room; 1×1 still works")
    func tooSmallQuit() {
        let fr = Driver(width: 40, height: 10)
        #expect(fr.text.contains(nb("q : quitter")))
        let en = Driver(language: .en, width: 40, height: 10)
        #expect(en.text.contains("q: quit"))
        #expect(Driver(width: 1, height: 1).lines == ["…"])
        let two = Driver(width: 30, height: 2)
        #expect(two.text.contains("terminal trop petit"))
        #expect(Driver(width: 12, height: 5).text.contains(nb("q : quitter")))
        var prompt = Driver()
        prompt.press(.char("/"))
        prompt.send(.resize(width: 40, height: 10))
        #expect(prompt.text.contains(nb("Ctrl-C : quitter")))
        #expect(prompt.press(.ctrl("c")) == [.quit])
    }
}

/// A small deterministic random generator for the size sweep.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

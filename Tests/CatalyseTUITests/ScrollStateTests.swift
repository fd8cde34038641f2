@testable import CatalyseTUI
import Testing

/// The one scrolling value every list uses.
@Suite("Scrolling value")
struct ScrollStateTests {
    @Test("Moving down past the window scrolls by one; a page is the height less one; the ends")
    func moves() {
        var s = ScrollState()
        s.fit(count: 100, height: 10)
        #expect(s.visible == 0..<10)
        for _ in 0..<10 { s.move(.down) }
        #expect(s.selection == 10 && s.offset == 1)
        s.move(.pageDown)
        #expect(s.selection == 19 && s.visible.contains(19))
        s.move(.end)
        #expect(s.selection == 99 && s.offset == 90)
        s.move(.home)
        #expect(s.selection == 0 && s.offset == 0)
        s.move(.by(-5))
        #expect(s.selection == 0)
    }

    @Test("Fewer items or fewer rows: the selection stays in range and on screen")
    func refit() {
        var s = ScrollState()
        s.fit(count: 100, height: 10, selecting: 95)
        #expect(s.offset == 86)
        s.fit(count: 50, height: 10)
        #expect(s.selection == 49 && s.offset == 40)
        s.fit(count: 50, height: 3)
        #expect(s.visible.contains(49))
        s.fit(count: 0, height: 3)
        #expect(s.selection == 0 && s.offset == 0 && s.visible.isEmpty)
        // No room at all: nothing shows, nothing breaks.
        s.fit(count: 10, height: 0, selecting: 7)
        #expect(s.selection == 7 && s.shown == 0)
    }

    @Test("A lead item (a facet's heading) shows above the selection when it fits")
    func lead() {
        var s = ScrollState()
        s.fit(count: 30, height: 5, selecting: 20)
        #expect(s.offset == 16)
        s.select(17, lead: 1)
        #expect(s.offset == 16)
        s.select(15, lead: 1)
        #expect(s.offset == 14)
    }

    @Test("With “↓ more” on the last row: one item less shows above the end, and the list scrolls before the selection reaches it")
    func moreMarker() {
        var s = ScrollState(marksMore: true)
        s.fit(count: 30, height: 10)
        #expect(s.hasMoreBelow && s.shown == 9 && s.visible == 0..<9)
        for _ in 0..<9 { s.move(.down) }
        #expect(s.selection == 9 && s.offset == 1 && s.visible.contains(9))
        s.move(.end)
        #expect(s.offset == 20 && !s.hasMoreBelow && s.shown == 10)
        // Without the marker every row holds an item.
        var plain = ScrollState()
        plain.fit(count: 30, height: 10, selecting: 9)
        #expect(plain.offset == 0 && plain.shown == 10)
    }

    @Test("window keeps the stored offset; fitted brings the selection back into view")
    func windowAndFitted() {
        var s = ScrollState()
        s.fit(count: 100, height: 10, selecting: 50)
        s.scroll(to: 0)
        #expect(s.offset == 0 && s.selection == 50)
        #expect(s.window(count: 100, height: 10).offset == 0)
        #expect(s.fitted(count: 100, height: 10).visible.contains(50))
        #expect(s.window(count: 5, height: 10).offset == 0)
        s.scroll(to: 1000)
        #expect(s.offset == s.maxOffset)
    }

    @Test("Any sequence of moves and refits keeps the selection in range and in view")
    func invariants() {
        var generator = SplitMix(seed: 7)
        for marksMore in [false, true] {
            var s = ScrollState(marksMore: marksMore)
            for _ in 0..<5_000 {
                switch generator.next() % 4 {
                case 0: s.fit(count: Int(generator.next() % 60), height: Int(generator.next() % 20))
                case 1: s.move([.up, .down, .pageUp, .pageDown, .home, .end][Int(generator.next() % 6)])
                case 2: s.select(Int(generator.next() % 80) - 10, lead: Int(generator.next() % 2))
                default: s.move(.by(Int(generator.next() % 9) - 4))
                }
                #expect(s.selection >= 0 && (s.count == 0 ? s.selection == 0 : s.selection < s.count))
                #expect(s.offset >= 0 && s.offset <= s.maxOffset)
                if s.count > 0 && s.height >= 2 { #expect(s.visible.contains(s.selection), "\(s)") }
            }
        }
    }
}

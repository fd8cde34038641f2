import CatalyseCore
@testable import CatalyseTUI
import Testing
import Foundation

/// Issue 23, class 11 in the interface: input that arrives together (a paste) is handled
/// before the next frame, and a run of characters typed into the search prompt runs the
/// search once, not once per character; the result is what the keys one by one would give.
@Suite("Pasted input")
struct PasteTests {
    /// 20,000 offers (20 firms of 1,000).
    static let index: SearchIndex = {
        let base = Fixture.small
        var firms: [Firm] = [], offers: [Offer] = []
        for f in 0..<20 {
            let firmID = "cabinet-\(f)"
            for o in 0..<1000 {
                var offer = base.offers[(f + o) % base.offers.count]
                offer.id = "\(firmID)-offre-\(o)"
                offer.firmID = firmID
                offer.title = "Offre \(o) stratégie gouvernance du cabinet \(f)"
                offers.append(offer)
            }
            let firm = base.firms[f % base.firms.count]
            firms.append(Firm(id: firmID, name: "Cabinet numéro \(f)", presentation: firm.presentation, headquarters: firm.headquarters,
                              website: nil, contact: firm.contact, joined: firm.joined, provenance: firm.provenance))
        }
        return SearchIndex(catalogue: Catalogue(name: "Vingt mille offres", updated: base.updated, illustrative: false, firms: firms, offers: offers))
    }()

    static func loop(_ script: [BackendInput], index: SearchIndex = Fixture.smallIndex) -> (EventLoop<FakeBackend, FakePerformer>, FakeBackend) {
        let backend = FakeBackend(width: 100, height: 30, script)
        let state = AppState(index: index, favourites: [], language: .fr, languageLocked: false, today: Fixture.today, noColor: false,
                             width: 100, height: 30, exportDirectory: "/home/asso")
        return (EventLoop(state: state, backend: backend, performer: FakePerformer()), backend)
    }

    @Test func runsOfCharactersBecomeOneTextEvent() {
        let events: [Event] = [.key(.char("/")), .key(.char("a")), .key(.char("b")), .key(.enter), .key(.char("x")), .resize(width: 80, height: 24)]
        #expect(EventLoop<FakeBackend, FakePerformer>.coalesced(events) == [.text("/ab"), .key(.enter), .key(.char("x")), .resize(width: 80, height: 24)])
    }

    @Test func aTwoThousandCharacterPasteSearchesOnce() throws {
        let paste = String(repeating: "strat gouv ", count: 182)  // 2,002 characters
        let (first, backend) = Self.loop([.event(.key(.char("/"))), .events(paste.map { .key(.char($0)) }), .event(.key(.enter)), .event(.key(.char("q")))],
                                         index: Self.index)
        var l = first
        let before = l.state.queriesRun
        let started = Date()
        #expect(l.run() == .quit)
        let took = Date().timeIntervalSince(started)
        #expect(l.state.queriesRun - before == 1, "searches: \(l.state.queriesRun - before)")
        #expect(took < 10, "\(took) s")
        #expect(l.state.filter.query == paste)
        #expect(l.state.result.offers.count == 20_000)
        // Frames: the first, after "/", after the paste, after Enter (q quits without one).
        #expect(backend.frames.count == 4)
    }

    @Test(arguments: ["/strat gouv", "pp/x\u{8}y", "tgnord", "fq", "/abc", "?q", "e"])
    func typedTogetherIsTheSameAsTypedOneByOne(text: String) {
        var one = Driver()
        var together = Driver()
        for ch in text { one.press(ch == "\u{8}" ? .backspace : .char(ch)) }
        let chunks = text.split(separator: "\u{8}", omittingEmptySubsequences: false)
        for (i, chunk) in chunks.enumerated() {
            if i > 0 { together.press(.backspace) }
            if !chunk.isEmpty { together.send(.text(String(chunk))) }
        }
        #expect(one.grid == together.grid, "\(text)")
        #expect(one.state.filter == together.state.filter)
    }

    /// Every text field refuses what must not reach the terminal, typed or pasted: controls,
    /// bidi controls and marks (U+200E, U+200F, U+061C), the Unicode line separators.
    @Test func fieldsRefuseBidiMarksAndSeparatorsTypedOrPasted() {
        for mark in ["\u{200E}", "\u{200F}", "\u{061C}", "\u{202E}", "\u{2066}", "\u{2028}", "\u{2029}", "\u{85}"] {
            var typed = Driver()
            typed.press(.char("/"))
            for ch in "a\(mark)b" { typed.press(.char(ch)) }
            var pasted = Driver()
            pasted.press(.char("/"))
            pasted.send(.text("a\(mark)b"))
            #expect(typed.state.filter.query == "ab", "\(mark.unicodeScalars.first!.value)")
            #expect(pasted.state.filter.query == "ab", "\(mark.unicodeScalars.first!.value)")
        }
    }
}

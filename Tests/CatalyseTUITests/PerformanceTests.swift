import CatalyseCore
@testable import CatalyseTUI
import Testing

@Suite("Large catalogues")
struct PerformanceTests {
    /// 100,000 offers: moving and rendering must stay instant (only visible rows are drawn,
    /// the query is not re-run when only the selection moves).
    static let large: SearchIndex = {
        let base = Fixture.small
        var firms: [Firm] = []
        var offers: [Offer] = []
        for f in 0..<100 {
            let firmID = "cabinet-\(f)"
            for o in 0..<1000 {
                let template = base.offers[(f + o) % base.offers.count]
                var offer = template
                offer.id = "\(firmID)-offre-\(o)"
                offer.firmID = firmID
                offer.title = "Offre \(o) du cabinet \(f)"
                offer.description = "Description courte."
                offers.append(offer)
            }
            var firm = base.firms[f % base.firms.count]
            firm = Firm(id: firmID, name: "Cabinet numéro \(f)", presentation: firm.presentation, headquarters: firm.headquarters,
                        website: nil, contact: firm.contact, joined: firm.joined, provenance: firm.provenance)
            firms.append(firm)
        }
        return SearchIndex(catalogue: Catalogue(name: "Grand catalogue", updated: base.updated, illustrative: false, firms: firms, offers: offers))
    }()

    @Test("100,000 offers: moving by pages and to the end")
    func moveAndRender() {
        var d = Driver(index: PerformanceTests.large, width: 120, height: 40)
        #expect(d.lines[0].hasSuffix("100000 / 100000 offres"))
        // Speed is measured by the benchmark, not asserted here; this checks that moving through
        // 100,000 rows page by page keeps the selection and the screen consistent.
        for _ in 0..<100 {
            d.press(.pageDown)
            _ = d.grid
            d.press(.down)
            _ = d.grid
        }
        #expect(d.state.selectedID != nil)
        d.press(.char("G"))
        #expect(d.state.selectedID == "cabinet-99-offre-999")
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// A catalogue of 100,000 offers in the interface. This checks correctness at that size, not
/// speed: no timing is asserted here (speed is measured by `catalyse-bench`, docs/performance.md).
@Suite("Large catalogues (correctness, not speed)")
struct LargeCatalogueTests {
    /// 100 firms of 1,000 offers each.
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

    @Test("100,000 offers: paging down keeps the selected offer on the cursor row; G reaches the last offer")
    func pagingThroughAHundredThousandOffers() throws {
        var d = Driver(index: LargeCatalogueTests.large, width: 120, height: 40)
        #expect(d.lines[0].hasSuffix("100000 / 100000 offres"))
        let catalogue = LargeCatalogueTests.large.catalogue
        for _ in 0..<100 {
            d.press(.pageDown, .down)
            let grid = d.grid
            let cursor = try #require(grid.cursor)
            let offer = catalogue.offer(id: d.state.selectedID!)!
            #expect(grid.lines[cursor.row].contains(offer.title), "\(offer.id)")
        }
        // 100 pages of 35 rows and 100 single steps.
        #expect(d.state.selection == 100 * (d.state.layout.listHeight - 1) + 100)
        d.press(.char("G"))
        #expect(d.state.selectedID == "cabinet-99-offre-999")
        #expect(d.lines[d.grid.cursor!.row].contains("Offre 999 du cabinet 99"))
    }
}

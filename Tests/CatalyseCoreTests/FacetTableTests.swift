import Testing
@testable import CatalyseCore

/// The facet table: one description per coded facet, whose bits the index, the filter and the
/// counts share.
@Suite("Facet table")
struct FacetTableTests {
    /// Each facet's width is the number of values of its type, so a value added to an enum
    /// moves the bits after it instead of overwriting them.
    @Test func widthsFollowTheCodeTypes() {
        func width<T: CodedValue>(_: T.Type) -> (Facet, Int) { (T.facet, T.allCases.count) }
        let expected = [width(Purpose.self), width(OfferFormat.self), width(SupportKind.self), width(Theme.self), width(Stage.self),
                        width(BudgetBand.self), width(DeliveryMode.self), width(EmployerStatus.self), width(Audience.self)]
        #expect(FacetTable.coded.map(\.facet) == expected.map(\.0))
        for (facet, count) in expected {
            #expect(facet.coded?.width == count, "\(facet)")
            #expect(facet.coded?.values.count == count, "\(facet)")
        }
        #expect(Facet.territory.coded == nil)
    }

    @Test func bitsAreContiguousDisjointAndFitOneWord() {
        var next = 0
        var union: UInt64 = 0
        for facet in FacetTable.coded {
            #expect(facet.offset == next, "\(facet.facet) starts at \(facet.offset), expected \(next)")
            #expect(union & facet.mask == 0, "\(facet.facet) overlaps an earlier facet")
            union |= facet.mask
            #expect(facet.mask.nonzeroBitCount == facet.width)
            next += facet.width
        }
        #expect(next <= 64)
        #expect(union == (next == 64 ? ~0 : (1 << UInt64(next)) - 1))
    }

    @Test func codesAndLabelsAreTheTypes() {
        #expect(Facet.purpose.coded!.values.map(\.code) == Purpose.allCases.map(\.code))
        #expect(Facet.purpose.coded!.values.map(\.shortLabel) == Purpose.allCases.map(\.shortLabel))
        #expect(Facet.kind.coded!.values.map(\.label) == SupportKind.allCases.map(\.label))
        #expect(Facet.budget.coded!.ordinal(of: "10K-50K") == 1)
        #expect(Facet.budget.coded!.ordinal(of: "10k") == nil)
        #expect(Facet.mode.coded!.codeList == "presentiel, a-distance, mixte")
    }

    /// The mask of every shipped offer, compared with a reference written from the model.
    @Test func offerMasksAgreeWithAReference() {
        func bits<T: CodedValue>(_ values: [T], all: Bool = false) -> UInt64 {
            let facet = T.facet.coded!
            if values.isEmpty && all { return facet.mask }
            return values.reduce(0) { $0 | facet.bit(T.allCases.firstIndex(of: $1).map { T.allCases.distance(from: T.allCases.startIndex, to: $0) }!) }
        }
        for offer in Fixtures.shipped.offers {
            let e = offer.eligibility
            let reference = bits([offer.purpose]) | bits([offer.format]) | bits(offer.kinds) | bits(offer.themes)
                | bits(e.stages, all: true) | bits(e.budgets, all: true) | bits([offer.mode]) | bits(e.employer, all: true) | bits(offer.audience)
            #expect(FacetTable.mask(offer) == reference, "\(offer.id)")
        }
    }

    @Test func theFilterKeepsOneSelectionPerFacet() {
        var f = OfferFilter()
        f[Purpose.self] = [.strategique]
        f[SupportKind.self] = [.gouvernance, .miseEnReseau]
        #expect(f[Purpose.self] == [.strategique])
        #expect(f.selectedCodes(.kind) == ["mise-en-reseau", "gouvernance"])
        #expect(f.selectedLabels(.purpose, .fr) == ["Stratégique"])
        var known = f.toggle(.kind, code: "GOUVERNANCE")
        #expect(known && f[SupportKind.self] == [.miseEnReseau])
        known = f.toggle(.kind, code: "inconnu")
        #expect(!known && f[SupportKind.self] == [.miseEnReseau])
        known = f.toggle(.territory, code: "R32")
        #expect(known && f.territories == [.region("32")])
        known = f.toggle(.territory, code: "r32")
        #expect(known && f.territories.isEmpty)
        f.set(.stage, code: "creation", selected: true)
        known = f.set(.stage, code: "creation", selected: true)
        #expect(known && f[Stage.self] == [.creation])
        f.clear(.kind)
        #expect(f[SupportKind.self].isEmpty && f[Purpose.self] == [.strategique])
        f.clear(.purpose); f.clear(.stage)
        #expect(f.isEmpty)
    }
}

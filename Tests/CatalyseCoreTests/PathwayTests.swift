import Testing
@testable import CatalyseCore

/// The pathway's properties on random profiles of the shipped catalogue, and a few profiles
/// checked by hand.
@Suite("Pathway")
struct PathwayTests {
    static let index = SearchIndex(catalogue: Fixtures.shipped)

    /// The offers an association with these needs is eligible for, whatever they cover.
    static func eligible(_ needs: Pathway.Needs) -> Set<Int> {
        var f = needs.filter
        f[SupportKind.self] = []
        return Set(index.run(f, counts: false).offers)
    }

    @Test func propertiesOnRandomProfiles() {
        var random = CompiledTestRandom(seed: 17)
        let c = Self.index.catalogue
        for trial in 0..<300 {
            let kinds = Array(SupportKind.allCases.shuffled(using: &random).prefix(Int.random(in: 1...5, using: &random)))
            let needs = Pathway.Needs(kinds: kinds,
                                      territory: Bool.random(using: &random) ? Territories.allPlaces.randomElement(using: &random) : nil,
                                      stage: Bool.random(using: &random) ? Stage.allCases.randomElement(using: &random) : nil,
                                      budget: Bool.random(using: &random) ? BudgetBand.allCases.randomElement(using: &random) : nil,
                                      employer: Bool.random(using: &random) ? EmployerStatus.allCases.randomElement(using: &random) : nil)
            let p = Pathway.propose(needs, index: Self.index)
            let eligible = Self.eligible(needs)
            let label = "trial \(trial): \(needs)"
            #expect(p.steps.count <= Pathway.maximumSteps, "\(label)")
            #expect(p.steps.allSatisfy { eligible.contains($0.offer) }, "a step is not eligible: \(label)")
            let firms = p.steps.map { c.firmIndex(of: $0.offer) }
            #expect(Set(firms).count == firms.count, "a firm twice: \(label)")
            let best = eligible.map { Set(c.offers[$0].kinds).intersection(kinds).count }.max() ?? 0
            #expect(p.covered.count >= best, "fewer needs than the best single offer: \(label)")
            #expect(Set(p.covered).union(p.uncovered) == Set(kinds) && Set(p.covered).isDisjoint(with: p.uncovered), "\(label)")
            for k in p.steps.indices {
                var rest = p.steps
                rest.remove(at: k)
                #expect(Set(rest.flatMap(\.covers)).isStrictSubset(of: Set(p.covered)), "a step adds nothing: \(label)")
            }
            if eligible.contains(where: { Set(c.offers[$0].kinds).isSuperset(of: kinds) }) {
                #expect(p.steps.count == 1, "one offer covers everything, yet \(p.steps.count) steps: \(label)")
            }
            for step in p.steps {
                for alt in step.alternatives {
                    #expect(eligible.contains(alt) && !firms.contains(c.firmIndex(of: alt)) && Set(c.offers[alt].kinds).isSuperset(of: step.covers), "\(label)")
                }
            }
            #expect(Pathway.propose(needs, index: Self.index) == p, "not deterministic: \(label)")
        }
    }

    @Test func profilesCheckedByHand() {
        let c = Self.index.catalogue
        func ids(_ n: Pathway.Needs) -> [String] { Pathway.propose(n, index: Self.index).steps.map { c.offers.id($0.offer) } }
        // A Nord association needing governance, communication and strategy: two strategic
        // steps first (governance was asked first), then the operational one.
        let nord = Pathway.propose(Pathway.Needs(kinds: [.gouvernance, .relaisCommunication, .conseilStrategie], territory: .department("59")), index: Self.index)
        #expect(nord.steps.map { c.offers[$0.offer].purpose } == [.strategique, .strategique, .operationnelle])
        #expect(nord.steps.map(\.covers) == [[.gouvernance], [.conseilStrategie], [.relaisCommunication]])
        #expect(nord.uncovered.isEmpty)
        // Nothing asked: nothing proposed, and the DLA comes first in where else to turn.
        let none = Pathway.propose(Pathway.Needs(kinds: []), index: Self.index)
        #expect(none.steps.isEmpty && Resource.ordered(needs: [], pathway: none).first?.id == "dla")
        // The order of the needs is their urgency: it can change which offer is chosen among
        // equals, never how much is covered.
        for needs in [[SupportKind.miseEnReseau, .gouvernance], [.gouvernance, .miseEnReseau]] {
            let p = Pathway.propose(Pathway.Needs(kinds: needs, territory: .department("971")), index: Self.index)
            #expect(Set(p.covered) == Set(needs), "\(needs)")
        }
    }
}

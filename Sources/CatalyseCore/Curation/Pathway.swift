/// A pathway (« parcours ») of complementary offers from different firms that together cover an
/// association's needed support kinds (`docs/pathway.md` gives the rule):
///
/// 1. The candidates are the offers the association is eligible for — its territory by the
///    coverage rule, its stage, budget band and employer status, the mode when asked — that
///    cover at least one needed kind: exactly what `catalyse list` gives for those filters and
///    the needs as support kinds.
/// 2. Steps are chosen one at a time (at most four): the candidate that covers the most needs
///    not yet covered, from a firm not yet in the pathway; ties go to the one that covers the
///    earliest-listed of those needs (the most urgent), then to the one with the fewest kinds
///    beyond the needs (the most focused), then to the list's own order (firm, then title).
///    It stops when every need is covered or no candidate covers one more. When that leaves a
///    need uncovered, the same is tried from each of the 24 best first steps instead (a firm
///    taken first can be the only one to offer a later need); the choice covering the most
///    needs wins, then the one with fewer steps, then the plain one.
/// 3. The steps are ordered strategic before operational (a diagnosis before the steps that
///    follow from it), then by the earliest need each covers.
/// 4. Each step has up to two alternatives: other candidates, from firms not in the pathway,
///    that cover every need the step covers, by the same preferences.
///
/// The result is deterministic for a catalogue and a profile, and one step when one offer covers
/// every need.
public struct Pathway: Sendable, Equatable {
    public struct Step: Sendable, Equatable {
        /// Index of the offer in the catalogue.
        public var offer: Int
        /// The needs this step covers (in the order the needs were given).
        public var covers: [SupportKind]
        public var alternatives: [Int]
    }

    /// What the pathway is for.
    public struct Needs: Sendable, Equatable {
        public var kinds: [SupportKind]
        public var territory: Place?
        public var stage: Stage?
        public var budget: BudgetBand?
        public var employer: EmployerStatus?
        public var mode: DeliveryMode?
        /// The only format the association can take (a self-assessment's « it must be given
        /// entirely free »: skills-based sponsorship), nil: either.
        public var format: OfferFormat?

        public init(kinds: [SupportKind], territory: Place? = nil, stage: Stage? = nil, budget: BudgetBand? = nil,
                    employer: EmployerStatus? = nil, mode: DeliveryMode? = nil, format: OfferFormat? = nil) {
            var unique: [SupportKind] = []
            for k in kinds where !unique.contains(k) { unique.append(k) }
            self.kinds = unique; self.territory = territory; self.stage = stage; self.budget = budget
            self.employer = employer; self.mode = mode; self.format = format
        }

        /// A dossier's profile as needs.
        public init(_ profile: DossierProfile) {
            self.init(kinds: profile.needs, territory: profile.territory, stage: profile.stage, budget: profile.budget, employer: profile.employer)
        }

        /// The filter that gives the candidates.
        public var filter: OfferFilter {
            var f = OfferFilter()
            if let territory { f.territories = [territory] }
            if let stage { f[Stage.self] = [stage] }
            if let budget { f[BudgetBand.self] = [budget] }
            if let employer { f[EmployerStatus.self] = [employer] }
            if let mode { f[DeliveryMode.self] = [mode] }
            if let format { f[OfferFormat.self] = [format] }
            f[SupportKind.self] = Set(kinds)
            return f
        }
    }

    public var steps: [Step]
    /// The needs no step covers.
    public var uncovered: [SupportKind]

    public static let maximumSteps = 4

    public static func propose(_ needs: Needs, index: SearchIndex) -> Pathway {
        guard !needs.kinds.isEmpty else { return Pathway(steps: [], uncovered: []) }
        let catalogue = index.catalogue
        let candidates = index.run(needs.filter, counts: false).offers  // in the list's order
        let rank = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($1, $0) })
        var kindsOf: [Int: Set<SupportKind>] = [:]
        for i in candidates { kindsOf[i] = Set(catalogue.offers[i].kinds) }
        func firm(_ i: Int) -> Int { catalogue.firmIndex(of: i) }
        let priority = Dictionary(uniqueKeysWithValues: needs.kinds.enumerated().map { ($1, $0) })
        /// The preference between two candidates for covering `wanted`: more of it, more urgent,
        /// more focused, earlier in the list.
        func better(_ a: Int, _ b: Int, _ wanted: Set<SupportKind>) -> Bool {
            let ca = kindsOf[a]!.intersection(wanted), cb = kindsOf[b]!.intersection(wanted)
            if ca.count != cb.count { return ca.count > cb.count }
            let ua = ca.map { priority[$0]! }.min() ?? Int.max, ub = cb.map { priority[$0]! }.min() ?? Int.max
            if ua != ub { return ua < ub }
            let ea = kindsOf[a]!.subtracting(needs.kinds).count, eb = kindsOf[b]!.subtracting(needs.kinds).count
            if ea != eb { return ea < eb }
            return rank[a]! < rank[b]!
        }
        /// Greedy steps, starting with `first` when given.
        func greedy(first: Int?) -> [(offer: Int, covers: Set<SupportKind>)] {
            var uncovered = Set(needs.kinds)
            var usedFirms = Set<Int>()
            var chosen: [(offer: Int, covers: Set<SupportKind>)] = []
            func take(_ i: Int) {
                let covers = kindsOf[i]!.intersection(uncovered)
                chosen.append((i, covers))
                usedFirms.insert(firm(i))
                uncovered.subtract(covers)
            }
            if let first { take(first) }
            while chosen.count < maximumSteps, !uncovered.isEmpty {
                let pool = candidates.filter { !usedFirms.contains(firm($0)) && !kindsOf[$0]!.isDisjoint(with: uncovered) }
                guard let best = pool.min(by: { better($0, $1, uncovered) }) else { break }
                take(best)
            }
            return chosen
        }
        // The greedy choice, and the same started from each of the best few first steps instead
        // (a firm taken first can be the only one offering a later need): the one that covers the
        // most needs wins, then the one with fewer steps, then the plain greedy one.
        let firsts = candidates.sorted { better($0, $1, Set(needs.kinds)) }.prefix(24)
        var chosen = greedy(first: nil)
        func coverage(_ steps: [(offer: Int, covers: Set<SupportKind>)]) -> Int { steps.reduce(0) { $0 + $1.covers.count } }
        for first in firsts where coverage(chosen) < needs.kinds.count {
            let other = greedy(first: first)
            if coverage(other) > coverage(chosen) || (coverage(other) == coverage(chosen) && other.count < chosen.count) { chosen = other }
        }
        let usedFirms = Set(chosen.map { firm($0.offer) })
        let uncovered = Set(needs.kinds).subtracting(chosen.flatMap(\.covers))
        func firstNeed(_ covers: Set<SupportKind>) -> Int { covers.map { priority[$0]! }.min() ?? Int.max }
        chosen.sort { a, b in
            let sa = catalogue.offers[a.offer].purpose == .strategique, sb = catalogue.offers[b.offer].purpose == .strategique
            if sa != sb { return sa }
            return firstNeed(a.covers) < firstNeed(b.covers)
        }
        let steps = chosen.map { step -> Step in
            let alternatives = candidates
                .filter { !usedFirms.contains(firm($0)) && kindsOf[$0]!.isSuperset(of: step.covers) }
                .sorted { better($0, $1, step.covers) }
                .prefix(2)
            return Step(offer: step.offer, covers: needs.kinds.filter(step.covers.contains), alternatives: Array(alternatives))
        }
        return Pathway(steps: steps, uncovered: needs.kinds.filter(uncovered.contains))
    }

    /// The needs the pathway covers.
    public var covered: [SupportKind] { steps.flatMap(\.covers) }
}

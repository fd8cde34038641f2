/// Ranks the catalogue's offers for a self-assessment profile (`docs/self-assessment.md`).
///
/// Each offer gets, for each criterion, a verdict — met, partly met, not met, or not asked —
/// and points out of 100:
/// - **need** (60): the share of the needs' weight that the offer's support kinds carry;
///   met when it covers the first need, partly when it covers another, not met otherwise;
/// - **territory** (15): met when the offer covers the place, its région or the whole
///   country; partly when the place is a région and the offer covers some of its
///   départements only (the coverage rule lets it through); not met otherwise (0);
/// - **eligibility** (10): stage, budget band, employer status: met when every condition the
///   offer states fits the answers; partly (5) when a condition cannot be checked because the
///   question was skipped; not met (0) when one does not fit;
/// - **format** (10): met when the offer's format is one the association can take;
/// - **mode** (5): met when the offer is delivered the way wanted; partly (3) when it is
///   « mixte » and one way was asked, or one way and « mixte » was asked.
/// A criterion not asked gives its full points to every offer. The offers listed are those
/// that meet the need at least partly (every offer when no need was given). They are ordered:
/// suitable ones first (no criterion but the mode « not met »: an association that needs the
/// support fully given is not offered a part-paid one), then by points,
/// then by the earliest need they cover (the order of `AssessmentProfile.needs`), then by the
/// fewest support kinds beyond the needs, then in the list's own order (firm, then title).
public enum AssessmentScoring {
    public enum Verdict: String, Sendable, Equatable { case met, partly, notMet = "not-met", notAsked = "not-asked" }

    public enum Criterion: String, Sendable, Equatable, CaseIterable { case territory, eligibility, need, format, mode }

    public struct Reason: Sendable, Equatable {
        public var criterion: Criterion
        public var verdict: Verdict
        public var points: Int
        /// What the verdict is about, in the output language (« couvre Nord (59) »).
        public var text: String
    }

    public struct Ranked: Sendable, Equatable {
        /// Index of the offer in the catalogue.
        public var offer: Int
        public var points: Int
        public var suitable: Bool
        /// The needs it covers, in the profile's order.
        public var covers: [SupportKind]
        public var reasons: [Reason]
    }

    public static let maximum: [Criterion: Int] = [.need: 60, .territory: 15, .eligibility: 10, .format: 10, .mode: 5]

    public static func rank(_ profile: AssessmentProfile, index: SearchIndex, language: Language) -> [Ranked] {
        let catalogue = index.catalogue
        let order = index.run(OfferFilter(), counts: false).offers
        let needs = profile.needs
        let total = profile.totalWeight
        var ranked: [(Ranked, listRank: Int, firstNeed: Int, extra: Int)] = []
        for (listRank, i) in order.enumerated() {
            let offer = catalogue.offers[i]
            let covers = needs.filter(offer.kinds.contains)
            if !needs.isEmpty && covers.isEmpty { continue }
            var reasons: [Reason] = []
            // Need.
            if needs.isEmpty {
                reasons.append(Reason(criterion: .need, verdict: .notAsked, points: 60, text: AssessmentWords.noNeed(language)))
            } else {
                let carried = covers.reduce(0) { $0 + (profile.weights[$1] ?? 0) }
                let points = (60 * carried + total / 2) / max(total, 1)
                let verdict: Verdict = covers.first == needs.first ? .met : .partly
                reasons.append(Reason(criterion: .need, verdict: verdict, points: points, text: AssessmentWords.covers(covers, first: verdict == .met, language)))
            }
            reasons.append(territory(profile.territory, offer, language))
            reasons.append(eligibility(profile, offer, language))
            reasons.append(format(profile.formats, offer, language))
            reasons.append(mode(profile.modes, offer, language))
            let points = reasons.reduce(0) { $0 + $1.points }
            let blocking = reasons.contains { $0.verdict == .notMet && $0.criterion != .mode }
            let firstNeed = covers.first.flatMap { needs.firstIndex(of: $0) } ?? Int.max
            let extra = Set(offer.kinds).subtracting(needs).count
            let ordered = Criterion.allCases.compactMap { c in reasons.first { $0.criterion == c } }
            ranked.append((Ranked(offer: i, points: points, suitable: !blocking, covers: covers, reasons: ordered), listRank, firstNeed, extra))
        }
        ranked.sort { a, b in
            if a.0.suitable != b.0.suitable { return a.0.suitable }
            if a.0.points != b.0.points { return a.0.points > b.0.points }
            if a.firstNeed != b.firstNeed { return a.firstNeed < b.firstNeed }
            if a.extra != b.extra { return a.extra < b.extra }
            return a.listRank < b.listRank
        }
        return ranked.map(\.0)
    }

    static func territory(_ place: Place?, _ offer: Offer, _ l: Language) -> Reason {
        guard let place else { return Reason(criterion: .territory, verdict: .notAsked, points: 15, text: AssessmentWords.notAsked(l)) }
        let covered = offer.territories
        guard Territories.matches(filter: place, covered: covered) else {
            return Reason(criterion: .territory, verdict: .notMet, points: 0,
                          text: WhyListed.covers(Territories.displayNames(covered, l), l) + (l == .fr ? ", pas " : ", not ") + place.displayName(l))
        }
        let text = WhyListed.coverage(of: place, by: covered, l) ?? ""
        if case .region(let code) = place, !covered.contains(place), !covered.contains(.national), Territories.soleDepartment(ofRegion: code) == nil {
            return Reason(criterion: .territory, verdict: .partly, points: 8, text: text)
        }
        return Reason(criterion: .territory, verdict: .met, points: 15, text: text)
    }

    static func eligibility(_ p: AssessmentProfile, _ offer: Offer, _ l: Language) -> Reason {
        let e = offer.eligibility
        var fails: [String] = [], unknown: [String] = []
        /// « stade : consolidation ou développement, pas création ».
        func check<T: CodedValue>(_ asked: T?, _ allowed: [T]) {
            guard !allowed.isEmpty else { return }
            let names = Typography.field(Typography.inRunningText(T.facet.label.text(l)), WhyListed.or(allowed.map { Typography.inRunningText($0.label(l)) }, l), l)
            if let asked {
                if !allowed.contains(asked) { fails.append(names + (l == .fr ? ", pas " : ", not ") + Typography.inRunningText(asked.label(l))) }
            } else {
                unknown.append(names)
            }
        }
        check(p.stage, e.stages)
        check(p.budget, e.budgets)
        check(p.employer, e.employer)
        if !fails.isEmpty {
            return Reason(criterion: .eligibility, verdict: .notMet, points: 0, text: AssessmentWords.reserved(fails, l))
        }
        if !unknown.isEmpty {
            return Reason(criterion: .eligibility, verdict: .partly, points: 5, text: AssessmentWords.toCheck(unknown, l))
        }
        let stated = !e.stages.isEmpty || !e.budgets.isEmpty || !e.employer.isEmpty
        return Reason(criterion: .eligibility, verdict: .met, points: 10, text: stated ? AssessmentWords.fits(l) : AssessmentWords.openToAll(l))
    }

    static func format(_ formats: Set<OfferFormat>, _ offer: Offer, _ l: Language) -> Reason {
        let name = Typography.inRunningText(offer.format.label(l))
        guard !formats.isEmpty else { return Reason(criterion: .format, verdict: .notAsked, points: 10, text: name) }
        if formats.contains(offer.format) { return Reason(criterion: .format, verdict: .met, points: 10, text: name) }
        return Reason(criterion: .format, verdict: .notMet, points: 0, text: AssessmentWords.formatNotWanted(offer.format, l))
    }

    static func mode(_ modes: Set<DeliveryMode>, _ offer: Offer, _ l: Language) -> Reason {
        let name = Typography.inRunningText(offer.mode.label(l))
        guard !modes.isEmpty else { return Reason(criterion: .mode, verdict: .notAsked, points: 5, text: name) }
        if modes.contains(offer.mode) { return Reason(criterion: .mode, verdict: .met, points: 5, text: name) }
        if offer.mode == .mixte || modes.contains(.mixte) { return Reason(criterion: .mode, verdict: .partly, points: 3, text: name) }
        return Reason(criterion: .mode, verdict: .notMet, points: 0, text: name)
    }
}

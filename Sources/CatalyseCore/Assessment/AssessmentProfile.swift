/// What the answers say about the association, added up answer by answer: where it is, its
/// stage, budget band and employer status, its needs (support kinds with weights), the formats
/// it can take and the modes it wants, and the order of its needs (« how soon » only orders).
public struct AssessmentProfile: Sendable, Equatable {
    public var territory: Place?
    public var stage: Stage?
    public var budget: BudgetBand?
    public var employer: EmployerStatus?
    /// Weight of each needed support kind (only kinds with a weight).
    public var weights: [SupportKind: Int]
    /// Formats it can take (empty: not said).
    public var formats: Set<OfferFormat>
    /// Modes it wants (empty: not said).
    public var modes: Set<DeliveryMode>
    /// Whose needs come first (« how soon »; nil: strategic first, the pathway's default).
    public var first: Purpose?

    public init(territory: Place? = nil, stage: Stage? = nil, budget: BudgetBand? = nil, employer: EmployerStatus? = nil,
                weights: [SupportKind: Int] = [:], formats: Set<OfferFormat> = [], modes: Set<DeliveryMode> = [], first: Purpose? = nil) {
        self.territory = territory; self.stage = stage; self.budget = budget; self.employer = employer
        self.weights = weights; self.formats = formats; self.modes = modes; self.first = first
    }

    /// Adds up the answers: the last answer that sets a value wins; weights add up.
    public init(_ questionnaire: Questionnaire, _ answers: AssessmentAnswers) {
        self.init()
        for q in questionnaire.questions {
            if q.kind == .place { if let p = answers.place(q.id) { territory = p }; continue }
            for id in answers.choices(q.id) {
                guard let w = q.answer(id: id)?.weighs else { continue }
                if let v = w.stage { stage = v }
                if let v = w.budget { budget = v }
                if let v = w.employer { employer = v }
                if let v = w.first { first = v }
                for (kind, weight) in w.needs { weights[kind, default: 0] += weight }
                formats.formUnion(w.formats)
                modes.formUnion(w.modes)
            }
        }
    }

    /// The needed kinds, most pressing first: those of the purpose « how soon » puts first
    /// (strategic when it says nothing: a diagnosis before the steps that follow from it),
    /// then by weight, then in the vocabulary's order.
    public var needs: [SupportKind] {
        let firstPurpose = first ?? .strategique
        return SupportKind.allCases.filter { (weights[$0] ?? 0) > 0 }.sorted { a, b in
            let pa = a.purpose == firstPurpose, pb = b.purpose == firstPurpose
            if pa != pb { return pa }
            let wa = weights[a]!, wb = weights[b]!
            if wa != wb { return wa > wb }
            return SupportKind.allCases.firstIndex(of: a)! < SupportKind.allCases.firstIndex(of: b)!
        }
    }

    public var totalWeight: Int { weights.values.reduce(0, +) }

    /// The needs as the pathway takes them (`Pathway.Needs`): the hard criteria of the scoring
    /// (territory, eligibility, the format when only one will do); the mode, which only weighs
    /// in the score, is no constraint of the pathway.
    public var pathwayNeeds: Pathway.Needs {
        Pathway.Needs(kinds: needs, territory: territory, stage: stage, budget: budget, employer: employer,
                      format: formats.count == 1 ? formats.first : nil)
    }

    /// The main list's filters for this profile (`o` on the result screen): the territory, the
    /// eligibility, the needs as support kinds, the format when only one will do, the modes
    /// wanted (with « mixte », which includes them): the pathway's candidate filter, plus the modes.
    public var filter: OfferFilter {
        var f = pathwayNeeds.filter
        if !modes.isEmpty && modes.count < DeliveryMode.allCases.count { f[DeliveryMode.self] = modes.union([.mixte]) }
        return f
    }

    /// A dossier's profile from these answers.
    public func dossierProfile(name: String) -> DossierProfile {
        DossierProfile(name: name, territory: territory, stage: stage, budget: budget, employer: employer, needs: needs)
    }
}

/// One accompaniment offer of a firm.
public struct Offer: Hashable, Sendable, Identifiable {
    public var id: String
    public var firmID: String
    public var title: String
    public var summary: String
    public var description: String
    public var format: OfferFormat
    public var purpose: Purpose
    public var kinds: [SupportKind]
    public var themes: [Theme]
    public var territories: [Place]
    public var mode: DeliveryMode
    public var audience: [Audience]
    public var duration: String
    public var capacity: Int?
    public var eligibility: Eligibility
    /// What the association pays, in the offer's own words (nil: free, skills-based sponsorship).
    public var cost: String?
    public var apply: String

    public init(id: String, firmID: String, title: String, summary: String, description: String,
                format: OfferFormat, purpose: Purpose, kinds: [SupportKind], themes: [Theme],
                territories: [Place], mode: DeliveryMode, audience: [Audience], duration: String,
                capacity: Int? = nil, eligibility: Eligibility = Eligibility(), cost: String? = nil, apply: String) {
        self.id = id; self.firmID = firmID; self.title = title; self.summary = summary
        self.description = description; self.format = format; self.purpose = purpose; self.kinds = kinds
        self.themes = themes; self.territories = territories; self.mode = mode; self.audience = audience
        self.duration = duration; self.capacity = capacity; self.eligibility = eligibility
        self.cost = cost; self.apply = apply
    }

    /// The cost line to show: the offer's words, or "free" for skills-based sponsorship.
    public func costText(_ language: Language) -> String {
        if let cost { return cost }
        return language == .fr ? "Gratuit pour l'association (mécénat de compétences)" : "Free for the association (skills-based sponsorship)"
    }
}

/// Who an offer is open to. An empty list means open to every value of that facet.
public struct Eligibility: Hashable, Sendable {
    public var stages: [Stage] = []
    public var budgets: [BudgetBand] = []
    public var employer: [EmployerStatus] = []
    public init(stages: [Stage] = [], budgets: [BudgetBand] = [], employer: [EmployerStatus] = []) {
        self.stages = stages; self.budgets = budgets; self.employer = employer
    }
}

/// The fields of an offer that a list row shows.
public struct OfferRow: Hashable, Sendable {
    public var id: String
    public var title: String
    public var purpose: Purpose
    public var format: OfferFormat
    public var territories: [Place]

    public init(id: String, title: String, purpose: Purpose, format: OfferFormat, territories: [Place]) {
        self.id = id; self.title = title; self.purpose = purpose; self.format = format; self.territories = territories
    }

    public init(_ offer: Offer) {
        self.init(id: offer.id, title: offer.title, purpose: offer.purpose, format: offer.format, territories: offer.territories)
    }
}


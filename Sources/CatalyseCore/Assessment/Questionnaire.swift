/// The self-assessment's questionnaire (« autodiagnostic »): questions in plain words, their
/// answers, and how each answer weighs on the facets. It is data (`data/questionnaire.yaml`,
/// embedded in the program, replaceable with `--questionnaire FILE`), read by
/// `QuestionnaireReader`; the scoring (`AssessmentScoring`) knows no question by name.
public struct Questionnaire: Sendable, Equatable {
    public var name: Label
    public var questions: [Question]

    public init(name: Label, questions: [Question]) { self.name = name; self.questions = questions }

    public func question(id: String) -> Question? { questions.first { $0.id == id } }
    public func index(of id: String) -> Int? { questions.firstIndex { $0.id == id } }
}

public struct Question: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// A place, typed as the territory prompt takes it (code, name, postal code).
        case place
        /// One answer at most.
        case one
        /// Several answers.
        case several
    }

    public var id: String
    public var kind: Kind
    public var text: Label
    /// A line under the question (optional).
    public var help: Label?
    public var answers: [Answer]

    public init(id: String, kind: Kind, text: Label, help: Label? = nil, answers: [Answer] = []) {
        self.id = id; self.kind = kind; self.text = text; self.help = help; self.answers = answers
    }

    public func answer(id: String) -> Answer? { answers.first { $0.id == id } }
}

public struct Answer: Sendable, Equatable {
    public var id: String
    public var text: Label
    public var weighs: AnswerWeight

    public init(id: String, text: Label, weighs: AnswerWeight = AnswerWeight()) { self.id = id; self.text = text; self.weighs = weighs }
}

/// What choosing an answer says about the association. Every field is optional; the keys of an
/// answer in the file are these fields' names (`stage`, `budget`, `employer`, `needs`, `formats`,
/// `modes`, `first`).
public struct AnswerWeight: Sendable, Equatable {
    /// Its stage, budget band, employer status (eligibility).
    public var stage: Stage?
    public var budget: BudgetBand?
    public var employer: EmployerStatus?
    /// Support kinds it needs, each with a weight (1 to 9), in the order written.
    public var needs: [(kind: SupportKind, weight: Int)]
    /// The formats it can take (skills-based only, or both).
    public var formats: [OfferFormat]
    /// The ways of delivery it wants.
    public var modes: [DeliveryMode]
    /// « How soon »: which purpose's needs come first. It weighs on no facet: it only orders
    /// the needs (and so the ties of the ranking and the pathway's steps).
    public var first: Purpose?

    public init(stage: Stage? = nil, budget: BudgetBand? = nil, employer: EmployerStatus? = nil, needs: [(kind: SupportKind, weight: Int)] = [],
                formats: [OfferFormat] = [], modes: [DeliveryMode] = [], first: Purpose? = nil) {
        self.stage = stage; self.budget = budget; self.employer = employer; self.needs = needs
        self.formats = formats; self.modes = modes; self.first = first
    }

    public static func == (a: AnswerWeight, b: AnswerWeight) -> Bool {
        a.stage == b.stage && a.budget == b.budget && a.employer == b.employer && a.formats == b.formats && a.modes == b.modes
            && a.first == b.first && a.needs.map(\.kind) == b.needs.map(\.kind) && a.needs.map(\.weight) == b.needs.map(\.weight)
    }
}

/// A closed set of code values from `domain.md`, each with a French and an English label.
public protocol CodedValue: CaseIterable, Hashable, Sendable, Comparable, RawRepresentable where RawValue == String {
    var label: Label { get }
    /// The facet these values belong to.
    static var facet: Facet { get }
}

extension CodedValue {
    public var code: String { rawValue }
    public func label(_ language: Language) -> String { label.text(language) }
    /// Index of the value in declaration order (used for bit sets and ordering).
    public var ordinal: Int { Self.allCases.distance(from: Self.allCases.startIndex, to: Self.allCases.firstIndex(of: self)!) }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.ordinal < rhs.ordinal }
    /// Case-insensitive parse of a code value.
    public init?(code: String) { self.init(rawValue: code.lowercased()) }
    public static var codeList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Who pays: skills-based sponsorship (free) or the « mi-chemin » part-paid format.
public enum OfferFormat: String, CodedValue {
    case mecenatCompetences = "mecenat-competences"
    case miChemin = "mi-chemin"
    public static let facet = Facet.format
    public var label: Label {
        switch self {
        case .mecenatCompetences: Label(fr: "Mécénat de compétences", en: "Skills-based sponsorship")
        case .miChemin: Label(fr: "Mi-chemin", en: "Half-way (part-paid)")
        }
    }
    /// A short tag for list columns (« Mécénat »); sheets, `show` and `--json` give the full label.
    public var shortLabel: Label {
        switch self {
        case .mecenatCompetences: Label(fr: "Mécénat", en: "Skills-based")
        case .miChemin: Label(fr: "Mi-chemin", en: "Half-way")
        }
    }
}

/// The « finalité » of an offer.
public enum Purpose: String, CodedValue {
    case operationnelle
    case strategique
    public static let facet = Facet.purpose
    public var label: Label {
        switch self {
        case .operationnelle: Label(fr: "Accompagnement à finalité opérationnelle", en: "Operational support")
        case .strategique: Label(fr: "Accompagnement à finalité stratégique", en: "Strategic support")
        }
    }
    /// A short tag for lists.
    public var shortLabel: Label {
        switch self {
        case .operationnelle: Label(fr: "Opérationnelle", en: "Operational")
        case .strategique: Label(fr: "Stratégique", en: "Strategic")
        }
    }
    /// The support kinds that belong to this purpose.
    public var kinds: [SupportKind] { SupportKind.allCases.filter { $0.purpose == self } }
}

/// A kind of support; each belongs to exactly one purpose.
public enum SupportKind: String, CodedValue {
    case suiviPartenariat = "suivi-partenariat"
    case miseEnReseau = "mise-en-reseau"
    case relaisCommunication = "relais-communication"
    case apportExpertise = "apport-expertise"
    case coachingDirigeants = "coaching-dirigeants"
    case conseilStrategie = "conseil-strategie"
    case gouvernance
    case modeleSocioEconomique = "modele-socio-economique"
    public static let facet = Facet.kind
    public var purpose: Purpose {
        switch self {
        case .suiviPartenariat, .miseEnReseau, .relaisCommunication, .apportExpertise: .operationnelle
        default: .strategique
        }
    }
    public var label: Label {
        switch self {
        case .suiviPartenariat: Label(fr: "Suivi de la relation partenariale", en: "Partnership follow-up")
        case .miseEnReseau: Label(fr: "Mise en réseau", en: "Networking")
        case .relaisCommunication: Label(fr: "Relais de communication", en: "Communication relay")
        case .apportExpertise: Label(fr: "Apport d'expertises", en: "Expert input")
        case .coachingDirigeants: Label(fr: "Coaching de dirigeants", en: "Leadership coaching")
        case .conseilStrategie: Label(fr: "Conseil en stratégie", en: "Strategy consulting")
        case .gouvernance: Label(fr: "Participation à la gouvernance", en: "Governance involvement")
        case .modeleSocioEconomique: Label(fr: "Transformation du modèle socio-économique", en: "Socio-economic model transformation")
        }
    }
}

/// The themes the programme went through, in order.
public enum Theme: String, CodedValue {
    case accompagnementStrategique = "accompagnement-strategique"
    case modelesSocioEconomiques = "modeles-socio-economiques"
    case innovationAssociative = "innovation-associative"
    public static let facet = Facet.theme
    public var label: Label {
        switch self {
        case .accompagnementStrategique: Label(fr: "Accompagnement stratégique", en: "Strategic support")
        case .modelesSocioEconomiques: Label(fr: "Modèles socio-économiques", en: "Socio-economic models")
        case .innovationAssociative: Label(fr: "Innovation associative", en: "Associative innovation")
        }
    }
}

/// The association's stage of development.
public enum Stage: String, CodedValue {
    case emergence, creation, consolidation, developpement
    case changementEchelle = "changement-echelle"
    public static let facet = Facet.stage
    public var label: Label {
        switch self {
        case .emergence: Label(fr: "Émergence", en: "Emergence")
        case .creation: Label(fr: "Création", en: "Creation")
        case .consolidation: Label(fr: "Consolidation", en: "Consolidation")
        case .developpement: Label(fr: "Développement", en: "Growth")
        case .changementEchelle: Label(fr: "Changement d'échelle", en: "Scaling up")
        }
    }
}

/// The association's yearly budget band.
public enum BudgetBand: String, CodedValue {
    case moins10k = "moins-10k"
    case from10kTo50k = "10k-50k"
    case from50kTo200k = "50k-200k"
    case from200kTo1m = "200k-1m"
    case plus1m = "plus-1m"
    public static let facet = Facet.budget
    public var label: Label {
        switch self {
        case .moins10k: Label(fr: "Moins de 10\u{00A0}k€", en: "Under €10k")
        case .from10kTo50k: Label(fr: "10\u{00A0}k€ à 50\u{00A0}k€", en: "€10k to €50k")
        case .from50kTo200k: Label(fr: "50\u{00A0}k€ à 200\u{00A0}k€", en: "€50k to €200k")
        case .from200kTo1m: Label(fr: "200\u{00A0}k€ à 1\u{00A0}M€", en: "€200k to €1M")
        case .plus1m: Label(fr: "Plus de 1\u{00A0}M€", en: "Over €1M")
        }
    }
}

/// Whether the association employs staff or is run by volunteers.
public enum EmployerStatus: String, CodedValue {
    case employeuse, benevole
    public static let facet = Facet.employer
    public var label: Label {
        switch self {
        case .employeuse: Label(fr: "Employeuse", en: "Employs staff")
        case .benevole: Label(fr: "Bénévole", en: "Volunteer-run")
        }
    }
}

/// How the offer is delivered.
public enum DeliveryMode: String, CodedValue {
    case presentiel
    case aDistance = "a-distance"
    case mixte
    public static let facet = Facet.mode
    public var label: Label {
        switch self {
        case .presentiel: Label(fr: "Présentiel", en: "On-site")
        case .aDistance: Label(fr: "À distance", en: "Remote")
        case .mixte: Label(fr: "Mixte", en: "On-site and remote")
        }
    }
}

/// One-to-one or group accompaniment.
public enum Audience: String, CodedValue {
    case individuel, collectif
    public static let facet = Facet.audience
    public var label: Label {
        switch self {
        case .individuel: Label(fr: "Individuel", en: "One-to-one")
        case .collectif: Label(fr: "Collectif", en: "Group")
        }
    }
}

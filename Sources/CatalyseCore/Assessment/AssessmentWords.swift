/// The self-assessment's own sentences, in French and English: the reading of the need
/// (« votre besoin relève surtout d'un accompagnement à finalité stratégique, avec un besoin
/// opérationnel de communication ») and the words of each criterion's reason.
public enum AssessmentWords {
    /// A support kind in plain words, as the reading names it (« gouvernance », "governance").
    public static func noun(_ kind: SupportKind, _ l: Language) -> String {
        let fr = l == .fr
        switch kind {
        case .suiviPartenariat: return fr ? "suivi d'un partenariat" : "partnership follow-up"
        case .miseEnReseau: return fr ? "mise en réseau" : "networking"
        case .relaisCommunication: return fr ? "communication" : "communication"
        case .apportExpertise: return fr ? "expertise" : "expertise"
        case .coachingDirigeants: return fr ? "accompagnement des dirigeants" : "leadership coaching"
        case .conseilStrategie: return fr ? "stratégie" : "strategy"
        case .gouvernance: return fr ? "gouvernance" : "governance"
        case .modeleSocioEconomique: return fr ? "modèle socio-économique" : "socio-economic model"
        }
    }

    /// « de communication », « d'expertise ».
    static func ofNoun(_ kind: SupportKind) -> String {
        let n = noun(kind, .fr)
        return (n.first.map { "aeiouéèêh".contains($0) } ?? false ? "d'" : "de ") + n
    }

    /// The reading of the need: which purpose it falls under mostly (the one with more weight;
    /// at equal weight, the one « how soon » puts first, else both), its heaviest kinds (two at
    /// most), and the heaviest of the other purpose.
    public static func reading(_ p: AssessmentProfile, _ l: Language) -> String {
        let fr = l == .fr
        let needs = p.needs
        guard !needs.isEmpty else {
            return fr ? Typography.french("Vous n'avez pas dit de quoi l'association a besoin : voici les offres qui lui sont ouvertes.")
                : "You did not say what the association needs: here are the offers open to it."
        }
        func weight(_ purpose: Purpose) -> Int { needs.filter { $0.purpose == purpose }.reduce(0) { $0 + p.weights[$1]! } }
        func heaviest(_ purpose: Purpose) -> [SupportKind] {
            Array(SupportKind.allCases.filter { $0.purpose == purpose && (p.weights[$0] ?? 0) > 0 }
                .sorted { p.weights[$0]! > p.weights[$1]! || (p.weights[$0]! == p.weights[$1]! && SupportKind.allCases.firstIndex(of: $0)! < SupportKind.allCases.firstIndex(of: $1)!) }
                .prefix(2))
        }
        func purposeName(_ purpose: Purpose) -> String {
            fr ? "d'un accompagnement à finalité " + (purpose == .strategique ? "stratégique" : "opérationnelle")
                : (purpose == .strategique ? "strategic support" : "operational support")
        }
        func list(_ kinds: [SupportKind]) -> String { WhyListed.and(kinds.map { noun($0, l) }, l) }
        let s = weight(.strategique), o = weight(.operationnelle)
        if s > 0 && o > 0 && s == o && p.first == nil {
            return fr ? "Votre besoin relève autant \(purposeName(.strategique)) (\(list(heaviest(.strategique)))) que \(purposeName(.operationnelle)) (\(list(heaviest(.operationnelle))))."
                : "Your need is as much for \(purposeName(.strategique)) (\(list(heaviest(.strategique)))) as for \(purposeName(.operationnelle)) (\(list(heaviest(.operationnelle))))."
        }
        let main: Purpose = s > o ? .strategique : (o > s ? .operationnelle : (p.first ?? .strategique))
        let other: Purpose = main == .strategique ? .operationnelle : .strategique
        let head = fr ? "Votre besoin relève \(weight(other) > 0 ? "surtout " : "")\(purposeName(main)) (\(list(heaviest(main))))"
            : "Your need is \(weight(other) > 0 ? "mostly " : "")for \(purposeName(main)) (\(list(heaviest(main))))"
        guard weight(other) > 0 else { return head + "." }
        let otherKinds = heaviest(other)
        if fr {
            let adjective = other == .strategique ? "stratégique" : "opérationnel"
            return head + ", avec un besoin \(adjective) " + WhyListed.and(otherKinds.map(ofNoun), .fr) + "."
        }
        return head + ", with " + (other == .strategique ? "a strategic" : "an operational") + " need for " + list(otherKinds) + "."
    }

    public static func criterion(_ c: AssessmentScoring.Criterion, _ l: Language) -> String {
        let fr = l == .fr
        switch c {
        case .territory: return fr ? "Territoire" : "Territory"
        case .eligibility: return fr ? "Éligibilité" : "Eligibility"
        case .need: return fr ? "Besoin" : "Need"
        case .format: return "Format"
        case .mode: return fr ? "Modalité" : "Mode"
        }
    }

    public static func verdict(_ v: AssessmentScoring.Verdict, _ l: Language) -> String {
        let fr = l == .fr
        switch v {
        case .met: return fr ? "oui" : "met"
        case .partly: return fr ? "en partie" : "partly"
        case .notMet: return fr ? "non" : "not met"
        case .notAsked: return fr ? "non demandé" : "not asked"
        }
    }

    /// The mark before a reason: ✓ met, ~ partly, ✗ not met, · not asked.
    public static func mark(_ v: AssessmentScoring.Verdict) -> String {
        switch v {
        case .met: "✓"
        case .partly: "~"
        case .notMet: "✗"
        case .notAsked: "·"
        }
    }

    static func noNeed(_ l: Language) -> String { l == .fr ? "aucun besoin indiqué" : "no need given" }
    static func notAsked(_ l: Language) -> String { l == .fr ? "question passée" : "question skipped" }
    static func covers(_ kinds: [SupportKind], first: Bool, _ l: Language) -> String {
        WhyListed.and(kinds.map { noun($0, l) }, l) + (first ? "" : (l == .fr ? " (pas votre premier besoin)" : " (not your first need)"))
    }
    /// The conditions that do not fit: « stade : consolidation ou développement, pas création ».
    static func reserved(_ what: [String], _ l: Language) -> String { what.joined(separator: Typography.semicolon(l)) }
    /// The conditions a skipped question leaves unchecked: « à vérifier, emploi : employeuse ».
    static func toCheck(_ what: [String], _ l: Language) -> String {
        (l == .fr ? "à vérifier, " : "to check, ") + what.joined(separator: Typography.semicolon(l))
    }
    static func fits(_ l: Language) -> String { l == .fr ? "ses conditions correspondent à vos réponses" : "its conditions fit your answers" }
    static func openToAll(_ l: Language) -> String { l == .fr ? "ouverte à toutes les associations" : "open to every association" }
    static func formatNotWanted(_ f: OfferFormat, _ l: Language) -> String {
        let name = Typography.inRunningText(f.label(l))
        return l == .fr ? "\(name), une participation est demandée" : "\(name), a contribution is asked for"
    }
}

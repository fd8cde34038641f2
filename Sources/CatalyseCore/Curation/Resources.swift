/// « Pour aller plus loin »: where else an association can turn — the resources the source
/// article names, and the public local support scheme. Names and one-line descriptions only,
/// each with where it is named and when that was checked: no address, telephone number or link
/// that nobody verified.
public struct Resource: Sendable, Equatable {
    public let id: String
    public let name: Label
    public let description: Label
    /// Where the resource is named (the article, or the scheme's own name).
    public let source: String
    public let checked: Day
    /// The needs it helps most with (empty: any).
    public let fits: [SupportKind]

    public static let all: [Resource] = {
        let checked = Day(year: 2026, month: 12, day: 1)!
        let article = "Le RAMEAU, « Le mécénat territorial, levier de l’accompagnement des associations » (21 jours pour convaincre, jour 6)"
        return [
            Resource(id: "dla",
                     name: Label(fr: "DLA — Dispositif local d’accompagnement", en: "DLA — the local support scheme (Dispositif local d’accompagnement)"),
                     description: Label(fr: "Le dispositif public d’accompagnement des structures de l’économie sociale et solidaire, présent dans chaque département.",
                                        en: "The public support scheme for social and solidarity economy organisations, present in every département."),
                     source: "Named among comparable French directories in the project’s domain.md", checked: checked, fits: []),
            Resource(id: "centre-ressources",
                     name: Label(fr: "Centre de ressources numériques de l’accompagnement stratégique des associations", en: "The open resource centre on the strategic support of associations"),
                     description: Label(fr: "Les outils du Kit « accompagnement des associations » de Syntec Conseil et Le RAMEAU, partagés en accès libre depuis 2016.",
                                        en: "The tools of Syntec Conseil and Le RAMEAU’s « accompagnement des associations » kit, shared openly since 2016."),
                     source: article, checked: checked, fits: [.conseilStrategie, .gouvernance, .coachingDirigeants]),
            Resource(id: "referentiel-modeles",
                     name: Label(fr: "Référentiel « modèles socio-économiques d’intérêt général »", en: "The reference framework « modèles socio-économiques d’intérêt général »"),
                     description: Label(fr: "Pour s’informer sur les modèles socio-économiques des structures d’intérêt général.",
                                        en: "To learn about the socio-economic models of general-interest organisations."),
                     source: article, checked: checked, fits: [.modeleSocioEconomique]),
            Resource(id: "mooc",
                     name: Label(fr: "MOOC « nouveaux modèles économiques associatifs »", en: "The MOOC « nouveaux modèles économiques associatifs »"),
                     description: Label(fr: "Pour se former, en sessions en accès libre.", en: "To train, in open sessions."),
                     source: article, checked: checked, fits: [.modeleSocioEconomique]),
            Resource(id: "autodiagnostic",
                     name: Label(fr: "Outil d’autodiagnostic « transformer son modèle socio-économique »", en: "The self-assessment tool « transformer son modèle socio-économique »"),
                     description: Label(fr: "Pour agir : faire le point sur son modèle socio-économique.", en: "To act: take stock of one’s socio-economic model."),
                     source: article, checked: checked, fits: [.modeleSocioEconomique]),
        ]
    }()

    /// The resources in the order that fits a pathway: the DLA first when the catalogue has
    /// nothing for the association (no step, or needs left uncovered), then those that fit the
    /// needs, then the others.
    public static func ordered(needs: [SupportKind], pathway: Pathway) -> [Resource] {
        let dla = all.filter { $0.id == "dla" }
        let rest = all.filter { $0.id != "dla" }
        let fitting = rest.filter { !$0.fits.isEmpty && !Set($0.fits).isDisjoint(with: needs) }
        let others = rest.filter { !fitting.contains($0) }
        let dlaFirst = pathway.steps.isEmpty || !pathway.uncovered.isEmpty
        return dlaFirst ? dla + fitting + others : fitting + dla + others
    }
}

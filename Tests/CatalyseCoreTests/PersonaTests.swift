@testable import CatalyseCore
import Foundation
import Testing

/// Ten written personas (`Fixtures/personas/`), answered as the people would, with the reading,
/// the first offers and the pathway expected on the shipped catalogue, each checked by hand
/// against `data/catalogue.yaml` (the reason is beside each).
@Suite("Self-assessment personas on the shipped catalogue")
struct PersonaTests {
    struct Persona: Sendable, CustomTestStringConvertible {
        var file: String
        var reading: String
        /// The first suitable offers, in order.
        var top: [String]
        /// The pathway's steps (offer ids, in order) and what stays uncovered.
        var steps: [String]
        var uncovered: [SupportKind]
        var testDescription: String { file }
    }

    static let personas: [Persona] = [
        // 2B, communication, must be free. Communication relays covering 2B: only the national
        // passerelles-safran-plan-communication (mécénat, budgets up to 200 k€); the others cover
        // R32, R53, R11, R27, 29, 30/34/48, R76…, or the Antilles. One offer, one step.
        Persona(file: "01-club-sportif-2b.yaml", reading: "Votre besoin relève d'un accompagnement à finalité opérationnelle (communication).",
                top: ["passerelles-safran-plan-communication"], steps: ["passerelles-safran-plan-communication"], uncovered: []),
        // 59, growing, > 1 M€, employer, model (3 + 2) and strategy (3). No socio-economic model
        // offer covers Hauts-de-France (all are regional elsewhere; the national essaimage one is
        // for scaling up only), so only strategy: the Nord diagnosis (consolidation or growth,
        // employers) then the national digital strategy (growth, employers; remote: the mode
        // only lowers it). The pathway takes the diagnosis, the model stays uncovered (DLA first).
        Persona(file: "02-insertion-nord.yaml",
                reading: "Votre besoin relève d'un accompagnement à finalité stratégique (modèle socio-économique et stratégie).",
                top: ["lanterne-boussole-diagnostic-strategique", "passerelles-safran-strategie-numerique"],
                steps: ["lanterne-boussole-diagnostic-strategique"], uncovered: [.modeleSocioEconomique]),
        // Rhône (69), networking 3 + 2, governance 3. Sillon et Cime's tiers-lieux (R84,
        // networking) carries 5 of 8; the national remote governance and Atelier Pivoine's
        // projet associatif (R84 and 69, consolidation) carry 3 each, the first ahead for having
        // no kind beyond the needs (the other adds strategy consulting). The
        // pathway: governance first (strategic), then networking, two firms.
        Persona(file: "03-tiers-lieu-lyon.yaml",
                reading: "Votre besoin relève surtout d'un accompagnement à finalité opérationnelle (mise en réseau), avec un besoin stratégique de gouvernance.",
                top: ["sillon-et-cime-tiers-lieux", "sextant-et-tilleul-administrateurs-distance", "atelier-pivoine-projet-associatif"],
                steps: ["sextant-et-tilleul-administrateurs-distance", "sillon-et-cime-tiers-lieux"], uncovered: []),
        // Hérault (34), volunteers, communication and networking, free. Trame Ocre's festival
        // relay (30, 34, 48; volunteer-run; both kinds) covers everything: a one-step pathway.
        Persona(file: "04-festival-herault.yaml", reading: "Votre besoin relève d'un accompagnement à finalité opérationnelle (mise en réseau et communication).",
                top: ["trame-ocre-relais-festivals", "passerelles-safran-plan-communication"], steps: ["trame-ocre-relais-festivals"], uncovered: []),
        // Guadeloupe (971), an idea (emergence): networking is offered in R01 (Alizés et
        // Mangroves' meetings); no strategy offer there is open at emergence. Strategy stays
        // uncovered.
        Persona(file: "05-projet-guadeloupe.yaml",
                reading: "Votre besoin relève autant d'un accompagnement à finalité stratégique (stratégie) que d'un accompagnement à finalité opérationnelle (mise en réseau).",
                top: ["alizes-et-mangroves-rencontres"], steps: ["alizes-et-mangroves-rencontres"], uncovered: [.conseilStrategie]),
        // Paris (75011 → 75), coaching 3 + 2 and governance 1, remote, free: the two national
        // remote coaching offers (mécénat; one for employers), then the national remote
        // governance one. The pathway: Héliotrope's mentoring (the other coaching offer as its
        // alternative), then Sextant et Tilleul's governance.
        Persona(file: "06-dirigeante-paris.yaml",
                reading: "Votre besoin relève d'un accompagnement à finalité stratégique (accompagnement des dirigeants et gouvernance).",
                top: ["heliotrope-partenaires-mentorat-direction", "semaphore-des-possibles-coaching-distance", "sextant-et-tilleul-administrateurs-distance"],
                steps: ["heliotrope-partenaires-mentorat-direction", "sextant-et-tilleul-administrateurs-distance"], uncovered: []),
        // Finistère (29), expertise and communication (3 each), « dans les trois mois »
        // (operational first), free. Communication first (the vocabulary's order at equal
        // weight): Ancre et Envol's funders' communication (R53), the national plan; then Cap
        // Ardoise's Breton network (two kinds: one beyond the needs). The pathway: Ancre et Envol
        // and Cap Ardoise's management tools (R53, 29; budget up to 200 k€).
        Persona(file: "07-ecole-musique-finistere.yaml",
                reading: "Votre besoin relève d'un accompagnement à finalité opérationnelle (communication et expertise).",
                top: ["ancre-et-envol-communication-financeurs", "passerelles-safran-plan-communication", "cap-ardoise-reseau-breton"],
                steps: ["ancre-et-envol-communication-financeurs", "cap-ardoise-outils-gestion"], uncovered: []),
        // La Réunion (974), scaling up: the national essaimage offer (scaling up; model and
        // strategy, part-paid: accepted) covers both strategic needs in one step; the national
        // digital strategy is open to scaling up too. Nothing for networking in La Réunion.
        Persona(file: "08-reunion-essaimage.yaml",
                reading: "Votre besoin relève surtout d'un accompagnement à finalité stratégique (modèle socio-économique et stratégie), avec un besoin opérationnel de mise en réseau.",
                top: ["semaphore-des-possibles-essaimage", "passerelles-safran-strategie-numerique"],
                steps: ["semaphore-des-possibles-essaimage"], uncovered: [.miseEnReseau]),
        // Bas-Rhin (67), just created, volunteer-run: expertise (3) and a little worry about
        // money (model 1). Three expertise offers tie (85 points): the national webinars, L'Ormeraie's
        // volunteer management (67, creation), the national permanence, in the list's order. No
        // model offer is open in Grand Est at creation for 10–50 k€.
        Persona(file: "09-benevoles-bas-rhin.yaml",
                reading: "Votre besoin relève surtout d'un accompagnement à finalité opérationnelle (expertise), avec un besoin stratégique de modèle socio-économique.",
                top: ["lanterne-boussole-webinaires-expertise", "ormeraie-conseil-gestion-benevoles", "sextant-et-tilleul-permanence-conseil"],
                steps: ["lanterne-boussole-webinaires-expertise"], uncovered: [.modeleSocioEconomique]),
        // Île-de-France as a région (JSON answers), growing, 200 k€–1 M€, employer, strategy,
        // on site: Héliotrope's three-year strategy (R11; mixte: partly) before the national
        // digital one (remote: not met, which only lowers it).
        Persona(file: "10-ile-de-france.json", reading: "Votre besoin relève d'un accompagnement à finalité stratégique (stratégie).",
                top: ["heliotrope-partenaires-strategie-trois-ans", "passerelles-safran-strategie-numerique"],
                steps: ["heliotrope-partenaires-strategie-trois-ans"], uncovered: []),
    ]

    static let index = SearchIndex(catalogue: Fixtures.shipped)

    @Test("Each persona's reading, first offers and pathway", arguments: personas)
    func persona(_ p: Persona) throws {
        let q = QuestionnaireReader.embedded()
        let answers = try AssessmentAnswers.load(path: Fixtures.root + "/Tests/CatalyseCoreTests/Fixtures/personas/" + p.file, questionnaire: q)
        let profile = AssessmentProfile(q, answers)
        #expect(AssessmentWords.reading(profile, .fr) == Typography.french(p.reading))
        let ranked = AssessmentScoring.rank(profile, index: PersonaTests.index, language: .fr).filter(\.suitable)
        let c = PersonaTests.index.catalogue
        #expect(Array(ranked.prefix(p.top.count).map { c.offers.id($0.offer) }) == p.top)
        // Every suitable offer is one the main list shows for the answers' hard criteria.
        let listed = Set(PersonaTests.index.run(profile.pathwayNeeds.filter, counts: false).offers)
        #expect(ranked.allSatisfy { listed.contains($0.offer) })
        let pathway = Pathway.propose(profile.pathwayNeeds, index: PersonaTests.index)
        #expect(pathway.steps.map { c.offers.id($0.offer) } == p.steps)
        #expect(pathway.uncovered == p.uncovered)
        // What stays uncovered sends to the DLA first.
        if !p.uncovered.isEmpty { #expect(Resource.ordered(needs: profile.needs, pathway: pathway).first?.id == "dla") }
    }

    @Test("The documented example answers file works")
    func example() throws {
        let q = QuestionnaireReader.embedded()
        let answers = try AssessmentAnswers.load(path: Fixtures.root + "/docs/examples/answers.yaml", questionnaire: q)
        let profile = AssessmentProfile(q, answers)
        #expect(profile.territory == .department("2B"))
        #expect(!AssessmentScoring.rank(profile, index: PersonaTests.index, language: .fr).filter(\.suitable).isEmpty)
    }
}

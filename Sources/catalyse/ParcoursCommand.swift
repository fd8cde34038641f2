import ArgumentParser
import CatalyseCore
import Foundation

struct ParcoursCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcours",
        abstract: loc("Proposer un parcours : deux à quatre offres complémentaires de cabinets différents qui couvrent les types d'accompagnement nécessaires.", "Propose a pathway: two to four complementary offers from different firms that cover the needed support kinds."),
        discussion: loc("""
            Chaque étape est une offre à laquelle l'association a droit (territoire par couverture, \
            stade, budget, statut d'employeur) ; la règle est dans docs/pathway.md. La sortie se \
            termine par d'autres endroits où se tourner.

            Exemples :
              catalyse parcours --territory 59 --need gouvernance --need relais-communication
              catalyse parcours --dossier "Les Jardins partagés" --add-to-dossier
              catalyse parcours --territory 2A --need "mise en réseau" --json
            """, """
            Every step is an offer the association is eligible for (territory by coverage, stage, budget, \
            employer); the rule is in docs/pathway.md. The output ends with where else to turn.

            Examples:
              catalyse parcours --territory 59 --need gouvernance --need relais-communication
              catalyse parcours --dossier "Les Jardins partagés" --add-to-dossier
              catalyse parcours --territory 2A --need "mise en réseau" --json
              catalyse parcours --answers docs/examples/answers.yaml
            """))
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: .loc("Un type d'accompagnement nécessaire (code ou libellé). À répéter, le plus urgent d'abord.", "A needed support kind (code or label). Repeat, most urgent first.", value: ("type", "kind"))) var need: [String] = []
    @Option(name: .long, help: .loc("Où est l'association (département, R + région, nom, code postal).", "Where the association is (département, R + région, name, postal code).", value: ("lieu", "place"))) var territory: String?
    @Option(name: .long, help: .loc("Son stade.", "Its stage.", value: ("stade", "stage"))) var stage: String?
    @Option(name: .long, help: .loc("Sa tranche de budget annuel.", "Its yearly budget band.", value: ("tranche", "band"))) var budget: String?
    @Option(name: .long, help: .loc("Employeuse ou bénévole.", "Employer or volunteer-run.", value: ("statut", "status"))) var employer: String?
    @Option(name: .long, help: .loc("Seulement les offres proposées de cette façon.", "Only offers delivered this way.", value: ("modalité", "mode"))) var mode: String?
    @Option(name: .long, help: .loc("Prendre le profil de ce dossier (ses besoins, territoire, stade, budget, salariés).", "Take the profile of this dossier (its needs, territory, stage, budget, staff).", value: ("nom", "name"))) var dossier: String?
    @Option(name: .long, help: .loc("Prendre le profil du fichier des réponses d'un autodiagnostic (YAML ou JSON, docs/self-assessment.md).", "Take the profile from a self-assessment's answers file (YAML or JSON, docs/self-assessment.md).", value: ("fichier", "file"))) var answers: String?
    @Option(name: .long, help: .loc("Avec --answers : le questionnaire auquel elles répondent (par défaut, celui du programme).", "With --answers: the questionnaire they answer (default: the program's own).", value: ("fichier", "file"))) var questionnaire: String?
    @Flag(name: .customLong("add-to-dossier"), help: .loc("Avec --dossier : y ajouter les offres du parcours (« à étudier »).", "With --dossier: add the pathway's offers to it (status “to review”).")) var addToDossier = false
    @Option(name: .customLong("as"), help: .loc("text (par défaut), markdown ou json.", "text (default), markdown or json.", value: ("format", "format"))) var format: String = "text"
    @Flag(name: .long, help: .loc("Imprimer du JSON (comme --as json).", "Print JSON (the same as --as json).")) var json = false

    func validate() throws {
        guard ["text", "markdown", "md", "json"].contains(format.lowercased()) else { throw Output.usage(fr: "--as prend text, markdown ou json.", en: "--as takes text, markdown or json.") }
        if addToDossier && dossier == nil { throw Output.usage(fr: "--add-to-dossier va avec --dossier.", en: "--add-to-dossier goes with --dossier.") }
        if dossier == nil && answers == nil && need.isEmpty { throw Output.usage(fr: "donnez au moins un --need (ou --dossier, ou --answers).", en: "give at least one --need (or --dossier, or --answers).") }
        if dossier != nil && answers != nil { throw Output.usage(fr: "--dossier et --answers donnent chacun un profil : choisissez-en un.", en: "--dossier and --answers each give a profile: choose one.") }
        if questionnaire != nil && answers == nil { throw Output.usage(fr: "--questionnaire va avec --answers.", en: "--questionnaire goes with --answers.") }
        _ = try typedNeeds(base: nil)
    }

    /// The needs from the options, over a dossier's profile when there is one.
    func typedNeeds(base: DossierProfile?, answered: Pathway.Needs? = nil) throws -> Pathway.Needs {
        var n = answered ?? base.map(Pathway.Needs.init) ?? Pathway.Needs(kinds: [])
        if !need.isEmpty { n = Pathway.Needs(kinds: try need.map { try SupportKind.typed($0, option: "need") }, territory: n.territory, stage: n.stage, budget: n.budget, employer: n.employer, mode: n.mode) }
        if let territory { n.territory = try Place.typed(territory) }
        if let stage { n.stage = try Stage.typed(stage, option: "stage") }
        if let budget { n.budget = try BudgetBand.typed(budget, option: "budget") }
        if let employer { n.employer = try EmployerStatus.typed(employer, option: "employer") }
        if let mode { n.mode = try DeliveryMode.typed(mode, option: "mode") }
        return n
    }

    func run() throws {
        let l = global.language
        let context = DossierContext(global: global)
        var store: DossierStore? = nil
        var profileDossier: Dossier? = nil
        if let dossier {
            let s = try context.store()
            store = s
            profileDossier = try context.dossier(dossier, in: s)
        }
        var answered: Pathway.Needs? = nil
        if let answers {
            let q = try AutodiagnosticCommand.questionnaire(questionnaire, l)
            answered = AssessmentProfile(q, try AutodiagnosticCommand.answers(answers, q, l)).pathwayNeeds
        }
        let needs = try typedNeeds(base: profileDossier?.profile, answered: answered)
        if needs.kinds.isEmpty, answers != nil {
            Output.error(l == .fr ? "catalyse : les réponses ne disent pas de quoi l'association a besoin ; donnez --need." : "catalyse: the answers say nothing of what the association needs; give --need.")
            throw ExitCode(ExitStatus.usage)
        }
        if needs.kinds.isEmpty {
            Output.error(l == .fr ? "catalyse : le dossier ne dit pas de quoi l'association a besoin ; donnez --need." : "catalyse: the dossier says nothing of what the association needs; give --need.")
            throw ExitCode(ExitStatus.usage)
        }
        let loaded = try global.loadCatalogue()
        let index = loaded.searchIndex()
        let pathway = Pathway.propose(needs, index: index)
        let c = index.catalogue
        if json || format.lowercased() == "json" {
            try Output.json(l) { () throws(JSONOutput.EncodingError) in try PathwayReport.json(pathway, needs, c, l) }
        } else {
            Output.out(PathwayReport.text(pathway, needs, c, l, markdown: format.lowercased().hasPrefix("m")))
        }
        if addToDossier, let store, let d = profileDossier {
            let ids = pathway.steps.map { c.offers.id($0.offer) }
            let already = try context.run { () throws(DossierError) in try store.add(ids, to: d, now: context.now) }
            let n = ids.count - already.count
            context.done("\(n) offre\(n > 1 ? "s" : "") ajoutée\(n > 1 ? "s" : "") au dossier « \(TextCleaning.forDisplay(d.name)) ».",
                         "\(n) offer\(n == 1 ? "" : "s") added to the dossier “\(TextCleaning.forDisplay(d.name))”.")
        }
    }
}

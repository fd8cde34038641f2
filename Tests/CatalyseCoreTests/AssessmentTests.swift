@testable import CatalyseCore
import Foundation
import Testing

/// The self-assessment's core: the questionnaire as data (read and validated like the
/// catalogue), the answers files, the profile, the scoring and its reasons, the reading.
@Suite("Self-assessment: questionnaire, answers, scoring")
struct AssessmentTests {
    static let q = QuestionnaireReader.embedded()

    func errors(_ yaml: String, file: String = "q.yaml") -> [String] {
        do {
            _ = try QuestionnaireReader.read(Array(yaml.utf8), file: file)
            return []
        } catch let e as QuestionnaireReader.Failure {
            return e.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    func answerErrors(_ text: String, file: String = "a.yaml") -> [String] {
        do {
            _ = try AssessmentAnswers.read(Array(text.utf8), file: file, questionnaire: AssessmentTests.q)
            return []
        } catch let e as QuestionnaireReader.Failure {
            return e.errors.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    // MARK: The questionnaire

    @Test("The embedded questionnaire is data/questionnaire.yaml, and it reads: 12 questions in both languages")
    func embedded() throws {
        let file = try Data(contentsOf: URL(fileURLWithPath: Fixtures.root + "/data/questionnaire.yaml"))
        #expect(EmbeddedQuestionnaire.bytes == [UInt8](file), "run scripts/embed-questionnaire.sh after editing data/questionnaire.yaml")
        let q = try QuestionnaireReader.read([UInt8](file), file: "data/questionnaire.yaml")
        #expect(q.questions.count == 12)
        #expect(q == AssessmentTests.q)
        #expect(q.questions.first?.kind == .place)
        for question in q.questions {
            #expect(!question.text.fr.isEmpty && !question.text.en.isEmpty)
            #expect(question.text.fr != question.text.en)
            // French typography: a non-breaking space before ? : ; ! (applied when read).
            for text in [question.text.fr, question.help?.fr].compactMap({ $0 }) + question.answers.map(\.text.fr) {
                #expect(!text.contains(" ?") && !text.contains(" :") && !text.contains(" ;") && !text.contains(" !"), "\(text)")
            }
        }
        #expect(q.question(id: "lieu")?.text.fr == "Où se trouve votre association\u{00A0}?")
        // The article's eight wordings, in plain words, each weighing on its support kind.
        let weighs = q.questions.flatMap(\.answers).flatMap { $0.weighs.needs.map(\.kind) }
        #expect(Set(weighs) == Set(SupportKind.allCases))
        #expect(q.question(id: "besoins-projet")?.answers.map(\.text.fr) == ["Être suivi dans une relation avec un partenaire", "Être mis en relation",
                                                                            "Faire connaître le projet", "Un apport d'expertise"])
        // « How soon » weighs on no facet: it only orders.
        let soon = try #require(q.question(id: "quand"))
        for a in soon.answers {
            #expect(a.weighs.needs.isEmpty && a.weighs.stage == nil && a.weighs.formats.isEmpty && a.weighs.modes.isEmpty)
        }
    }

    @Test("A bad questionnaire is refused with FILE:LINE:COLUMN: field: and every problem")
    func badQuestionnaire() {
        let yaml = """
            questionnaire:
              name: {fr: Test, en: Test}
            questions:
              - id: lieu
                type: place
                question: {fr: "Où ?", en: "Where?"}
                answers:
                  - {id: a, text: {fr: A, en: A}}
              - id: lieu
                type: one
                question: {fr: "Quoi ?", en: "What?"}
                answers:
                  - {id: a, text: {fr: A, en: A}, needs: {gouvernance: 12}}
                  - {id: b, text: {fr: B, en: B}, stage: adulte, colour: red}
              - id: current
                type: several
                question: {fr: "Encore ?"}
                answers:
                  - {id: a, text: {fr: A, en: A}}
                  - {id: a, text: {fr: B, en: B}}
              - id: Mauvais
                type: many
                question: {fr: X, en: X}
            """
        let e = errors(yaml)
        #expect(e.contains("q.yaml:8:7: questions[0].answers: a place question has no answers (the place is typed)"))
        #expect(e.contains("q.yaml:13:60: questions[1].answers[0].needs.gouvernance: a weight is from 1 to 9, not 12"))
        #expect(e.contains { $0.hasPrefix("q.yaml:14:46: questions[1].answers[1].stage: unknown stage 'adulte'") })
        #expect(e.contains { $0.hasPrefix("q.yaml:14:54: questions[1].answers[1].colour: unknown key 'colour'") })
        #expect(e.contains("q.yaml:15:9: questions[2].id: 'current' is reserved (the resume point of a saved self-assessment)"))
        #expect(e.contains("q.yaml:17:15: questions[2].question.en: missing required field"))
        #expect(e.contains("q.yaml:20:9: questions[2].answers[1].id: 'a' is listed twice"))
        #expect(e.contains("q.yaml:21:9: questions[3].id: 'Mauvais' is not an id (lower-case letters, digits and single hyphens)"))
        #expect(e.contains("q.yaml:22:11: questions[3].type: unknown question type 'many' (expected one of: place, one, several)"))
    }

    @Test("Two questions with one id: the second is refused, naming the line of the first")
    func duplicateQuestion() {
        let yaml = """
            questionnaire: {name: {fr: T, en: T}}
            questions:
              - {id: lieu, type: place, question: {fr: "Où ?", en: "Where?"}}
              - {id: lieu, type: place, question: {fr: "Où ?", en: "Where?"}}
            """
        #expect(errors(yaml) == ["q.yaml:4:5: questions[1].id: 'lieu' is already the id of the question at line 3"])
        #expect(errors("questionnaire: {name: {fr: T, en: T}}\nquestions: []\n") == ["q.yaml:2:12: questions: needs at least one question"])
    }

    @Test("A questionnaire in JSON reads the same way; a syntax error names its line and column")
    func jsonQuestionnaire() throws {
        let json = #"{"questionnaire": {"name": {"fr": "T", "en": "T"}}, "questions": [{"id": "lieu", "type": "place", "question": {"fr": "Où ?", "en": "Where?"}}]}"#
        let q = try QuestionnaireReader.read(Array(json.utf8), file: "q.json")
        #expect(q.questions.map(\.id) == ["lieu"])
        #expect(q.questions[0].text.fr == "Où\u{00A0}?")
        #expect(errors("{\"questions\": [}", file: "q.json").first?.hasPrefix("q.json:1:16: json: JSON syntax error") == true)
    }

    // MARK: Answers

    @Test("An answers file: question ids, answer ids (a list for several), a place as the territory prompt takes it")
    func answers() throws {
        let a = try AssessmentAnswers.read(Array("lieu: 20200\nstade: debut\nbesoins-projet: [expertise, partenaire]\nbesoins-association: modele\n".utf8),
                                           file: "a.yaml", questionnaire: AssessmentTests.q)
        #expect(a.place("lieu") == .department("2B"))
        #expect(a.choices("stade") == ["debut"])
        #expect(a.choices("besoins-projet") == ["partenaire", "expertise"])  // the questionnaire's order
        #expect(a.choices("besoins-association") == ["modele"])
        // Written back and read again: the same answers.
        let again = try AssessmentAnswers.read(Array(a.yaml(AssessmentTests.q).utf8), file: "b.yaml", questionnaire: AssessmentTests.q)
        #expect(again == a)
        let json = try AssessmentAnswers.read(Array(#"{"lieu": "R32", "salaries": "oui"}"#.utf8), file: "a.json", questionnaire: AssessmentTests.q)
        #expect(json.place("lieu") == .region("32") && json.choices("salaries") == ["oui"])
    }

    @Test("Bad answers are refused, each with its place in the file")
    func badAnswers() {
        let e = answerErrors("lieu: haute\nstade: [idee, debut]\nbudget: beaucoup\ncouleur: rouge\nbesoins-projet: [expertise, expertise]\ncurrent: stade\n")
        #expect(e.contains { $0.hasPrefix("a.yaml:1:7: lieu: 'haute' names several places: ") })
        #expect(e.contains("a.yaml:2:8: stade: takes one answer, found 2"))
        #expect(e.contains { $0.hasPrefix("a.yaml:3:9: budget: unknown answer 'beaucoup' (expected one of: moins-10k, 10k-50k") })
        #expect(e.contains { $0.hasPrefix("a.yaml:4:1: couleur: unknown key 'couleur' at the top level") })
        #expect(e.contains("a.yaml:5:29: besoins-projet[1]: 'expertise' is listed twice"))
        #expect(e.contains { $0.hasPrefix("a.yaml:6:1: current: unknown key 'current'") })  // only the state file has it
        #expect(answerErrors("lieu: atlantide\n").first?.hasPrefix("a.yaml:1:7: lieu: unknown place 'atlantide'") == true)
        #expect(answerErrors("").isEmpty)  // nothing answered: every question skipped
    }

    // MARK: The profile and the reading

    func profile(_ text: String) throws -> AssessmentProfile {
        AssessmentProfile(AssessmentTests.q, try AssessmentAnswers.read(Array(text.utf8), file: "a.yaml", questionnaire: AssessmentTests.q))
    }

    @Test("Weights add up over the answers; « how soon » only orders the needs")
    func weights() throws {
        let p = try profile("besoins-projet: [faire-connaitre]\nbesoins-association: [modele, gouvernance]\nressources: oui\ndirigeants: oui\n")
        #expect(p.weights == [.relaisCommunication: 3, .modeleSocioEconomique: 5, .gouvernance: 4, .coachingDirigeants: 2])
        #expect(p.needs == [.modeleSocioEconomique, .gouvernance, .coachingDirigeants, .relaisCommunication])
        let soon = try profile("besoins-projet: [faire-connaitre]\nbesoins-association: [modele, gouvernance]\nressources: oui\ndirigeants: oui\nquand: vite\n")
        #expect(soon.weights == p.weights)
        #expect(soon.needs == [.relaisCommunication, .modeleSocioEconomique, .gouvernance, .coachingDirigeants])
        let index = SearchIndex(catalogue: Fixtures.shipped)
        let ranked = AssessmentScoring.rank(p, index: index, language: .fr), rankedSoon = AssessmentScoring.rank(soon, index: index, language: .fr)
        #expect(Set(ranked.map(\.offer)) == Set(rankedSoon.map(\.offer)))
        #expect(ranked.map(\.points).sorted() == rankedSoon.map(\.points).sorted())
    }

    @Test("The reading of the need, in the issue's words")
    func reading() throws {
        let p = try profile("besoins-projet: [faire-connaitre]\nbesoins-association: [strategie, gouvernance]\n")
        #expect(AssessmentWords.reading(p, .fr) == Typography.french("Votre besoin relève surtout d'un accompagnement à finalité stratégique (stratégie et gouvernance), avec un besoin opérationnel de communication."))
        #expect(AssessmentWords.reading(p, .en) == "Your need is mostly for strategic support (strategy and governance), with an operational need for communication.")
        let only = try profile("besoins-projet: [expertise]\n")
        #expect(AssessmentWords.reading(only, .fr) == "Votre besoin relève d'un accompagnement à finalité opérationnelle (expertise).")
        let even = try profile("besoins-projet: [relations]\nbesoins-association: [gouvernance]\n")
        #expect(AssessmentWords.reading(even, .fr).hasPrefix("Votre besoin relève autant d'un accompagnement à finalité stratégique (gouvernance) que"))
        #expect(AssessmentWords.reading(try profile(""), .fr) == Typography.french("Vous n'avez pas dit de quoi l'association a besoin : voici les offres qui lui sont ouvertes."))
    }

    // MARK: Scoring

    static func offer(_ id: String, firm: String, kinds: [SupportKind], territories: [Place], format: OfferFormat = .mecenatCompetences,
                      mode: DeliveryMode = .presentiel, eligibility: Eligibility = Eligibility()) -> Offer {
        Offer(id: id, firmID: firm, title: "Offre \(id)", summary: "Résumé.", description: "Description.", format: format,
              purpose: kinds[0].purpose, kinds: kinds, themes: [], territories: territories, mode: mode, audience: [.individuel],
              duration: "trois mois", eligibility: eligibility, apply: "Écrire.")
    }

    static let catalogue: Catalogue = {
        func firm(_ id: String, _ name: String) -> Firm {
            Firm(id: id, name: name, presentation: "Fictif.", headquarters: "59", website: nil, contact: Contact(name: "X", email: "x@\(id).example.org"),
                 joined: 2010, provenance: Provenance(source: "test", verified: Day(year: 2026, month: 1, day: 1)!))
        }
        let offers = [
            offer("a-national", firm: "a", kinds: [.gouvernance], territories: [.national]),
            offer("a-nord", firm: "a", kinds: [.gouvernance, .conseilStrategie], territories: [.department("59")], format: .miChemin, mode: .mixte),
            offer("b-region", firm: "b", kinds: [.gouvernance], territories: [.region("32")], eligibility: Eligibility(stages: [.consolidation])),
            offer("b-corse", firm: "b", kinds: [.gouvernance], territories: [.department("2A")]),
            offer("c-employeuse", firm: "c", kinds: [.gouvernance], territories: [.national], mode: .aDistance, eligibility: Eligibility(employer: [.employeuse])),
            offer("c-reseau", firm: "c", kinds: [.miseEnReseau], territories: [.national]),
        ]
        return Catalogue(name: "Test", updated: Day(year: 2026, month: 11, day: 1)!, illustrative: true,
                         firms: [firm("a", "Alpha"), firm("b", "Bêta"), firm("c", "Gamma")], offers: offers)
    }()

    func ranked(_ p: AssessmentProfile) -> [(id: String, r: AssessmentScoring.Ranked)] {
        let index = SearchIndex(catalogue: AssessmentTests.catalogue)
        return AssessmentScoring.rank(p, index: index, language: .fr).map { (index.catalogue.offers.id($0.offer), $0) }
    }

    func verdict(_ r: AssessmentScoring.Ranked, _ c: AssessmentScoring.Criterion) -> AssessmentScoring.Verdict? { r.reasons.first { $0.criterion == c }?.verdict }

    @Test("Each criterion's verdict and points; only offers that meet the need are listed; suitable ones first")
    func criteria() {
        let p = AssessmentProfile(territory: .region("32"), stage: .creation, weights: [.gouvernance: 3], formats: [.mecenatCompetences], modes: [.presentiel])
        let r = ranked(p)
        #expect(!r.contains { $0.id == "c-reseau" })  // not the need
        let byID = Dictionary(uniqueKeysWithValues: r.map { ($0.id, $0.r) })
        // A région asked, an offer for one of its départements: let through, partly.
        #expect(byID["a-nord"].map { verdict($0, .territory) } == .partly)
        #expect(byID["a-national"].map { verdict($0, .territory) } == .met)
        #expect(byID["b-corse"].map { verdict($0, .territory) } == .notMet)
        // Stage creation, the offer is for consolidation: not met.
        #expect(byID["b-region"].map { verdict($0, .eligibility) } == .notMet)
        // Staff not asked, the offer is for employers: partly (to check).
        #expect(byID["c-employeuse"].map { verdict($0, .eligibility) } == .partly)
        #expect(byID["c-employeuse"].map { verdict($0, .mode) } == .notMet)
        #expect(byID["a-nord"].map { verdict($0, .format) } == .notMet)
        #expect(byID["a-nord"].map { verdict($0, .mode) } == .partly)
        // a-national meets all: 60 + 15 + 10 + 10 + 5.
        #expect(byID["a-national"]?.points == 100)
        #expect(byID["c-employeuse"]?.points == 60 + 15 + 5 + 10 + 0)
        // Suitable first (the mode does not block; the format does), then by points.
        // The others by points: b-region 60 + 15 + 0 + 10 + 5, b-corse 60 + 0 + 10 + 10 + 5, a-nord 60 + 8 + 10 + 0 + 3.
        #expect(r.map(\.id) == ["a-national", "c-employeuse", "b-region", "b-corse", "a-nord"])
        #expect(r.map(\.r.suitable) == [true, true, false, false, false])
    }

    @Test("Ties are broken the same way every time: the earliest need, the fewest extra kinds, then the list's order")
    func ties() {
        let p = AssessmentProfile(weights: [.gouvernance: 3, .conseilStrategie: 3])
        let r = ranked(p)
        // a-nord covers both (60 points); the other four cover gouvernance only (30 each).
        #expect(r.first?.id == "a-nord")
        #expect(r.dropFirst().map(\.id) == ["a-national", "b-corse", "b-region", "c-employeuse"])  // list order: firm, then title
        for _ in 0..<5 { #expect(ranked(p).map(\.id) == r.map(\.id)) }
        // Nothing asked: every offer, all suitable; b-region and c-employeuse state a condition
        // that cannot be checked (95 points), a-nord has two kinds (the fewest extra kinds first).
        let all = ranked(AssessmentProfile())
        #expect(all.map(\.id) == ["a-national", "b-corse", "c-reseau", "a-nord", "b-region", "c-employeuse"])
        #expect(all.allSatisfy { $0.r.suitable })
    }

    @Test("The main list's filters and the dossier's profile from a profile")
    func filterAndDossier() {
        let p = AssessmentProfile(territory: .department("59"), stage: .creation, employer: .benevole, weights: [.gouvernance: 3, .miseEnReseau: 2],
                                  formats: [.mecenatCompetences], modes: [.presentiel])
        let f = p.filter
        #expect(f.territories == [.department("59")] && f[Stage.self] == [.creation] && f[EmployerStatus.self] == [.benevole])
        #expect(f[SupportKind.self] == [.gouvernance, .miseEnReseau] && f[OfferFormat.self] == [.mecenatCompetences])
        #expect(f[DeliveryMode.self] == [.presentiel, .mixte])
        let d = p.dossierProfile(name: "Club")
        #expect(d.territory == .department("59") && d.needs == [.gouvernance, .miseEnReseau] && d.employer == .benevole)
        #expect(p.pathwayNeeds.format == .mecenatCompetences && p.pathwayNeeds.mode == nil)
    }
}

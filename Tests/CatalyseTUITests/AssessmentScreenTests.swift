import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The self-assessment's screens, headless: keys in, whole screens and effects out, on the
/// shipped catalogue and questionnaire.
@Suite("Self-assessment screens")
struct AssessmentScreenTests {
    func driver(_ language: Language = .fr, saved: AssessmentAnswers? = nil, width: Int = 80, height: Int = 24) -> Driver {
        var d = Driver(index: Fixture.embeddedIndex, language: language, width: width, height: height)
        d.state.setAssessment(QuestionnaireReader.embedded(), saved: saved)
        return d
    }

    /// The answers file of the last save, read back.
    func saved(_ effects: [Effect]) throws -> AssessmentAnswers {
        for case .saveAssessment(let text) in effects.reversed() {
            return try AssessmentAnswers.read(Array(text.utf8), file: "state.yaml", questionnaire: QuestionnaireReader.embedded(), allowCurrent: true)
        }
        Issue.record("no saveAssessment effect")
        return AssessmentAnswers()
    }

    @Test("n opens the first question with its progress line; the place question offers places as they are typed")
    func firstQuestion() {
        var d = driver()
        d.press(.char("n"))
        #expect(d.state.screen == .assessment)
        #expect(d.text.contains("1 / 12"))
        #expect(d.text.contains(nb("Où se trouve votre association ?")))
        d.type("haute c")
        #expect(d.text.contains("❯ Haute-Corse (2B)"))
        d.press(.enter)
        #expect(d.state.assessment.answers.place("lieu") == .department("2B"))
        #expect(d.text.contains("2 / 12") && d.text.contains(nb("Où en est votre association ?")))
    }

    @Test("Arrows and Space choose, Enter confirms, Enter with nothing ticked skips, ← and Backspace go back")
    func choosing() {
        var d = driver()
        d.press(.char("n"), .enter)                     // the place skipped
        #expect(d.state.assessment.answers.place("lieu") == nil)
        d.press(.down, .down, .space)                   // stade: the third answer
        #expect(d.text.contains("❯ 3. (•) Elle existe depuis quelques années"))
        d.press(.space)                                 // Space again: unticked
        #expect(d.text.contains("❯ 3. ( ) Elle existe"))
        d.press(.space, .enter)
        #expect(d.state.assessment.answers.choices("stade") == ["stabiliser"])
        d.press(.enter, .enter)                         // budget, salariés: skipped
        #expect(d.text.contains("5 / 12"))
        d.press(.space, .down, .down, .space)           // several: two ticked
        #expect(d.text.contains("[x] Être suivi") && d.text.contains("[x] Faire connaître"))
        d.press(.enter)
        #expect(d.state.assessment.answers.choices("besoins-projet") == ["partenaire", "faire-connaitre"])
        d.press(.left)
        #expect(d.text.contains("5 / 12") && d.text.contains("[x] Faire connaître"))
        d.press(.backspace, .backspace, .backspace)
        #expect(d.text.contains("2 / 12") && d.text.contains("(•) Elle existe"))
        d.press(.backspace)                             // the place question, its field empty
        #expect(d.text.contains("1 / 12"))
        d.press(.backspace)                             // already the first: nothing
        #expect(d.text.contains("1 / 12"))
    }

    @Test("A digit ticks an answer; on a one-answer question it goes on at once")
    func digits() {
        var d = driver()
        d.press(.char("n"), .enter, .char("4"))
        #expect(d.state.assessment.answers.choices("stade") == ["grandir"])
        #expect(d.text.contains("3 / 12"))
        d.press(.char("9"))                             // no ninth answer: nothing
        #expect(d.text.contains("3 / 12"))
    }

    @Test("A typed place that matches nothing is said, and Enter stays")
    func unknownPlace() {
        var d = driver()
        d.press(.char("n"))
        d.type("zzz")
        d.press(.enter)
        #expect(d.text.contains(nb("Aucun lieu ne correspond à « zzz »")))
        #expect(d.text.contains("1 / 12"))
    }

    @Test("Esc leaves and keeps the answers with the question shown; n resumes there")
    func resume() throws {
        var d = driver()
        d.press(.char("n"))
        d.type("59")
        d.press(.enter, .char("3"))
        let effects = d.press(.escape)
        #expect(d.state.screen == .list)
        let kept = try saved(effects)
        #expect(kept.current == "budget" && kept.place("lieu") == .department("59") && kept.choices("stade") == ["stabiliser"])
        // A new session with that file: n opens the budget question.
        var again = driver(saved: kept)
        again.press(.char("n"))
        #expect(again.text.contains("3 / 12") && again.text.contains("budget annuel"))
        again.press(.left, .left)
        #expect(again.text.contains("Lieu") && again.text.contains("Nord (59)"))
    }

    /// Someone who knows none of the vocabulary: their département, « revoir sa stratégie »,
    /// every other question skipped.
    static let plainKeys: [Key] = [.char("n"), .char("5"), .char("9"), .enter, .enter, .enter, .enter, .enter,
                                   .down, .space, .enter, .enter, .enter, .enter, .enter, .enter, .enter]

    @Test("Someone who never heard « finalité » or « mi-chemin » reaches three suitable offers in at most 25 keystrokes")
    func threeOffersInFewKeys() {
        var d = driver()
        for key in AssessmentScreenTests.plainKeys { d.press(key) }
        #expect(AssessmentScreenTests.plainKeys.count <= 25)
        #expect(d.state.screen == .assessmentResult)
        let ranked = d.state.assessment.ranked
        #expect(ranked.count >= 3)
        for r in ranked.prefix(3) {
            let offer = Fixture.embeddedIndex.catalogue.offers[r.offer]
            #expect(offer.kinds.contains(.conseilStrategie))
            #expect(Territories.matches(filter: .department("59"), covered: offer.territories))
            #expect(r.suitable)
        }
        // The three are on the screen, with the reading above them.
        #expect(d.text.contains(nb("Votre besoin relève d'un accompagnement à finalité stratégique (stratégie).")))
        for r in ranked.prefix(3) {
            let title = Fixture.embeddedIndex.catalogue.offers[r.offer].title
            #expect(d.text.contains(String(title.prefix(20))))
        }
    }

    @Test("The result: Enter opens the selected offer's sheet, o the list with the answers as filters")
    func resultKeys() {
        var d = driver()
        for key in AssessmentScreenTests.plainKeys { d.press(key) }
        let first = d.state.assessment.ranked.first?.offer
        d.press(.enter)
        #expect(d.state.screen == .sheet && d.state.sheetOffer == first)
        d.press(.escape)
        #expect(d.state.screen == .assessmentResult)
        d.press(.char("o"))
        #expect(d.state.screen == .list)
        #expect(d.state.filter.territories == [.department("59")])
        #expect(d.state.filter[SupportKind.self] == [.conseilStrategie])
        #expect(d.state.result.offers.count == d.state.assessment.ranked.count)
    }

    @Test("d saves the result as a dossier: the form filled from the answers, then the first three offers added")
    func saveAsDossier() throws {
        var d = driver()
        for key in AssessmentScreenTests.plainKeys { d.press(key) }
        d.press(.char("d"))
        guard case .create(let form)? = d.state.dossiers.dialog else { Issue.record("no form"); return }
        #expect(form.territory == .department("59") && form.needs == [.conseilStrategie])
        #expect(form.name.text == "Autodiagnostic du 26 novembre 2026")
        let effects = d.press(.enter)
        guard case .createDossier(let profile)? = effects.first else { Issue.record("no createDossier"); return }
        #expect(profile.territory == .department("59") && profile.needs == [.conseilStrategie])
        // The store's answer: the offers go in.
        let created = Dossier(id: 7, profile: profile, created: Moment(seconds: 0))
        let follow = d.send(.dossiersLoaded(DossierSnapshot(dossiers: [created], followUpDelay: 14, now: Moment(seconds: 0), times: .utc), .created(id: 7)))
        let ids = d.state.assessment.ranked.prefix(3).map { Fixture.embeddedIndex.catalogue.offers.id($0.offer) }
        // It becomes the current dossier, remembered for the next session.
        #expect(follow == [.addToDossier(DossierRef(id: 7, name: profile.name), offerIDs: ids), .rememberCurrentDossier(7)])
    }

    @Test("← on the result goes back to the last question; r to the first; Esc to the list")
    func resultNavigation() {
        var d = driver()
        for key in AssessmentScreenTests.plainKeys { d.press(key) }
        d.press(.left)
        #expect(d.text.contains("12 / 12"))
        d.press(.enter)
        #expect(d.state.screen == .assessmentResult)
        d.press(.char("r"))
        #expect(d.text.contains("1 / 12") && d.text.contains("Nord (59)"))
        for _ in 0..<12 { d.press(.enter) }
        #expect(d.state.screen == .assessmentResult)
        d.press(.escape)
        #expect(d.state.screen == .list)
    }

    @Test("The screens in English")
    func english() {
        var d = driver(.en)
        d.press(.char("n"))
        #expect(d.text.contains("Where is your association based?"))
        for key in AssessmentScreenTests.plainKeys.dropFirst() { d.press(key) }
        #expect(d.text.contains("Your need is for strategic support (strategy)."))
    }
}

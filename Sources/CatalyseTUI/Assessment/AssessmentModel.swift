import CatalyseCore

/// The self-assessment in the interface (`n` from the list): one screen per question, then the
/// result (the reading of the need, the offers ranked with their reasons) and the pathway.
/// The questionnaire is data (`QuestionnaireReader`); the answers are kept in the state folder
/// after each question and on Esc (`Effect.saveAssessment`), so `n` resumes where it was.
struct AssessmentState: Sendable, Equatable {
    /// The questionnaire (nil until first used: then the embedded one, unless set at start).
    var questionnaire: Questionnaire? = nil
    var answers = AssessmentAnswers()
    /// The question shown (an index in `questionnaire.questions`).
    var question = 0
    /// The highlighted answer (or place candidate).
    var cursor = 0
    /// The answers ticked on this screen, not yet confirmed.
    var marked: [String] = []
    /// A place question's field, its candidates, and a typed place that matched nothing.
    var place = TextField()
    var candidates: [Place] = []
    var unknownPlace: String? = nil
    /// The result: the profile and the offers ranked (suitable ones first).
    var profile: AssessmentProfile? = nil
    var ranked: [AssessmentScoring.Ranked] = []
    var resultList = ScrollState(marksMore: true)
    /// The pathway shown (`P`), for the self-assessment's needs or a dossier's profile.
    var pathway: PathwayView? = nil
    /// The state file could not be written: said once, not at every question.
    var saveFailed = false
}

/// A pathway on screen: what it is for and how it scrolls.
struct PathwayView: Sendable, Equatable {
    var pathway: Pathway
    var needs: Pathway.Needs
    /// The dossier it was proposed for (nil: the self-assessment's).
    var dossier: DossierRef?
    var scroll = 0
}

extension AppState {
    /// Sets the questionnaire (`--questionnaire`, else the embedded one) and the answers kept
    /// from an earlier session (the state file), before the loop starts.
    public mutating func setAssessment(_ questionnaire: Questionnaire, saved: AssessmentAnswers?) {
        assessment.questionnaire = questionnaire
        if let saved { assessment.answers = saved }
    }

    /// Opens the first question at start (`catalyse autodiagnostic`).
    public mutating func startAssessment() { _ = openAssessment() }

    var questionnaire: Questionnaire {
        if let q = assessment.questionnaire { return q }
        return QuestionnaireReader.embedded()
    }

    var currentQuestion: Question? {
        let qs = questionnaire.questions
        return qs.indices.contains(assessment.question) ? qs[assessment.question] : nil
    }

    /// The key table of the question shown.
    var assessmentKeyTable: any DescribedKeyTable {
        currentQuestion?.kind == .place ? ScreenKeys.assessmentPlace : ScreenKeys.assessmentQuestion
    }

    /// `n`: the questionnaire where it was left (the question saved with Esc), else the first.
    mutating func openAssessment() -> [Effect] {
        if assessment.questionnaire == nil { assessment.questionnaire = QuestionnaireReader.embedded() }
        let q = questionnaire
        guard !q.questions.isEmpty else { return [] }
        assessment.question = assessment.answers.current.flatMap(q.index(of:)) ?? 0
        stack.append(.assessment)
        loadQuestion()
        return []
    }

    /// Shows the current question with its confirmed answers ticked.
    mutating func loadQuestion() {
        guard let q = currentQuestion else { return }
        assessment.unknownPlace = nil
        assessment.marked = assessment.answers.choices(q.id)
        assessment.cursor = q.answers.firstIndex { assessment.marked.contains($0.id) } ?? 0
        assessment.place = TextField()
        assessment.candidates = []
        if let p = assessment.answers.place(q.id) {
            assessment.place.set(p.displayName(language))
            assessment.candidates = [p]
        }
    }

    /// The answers file the state folder keeps (with the question shown, unless finished).
    func progressEffect(current: String?) -> Effect {
        var a = assessment.answers
        a.current = current
        return .saveAssessment(a.yaml(questionnaire))
    }

    mutating func handleAssessmentKey(_ key: Key) -> [Effect] {
        guard let q = currentQuestion else { return [] }
        if q.kind == .place { return handlePlaceKey(key, q) }
        // A key that does nothing here says so, and where to look.
        guard ScreenKeys.assessmentQuestion.binds(key) else {
            if status?.isError != true { status = StatusMessage(.notice(.unknownKey(key))) }
            return []
        }
        switch ScreenKeys.assessmentQuestion.action(for: key) {
        case .up: assessment.cursor = max(0, assessment.cursor - 1)
        case .down: assessment.cursor = min(q.answers.count - 1, assessment.cursor + 1)
        case .mark: mark(q, assessment.cursor)
        case .digit(let n):
            guard n <= q.answers.count else { return [] }
            assessment.cursor = n - 1
            mark(q, n - 1)
            if q.kind == .one { return confirmQuestion(q) }
        case .confirm: return confirmQuestion(q)
        case .back: previousQuestion()
        case .leave: return leaveAssessment()
        case .language: return switchLanguage()
        case .help: openHelp()
        case nil: break
        }
        return []
    }

    mutating func mark(_ q: Question, _ i: Int) {
        guard q.answers.indices.contains(i) else { return }
        let id = q.answers[i].id
        if assessment.marked.contains(id) {
            assessment.marked.removeAll { $0 == id }
        } else if q.kind == .one {
            assessment.marked = [id]
        } else {
            assessment.marked = q.answers.map(\.id).filter { assessment.marked.contains($0) || $0 == id }
        }
    }

    mutating func handlePlaceKey(_ key: Key, _ q: Question) -> [Effect] {
        switch ScreenKeys.assessmentPlace.action(for: key) {
        case .up: assessment.cursor = max(0, assessment.cursor - 1)
        case .down: assessment.cursor = min(max(0, assessment.candidates.count - 1), assessment.cursor + 1)
        case .confirm:
            let typed = assessment.place.text.trimmingCharacters(in: .whitespaces)
            if typed.isEmpty {
                assessment.answers.values[q.id] = nil
                return nextQuestion()
            }
            guard assessment.candidates.indices.contains(assessment.cursor) else {
                assessment.unknownPlace = typed
                return []
            }
            assessment.answers.values[q.id] = .place(assessment.candidates[assessment.cursor])
            return nextQuestion()
        case .back where assessment.place.isEmpty:
            previousQuestion()
        case .leave:
            return leaveAssessment()
        case .back, nil:
            if assessment.place.handle(key) == .changed { placeTyped() }
        }
        return []
    }

    mutating func placeTyped() {
        assessment.candidates = Territories.candidates(for: assessment.place.text)
        assessment.cursor = 0
        assessment.unknownPlace = nil
    }

    /// Enter: the answers ticked (none: the question is skipped), then the next question.
    mutating func confirmQuestion(_ q: Question) -> [Effect] {
        assessment.answers.values[q.id] = assessment.marked.isEmpty ? nil : .choices(assessment.marked)
        return nextQuestion()
    }

    mutating func nextQuestion() -> [Effect] {
        let qs = questionnaire.questions
        if assessment.question + 1 < qs.count {
            assessment.question += 1
            loadQuestion()
            return [progressEffect(current: qs[assessment.question].id)]
        }
        showResult()
        return [progressEffect(current: nil)]
    }

    mutating func previousQuestion() {
        guard assessment.question > 0 else { return }
        assessment.question -= 1
        loadQuestion()
    }

    /// Esc: back to the list; the answers are kept with the question shown.
    mutating func leaveAssessment() -> [Effect] {
        let current = currentQuestion?.id
        goBack()
        return [progressEffect(current: current)]
    }

    /// The result: the profile from the answers, the offers ranked, the first one selected.
    mutating func showResult() {
        let profile = AssessmentProfile(questionnaire, assessment.answers)
        assessment.profile = profile
        assessment.ranked = AssessmentScoring.rank(profile, index: index, language: language).filter(\.suitable)
        assessment.resultList = ScrollState(marksMore: true)
        if screen == .assessment { stack.removeLast() }
        stack.append(.assessmentResult)
        clampAssessment()
    }

    mutating func clampAssessment(_ l: Layout? = nil) {
        let l = l ?? layout
        if screen == .assessmentResult || stack.contains(.assessmentResult) {
            assessment.resultList.fit(count: assessment.ranked.count, height: resultListHeight(l))
        }
        if var p = assessment.pathway {
            p.scroll = max(0, min(p.scroll, pathwayMaxScroll(p, l)))
            assessment.pathway = p
        }
    }

    mutating func mouseAssessment(_ action: MouseAction, row: Int, _ l: Layout) {
        let step = action == .wheelUp ? -wheelStep : action == .wheelDown ? wheelStep : 0
        guard step != 0 else { return }
        switch screen {
        case .assessmentResult: assessment.resultList.move(.by(step))
        case .pathway:
            if var p = assessment.pathway {
                p.scroll = max(0, min(p.scroll + step, pathwayMaxScroll(p, l)))
                assessment.pathway = p
            }
        default: break
        }
    }
}

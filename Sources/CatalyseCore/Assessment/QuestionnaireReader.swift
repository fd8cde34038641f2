/// Reads a questionnaire file (YAML or JSON) into a `Questionnaire`, with the catalogue's rules
/// and diagnostics (`FILE:LINE:COLUMN: field: what is wrong`): every problem is reported, not
/// only the first. The format is in `docs/self-assessment.md`.
public enum QuestionnaireReader {
    /// A questionnaire that could not be read: its problems (and the warnings).
    public struct Failure: Error, Sendable {
        public var file: String
        public var diagnostics: [Diagnostic]
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

        public func summary(_ language: Language) -> String {
            let n = errors.count
            switch language {
            case .fr: return TextCleaning.forDisplay(file) + Typography.colon(.fr) + "\(n) erreur\(n > 1 ? "s" : ""), questionnaire refusé."
            case .en: return "\(TextCleaning.forDisplay(file)): \(n) error\(n > 1 ? "s" : ""), questionnaire refused."
            }
        }
    }

    /// The name an answers file may not give a question: the state file's resume point.
    public static let reservedIDs = ["current"]
    public static let embeddedName = "<questionnaire intégré>"

    /// The questionnaire built into the program (`data/questionnaire.yaml`).
    public static func embedded() -> Questionnaire {
        // The test EmbeddedQuestionnaireTests reads it: it cannot fail in a built program.
        (try? read(EmbeddedQuestionnaire.bytes, file: embeddedName)) ?? Questionnaire(name: Label(fr: "Autodiagnostic", en: "Self-assessment"), questions: [])
    }

    /// Reads the file at `path` (`.json`: JSON, else YAML), at most 1 MiB.
    public static func load(path: String) throws -> Questionnaire {
        switch InputFile.read(path, limit: 1 << 20, links: .follow, pipes: true) {
        case .success(let bytes): return try read(bytes, file: path)
        case .failure(.notFound): throw Failure(file: path, diagnostics: [Diagnostic(file: path, position: SourcePosition(line: 0, column: 0), field: "", message: "no such file", french: "le fichier n'existe pas")])
        case .failure(.problem(let p)): throw Failure(file: path, diagnostics: [Diagnostic(file: path, position: SourcePosition(line: 0, column: 0), field: "", message: p.text(.en), french: p.text(.fr))])
        }
    }

    public static func read(_ bytes: [UInt8], file: String) throws -> Questionnaire {
        var diagnostics: [Diagnostic] = []
        guard let root = DocumentParsing.parse(bytes, file: file, json: DocumentParsing.isJSON(file), diagnostics: &diagnostics) else {
            throw Failure(file: file, diagnostics: diagnostics)
        }
        var r = CatalogueReader(file: file, today: Day(year: 2000, month: 1, day: 1)!)
        let result = readDocument(root, &r)
        diagnostics += r.diagnostics
        diagnostics.sort { $0.position < $1.position }
        guard let result, !diagnostics.contains(where: { $0.severity == .error }) else { throw Failure(file: file, diagnostics: diagnostics) }
        return result
    }

    static func readDocument(_ root: DocumentNode, _ r: inout CatalogueReader) -> Questionnaire? {
        if root.isNull { r.error(root, "questionnaire", "the file holds no data", fr: "le fichier ne contient aucune donnée"); return nil }
        guard let top = r.fields(root, "", allowed: ["questionnaire", "questions"]) else { return nil }
        var name: Label? = nil
        if let meta = r.required(top, "questionnaire"), let m = r.fields(meta, "questionnaire", allowed: ["name"]) {
            name = r.required(m, "name").flatMap { label($0, m.path("name"), &r) }
        }
        var questions: [Question] = []
        var seen: [String: SourcePosition] = [:]
        if let list = r.required(top, "questions") {
            guard case .sequence(let items) = list.kind else {
                r.error(list, "questions", "expected a list of questions, found \(list.typeName)", fr: "une liste de questions était attendue, et non \(list.typeNameFR)")
                return nil
            }
            if items.isEmpty { r.error(list, "questions", "needs at least one question", fr: "il faut au moins une question") }
            for (i, item) in items.enumerated() {
                if let q = question(item, "questions[\(i)]", &r) {
                    if let first = seen[q.id] {
                        r.error(item, "questions[\(i)].id", "'\(q.id)' is already the id of the question at line \(first.line)", fr: "« \(q.id) » est déjà l'identifiant de la question de la ligne \(first.line)")
                    } else {
                        seen[q.id] = item.position
                        questions.append(q)
                    }
                }
            }
        }
        guard let name else { return nil }
        return Questionnaire(name: name, questions: questions)
    }

    /// `{fr: …, en: …}`: both required, single lines; French gets its typography.
    static func label(_ node: DocumentNode, _ path: String, _ r: inout CatalogueReader) -> Label? {
        guard let f = r.fields(node, path, allowed: ["fr", "en"]) else { return nil }
        let fr = r.requiredText(f, "fr"), en = r.requiredText(f, "en")
        guard let fr, let en else { return nil }
        return Label(fr: Typography.french(fr), en: en)
    }

    static func id(_ f: CatalogueReader.Fields, _ r: inout CatalogueReader) -> String? {
        guard let node = r.required(f, "id"), let raw = r.scalarText(node, f.path("id")) else { return nil }
        guard Slug.isValid(raw) else {
            r.error(node, f.path("id"), "'\(TextCleaning.forDisplay(raw))' is not an id (lower-case letters, digits and single hyphens)", fr: "« \(TextCleaning.forDisplay(raw)) » n'est pas un identifiant (minuscules, chiffres et tirets simples)")
            return nil
        }
        return raw
    }

    static func question(_ node: DocumentNode, _ path: String, _ r: inout CatalogueReader) -> Question? {
        guard let f = r.fields(node, path, allowed: ["id", "type", "question", "help", "answers"]) else { return nil }
        let qid = id(f, &r)
        if let qid, reservedIDs.contains(qid) { r.error(f.entries["id"] ?? node, f.path("id"), "'\(qid)' is reserved (the resume point of a saved self-assessment)", fr: "« \(qid) » est réservé (le point de reprise d'un autodiagnostic gardé)") }
        var kind: Question.Kind? = nil
        if let k = r.required(f, "type"), let raw = r.scalarText(k, f.path("type")) {
            kind = Question.Kind(rawValue: raw)
            if kind == nil { r.error(k, f.path("type"), "unknown question type '\(TextCleaning.forDisplay(raw))' (expected one of: place, one, several)", fr: "type de question inconnu « \(TextCleaning.forDisplay(raw)) » (types possibles : place, one, several)") }
        }
        let text = r.required(f, "question").flatMap { label($0, f.path("question"), &r) }
        let help = r.optional(f, "help").flatMap { label($0, f.path("help"), &r) }
        var answers: [Answer] = []
        var ok = true
        if let kind {
            let node = r.optional(f, "answers")
            if kind == .place {
                if let node { r.error(node, f.path("answers"), "a place question has no answers (the place is typed)", fr: "une question de lieu n'a pas de réponses (le lieu est tapé)"); ok = false }
            } else if let node {
                if case .sequence(let items) = node.kind {
                    var seen = Set<String>()
                    for (i, item) in items.enumerated() {
                        guard let a = answer(item, f.path("answers") + "[\(i)]", &r) else { ok = false; continue }
                        if !seen.insert(a.id).inserted { r.error(item, f.path("answers") + "[\(i)].id", "'\(a.id)' is listed twice", fr: "« \(a.id) » figure deux fois"); ok = false; continue }
                        answers.append(a)
                    }
                    if items.count < 2 { r.error(node, f.path("answers"), "needs at least two answers", fr: "il faut au moins deux réponses"); ok = false }
                } else {
                    r.error(node, f.path("answers"), "expected a list of answers, found \(node.typeName)", fr: "une liste de réponses était attendue, et non \(node.typeNameFR)"); ok = false
                }
            } else {
                r.error(f.node, f.path("answers"), "missing required field", fr: "champ obligatoire absent"); ok = false
            }
        }
        guard let qid, let kind, let text, ok else { return nil }
        return Question(id: qid, kind: kind, text: text, help: help, answers: answers)
    }

    static func answer(_ node: DocumentNode, _ path: String, _ r: inout CatalogueReader) -> Answer? {
        guard let f = r.fields(node, path, allowed: ["id", "text", "stage", "budget", "employer", "needs", "formats", "modes", "first"]) else { return nil }
        let aid = id(f, &r)
        let text = r.required(f, "text").flatMap { label($0, f.path("text"), &r) }
        var w = AnswerWeight()
        var ok = true
        if let n = r.optional(f, "stage") { w.stage = r.code(n, f.path("stage"), as: Stage.self); ok = ok && w.stage != nil }
        if let n = r.optional(f, "budget") { w.budget = r.code(n, f.path("budget"), as: BudgetBand.self); ok = ok && w.budget != nil }
        if let n = r.optional(f, "employer") { w.employer = r.code(n, f.path("employer"), as: EmployerStatus.self); ok = ok && w.employer != nil }
        if let n = r.optional(f, "first") { w.first = r.code(n, f.path("first"), as: Purpose.self); ok = ok && w.first != nil }
        if let n = r.optional(f, "formats") { if let v = r.codeList(n, f.path("formats"), as: OfferFormat.self, allowEmpty: false) { w.formats = v } else { ok = false } }
        if let n = r.optional(f, "modes") { if let v = r.codeList(n, f.path("modes"), as: DeliveryMode.self, allowEmpty: false) { w.modes = v } else { ok = false } }
        if let n = r.optional(f, "needs") {
            // `needs: {kind: weight, …}`, weights 1 to 9.
            if case .mapping(let pairs) = n.kind {
                for (key, value) in pairs {
                    let field = f.path("needs")
                    guard let kind = r.code(key, field, as: SupportKind.self) else { ok = false; continue }
                    let kfield = field + "." + kind.code
                    if w.needs.contains(where: { $0.kind == kind }) { r.error(key, kfield, "'\(kind.code)' is listed twice", fr: "« \(kind.code) » figure deux fois"); ok = false; continue }
                    guard let weight = r.integer(value, kfield) else { ok = false; continue }
                    guard (1...9).contains(weight) else { r.error(value, kfield, "a weight is from 1 to 9, not \(weight)", fr: "un poids va de 1 à 9, et non \(weight)"); ok = false; continue }
                    w.needs.append((kind, weight))
                }
            } else {
                r.error(n, f.path("needs"), "expected support kinds with their weights (kind: weight lines), found \(n.typeName)", fr: "des types d'accompagnement avec leurs poids (lignes type : poids) étaient attendus, et non \(n.typeNameFR)"); ok = false
            }
        }
        guard let aid, let text, ok else { return nil }
        return Answer(id: aid, text: text, weighs: w)
    }
}

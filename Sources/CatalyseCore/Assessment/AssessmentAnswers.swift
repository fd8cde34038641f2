import Foundation

/// The answers given to a questionnaire: for each question answered, the place typed (resolved)
/// or the ids of the answers chosen. An answers file (`catalyse autodiagnostic --answers FILE`,
/// `docs/self-assessment.md`) is a mapping of question ids to answer ids (a list for several),
/// a place as the territory prompt takes it; the saved progress of the interface is the same
/// file with `current:`, the question it was on.
public struct AssessmentAnswers: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case place(Place)
        case choices([String])
    }

    /// By question id.
    public var values: [String: Value]
    /// The question the interface was on (saved progress only).
    public var current: String?

    public init(values: [String: Value] = [:], current: String? = nil) { self.values = values; self.current = current }

    public var isEmpty: Bool { values.isEmpty }

    public func choices(_ question: String) -> [String] {
        if case .choices(let ids)? = values[question] { return ids }
        return []
    }

    public func place(_ question: String) -> Place? {
        if case .place(let p)? = values[question] { return p }
        return nil
    }

    // MARK: Reading

    /// Reads an answers file (`.json`: JSON, else YAML) against `questionnaire`: every problem
    /// with `FILE:LINE:COLUMN: field:`.
    public static func load(path: String, questionnaire: Questionnaire) throws -> AssessmentAnswers {
        switch InputFile.read(path, limit: 1 << 20, links: .follow, pipes: true) {
        case .success(let bytes): return try read(bytes, file: path, questionnaire: questionnaire)
        case .failure(.notFound): throw QuestionnaireReader.Failure(file: path, diagnostics: [Diagnostic(file: path, position: SourcePosition(line: 0, column: 0), field: "", message: "no such file", french: "le fichier n'existe pas")])
        case .failure(.problem(let p)): throw QuestionnaireReader.Failure(file: path, diagnostics: [Diagnostic(file: path, position: SourcePosition(line: 0, column: 0), field: "", message: p.text(.en), french: p.text(.fr))])
        }
    }

    public static func read(_ bytes: [UInt8], file: String, questionnaire: Questionnaire, allowCurrent: Bool = false) throws -> AssessmentAnswers {
        var diagnostics: [Diagnostic] = []
        // A file with nothing but comments answers nothing: every question is skipped.
        let isJSON = DocumentParsing.isJSON(file)
        if !isJSON, String(decoding: bytes, as: UTF8.self).split(separator: "\n").allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }) {
            return AssessmentAnswers()
        }
        guard let root = DocumentParsing.parse(bytes, file: file, json: isJSON, diagnostics: &diagnostics) else {
            throw QuestionnaireReader.Failure(file: file, diagnostics: diagnostics)
        }
        var r = CatalogueReader(file: file, today: Day(year: 2000, month: 1, day: 1)!)
        var answers = AssessmentAnswers()
        if !root.isNull {
            let allowed = questionnaire.questions.map(\.id) + (allowCurrent ? ["current"] : [])
            if let f = r.fields(root, "", allowed: allowed) {
                for q in questionnaire.questions {
                    guard let node = r.optional(f, q.id) else { continue }
                    if let v = value(node, q, &r) { answers.values[q.id] = v }
                }
                if allowCurrent, let node = r.optional(f, "current"), let raw = r.scalarText(node, "current") {
                    if questionnaire.question(id: raw) != nil { answers.current = raw } else { r.error(node, "current", "unknown question '\(TextCleaning.forDisplay(raw))'", fr: "question inconnue « \(TextCleaning.forDisplay(raw)) »") }
                }
            }
        }
        diagnostics += r.diagnostics
        diagnostics.sort { $0.position < $1.position }
        if diagnostics.contains(where: { $0.severity == .error }) { throw QuestionnaireReader.Failure(file: file, diagnostics: diagnostics) }
        return answers
    }

    static func value(_ node: DocumentNode, _ q: Question, _ r: inout CatalogueReader) -> Value? {
        if q.kind == .place {
            guard let raw = r.scalarText(node, q.id) else { return nil }
            switch Territories.resolve(raw) {
            case .place(let p): return .place(p)
            case .ambiguous(let places):
                let names = places.prefix(6).map { "\($0.displayName(.en)) (\($0.code))" }.joined(separator: ", ")
                let namesFR = places.prefix(6).map { "\($0.displayName(.fr)) (\($0.code))" }.joined(separator: ", ")
                r.error(node, q.id, "'\(TextCleaning.forDisplay(raw))' names several places: \(names); give a code",
                        fr: "« \(TextCleaning.forDisplay(raw)) » désigne plusieurs lieux : \(namesFR) ; donnez un code")
            case .unknown:
                r.error(node, q.id, "unknown place '\(TextCleaning.forDisplay(raw))' (a département code such as 59 or 2A, R and a région code such as R32, a name, a postal code, or national)",
                        fr: "lieu inconnu « \(TextCleaning.forDisplay(raw)) » (un code de département comme 59 ou 2A, R et un code de région comme R32, un nom, un code postal, ou national)")
            }
            return nil
        }
        guard let items = r.list(node, q.id) else { return nil }
        if q.kind == .one && items.count > 1 {
            r.error(node, q.id, "takes one answer, found \(items.count)", fr: "une seule réponse attendue, \(items.count) trouvées")
            return nil
        }
        var ids: [String] = []
        var ok = true
        for (i, item) in items {
            let field = node.isSequence ? "\(q.id)[\(i)]" : q.id
            guard let raw = r.scalarText(item, field) else { ok = false; continue }
            guard q.answer(id: raw) != nil else {
                r.error(item, field, "unknown answer '\(TextCleaning.forDisplay(raw))' (expected one of: \(q.answers.map(\.id).joined(separator: ", ")))",
                        fr: "réponse inconnue « \(TextCleaning.forDisplay(raw)) » (réponses possibles : \(q.answers.map(\.id).joined(separator: ", ")))")
                ok = false
                continue
            }
            if ids.contains(raw) { r.error(item, field, "'\(raw)' is listed twice", fr: "« \(raw) » figure deux fois"); ok = false } else { ids.append(raw) }
        }
        guard ok else { return nil }
        // In the questionnaire's order, whatever order they were written in.
        return .choices(q.answers.map(\.id).filter(ids.contains))
    }

    // MARK: Writing

    /// The answers as an answers file (YAML), in the questionnaire's order; every value is a
    /// double-quoted scalar or a flow list of ids, so nothing reads back as another type.
    public func yaml(_ questionnaire: Questionnaire) -> String {
        var out = "# Catalyse — réponses à l'autodiagnostic / self-assessment answers\n"
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        for q in questionnaire.questions {
            switch values[q.id] {
            case .place(let p)?: out += "\(q.id): \(quoted(p.code))\n"
            case .choices(let ids)? where q.kind == .one && ids.count == 1: out += "\(q.id): \(ids[0])\n"
            case .choices(let ids)?: out += "\(q.id): [" + ids.joined(separator: ", ") + "]\n"
            case nil: break
            }
        }
        if let current { out += "current: \(current)\n" }
        return out
    }
}

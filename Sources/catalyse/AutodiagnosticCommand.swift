import ArgumentParser
import CatalyseCore
import CatalyseTerminal
import Foundation

/// `catalyse autodiagnostic`: the self-assessment. On a terminal, without `--answers`, the
/// interface opens on its questions; with `--answers FILE` (YAML or JSON, docs/self-assessment.md)
/// it prints the reading of the need and the offers ranked with their reasons.
struct AutodiagnosticCommand: ParsableCommand {
    /// The help texts in both languages, for the command-line localisation.
    static let words = (
        abstract: (fr: "Autodiagnostic : de la situation de l'association aux offres qui lui conviennent, classées avec leurs raisons.",
                   en: "Self-assessment: from the association's situation to the offers that suit it, ranked with their reasons."),
        answers: (fr: "Les réponses, dans un fichier YAML ou JSON (docs/self-assessment.md) ; sans elle, les questions s'affichent.",
                  en: "The answers, in a YAML or JSON file (docs/self-assessment.md); without it, the questions are shown."),
        questionnaire: (fr: "Un autre questionnaire que celui du programme (data/questionnaire.yaml).",
                        en: "Another questionnaire than the program's own (data/questionnaire.yaml)."),
        limit: (fr: "Combien d'offres afficher (10 par défaut ; --json les donne toutes).", en: "How many offers to show (10 by default; --json gives them all)."),
        json: (fr: "Écrire du JSON.", en: "Print JSON.")
    )

    static let configuration = CommandConfiguration(
        commandName: "autodiagnostic",
        abstract: loc(words.abstract.fr, words.abstract.en),
        discussion: loc("""
            Douze questions courtes en mots simples (où, stade, budget, salariés, besoins, dans quel \
            délai, sur place ou à distance, si une part du coût peut être payée). Le score et les \
            raisons sont décrits dans docs/self-assessment.md.

            Exemples :
              catalyse autodiagnostic
              catalyse autodiagnostic --answers docs/examples/answers.yaml
              catalyse autodiagnostic --answers reponses.json --json
            """, """
            Twelve short questions in plain words (where, stage, budget, staff, needs, how soon, \
            on-site or remote, whether part of the cost can be paid). The score and the reasons are \
            documented in docs/self-assessment.md.

            Examples:
              catalyse autodiagnostic
              catalyse autodiagnostic --answers docs/examples/answers.yaml
              catalyse autodiagnostic --answers reponses.json --json
            """))

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: .loc(words.answers.fr, words.answers.en, value: ("fichier", "file"))) var answers: String?
    @Option(name: .long, help: .loc(words.questionnaire.fr, words.questionnaire.en, value: ("fichier", "file"))) var questionnaire: String?
    @Option(name: .long, help: .loc(words.limit.fr, words.limit.en, value: ("n", "n"))) var limit: Int = 10
    @Flag(name: .long, help: .loc(words.json.fr, words.json.en)) var json = false

    func validate() throws {
        if limit < 1 { throw Output.usage(fr: "--limit prend un nombre à partir de 1.", en: "--limit takes a number from 1 on.") }
        if json && answers == nil { throw Output.usage(fr: "--json va avec --answers.", en: "--json goes with --answers.") }
    }

    /// The questionnaire in effect (`--questionnaire`, else the embedded one), or exit 65/66.
    static func questionnaire(_ path: String?, _ language: Language) throws -> Questionnaire {
        guard let path else { return QuestionnaireReader.embedded() }
        do {
            return try QuestionnaireReader.load(path: path)
        } catch let e as QuestionnaireReader.Failure {
            throw exit(e, language, what: language == .fr ? "questionnaire refusé" : "questionnaire refused")
        }
    }

    static func answers(_ path: String, _ q: Questionnaire, _ language: Language) throws -> AssessmentAnswers {
        do {
            return try AssessmentAnswers.load(path: path, questionnaire: q)
        } catch let e as QuestionnaireReader.Failure {
            throw exit(e, language, what: language == .fr ? "réponses refusées" : "answers refused")
        }
    }

    /// Every problem, then a summary; 66 when the file cannot be read, 65 when its content is bad.
    static func exit(_ e: QuestionnaireReader.Failure, _ language: Language, what: String) -> ExitCode {
        if e.diagnostics.count == 1, let d = e.diagnostics.first, d.position.line == 0 {
            Output.error(language == .fr ? "catalyse : impossible de lire \(TextCleaning.forDisplay(e.file)) : \(d.french ?? d.message)."
                                         : "catalyse: cannot read \(TextCleaning.forDisplay(e.file)): \(d.message).")
            return ExitCode(ExitStatus.noInput)
        }
        for d in e.errors { Output.error(d.description(language)) }
        let n = e.errors.count
        Output.error(language == .fr ? "\(TextCleaning.forDisplay(e.file)) : \(n) erreur\(n > 1 ? "s" : ""), \(what)."
                                     : "\(TextCleaning.forDisplay(e.file)): \(n) error\(n > 1 ? "s" : ""), \(what).")
        return ExitCode(ExitStatus.dataError)
    }

    func run() throws {
        let l = global.language
        let q = try Self.questionnaire(questionnaire, l)
        guard let answers else {
            // The questions need a terminal; a script gives its answers in a file.
            guard Terminal.isUsable(environment: global.environment) else {
                throw Output.usage(fr: "l'autodiagnostic pose ses questions sur un terminal ; sans terminal, donnez les réponses avec --answers FICHIER (docs/self-assessment.md).",
                                   en: "the self-assessment asks its questions on a terminal; without one, give the answers with --answers FILE (docs/self-assessment.md).")
            }
            try Interactive.run(global, assessment: q)
            return
        }
        let a = try Self.answers(answers, q, l)
        let loaded = try global.loadCatalogue()
        let index = loaded.searchIndex()
        let profile = AssessmentProfile(q, a)
        let ranked = AssessmentScoring.rank(profile, index: index, language: l)
        if json {
            try Output.json(l) { () throws(JSONOutput.EncodingError) in try AssessmentReport.json(profile, ranked, index.catalogue, l) }
        } else {
            Output.out(AssessmentReport.text(profile, ranked, index.catalogue, l, limit: limit))
        }
    }
}

import CatalyseCore

/// Every text of the self-assessment's screens and the pathway's, in French and English.
extension Strings {
    private func t(_ fr: String, _ en: String) -> String { language == .fr ? Strings.typographic(fr) : en }

    func progress(_ n: Int, of total: Int) -> String { "\(n) / \(total)" }
    var assessmentMultiple: String { t("Plusieurs réponses possibles.", "Several answers are possible.") }
    var assessmentPlaceLabel: String { t("Lieu : ", "Place: ") }
    var assessmentPlaceHint: String { t("Tapez un département, une région, un nom ou un code postal ; Entrée sur un champ vide passe la question.",
                                        "Type a département, a région, a name or a postal code; Enter on an empty field skips the question.") }
    func assessmentUnknownPlace(_ typed: String) -> String {
        t("Aucun lieu ne correspond à « \(TextCleaning.forDisplay(typed)) » : corrigez, ou videz le champ pour passer la question.",
          "No place matches “\(TextCleaning.forDisplay(typed))”: correct it, or empty the field to skip the question.")
    }
    var assessmentResultTitle: String { t("Autodiagnostic : votre résultat", "Self-assessment: your result") }
    func assessmentSuitable(_ n: Int) -> String {
        language == .fr ? (n == 0 ? "Aucune offre ne convient à toutes vos réponses" : "\(n) offre\(n > 1 ? "s" : "") vous convien\(n > 1 ? "nent" : "t"), la plus adaptée en premier")
            : (n == 0 ? "No offer fits all your answers" : "\(n) offer\(n > 1 ? "s" : "") suit you, the best first")
    }
    var assessmentNothing: String {
        t("Essayez ← pour changer une réponse (une question passée ne restreint rien), ou o pour la liste filtrée.",
          "Try ← to change an answer (a skipped question restricts nothing), or o for the filtered list.")
    }
    var assessmentLegend: String {
        [AssessmentScoring.Verdict.met, .partly, .notMet, .notAsked].map { AssessmentWords.mark($0) + " " + AssessmentWords.verdict($0, language) }.joined(separator: "  ")
    }
    func assessmentPoints(_ n: Int) -> String { language == .fr ? "\(n)\u{00A0}pts" : "\(n) pts" }
    func assessmentDossierName(_ day: Day) -> String { t("Autodiagnostic du ", "Self-assessment of ") + day.long(language) }
    func pathwayDossierName(_ day: Day) -> String { t("Parcours du ", "Pathway of ") + day.long(language) }
    func assessmentNotSaved(_ failure: WriteFailure) -> String {
        t("Les réponses n'ont pas pu être gardées (", "The answers could not be kept (") + TextCleaning.forDisplay(failure.path) + ")"
            + Typography.colon(language) + causeText(failure.cause)
    }
    func causeText(_ cause: WriteFailure.Cause) -> String {
        switch cause {
        case .exists: return t("le fichier existe", "the file exists")
        case .missingFolder(let f): return t("dossier absent ", "missing folder ") + TextCleaning.forDisplay(f)
        case .system(let words): return TextCleaning.forDisplay(words)
        case .problem(let p): return p.text(language)
        }
    }

    // MARK: Pathway

    var pathwayTitle: String { t("Parcours proposé", "Proposed pathway") }
    func pathwayFor(_ name: String) -> String { t("Parcours proposé pour « ", "Proposed pathway for “") + TextCleaning.forDisplay(name) + t(" »", "”") }
    func pathwayStep(_ n: Int) -> String { t("Étape \(n)", "Step \(n)") }
    var pathwayNeeds: String { t("Besoins : ", "Needs: ") }
    var pathwayCovers: String { t("Couvre : ", "Covers: ") }
    var pathwayAlternatives: String { t("Autres possibilités : ", "Alternatives: ") }
    var pathwayUncovered: String { t("Reste à couvrir : ", "Not covered: ") }
    var pathwayEmpty: String { t("Aucune offre du catalogue ne correspond à ces besoins pour cette association.", "No offer of the catalogue fits these needs for this association.") }
    var pathwayNoNeeds: String { t("Sans besoin indiqué, pas de parcours : cochez au moins un besoin.", "With no need given, no pathway: tick at least one need.") }
    var exportPathwayTitle: String { t("Exporter le parcours", "Export the pathway") }
    func scopePathway(_ steps: Int) -> String { t("Le parcours (\(steps) étape\(steps > 1 ? "s" : ""))", "The pathway (\(steps) step\(steps == 1 ? "" : "s"))") }
    var pathwayFurther: String { t("Pour aller plus loin", "Where else to turn") }
    func pathwayFileName(_ day: Day, _ format: ShortlistExport.Format) -> String { "catalyse-parcours-\(day).\(format.fileExtension)" }
}

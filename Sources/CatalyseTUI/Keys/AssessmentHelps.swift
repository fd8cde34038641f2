/// The help rows of the self-assessment and the pathway (every binding of `AssessmentKeys`
/// points to one), and their sections of the help screen.
extension KeyHelps {
    private static func row(_ keys: Words, _ fr: String, _ en: String) -> KeyHelp { KeyHelp(keys: keys, text: Words(fr, en)) }
    private static func row(_ keys: String, _ fr: String, _ en: String) -> KeyHelp { row(Words(keys), fr, en) }

    static let assessment = row("n", "autodiagnostic : une douzaine de questions simples, puis les offres qui conviennent, classées avec leurs raisons",
                                "self-assessment: a dozen plain questions, then the offers that suit, ranked with their reasons")
    static let assessmentMove = row("↑ ↓ / k j", "aller d'une réponse à l'autre", "go from one answer to another")
    static let assessmentMark = row(spaceKey, "cocher la réponse (une seule quand la question n'en prend qu'une)", "tick the answer (only one when the question takes one)")
    static let assessmentDigit = row("1 – 9", "cocher la réponse de ce numéro (quand la question n'en prend qu'une : et passer à la suivante)",
                                     "tick the answer of that number (when the question takes one: and go on)")
    static let assessmentConfirm = row(enterKey, "valider les réponses cochées ; sans réponse cochée, passer la question",
                                       "confirm the answers ticked; with none ticked, skip the question")
    static let assessmentBack = row(Words("← / Retour arrière", "← / Backspace"), "revenir à la question précédente", "go back to the previous question")
    static let assessmentLeave = row(escKey, "quitter l'autodiagnostic : les réponses sont gardées, n le reprend là où il en était",
                                     "leave the self-assessment: the answers are kept, n resumes where it was")
    static let assessmentPlaceMove = row("↑ ↓", "choisir parmi les lieux proposés", "choose among the places offered")
    static let assessmentPlaceConfirm = row(enterKey, "valider le lieu en surbrillance ; champ vide : passer la question",
                                            "confirm the highlighted place; empty field: skip the question")
    static let assessmentPlaceBack = row(Words("← / Retour arrière", "← / Backspace"), "champ vide : revenir à la question précédente",
                                         "empty field: go back to the previous question")
    static let assessmentFilter = row("o", "ouvrir la liste avec les filtres de vos réponses (territoire, stade, budget, emploi, besoins, format, modalité)",
                                      "open the list with your answers as filters (territory, stage, budget, staff, needs, format, mode)")
    static let assessmentDossier = row("d", "enregistrer comme dossier : le profil vient des réponses, les trois premières offres y sont « à étudier »",
                                       "save as a dossier: the profile comes from the answers, the first three offers go in it “to review”")
    static let assessmentPathway = row("P", "proposer un parcours : deux à quatre offres complémentaires de cabinets différents",
                                       "propose a pathway: two to four complementary offers from different firms")
    static let assessmentResultBack = row(Words("← / Retour arrière", "← / Backspace"), "revenir à la dernière question", "go back to the last question")
    static let assessmentRestart = row("r", "reprendre les questions depuis la première (les réponses restent cochées)",
                                       "go through the questions again from the first (the answers stay ticked)")
    static let assessmentResultLeave = row(Words("Échap / q", "Esc / q"), "revenir à la liste", "back to the list")
    static let pathwayDossier = row("d", "enregistrer le parcours dans un dossier : ses offres y sont « à étudier »",
                                    "save the pathway in a dossier: its offers go in it “to review”")
    static let pathwayExport = row("e", "exporter le parcours en texte ou en Markdown (les règles de l'export de la liste)",
                                   "export the pathway as text or Markdown (the list export's rules)")
    static let dossierPathway = row("P", "proposer un parcours pour ce dossier (d'après son profil)", "propose a pathway for this dossier (from its profile)")

    static let assessmentSections: [HelpSection] = [
        HelpSection(Words("Autodiagnostic (n)", "Self-assessment (n)"),
                    [.key(assessment), .key(assessmentMove), .key(assessmentMark), .key(assessmentDigit), .key(assessmentConfirm), .key(assessmentBack),
                     .key(assessmentLeave), .key(assessmentPlaceMove), .key(assessmentPlaceConfirm), .key(assessmentPlaceBack)]),
        HelpSection(Words("Résultat de l'autodiagnostic", "Self-assessment result"),
                    [.key(assessmentFilter), .key(assessmentDossier), .key(assessmentPathway), .key(assessmentResultBack), .key(assessmentRestart),
                     .key(assessmentResultLeave)]),
        HelpSection(Words("Parcours (P)", "Pathway (P)"), [.key(pathwayDossier), .key(pathwayExport), .key(dossierPathway)]),
    ]
}

/// The key tables of the self-assessment (`n` from the list): a question with answers to
/// choose, a question whose answer is a typed place, the result, and the pathway (`P`).
extension ScreenKeys {
    private static func hint(_ key: Words, _ fr: String, _ en: String) -> KeyHint { KeyHint(key: key, action: Words(fr, en)) }
    private static func hint(_ key: String, _ fr: String, _ en: String) -> KeyHint { hint(Words(key), fr, en) }

    enum QuestionAction: Sendable, Equatable { case up, down, mark, digit(Int), confirm, back, leave, language, help }

    static let assessmentQuestion = KeyTable<QuestionAction>("self-assessment question", [
        KeyBinding([.up, .char("k")], .up, help: KeyHelps.assessmentMove, hint: hint("↑↓", "choisir", "choose")),
        KeyBinding([.down, .char("j")], .down, help: KeyHelps.assessmentMove),
        KeyBinding([.char(" ")], .mark, help: KeyHelps.assessmentMark, hint: hint(KeyHelps.spaceKey, "cocher", "tick")),
    ] + (1...9).map { n in KeyBinding([.char(Character(String(n)))], QuestionAction.digit(n), help: KeyHelps.assessmentDigit) } + [
        KeyBinding([.enter], .confirm, help: KeyHelps.assessmentConfirm, hint: hint(KeyHelps.enterKey, "valider ou passer", "confirm or skip")),
        KeyBinding([.left, .backspace], .back, help: KeyHelps.assessmentBack, hint: hint("←", "précédente", "previous")),
        KeyBinding([.escape], .leave, help: KeyHelps.assessmentLeave, hint: hint(KeyHelps.escKey, "quitter", "leave")),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    enum PlaceAction: Sendable, Equatable { case up, down, confirm, back, leave }

    /// A place question: letters, digits and Space are text; ← and Backspace go back only when
    /// the field is empty.
    static let assessmentPlace = KeyTable<PlaceAction>("self-assessment place", [
        KeyBinding([.up], .up, help: KeyHelps.assessmentPlaceMove, hint: hint("↑↓", "lieu", "place")),
        KeyBinding([.down], .down, help: KeyHelps.assessmentPlaceMove),
        KeyBinding([.enter], .confirm, help: KeyHelps.assessmentPlaceConfirm, hint: hint(KeyHelps.enterKey, "valider ou passer", "confirm or skip")),
        KeyBinding([.left, .backspace], .back, help: KeyHelps.assessmentPlaceBack, hint: hint("←", "précédente", "previous")),
        KeyBinding([.escape], .leave, help: KeyHelps.assessmentLeave, hint: hint(KeyHelps.escKey, "quitter", "leave")),
    ])

    enum ResultAction: Sendable, Equatable { case move(Move), openSheet, filterList, saveDossier, pathway, back, restart, leave, language, help }

    static let assessmentResult = KeyTable<ResultAction>("self-assessment result", movementBindings(ResultAction.move, hint: Words("bouger", "move")) + [
        KeyBinding([.enter], .openSheet, help: KeyHelps.enter, hint: hint(KeyHelps.enterKey, "fiche", "sheet")),
        KeyBinding([.char("o")], .filterList, help: KeyHelps.assessmentFilter, hint: hint("o", "liste filtrée", "filtered list")),
        KeyBinding([.char("d")], .saveDossier, help: KeyHelps.assessmentDossier, hint: hint("d", "dossier", "dossier")),
        KeyBinding([.char("P")], .pathway, help: KeyHelps.assessmentPathway, hint: hint("P", "parcours", "pathway")),
        KeyBinding([.left, .backspace], .back, help: KeyHelps.assessmentResultBack, hint: hint("←", "réponses", "answers")),
        KeyBinding([.char("r")], .restart, help: KeyHelps.assessmentRestart),
        KeyBinding([.escape, .char("q")], .leave, help: KeyHelps.assessmentResultLeave, hint: hint(KeyHelps.escKey, "liste", "list")),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    enum PathwayAction: Sendable, Equatable { case scroll(Move), saveDossier, export, back, language, help }

    static let pathway = KeyTable<PathwayAction>("pathway", movementBindings(PathwayAction.scroll, hint: Words("défiler", "scroll")) + [
        KeyBinding([.char("d")], .saveDossier, help: KeyHelps.pathwayDossier, hint: hint("d", "dossier", "dossier")),
        KeyBinding([.char("e")], .export, help: KeyHelps.pathwayExport, hint: hint("e", "exporter", "export")),
        KeyBinding([.escape, .char("q")], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    static let assessmentTables: [any DescribedKeyTable] = [assessmentQuestion, assessmentPlace, assessmentResult, pathway]
}

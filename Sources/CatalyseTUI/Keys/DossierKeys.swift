/// The key tables of the dossier screens and dialogs, as `ScreenKeys`' others: dispatch, the
/// footer hints (in table order) and the help row of each binding.
extension ScreenKeys {
    private static func hint(_ key: Words, _ fr: String, _ en: String) -> KeyHint { KeyHint(key: key, action: Words(fr, en)) }
    private static func hint(_ key: String, _ fr: String, _ en: String) -> KeyHint { hint(Words(key), fr, en) }

    // MARK: Screens

    enum DossiersAction: Sendable, Equatable { case move(Move), open, create, rename, archive, showArchived, remove, reload, back, language, help }

    static let dossiers = KeyTable<DossiersAction>("dossiers", movementBindings(DossiersAction.move, hint: Words("bouger", "move")) + [
        KeyBinding([.enter], .open, help: KeyHelps.dossierOpen, hint: hint(KeyHelps.enterKey, "ouvrir", "open")),
        KeyBinding([.char("n")], .create, help: KeyHelps.dossierNew, hint: hint("n", "nouveau", "new")),
        KeyBinding([.char("r")], .rename, help: KeyHelps.dossierRename, hint: hint("r", "renommer", "rename")),
        KeyBinding([.char("a")], .archive, help: KeyHelps.dossierArchive, hint: hint("a", "archiver", "archive")),
        KeyBinding([.char("v")], .showArchived, help: KeyHelps.dossierShowArchived, hint: hint("v", "archivés", "archived")),
        KeyBinding([.char("x"), .delete], .remove, help: KeyHelps.dossierRemove, hint: hint("x", "supprimer", "delete")),
        KeyBinding([.char("R")], .reload, help: KeyHelps.dossierReload),
        KeyBinding([.escape], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
        KeyBinding([.char("q")], .back, help: KeyHelps.quit),
        KeyBinding([.char("d")], .back, help: KeyHelps.dossiers),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    enum DossierAction: Sendable, Equatable { case move(Move), openSheet, status, note, history, filter, export, pathway, back, language, help }

    static let dossier = KeyTable<DossierAction>("dossier", movementBindings(DossierAction.move, hint: Words("choisir", "choose")) + [
        KeyBinding([.enter], .openSheet, help: KeyHelps.enter, hint: hint(KeyHelps.enterKey, "fiche", "sheet")),
        KeyBinding([.char("s")], .status, help: KeyHelps.dossierStatus, hint: hint("s", "statut", "status")),
        KeyBinding([.char("n")], .note, help: KeyHelps.dossierNote, hint: hint("n", "note", "note")),
        KeyBinding([.char("e")], .export, help: KeyHelps.dossierExport, hint: hint("e", "exporter", "export")),
        KeyBinding([.char("f")], .filter, help: KeyHelps.dossierFilter, hint: hint("f", "filtrer", "filter")),
        KeyBinding([.char("h")], .history, help: KeyHelps.dossierHistory, hint: hint("h", "historique", "history")),
        KeyBinding([.char("P")], .pathway, help: KeyHelps.dossierPathway),
        KeyBinding([.escape], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
        KeyBinding([.char("q")], .back, help: KeyHelps.quit),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    enum HistoryAction: Sendable, Equatable { case scroll(Move), back, language, help }

    static let dossierHistory = KeyTable<HistoryAction>("dossier history", movementBindings(HistoryAction.scroll, hint: Words("défiler", "scroll")) + [
        KeyBinding([.escape], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
        KeyBinding([.char("q")], .back, help: KeyHelps.quit),
        KeyBinding([.char("h")], .back, help: KeyHelps.dossierHistory),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    // MARK: Dialogs (letters are text in the form, the name and the note)

    enum FormAction: Sendable, Equatable { case previousField, nextField, up, down, previousChoice, nextChoice, create, cancel }

    /// The new-dossier form. On a text field, ← → and Space edit the text.
    static let dossierForm = KeyTable<FormAction>("dossier form", [
        KeyBinding([.up], .up, help: KeyHelps.formFields, hint: hint("↑↓", "champ", "field")),
        KeyBinding([.down], .down, help: KeyHelps.formFields),
        KeyBinding([.backTab], .previousField, help: KeyHelps.formFields),
        KeyBinding([.tab], .nextField, help: KeyHelps.formFields),
        KeyBinding([.left], .previousChoice, help: KeyHelps.formChoose, hint: hint("←→", "choisir", "choose")),
        KeyBinding([.right, .char(" ")], .nextChoice, help: KeyHelps.formChoose),
        KeyBinding([.enter], .create, help: KeyHelps.formCreate, hint: hint(KeyHelps.enterKey, "créer", "create")),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
    ])

    enum NameAction: Sendable, Equatable { case confirm, cancel }

    static let dossierRename = KeyTable<NameAction>("rename prompt", [
        KeyBinding([.enter], .confirm, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.enterKey, "renommer", "rename")),
        KeyBinding([.escape], .cancel, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
    ])

    enum RemoveAction: Sendable, Equatable { case remove, keep }

    /// The question before a dossier is deleted ("o" for oui, "y" for yes, in either language).
    static let dossierRemove = KeyTable<RemoveAction>("delete question", [
        KeyBinding([.char("o"), .char("O"), .char("y"), .char("Y")], .remove, help: KeyHelps.removeConfirm),
        KeyBinding([.char("n"), .char("N"), .escape], .keep, help: KeyHelps.removeConfirm),
    ])

    enum StatusMenuAction: Sendable, Equatable { case choose(Int), up, down, apply, cancel }

    static let statusMenu = KeyTable<StatusMenuAction>("status menu", [
        KeyBinding([.char("1")], .choose(0), help: KeyHelps.statusDigits, hint: hint("1–5", "statut", "status")),
        KeyBinding([.char("2")], .choose(1), help: KeyHelps.statusDigits),
        KeyBinding([.char("3")], .choose(2), help: KeyHelps.statusDigits),
        KeyBinding([.char("4")], .choose(3), help: KeyHelps.statusDigits),
        KeyBinding([.char("5")], .choose(4), help: KeyHelps.statusDigits),
        KeyBinding([.up, .char("k")], .up, help: KeyHelps.statusMove, hint: hint("↑↓", "choisir", "choose")),
        KeyBinding([.down, .char("j")], .down, help: KeyHelps.statusMove),
        KeyBinding([.enter], .apply, help: KeyHelps.statusMove, hint: hint(KeyHelps.enterKey, "appliquer", "apply")),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
        KeyBinding([.char("q")], .cancel, help: KeyHelps.quit),
    ])

    enum NoteAction: Sendable, Equatable { case save, newline, up, down, cancel }

    /// The note editor: any other key edits the text (`ScreenKeys.text`) or is text.
    static let noteEditor = KeyTable<NoteAction>("note editor", [
        KeyBinding([.ctrl("s"), .ctrl("S")], .save, help: KeyHelps.noteSave, hint: hint("Ctrl-S", "enregistrer", "save")),
        KeyBinding([.enter], .newline, help: KeyHelps.noteNewline, hint: hint(KeyHelps.enterKey, "à la ligne", "new line")),
        KeyBinding([.up], .up, help: KeyHelps.noteLines),
        KeyBinding([.down], .down, help: KeyHelps.noteLines),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
    ])

    enum ChooserAction: Sendable, Equatable { case move(Move), pick, cancel }

    static let dossierChooser = KeyTable<ChooserAction>("dossier chooser", movementBindings(ChooserAction.move, hint: Words("choisir", "choose")) + [
        KeyBinding([.enter], .pick, help: KeyHelps.chooserPick, hint: hint(KeyHelps.enterKey, "ajouter", "add")),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
        KeyBinding([.char("q")], .cancel, help: KeyHelps.quit),
    ])

    /// The dossier tables, for `ScreenKeys.all`.
    static let dossierTables: [any DescribedKeyTable] = [dossiers, dossier, dossierHistory, dossierForm, dossierRename, dossierRemove,
                                                          statusMenu, noteEditor, dossierChooser]
}

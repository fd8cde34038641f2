/// The key table of every screen and prompt: what each key does there (dispatch), the footer
/// hints (in table order) and the help row of each binding. The `handle…Key` functions switch
/// on these actions only; the footer and the help are drawn from these tables.
enum ScreenKeys {
    private static func hint(_ key: Words, _ fr: String, _ en: String) -> KeyHint { KeyHint(key: key, action: Words(fr, en)) }
    private static func hint(_ key: String, _ fr: String, _ en: String) -> KeyHint { hint(Words(key), fr, en) }

    // MARK: Everywhere

    enum GlobalAction: Sendable, Equatable { case quit, suspend }

    /// Before anything else, in prompts and dialogs too, and on a too-small terminal.
    static let global = KeyTable<GlobalAction>("global", [
        KeyBinding([.ctrl("c"), .ctrl("C")], .quit, help: KeyHelps.ctrlC),
        KeyBinding([.ctrl("z"), .ctrl("Z")], .suspend, help: KeyHelps.ctrlZ),
    ])

    enum TooSmallAction: Sendable, Equatable { case quit }

    /// A terminal below the minimum size: only quitting (when no prompt is open; the message says so).
    static let tooSmall = KeyTable<TooSmallAction>("too small", [KeyBinding([.char("q")], .quit, help: KeyHelps.quit)])

    enum StatusAction: Sendable, Equatable { case dismiss }

    /// While an error shows in the footer (no prompt open): its hint comes first, in place of Esc's.
    static let statusError = KeyTable<StatusAction>("error message", [
        KeyBinding([.escape], .dismiss, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "masquer le message", "dismiss the message")),
    ])

    // MARK: Screens

    enum ListAction: Sendable, Equatable {
        case move(Move), openSheet, search, filters, purpose, territory, favourite, favouritesOnly, export, firms
        case language, help, quit, clearAll, clearSearch, applySuggestion
        case dossiers, addToDossier, addToOtherDossier
        case assessment
        case undo, removeLastFilter, copy
        case map
        case newsOnly, markAllSeen, saveSearch, savedSearches
    }

    /// `u`, on the screens where something can be taken back; its hint shows only then.
    static func undoBinding<Action>(_ action: Action) -> KeyBinding<Action> {
        KeyBinding([.char("u")], action, help: KeyHelps.undo, hint: undoHint)
    }
    static let undoHint = hint("u", "annuler", "undo")

    static let list = KeyTable<ListAction>("list", movementBindings(ListAction.move, hint: Words("bouger", "move")) + [
        undoBinding(.undo),
        KeyBinding([.enter], .openSheet, help: KeyHelps.enter, hint: hint(KeyHelps.enterKey, "fiche", "sheet")),
        KeyBinding([.char("/")], .search, help: KeyHelps.search, hint: hint("/", "chercher", "search")),
        KeyBinding([.char("f")], .filters, help: KeyHelps.filters, hint: hint("f", "filtres", "filters")),
        KeyBinding([.char("p")], .purpose, help: KeyHelps.purpose, hint: hint("p", "finalité", "purpose")),
        KeyBinding([.char("t")], .territory, help: KeyHelps.territory, hint: hint("t", "territoire", "territory")),
        KeyBinding([.char(" ")], .favourite, help: KeyHelps.favourite, hint: hint(KeyHelps.spaceKey, "favori", "favourite")),
        KeyBinding([.char("F")], .favouritesOnly, help: KeyHelps.favouritesOnly, hint: hint("F", "favoris", "favourites")),
        KeyBinding([.char("e")], .export, help: KeyHelps.export, hint: hint("e", "exporter", "export")),
        KeyBinding([.char("d")], .dossiers, help: KeyHelps.dossiers, hint: hint("d", "dossiers", "dossiers")),
        KeyBinding([.char("a")], .addToDossier, help: KeyHelps.addToDossier),
        KeyBinding([.char("A")], .addToOtherDossier, help: KeyHelps.addToOtherDossier),
        KeyBinding([.char("b")], .firms, help: KeyHelps.firms, hint: hint("b", "cabinets", "firms")),
        KeyBinding([.char("n")], .assessment, help: KeyHelps.assessment),
    ] + commonBindings(help: .help, language: .language, languageHint: true) + [
        KeyBinding([.char("q")], .quit, help: KeyHelps.quit, hint: hint("q", "quitter", "quit")),
        KeyBinding([.char("x")], .clearAll, help: KeyHelps.clearAll),
        KeyBinding([.char("s")], .applySuggestion, help: KeyHelps.applySuggestion),
        KeyBinding([.backspace], .removeLastFilter, help: KeyHelps.removeLastFilter),
        KeyBinding([.char("y")], .copy, help: KeyHelps.copy),
        KeyBinding([.escape], .clearSearch, help: KeyHelps.escape),
        KeyBinding([.char("m")], .map, help: KeyHelps.mapOpen),
    ] + newsListBindings)

    enum SheetAction: Sendable, Equatable { case scroll(Move), favourite, back, language, help, addToDossier, addToOtherDossier, undo, copy }

    static let sheet = KeyTable<SheetAction>("sheet", movementBindings(SheetAction.scroll, hint: Words("défiler", "scroll")) + [
        undoBinding(.undo),
        KeyBinding([.char(" ")], .favourite, help: KeyHelps.favourite, hint: hint(KeyHelps.spaceKey, "favori", "favourite")),
        KeyBinding([.char("y")], .copy, help: KeyHelps.copy, hint: hint("y", "copier", "copy")),
        KeyBinding([.char("a")], .addToDossier, help: KeyHelps.addToDossier, hint: hint("a", "au dossier", "to dossier")),
        KeyBinding([.char("A")], .addToOtherDossier, help: KeyHelps.addToOtherDossier),
        KeyBinding([.escape], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
        KeyBinding([.char("q")], .back, help: KeyHelps.quit),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    enum PanelAction: Sendable, Equatable { case move(Move), toggle, nextFacet, previousFacet, clearAll, purpose, territory, close, language, help, undo }

    static let panel = KeyTable<PanelAction>("filter panel", movementBindings(PanelAction.move, hint: Words("bouger", "move")) + [
        undoBinding(.undo),
        KeyBinding([.char(" ")], .toggle, help: KeyHelps.panelToggle, hint: hint(KeyHelps.spaceKey, "cocher", "tick")),
        KeyBinding([.tab], .nextFacet, help: KeyHelps.panelTab, hint: hint("Tab", "facette suivante", "next facet")),
        KeyBinding([.backTab], .previousFacet, help: KeyHelps.panelTab),
        KeyBinding([.right], .nextFacet, help: KeyHelps.panelArrows),
        KeyBinding([.left], .previousFacet, help: KeyHelps.panelArrows),
        KeyBinding([.char("x")], .clearAll, help: KeyHelps.clearAll, hint: hint("x", "tout effacer", "clear all")),
        KeyBinding([.escape], .close, help: KeyHelps.panelClose, hint: hint(KeyHelps.escKey, "fermer", "close")),
        KeyBinding([.char("q"), .char("f"), .enter], .close, help: KeyHelps.panelClose),
        KeyBinding([.char("p")], .purpose, help: KeyHelps.purpose),
        KeyBinding([.char("t")], .territory, help: KeyHelps.panelTerritory),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    enum HelpAction: Sendable, Equatable { case scroll(Move), back, language }

    static let help = KeyTable<HelpAction>("help", movementBindings(HelpAction.scroll, hint: Words("défiler", "scroll")) + [
        KeyBinding([.escape], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
        KeyBinding([.char("q")], .back, help: KeyHelps.quit),
    ] + commonBindings(help: .back, language: .language, languageHint: false, helpHint: false))

    enum FirmsAction: Sendable, Equatable { case move(Move), open, search, escape, back, language, help }

    static let firms = KeyTable<FirmsAction>("firms", movementBindings(FirmsAction.move, hint: Words("bouger", "move")) + [
        KeyBinding([.enter], .open, help: KeyHelps.enter, hint: hint(KeyHelps.enterKey, "ouvrir", "open")),
        KeyBinding([.char("/")], .search, help: KeyHelps.firmSearch, hint: hint("/", "chercher", "search")),
        KeyBinding([.escape], .escape, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
        KeyBinding([.char("q")], .back, help: KeyHelps.quit),
        KeyBinding([.char("b")], .back, help: KeyHelps.firms),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    enum FirmAction: Sendable, Equatable { case move(Move), openSheet, favourite, back, language, help, undo }

    static let firm = KeyTable<FirmAction>("firm", movementBindings(FirmAction.move, hint: Words("choisir une offre", "choose an offer")) + [
        undoBinding(.undo),
        KeyBinding([.enter], .openSheet, help: KeyHelps.enter, hint: hint(KeyHelps.enterKey, "fiche", "sheet")),
        KeyBinding([.char(" ")], .favourite, help: KeyHelps.favourite, hint: hint(KeyHelps.spaceKey, "favori", "favourite")),
        KeyBinding([.escape], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
        KeyBinding([.char("q")], .back, help: KeyHelps.quit),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    // MARK: Prompts and the export dialog (letters are text there)

    enum SearchAction: Sendable, Equatable { case keep, cancel, move(Move), older, newer }

    static let search = KeyTable<SearchAction>("search prompt", [
        KeyBinding([.enter], .keep, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.enterKey, "garder", "keep")),
        KeyBinding([.escape], .cancel, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
        KeyBinding([.ctrl("p"), .ctrl("P")], .older, help: KeyHelps.searchHistory, hint: hint("Ctrl-P/N", "historique", "history")),
        KeyBinding([.ctrl("n"), .ctrl("N")], .newer, help: KeyHelps.searchHistory),
    ] + promptMovementBindings(SearchAction.move, hint: nil))

    /// `/` in the firm browser: the firm list follows the typing.
    static let firmSearch = KeyTable<SearchAction>("firm search prompt", [
        KeyBinding([.enter], .keep, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.enterKey, "garder", "keep")),
        KeyBinding([.escape], .cancel, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
    ] + promptMovementBindings(SearchAction.move, hint: nil))

    enum TerritoryAction: Sendable, Equatable { case move(Move), apply, cancel }

    static let territory = KeyTable<TerritoryAction>("territory prompt", promptMovementBindings(TerritoryAction.move, hint: Words("choisir", "choose")) + [
        KeyBinding([.enter], .apply, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.enterKey, "appliquer", "apply")),
        KeyBinding([.escape], .cancel, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
    ])

    enum ExportAction: Sendable, Equatable { case previousField, nextField, previousChoice, nextChoice, export, cancel }

    /// The dialog's fields. On the file name, ← → and Space are text editing, not a choice.
    static let export = KeyTable<ExportAction>("export dialog", [
        KeyBinding([.up, .backTab], .previousField, help: KeyHelps.exportFields, hint: hint("↑↓", "champ", "field")),
        KeyBinding([.down, .tab], .nextField, help: KeyHelps.exportFields),
        KeyBinding([.left], .previousChoice, help: KeyHelps.exportChoose, hint: hint("←→", "choisir", "choose")),
        KeyBinding([.right, .char(" ")], .nextChoice, help: KeyHelps.exportChoose),
        KeyBinding([.enter], .export, help: KeyHelps.exportRun, hint: hint(KeyHelps.enterKey, "exporter", "export")),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
    ])

    enum OverwriteAction: Sendable, Equatable { case replace, keep }

    /// The question about an existing file ("o" for oui, "y" for yes, in either language).
    static let overwrite = KeyTable<OverwriteAction>("overwrite question", [
        KeyBinding([.char("o"), .char("O"), .char("y"), .char("Y")], .replace, help: KeyHelps.exportOverwrite),
        KeyBinding([.char("n"), .char("N"), .escape], .keep, help: KeyHelps.exportOverwrite),
    ])

    enum WaitingAction: Sendable, Equatable { case close }

    /// While an export is being written: Esc closes the dialog (the outcome still shows).
    static let exportWaiting = KeyTable<WaitingAction>("export waiting", [KeyBinding([.escape], .close, help: KeyHelps.escape)])

    enum TextAction: Sendable, Equatable { case left, right, start, end, deleteBackward, deleteForward, deleteToStart }

    /// Editing a text field (search, place, file name); any other typed character is text.
    static let text = KeyTable<TextAction>("text field", [
        KeyBinding([.left], .left, help: KeyHelps.caret),
        KeyBinding([.right], .right, help: KeyHelps.caret),
        KeyBinding([.home], .start, help: KeyHelps.textEnds),
        KeyBinding([.end], .end, help: KeyHelps.textEnds),
        KeyBinding([.backspace], .deleteBackward, help: KeyHelps.backspace),
        KeyBinding([.delete], .deleteForward, help: KeyHelps.delete),
        KeyBinding([.ctrl("u"), .ctrl("U")], .deleteToStart, help: KeyHelps.ctrlU),
    ])

    /// Every table, for the help screen's checks.
    static let all: [any DescribedKeyTable] = [global, tooSmall, statusError, list, sheet, panel, help, firms, firm,
                                               search, firmSearch, territory, export, overwrite, exportWaiting, text]
        + menuTables + dossierTables + mapTables + newsTables + assessmentTables

    /// The table of a screen.
    static func table(_ screen: Screen) -> any DescribedKeyTable {
        switch screen {
        case .list: list
        case .sheet: sheet
        case .filters: panel
        case .help: help
        case .firms: firms
        case .firm: firm
        case .dossiers: dossiers
        case .dossier: dossier
        case .dossierHistory: dossierHistory
        case .map: map
        case .mapDepartments: mapDepartments
        case .assessment: assessmentQuestion
        case .assessmentResult: assessmentResult
        case .pathway: pathway
        }
    }
}

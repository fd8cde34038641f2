/// The key tables of what is new and the saved searches: the save prompt (`S`) and the list of
/// saved searches (`R`); the list's `N`, `M`, `S`, `R` are in `ScreenKeys.list`.
extension ScreenKeys {
    private static func hint(_ key: Words, _ fr: String, _ en: String) -> KeyHint { KeyHint(key: key, action: Words(fr, en)) }
    private static func hint(_ key: String, _ fr: String, _ en: String) -> KeyHint { hint(Words(key), fr, en) }

    enum SaveSearchAction: Sendable, Equatable { case confirm, cancel }

    static let saveSearch = KeyTable<SaveSearchAction>("save search prompt", [
        KeyBinding([.enter], .confirm, help: KeyHelps.promptConfirm, hint: hint(KeyHelps.enterKey, "enregistrer", "save")),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
    ])

    enum SavedSearchAction: Sendable, Equatable { case choose(Int), up, down, apply, remove, cancel }

    static let savedSearches = KeyTable<SavedSearchAction>("saved searches", (0..<9).map { n in
        KeyBinding([.char(Character(String(n + 1)))], SavedSearchAction.choose(n), help: KeyHelps.savedSearchDigits,
                   hint: n == 0 ? hint("1–9", "ouvrir", "open") : nil)
    } + [
        KeyBinding([.up, .char("k")], .up, help: KeyHelps.menuMove, hint: hint("↑↓", "bouger", "move")),
        KeyBinding([.down, .char("j")], .down, help: KeyHelps.menuMove),
        KeyBinding([.enter], .apply, help: KeyHelps.savedSearchOpen, hint: hint(KeyHelps.enterKey, "ouvrir", "open")),
        KeyBinding([.char("x"), .delete], .remove, help: KeyHelps.savedSearchRemove, hint: hint("x", "supprimer", "remove")),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "fermer", "close")),
        KeyBinding([.char("q"), .char("R")], .cancel, help: KeyHelps.quit),
    ])

    /// The tables, for `ScreenKeys.all`.
    static let newsTables: [any DescribedKeyTable] = [saveSearch, savedSearches]

    /// The list's bindings for what is new and the saved searches.
    static let newsListBindings: [KeyBinding<ListAction>] = [
        KeyBinding([.char("N")], .newsOnly, help: KeyHelps.newsOnly),
        KeyBinding([.char("M")], .markAllSeen, help: KeyHelps.markAllSeen),
        KeyBinding([.char("S")], .saveSearch, help: KeyHelps.saveSearch),
        KeyBinding([.char("R")], .savedSearches, help: KeyHelps.savedSearches),
    ]
}

extension KeyHelps {
    private static func row(_ keys: String, _ fr: String, _ en: String) -> KeyHelp { KeyHelp(keys: Words(keys), text: Words(fr, en)) }

    static let newsOnly = row("N", "nouveautés seulement : les offres nouvelles ou modifiées depuis la dernière visite / tout afficher",
                              "new and changed only: the offers new or changed since the last visit / show all")
    static let markAllSeen = row("M", "marquer toutes les nouveautés comme vues (ouvrir une fiche marque la sienne)",
                                 "mark every new offer as seen (opening a sheet marks its own)")
    static let saveSearch = row("S", "enregistrer les filtres et la recherche en cours sous un nom",
                                "save the current filters and search under a name")
    static let savedSearches = row("R", "les recherches enregistrées et leurs nouvelles offres : en ouvrir une, en supprimer une",
                                   "the saved searches and their new offers: open one, remove one")
    static let savedSearchDigits = row("1–9", "ouvrir la recherche de ce numéro", "open the search of that number")
    static let savedSearchOpen = KeyHelp(keys: KeyHelps.enterKey, text: Words("ouvrir la recherche choisie (avec ses nouveautés seulement quand elle en a)",
                                     "open the chosen search (with only its new offers when it has some)"))
    static let savedSearchRemove = row("x", "supprimer la recherche choisie", "remove the chosen search")

    static let newsSections: [HelpSection] = [
        HelpSection(Words("Nouveautés et recherches enregistrées", "What is new and saved searches"),
                    [.key(newsOnly), .key(markAllSeen), .key(saveSearch), .key(savedSearches), .key(savedSearchDigits),
                     .key(savedSearchOpen), .key(savedSearchRemove)]),
    ]
}

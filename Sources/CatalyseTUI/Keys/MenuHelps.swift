/// The help rows of undo, filter removal, copying, the firm search, the search history and the
/// small menus; the key tables point to them, and `KeyHelps.sections` shows them.
extension KeyHelps {
    private static func row(_ keys: Words, _ fr: String, _ en: String) -> KeyHelp { KeyHelp(keys: keys, text: Words(fr, en)) }
    private static func row(_ keys: String, _ fr: String, _ en: String) -> KeyHelp { row(Words(keys), fr, en) }

    static let undo = row("u", "annuler le dernier favori retiré, le dernier filtre retiré ou « x » (les 20 derniers)",
                          "undo the last favourite removed, filter removed or “x” (the last 20)")
    static let removeLastFilter = row(Words("Retour arrière", "Backspace"), "dans la liste : retirer le dernier filtre ajouté",
                                      "in the list: remove the filter added last")
    static let copy = row("y", "copier l'identifiant, l'e-mail ou le site web de l'offre (envoyé au terminal, OSC 52)",
                          "copy the offer's id, e-mail or website (sent to the terminal, OSC 52)")
    static let firmSearch = row("/", "dans les cabinets : filtrer la liste en tapant (accents ignorés)",
                                "in the firms: filter the list as you type (accents ignored)")
    static let searchHistory = row("Ctrl-P Ctrl-N", "dans la recherche : recherche précédente, suivante (historique)",
                                   "in the search: previous, next search (history)")

    static let menuDigits = row(Words("1 2 3"), "choisir la finalité : toutes, opérationnelle, stratégique",
                                "choose the purpose: every one, operational, strategic")
    static let menuPurposeAgain = row("p", "ligne suivante du menu des finalités", "next row of the purpose menu")
    static let menuMove = row("↑ ↓ / k j", "se déplacer dans le menu", "move in the menu")
    static let menuApply = row(Words("Entrée / Espace", "Enter / Space"), "appliquer la ligne choisie", "apply the chosen row")
    static let copyLetters = row("i e w", "copier l'identifiant, l'e-mail, le site web", "copy the id, the e-mail, the website")

    /// The menus' section of the help screen.
    static let menuSections: [HelpSection] = [
        HelpSection(Words("Menus (p, y)", "Menus (p, y)"),
                    [.key(menuDigits), .key(menuPurposeAgain), .key(copyLetters), .key(menuMove), .key(menuApply)]),
    ]
}

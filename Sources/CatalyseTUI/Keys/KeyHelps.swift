/// A section of the help screen: a title and its rows. A row is a key table's help (every
/// binding points to one) or a note about something that is not a key binding (typing text,
/// the mouse).
struct HelpSection: Sendable {
    struct Row: Sendable {
        let help: KeyHelp
        /// Not a key binding: no key table refers to it.
        let isNote: Bool

        static func key(_ help: KeyHelp) -> Row { Row(help: help, isNote: false) }
        static func note(_ help: KeyHelp) -> Row { Row(help: help, isNote: true) }
    }

    let title: Words
    let rows: [Row]

    init(_ title: Words, _ rows: [Row]) {
        self.title = title
        self.rows = rows
    }
}

/// Every row of the help screen, in both languages. The key tables (`ScreenKeys`) point to
/// these rows, so a key cannot be bound without being documented.
enum KeyHelps {
    static let enterKey = Words("Entrée", "Enter")
    static let escKey = Words("Échap", "Esc")
    static let spaceKey = Words("Espace", "Space")

    private static func row(_ keys: Words, _ fr: String, _ en: String) -> KeyHelp { KeyHelp(keys: keys, text: Words(fr, en)) }
    private static func row(_ keys: String, _ fr: String, _ en: String) -> KeyHelp { row(Words(keys), fr, en) }

    // MARK: Moving

    static let upDown = row("↑ ↓ / k j", "monter, descendre dans la liste (ou faire défiler la fiche)", "move up, down in the list (or scroll the sheet)")
    static let pages = row("PgUp PgDn", "page précédente, page suivante", "previous page, next page")
    static let ends = row(Words("Début Fin / g G", "Home End / g G"), "début, fin de la liste", "start, end of the list")
    static let enter = row(enterKey, "ouvrir la fiche de l'offre (ou y entrer, sur un écran large)", "open the offer sheet (or focus it, on a wide screen)")
    static let escape = row(escKey, "fermer une invite, un menu, le panneau, la fiche ou l'aide ; dans la liste ou les cabinets : effacer la recherche ; masquer un message d'erreur",
                            "close a prompt, menu, panel, sheet or help; in the list or the firms: clear the search; dismiss an error message")

    // MARK: Searching and filtering

    static let search = row("/", "rechercher : la liste suit la frappe ; Entrée garde, Échap rétablit le texte d'avant",
                            "search: the list follows your typing; Enter keeps it, Esc restores the previous text")
    static let filters = row("f", "panneau des filtres : chaque facette avec le nombre d'offres ; Espace coche",
                             "filter panel: every facet with its number of offers; Space ticks")
    static let purpose = row("p", "finalité : un menu avec toutes, opérationnelle, stratégique et leurs nombres d'offres",
                             "purpose: a menu with every one, operational, strategic and their numbers of offers")
    static let territory = row("t", "territoire : code de département, R + code de région, code postal ou nom",
                               "territory: département code, R + région code, postal code or name")
    static let clearAll = row("x", "effacer tous les filtres, la recherche et la vue des favoris", "clear every filter, the search and the favourites view")
    static let applySuggestion = row("s", "liste vide : appliquer la première suggestion (retirer un filtre, corriger un mot)",
                                     "empty list: apply the first suggestion (drop a filter, correct a word)")

    // MARK: Favourites and export

    static let favourite = row(spaceKey, "marquer ou démarquer l'offre comme favori (enregistré aussitôt)", "mark or unmark the offer as a favourite (saved at once)")
    static let favouritesOnly = row("F", "favoris seulement (les favoris introuvables y sont signalés) / tout afficher",
                                    "favourites only (missing favourites are shown and marked) / show all")
    static let export = row("e", "exporter en texte, Markdown ou CSV, les favoris ou la liste affichée", "export as text, Markdown or CSV, the favourites or the current list")

    // MARK: Other screens

    static let firms = row("b", "parcourir par cabinet : présentation, contact et offres", "browse by firm: presentation, contact and offers")
    static let language = row("L", "passer l'interface en anglais / en français (mémorisé, sauf avec --lang)",
                              "switch the interface to French / English (remembered, unless --lang is given)")
    static let help = row("?", "cette aide", "this help")
    static let quit = row("q", "dans une fiche, un panneau, l'aide ou un cabinet : revenir ; dans la liste : quitter",
                          "in a sheet, panel, help or firm view: go back; in the list: quit")
    static let ctrlC = row("Ctrl-C", "quitter, depuis n'importe quel écran", "quit, from anywhere")
    static let ctrlZ = row("Ctrl-Z", "suspendre vers le shell ; fg fait revenir l'interface", "suspend to the shell; fg brings the interface back")

    // MARK: In a prompt

    static let letters = row(Words("lettres", "letters"), "du texte : seules les touches ci-dessous agissent", "text: only the keys below act")
    static let caret = row("← →", "déplacer le curseur dans le texte", "move the caret in the text")
    static let textEnds = row(Words("Début Fin", "Home End"), "aller au début, à la fin du texte", "go to the start, the end of the text")
    static let backspace = row(Words("Retour arrière", "Backspace"), "effacer le caractère avant le curseur", "delete the character before the caret")
    static let delete = row(Words("Suppr", "Delete"), "effacer le caractère sous le curseur", "delete the character under the caret")
    static let ctrlU = row("Ctrl-U", "effacer tout le texte avant le curseur", "delete all the text before the caret")
    static let promptMoves = row("↑ ↓ PgUp PgDn", "se déplacer dans la liste ou parmi les lieux proposés", "move in the list or among the places offered")
    static let promptConfirm = row(Words("Entrée / Échap", "Enter / Esc"), "valider / annuler", "confirm / cancel")

    // MARK: Filter panel

    static let panelToggle = row(spaceKey, "cocher ou décocher la valeur", "tick or untick the value")
    static let panelTab = row(Words("Tab / Maj-Tab", "Tab / Shift-Tab"), "facette suivante, précédente", "next, previous facet")
    static let panelArrows = row("→ ←", "facette suivante, précédente", "next, previous facet")
    static let panelTerritory = row("t", "choisir un département (par code, nom ou code postal)", "pick a département (by code, name or postal code)")
    static let panelClose = row(Words("Échap / q / f", "Esc / q / f"), "fermer le panneau", "close the panel")

    // MARK: Export

    static let exportFields = row("↑ ↓ / Tab", "champ précédent, suivant", "previous, next field")
    static let exportChoose = row(Words("← → / Espace", "← → / Space"), "changer le format, le séparateur CSV ou le contenu", "change the format, the CSV separator or the content")
    static let exportExtension = row(".md .csv .txt", "un nom de fichier qui finit ainsi : le format suit", "a file name ending so: the format follows")
    static let exportPaths = row(Words("~/ /"), "un nom de fichier qui commence par ~/ (dossier personnel) ou / (chemin absolu) : il donne aussi le dossier",
                                 "a file name starting with ~/ (home folder) or / (absolute path): it gives the folder too")
    static let exportRun = row(enterKey, "exporter", "export")
    static let exportOverwrite = row(Words("o / n", "y / n"), "remplacer ou non un fichier qui existe déjà", "replace an existing file, or not")

    // MARK: Mouse

    static let click = row(Words("clic", "click"), "choisir une ligne ou cocher une valeur de filtre", "select a row or tick a filter value")
    static let wheel = row(Words("molette", "wheel"), "faire défiler", "scroll")
    static let shiftDrag = row(Words("Maj + glisser", "Shift + drag"), "sélectionner du texte pour le copier (dans la plupart des terminaux)",
                               "select text to copy it (in most terminals)")

    /// The help screen, section by section.
    static let sections: [HelpSection] = [
        HelpSection(Words("Se déplacer", "Moving"), [.key(upDown), .key(pages), .key(ends), .key(enter), .key(escape)]),
        HelpSection(Words("Chercher et filtrer", "Searching and filtering"),
                    [.key(search), .key(filters), .key(purpose), .key(territory), .key(clearAll), .key(removeLastFilter), .key(undo), .key(applySuggestion)]),
        HelpSection(Words("Favoris et export", "Favourites and export"), [.key(favourite), .key(favouritesOnly), .key(export), .key(copy)]),
        HelpSection(Words("Autres écrans", "Other screens"),
                    [.key(firms), .key(firmSearch), .key(language), .key(help), .key(quit), .key(ctrlC), .key(ctrlZ)]),
        HelpSection(Words("Dans une invite (recherche, territoire, nom de fichier)", "In a prompt (search, territory, file name)"),
                    [.note(letters), .key(caret), .key(textEnds), .key(backspace), .key(delete), .key(ctrlU), .key(promptMoves), .key(promptConfirm),
                     .key(searchHistory)]),
        HelpSection(Words("Panneau des filtres (f)", "Filter panel (f)"),
                    [.key(panelToggle), .key(panelTab), .key(panelArrows), .key(panelTerritory), .key(panelClose)]),
        HelpSection(Words("Export (e)", "Export (e)"),
                    [.key(exportFields), .key(exportChoose), .note(exportExtension), .note(exportPaths), .key(exportRun), .key(exportOverwrite)]),
        HelpSection(Words("Souris", "Mouse"), [.note(click), .note(wheel), .note(shiftDrag)]),
        ] + menuSections + dossierSections + mapSections + newsSections + assessmentSections
}

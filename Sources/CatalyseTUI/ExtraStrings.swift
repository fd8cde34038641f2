import CatalyseCore

/// The interface texts of the export separator, undo, the purpose and copy menus, the firm
/// search, the search history and unknown keys, in French and English (French typography
/// through `Words`). Kept apart from `Strings.swift` so that each part can change on its own.
extension Strings {
    private func say(_ fr: String, _ en: String) -> String { Words(fr, en)(language) }

    // MARK: Export

    var exportSeparator: String { say("Séparateur", "Separator") }
    func separatorName(_ separator: Character) -> String {
        separator == ";" ? say("; point-virgule", "; semicolon") : say(", virgule", ", comma")
    }

    // MARK: Undo and filters

    /// A favourite removed: its title (or its id when the offer is gone).
    func favouriteRemoved(_ title: String) -> String { say("Favori retiré : ", "Favourite removed: ") + title }
    var filtersCleared: String { say("Filtres effacés", "Filters cleared") }
    func filterRemoved(_ part: String) -> String { say("Filtre retiré : ", "Filter removed: ") + part }
    /// After an action `u` can undo.
    var undoHint: String { say("u : annuler", "u: undo") }
    func favouriteRestored(_ title: String) -> String { say("Favori rétabli : ", "Favourite restored: ") + title }
    var filtersRestored: String { say("Filtres rétablis", "Filters restored") }
    var nothingToUndo: String { say("Rien à annuler.", "Nothing to undo.") }
    var noFilterToRemove: String { say("Aucun filtre à retirer.", "No filter to remove.") }
    /// The keys at the end of the filters line.
    var filterKeysHint: String { say("[⌫ : retirer · x : tout effacer]", "[⌫: remove · x: clear all]") }
    var favouritesOnlyPart: String { say("Favoris seulement", "Favourites only") }

    // MARK: Purpose menu

    var purposeMenuTitle: String { say("Finalité", "Purpose") }
    var allPurposes: String { say("Toutes les finalités", "Every purpose") }

    // MARK: Copy

    var copyTitle: String { say("Copier", "Copy") }
    func copyLabel(_ target: CopyTarget) -> String {
        switch target {
        case .id: say("Identifiant", "Offer id")
        case .email: say("E-mail", "E-mail")
        case .website: say("Site web", "Website")
        }
    }
    var copyNote: String {
        say("Le texte est envoyé au terminal (OSC 52), qui le met dans le presse-papiers s'il le permet.",
            "The text is sent to the terminal (OSC 52), which puts it on the clipboard if it allows it.")
    }
    /// « E-mail envoyé au terminal (OSC 52) : » (every label is masculine in French).
    func copied(_ what: CopyTarget) -> String {
        copyLabel(what) + say(" envoyé au terminal (OSC 52) : ", " sent to the terminal (OSC 52): ")
    }
    func copyFailed(_ reason: FileProblem) -> String {
        say("Copie impossible : ", "Copy failed: ") + TextCleaning.forDisplay(reason.text(language))
    }

    // MARK: Firms

    var firmSearchLabel: String { say("Cabinet : ", "Firm: ") }
    var noFirmMatches: String { say("Aucun cabinet ne correspond.", "No firm matches.") }
    var noFirmMatchesHint: String { say("Échap efface la recherche.", "Esc clears the search.") }
    func firmSearchShown(_ text: String) -> String {
        say("Recherche : « \(text) »", "Search: “\(text)”")
    }

    // MARK: Search history

    func searchHistoryUnreadable(_ error: SearchHistoryError) -> String {
        TextCleaning.forDisplay(error.message(language))
    }

    // MARK: Unknown keys

    func unknownKey(_ key: String) -> String {
        say("La touche \(key) ne fait rien ici : ? pour l'aide.", "The key \(key) does nothing here: ? for help.")
    }
}

import CatalyseCore

/// Every piece of interface text, in French and English, using the vocabulary of `domain.md`.
/// Labels of codes (formats, purposes, facets…) come from the core; this holds the rest.
struct Strings: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    private func t(_ fr: String, _ en: String) -> String { language == .fr ? fr : en }
    private var colon: String { t(" : ", ": ") }

    // MARK: Header

    var appName: String { "Catalyse" }
    var illustrativeBadge: String { t("Catalogue illustratif", "Illustrative catalogue") }
    func count(_ listed: Int, of total: Int) -> String {
        "\(listed) / \(total) " + (total == 1 ? t("offre", "offer") : t("offres", "offers"))
    }
    func updatedLong(_ day: Day) -> String { t("mis à jour le ", "updated ") + day.long(language) }
    func updatedShort(_ day: Day) -> String { day.description }

    // MARK: Small screen

    var tooSmall: String { t("terminal trop petit", "terminal too small") }
    func minimum(_ width: Int, _ height: Int) -> String { t("minimum \(width)×\(height)", "at least \(width)×\(height)") }

    // MARK: Filter line

    var noFilter: String { t("Aucun filtre", "No filter") }
    var noFilterHint: String { t("/ chercher · f filtrer · t territoire · p finalité", "/ search · f filter · t territory · p purpose") }
    var filtersPrefix: String { t("Filtres", "Filters") + colon }
    var clearAllHint: String { t("[x : tout effacer]", "[x: clear all]") }
    func missingFavourites(_ n: Int) -> String {
        language == .fr
            ? "\(n) favori\(n > 1 ? "s" : "") introuvable\(n > 1 ? "s" : "") dans ce catalogue"
            : "\(n) favourite\(n == 1 ? "" : "s") not in this catalogue"
    }

    // MARK: List

    var columnFirm: String { t("Cabinet", "Firm") }
    var columnOffer: String { t("Offre", "Offer") }
    var columnPurpose: String { t("Finalité", "Purpose") }
    var columnFormat: String { "Format" }
    func formatTag(_ format: OfferFormat) -> String {
        switch format {
        case .mecenatCompetences: t("Mécénat", "Skills-based")
        case .miChemin: t("Mi-chemin", "Half-way")
        }
    }
    var formatTagWidth: Int { OfferFormat.allCases.map { CellWidth.of(formatTag($0)) }.max() ?? 0 }
    func purposeTag(_ purpose: Purpose) -> String { purpose.shortLabel.text(language) }
    var purposeTagWidth: Int { Purpose.allCases.map { CellWidth.of(purposeTag($0)) }.max() ?? 0 }
    var missingTag: String { t("introuvable dans ce catalogue", "not in this catalogue") }
    var missingFirm: String { t("(favori introuvable)", "(missing favourite)") }
    var emptyList: String { t("Aucune offre ne correspond.", "No offer matches.") }
    var emptyListHint: String { t("x efface les filtres, Échap efface la recherche.", "x clears the filters, Esc clears the search.") }
    var noFavourites: String { t("Aucun favori pour l'instant.", "No favourites yet.") }
    var noFavouritesHint: String { t("F revient à la liste ; Espace marque l'offre sélectionnée.", "F goes back to the list; Space marks the selected offer.") }

    // MARK: Sheet

    var sheetTitle: String { t("Fiche de l'offre", "Offer sheet") }
    var favouriteMark: String { t("★ favori", "★ favourite") }
    var moreBelow: String { t("↓ suite", "↓ more") }
    var missingSheet: String { t("Cette offre n'est plus dans le catalogue.", "This offer is no longer in the catalogue.") }
    var missingSheetHint: String { t("Espace la retire de vos favoris.", "Space removes it from your favourites.") }
    var missingCannotOpen: String { t("Cette offre n'est plus dans le catalogue : Espace la retire des favoris.", "This offer is no longer in the catalogue: Space removes it from the favourites.") }

    // MARK: Prompts

    var searchLabel: String { t("Recherche", "Search") + colon }
    var searchHint: String { t("Entrée garder · Échap annuler", "Enter keep · Esc cancel") }
    var territoryTitle: String { t("Territoire", "Territory") }
    var territoryLabel: String { t("Lieu", "Place") + colon }
    var territoryHelp: String { t("Code de département (59, 2A), R + code de région (R32), code postal ou nom", "Département code (59, 2A), R + région code (R32), postal code or name") }
    var territoryNone: String { t("Aucun lieu ne correspond.", "No place matches.") }
    var territoryClearHint: String { t("Entrée sur un texte vide retire le filtre de territoire.", "Enter on empty text removes the territory filter.") }
    func territoryCurrent(_ text: String) -> String { t("Filtre actuel", "Current filter") + colon + text }
    var territoryKeys: String { t("↑↓ choisir · Entrée appliquer · Échap annuler", "↑↓ choose · Enter apply · Esc cancel") }
    func offersCount(_ n: Int) -> String {
        language == .fr ? "\(n) offre\(n > 1 ? "s" : "")" : "\(n) offer\(n == 1 ? "" : "s")"
    }

    // MARK: Filter panel

    var panelTitle: String { t("Filtres", "Filters") }
    var panelHint: String { t("Espace coche ou décoche · Tab facette suivante · Échap ferme", "Space ticks or unticks · Tab next facet · Esc closes") }
    var panelTerritoryMore: String { t("t : un département, par code, nom ou code postal", "t: a département, by code, name or postal code") }

    // MARK: Export

    var exportTitle: String { t("Exporter la sélection", "Export the selection") }
    var exportFormat: String { "Format" }
    var exportScope: String { t("Contenu", "Content") }
    var exportName: String { t("Fichier", "File") }
    var exportFolder: String { t("Dossier", "Folder") }
    func formatName(_ format: ShortlistExport.Format) -> String {
        switch format {
        case .text: t("Texte", "Text")
        case .markdown: "Markdown"
        case .csv: "CSV"
        }
    }
    func scopeFavourites(_ n: Int) -> String { t("Favoris", "Favourites") + " (\(n))" }
    func scopeList(_ n: Int) -> String { t("Liste affichée", "Current list") + " (\(n))" }
    var exportKeys: String { t("↑↓ champ · ←→ choisir · Entrée exporter · Échap annuler", "↑↓ field · ←→ choose · Enter export · Esc cancel") }
    var exportWaiting: String { t("Écriture…", "Writing…") }
    func exportExists(_ path: String) -> String { t("Le fichier existe déjà : ", "The file already exists: ") + path }
    var exportOverwriteQuestion: String { t("Le remplacer ? o : oui · n : non", "Replace it? y: yes · n: no") }
    var exportEmptyName: String { t("Donnez un nom de fichier.", "Give a file name.") }
    var exportNothing: String { t("Rien à exporter : la liste est vide.", "Nothing to export: the list is empty.") }
    func exportWritten(_ path: String) -> String { t("Sélection exportée dans ", "Selection exported to ") + path }
    func exportFailed(_ message: String) -> String { t("Export impossible : ", "Export failed: ") + message }

    // MARK: Favourites and language

    func favouritesFailed(_ message: String) -> String { t("Favoris non enregistrés : ", "Favourites not saved: ") + message }
    var languageLocked: String { t("Langue changée pour cette session seulement (--lang la fixe).", "Language changed for this session only (--lang sets it).") }

    // MARK: Firm browser

    var firmsTitle: String { t("Cabinets", "Firms") }
    func firmOffers(_ n: Int) -> String { offersCount(n) }
    var firmHeadquarters: String { t("Siège", "Head office") }
    var firmContact: String { "Contact" }
    var firmJoined: String { t("Dans le programme depuis", "In the programme since") }
    var firmSource: String { t("Source", "Source") }
    func verified(_ day: Day) -> String { t("vérifié le ", "checked ") + day.long(language) }
    var firmOffersHeading: String { t("Offres", "Offers") }
    /// "Label : " / "Label: ".
    func field(_ label: String) -> String { label + colon }

    // MARK: Help

    var helpTitle: String { t("Aide — toutes les touches", "Help — every key") }

    // MARK: Key names

    var keyEnter: String { t("Entrée", "Enter") }
    var keyEsc: String { t("Échap", "Esc") }
    var keySpace: String { t("Espace", "Space") }
    var keyTab: String { "Tab" }

    // MARK: Footers (key, action), most useful first

    typealias Hint = (key: String, action: String)

    var listHints: [Hint] {
        [("↑↓", t("bouger", "move")), (keyEnter, t("fiche", "sheet")), ("/", t("chercher", "search")),
         ("f", t("filtres", "filters")), ("p", t("finalité", "purpose")), ("t", t("territoire", "territory")),
         (keySpace, t("favori", "favourite")), ("F", t("favoris", "favourites")), ("e", t("exporter", "export")),
         ("b", t("cabinets", "firms")), ("L", t("English", "Français")), ("q", t("quitter", "quit"))]
    }
    var sheetHints: [Hint] {
        [("↑↓", t("défiler", "scroll")), (keySpace, t("favori", "favourite")), (keyEsc, t("retour", "back")), ("q", t("retour", "back"))]
    }
    var panelHints: [Hint] {
        [("↑↓", t("bouger", "move")), (keySpace, t("cocher", "tick")), (keyTab, t("facette suivante", "next facet")),
         ("x", t("tout effacer", "clear all")), (keyEsc, t("fermer", "close"))]
    }
    var firmsHints: [Hint] {
        [("↑↓", t("bouger", "move")), (keyEnter, t("ouvrir", "open")), (keyEsc, t("retour", "back"))]
    }
    var firmHints: [Hint] {
        [("↑↓", t("choisir une offre", "choose an offer")), (keyEnter, t("fiche", "sheet")), (keySpace, t("favori", "favourite")), (keyEsc, t("retour", "back"))]
    }
    var helpHints: [Hint] {
        [("↑↓", t("défiler", "scroll")), (keyEsc, t("retour", "back")), ("q", t("retour", "back"))]
    }
    var helpHint: Hint { ("?", t("aide", "help")) }

    // MARK: Help screen content

    /// Sections of (key, what it does).
    var helpSections: [(title: String, rows: [(String, String)])] {
        [
            (t("Se déplacer", "Moving"), [
                ("↑ ↓ / k j", t("monter, descendre dans la liste (ou faire défiler la fiche)", "move up, down in the list (or scroll the sheet)")),
                ("PgUp PgDn", t("page précédente, page suivante", "previous page, next page")),
                (t("Début Fin / g G", "Home End / g G"), t("début, fin de la liste", "start, end of the list")),
                (keyEnter, t("ouvrir la fiche de l'offre (ou y entrer, sur un écran large)", "open the offer sheet (or focus it, on a wide screen)")),
                (keyEsc, t("fermer une invite, le panneau, la fiche ou l'aide ; dans la liste : effacer la recherche", "close a prompt, panel, sheet or help; in the list: clear the search")),
            ]),
            (t("Chercher et filtrer", "Searching and filtering"), [
                ("/", t("rechercher : la liste suit la frappe ; Entrée garde, Échap rétablit le texte d'avant", "search: the list follows your typing; Enter keeps it, Esc restores the previous text")),
                ("f", t("panneau des filtres : chaque facette avec le nombre d'offres ; Espace coche", "filter panel: every facet with its number of offers; Space ticks")),
                ("p", t("finalité : toutes → opérationnelle → stratégique → toutes", "purpose: all → operational → strategic → all")),
                ("t", t("territoire : code de département, R + code de région, code postal ou nom", "territory: département code, R + région code, postal code or name")),
                ("x", t("effacer tous les filtres, la recherche et la vue des favoris", "clear every filter, the search and the favourites view")),
            ]),
            (t("Favoris et export", "Favourites and export"), [
                (keySpace, t("marquer ou démarquer l'offre comme favori (enregistré aussitôt)", "mark or unmark the offer as a favourite (saved at once)")),
                ("F", t("favoris seulement (les favoris introuvables y sont signalés) / tout afficher", "favourites only (missing favourites are shown and marked) / show all")),
                ("e", t("exporter en texte, Markdown ou CSV, les favoris ou la liste affichée", "export as text, Markdown or CSV, the favourites or the current list")),
            ]),
            (t("Autres écrans", "Other screens"), [
                ("b", t("parcourir par cabinet : présentation, contact et offres", "browse by firm: presentation, contact and offers")),
                ("L", t("passer l'interface en anglais / en français (mémorisé, sauf avec --lang)", "switch the interface to French / English (remembered, unless --lang is given)")),
                ("?", t("cette aide", "this help")),
                ("q", t("dans une fiche, un panneau, l'aide ou un cabinet : revenir ; dans la liste : quitter", "in a sheet, panel, help or firm view: go back; in the list: quit")),
                ("Ctrl-C", t("quitter, depuis n'importe quel écran", "quit, from anywhere")),
                ("Ctrl-Z", t("suspendre vers le shell ; fg fait revenir l'interface", "suspend to the shell; fg brings the interface back")),
            ]),
            (t("Dans une invite", "In a prompt"), [
                (t("lettres", "letters"), t("du texte : seules les flèches, Entrée, Échap et Retour arrière agissent", "text: only the arrows, Enter, Esc and Backspace act")),
            ]),
            (t("Souris", "Mouse"), [
                (t("clic", "click"), t("choisir une ligne ou cocher une valeur de filtre", "select a row or tick a filter value")),
                (t("molette", "wheel"), t("faire défiler", "scroll")),
                (t("Maj + glisser", "Shift + drag"), t("sélectionner du texte pour le copier (dans la plupart des terminaux)", "select text to copy it (in most terminals)")),
            ]),
        ]
    }
}

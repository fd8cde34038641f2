import CatalyseCore

/// Every piece of interface text, in French and English, using the vocabulary of `domain.md`.
/// Labels of codes (formats, purposes, facets…) come from the core; this holds the rest.
struct Strings: Sendable {
    let language: Language

    init(_ language: Language) { self.language = language }

    /// French or English. French gets its typography (`Typography.french`): the spaces before
    /// `:` `;` `?` `!` `»` and after `«` are non-breaking (U+00A0), so no line starts with a
    /// lone sign.
    private func t(_ fr: String, _ en: String) -> String { language == .fr ? Strings.typographic(fr) : en }

    /// French text with non-breaking spaces where French typography wants them.
    static func typographic(_ text: String) -> String { Typography.french(text) }
    private var colon: String { Typography.colon(language) }

    // MARK: Header

    var appName: String { "Catalyse" }
    var illustrativeBadge: String { t("Catalogue illustratif", "Illustrative catalogue") }
    func count(_ listed: Int, of total: Int) -> String {
        "\(listed) / \(total) " + (total == 1 ? t("offre", "offer") : t("offres", "offers"))
    }
    func updatedLong(_ day: Day) -> String { t("mis à jour le ", "updated ") + day.long(language) }
    func updatedShort(_ day: Day) -> String { day.description }
    /// Which catalogue is in effect, after the date in the header.
    func origin(_ origin: CatalogueOrigin) -> String {
        switch origin {
        case .file(let name): t("fichier ", "file ") + TextCleaning.forDisplay(name)
        case .updated(let serial?): t("copie mise à jour, n° \(serial)", "updated copy, no. \(serial)")
        case .updated(nil): t("copie mise à jour", "updated copy")
        case .embedded: t("catalogue intégré", "built-in catalogue")
        }
    }

    // MARK: Small screen

    var tooSmall: String { t("terminal trop petit", "terminal too small") }
    var tooSmallQuit: String { t("q : quitter", "q: quit") }
    var tooSmallQuitCtrlC: String { t("Ctrl-C : quitter", "Ctrl-C: quit") }
    func minimum(_ width: Int, _ height: Int) -> String { t("minimum \(width)×\(height)", "at least \(width)×\(height)") }

    // MARK: Filter line

    var noFilter: String { t("Aucun filtre", "No filter") }
    /// Keys shown after "No filter", most useful first (each shown whole, or not at all).
    var noFilterHints: [String] {
        [t("/ chercher", "/ search"), t("f filtrer", "f filter"), t("t territoire", "t territory"), t("p finalité", "p purpose")]
    }
    var favouritesUnavailable: String { t("★ favoris indisponibles", "★ favourites unavailable") }
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
    /// The short label of a format in lists (`OfferFormat.shortLabel`: « Mécénat »).
    func formatTag(_ format: OfferFormat) -> String { format.shortLabel.text(language) }
    var formatTagWidth: Int { OfferFormat.allCases.map { CellWidth.of(formatTag($0)) }.max() ?? 0 }
    func purposeTag(_ purpose: Purpose) -> String { purpose.shortLabel.text(language) }
    var purposeTagWidth: Int { Purpose.allCases.map { CellWidth.of(purposeTag($0)) }.max() ?? 0 }
    var missingTag: String { t("introuvable dans ce catalogue", "not in this catalogue") }
    var missingFirm: String { t("(favori introuvable)", "(missing favourite)") }
    var emptyList: String { t("Aucune offre ne correspond.", "No offer matches.") }
    var emptyListHint: String { t("x efface les filtres, Échap efface la recherche.", "x clears the filters, Esc clears the search.") }
    /// Under the suggestions of an empty list: the key that applies the first one.
    var applySuggestionHint: String { t("s : appliquer la première suggestion · x : tout effacer", "s: apply the first suggestion · x: clear all") }
    var noFavourites: String { t("Aucun favori pour l'instant.", "No favourites yet.") }
    var favouritesUnreadable: String { t("Les favoris n'ont pas pu être lus.", "The favourites could not be read.") }
    var favouritesUnreadableHint: String { t("Le fichier des favoris est illisible ; il n'a pas été modifié. F revient à la liste.", "The favourites file is unreadable; it was left untouched. F goes back to the list.") }
    var noFavouritesHint: String { t("F revient à la liste ; Espace marque l'offre sélectionnée.", "F goes back to the list; Space marks the selected offer.") }

    // MARK: Sheet

    var sheetTitle: String { t("Fiche de l'offre", "Offer sheet") }
    var whyHeading: String { t("Pourquoi cette offre", "Why this offer") }
    var favouriteMark: String { t("★ favori", "★ favourite") }
    var moreBelow: String { t("↓ suite", "↓ more") }
    var missingSheet: String { t("Cette offre n'est plus dans le catalogue.", "This offer is no longer in the catalogue.") }
    var missingSheetHint: String { t("Espace la retire de vos favoris.", "Space removes it from your favourites.") }
    var missingCannotOpen: String { t("Cette offre n'est plus dans le catalogue : Espace la retire des favoris.", "This offer is no longer in the catalogue: Space removes it from the favourites.") }

    // MARK: Prompts

    var searchLabel: String { t("Recherche", "Search") + colon }
    var territoryTitle: String { t("Territoire", "Territory") }
    var territoryLabel: String { t("Lieu", "Place") + colon }
    var territoryHelp: String { t("Département (59, 2A), R + code de région (R32), code postal ou nom", "Département (59, 2A), R + région code (R32), postal code or name") }
    var territoryNone: String { t("Aucun lieu ne correspond.", "No place matches.") }
    var territoryClearHint: String { t("Entrée sans texte retire le filtre de territoire.", "Enter with no text removes the territory filter.") }
    func territoryCurrent(_ text: String) -> String { t("Filtre actuel", "Current filter") + colon + text }
    func offersCount(_ n: Int) -> String {
        language == .fr ? "\(n) offre\(n > 1 ? "s" : "")" : "\(n) offer\(n == 1 ? "" : "s")"
    }

    // MARK: Filter panel

    var panelTitle: String { t("Filtres", "Filters") }
    var panelHint: String { t("Espace coche ou décoche · Tab facette suivante · Échap ferme", "Space ticks or unticks · Tab next facet · Esc closes") }
    /// Before the first suggestion, when the filters list nothing.
    var panelEmpty: String { t("Aucune offre — ", "No offer — ") }
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
    /// "Favoris (2)", or "Favoris (2, + 1 introuvable)" when missing favourites are listed too.
    func scopeFavourites(_ n: Int, missing: Int = 0) -> String { t("Favoris", "Favourites") + countWithMissing(n, missing) }
    func scopeList(_ n: Int, missing: Int = 0) -> String { t("Liste affichée", "Current list") + countWithMissing(n, missing) }
    private func countWithMissing(_ n: Int, _ missing: Int) -> String {
        guard missing > 0 else { return " (\(n))" }
        return " (\(n), + \(missing) " + (language == .fr ? (missing > 1 ? "introuvables" : "introuvable") : "missing") + ")"
    }
    var exportWaiting: String { t("Écriture…", "Writing…") }
    var exportExistsLabel: String { t("Le fichier existe déjà :", "The file already exists:") }
    func exportExists(_ path: String) -> String { exportExistsLabel + " " + path }
    var exportOverwriteQuestion: String { t("Le remplacer ? o : oui · n : non", "Replace it? y: yes · n: no") }
    var exportEmptyName: String { t("Donnez un nom de fichier.", "Give a file name.") }
    var exportNothing: String { t("Rien à exporter : la liste est vide.", "Nothing to export: the list is empty.") }
    var exportWrittenLabel: String { t("Sélection exportée dans ", "Selection exported to ") }
    func exportWritten(_ path: String) -> String { exportWrittenLabel + path }
    func exportFailed(_ failure: WriteFailure) -> String {
        let reason: String
        switch failure.cause {
        case .exists:
            reason = t("le fichier existe déjà", "the file already exists")
        case .missingFolder(let folder):
            let shown = folder.isEmpty ? "." : folder
            reason = t("le dossier \(shown) n'existe pas", "the folder \(shown) does not exist")
        case .system(let words):
            reason = words  // words given as they are
        case .problem(let problem):
            reason = problem.text(language)
        }
        return t("Export impossible : ", "Export failed: ") + TextCleaning.forDisplay(reason)
    }

    // MARK: Favourites and language

    func favouritesFailed(_ error: FavouritesError) -> String {
        t("Favoris non enregistrés : ", "Favourites not saved: ") + TextCleaning.forDisplay(error.message(language))
    }
    /// Why the favourites file could not be read (the core's words, in this language).
    func favouritesUnreadableMessage(_ error: FavouritesError) -> String { TextCleaning.forDisplay(error.message(language)) }
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
}

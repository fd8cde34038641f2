/// The help rows of the dossier screens, dialogs and keys (every binding of `DossierKeys`
/// points to one), and their sections of the help screen.
extension KeyHelps {
    private static func row(_ keys: Words, _ fr: String, _ en: String) -> KeyHelp { KeyHelp(keys: keys, text: Words(fr, en)) }
    private static func row(_ keys: String, _ fr: String, _ en: String) -> KeyHelp { row(Words(keys), fr, en) }

    // MARK: From the list and the sheet

    static let dossiers = row("d", "les dossiers : une association accompagnée par dossier (d ou Échap revient)",
                              "the dossiers: one per association helped (d or Esc comes back)")
    static let addToDossier = row("a", "ajouter l'offre au dossier courant (sans dossier courant : choisir le dossier)",
                                  "add the offer to the current dossier (with no current dossier: choose one)")
    static let addToOtherDossier = row("A", "ajouter l'offre à un autre dossier, choisi dans une liste", "add the offer to another dossier, chosen from a list")

    // MARK: The dossiers list

    static let dossierOpen = row(enterKey, "ouvrir le dossier et en faire le dossier courant (nommé dans l'en-tête)",
                                 "open the dossier and make it the current one (named in the header)")
    static let dossierNew = row("n", "nouveau dossier : le nom, puis le profil (territoire, stade, budget, emploi, besoins)",
                                "new dossier: the name, then the profile (territory, stage, budget, staff, needs)")
    static let dossierRename = row("r", "renommer le dossier", "rename the dossier")
    static let dossierArchive = row("a", "archiver le dossier (il est caché), ou le rendre actif", "archive the dossier (it is hidden), or make it active again")
    static let dossierShowArchived = row("v", "montrer ou cacher les dossiers archivés", "show or hide the archived dossiers")
    static let dossierRemove = row(Words("x / Suppr", "x / Delete"), "supprimer le dossier, avec ses offres, notes et historique (après confirmation)",
                                   "delete the dossier with its offers, notes and history (after a confirmation)")
    static let dossierReload = row("R", "relire la base des dossiers (après une commande catalyse dossier, ou une restauration)",
                                   "read the dossiers database again (after a catalyse dossier command, or a restore)")

    // MARK: In a dossier

    static let dossierStatus = row("s", "changer le statut de l'offre : un menu des cinq statuts", "change the offer's status: a menu of the five statuses")
    static let dossierNote = row("n", "ajouter une note datée à l'offre (sur plusieurs lignes)", "add a dated note to the offer (over several lines)")
    static let dossierHistory = row("h", "l'historique du dossier (h ou Échap revient)", "the dossier's history (h or Esc comes back)")
    static let dossierFilter = row("f", "filtrer pour ce dossier : son territoire, stade, budget, emploi et besoins deviennent les filtres de la liste",
                                   "filter for this dossier: its territory, stage, budget, staff and needs become the list's filters")
    static let dossierExport = row("e", "exporter le dossier en texte, Markdown ou CSV, avec ou sans les notes",
                                   "export the dossier as text, Markdown or CSV, with or without the notes")

    // MARK: Dialogs

    static let formFields = row("↑ ↓ / Tab", "champ précédent, suivant ; dans les lieux proposés ou les besoins, ↑ ↓ s'y déplacent",
                                "previous, next field; among the places offered or the needs, ↑ ↓ move there")
    static let formChoose = row(Words("← → / Espace", "← → / Space"), "changer le stade, le budget ou l'emploi ; Espace coche un besoin",
                                "change the stage, the budget or the staff; Space ticks a need")
    static let formCreate = row(enterKey, "créer le dossier (le lieu en surbrillance devient son territoire)",
                                "create the dossier (the highlighted place becomes its territory)")
    static let removeConfirm = row(Words("o / n", "y / n"), "supprimer le dossier, ou le garder", "delete the dossier, or keep it")
    static let statusDigits = row("1 – 5", "choisir un statut : à étudier, contacté, en discussion, retenu, écarté",
                                  "choose a status: to review, contacted, in discussion, agreed, set aside")
    static let statusMove = row(Words("↑ ↓ / Entrée", "↑ ↓ / Enter"), "choisir un statut dans le menu, l'appliquer", "choose a status in the menu, apply it")
    static let noteSave = row("Ctrl-S", "enregistrer la note (Échap l'abandonne)", "save the note (Esc drops it)")
    static let noteNewline = row(enterKey, "dans une note : aller à la ligne", "in a note: start a new line")
    static let noteLines = row("↑ ↓", "dans une note : ligne précédente, suivante", "in a note: previous, next line")
    static let chooserPick = row(enterKey, "dans le choix d'un dossier : y ajouter l'offre", "when choosing a dossier: add the offer to it")

    /// The help's sections about dossiers, after the others.
    static let dossierSections: [HelpSection] = [
        HelpSection(Words("Dossiers", "Dossiers"), [.key(dossiers), .key(addToDossier), .key(addToOtherDossier)]),
        HelpSection(Words("Liste des dossiers (d)", "Dossiers list (d)"),
                    [.key(dossierOpen), .key(dossierNew), .key(dossierRename), .key(dossierArchive), .key(dossierShowArchived),
                     .key(dossierRemove), .key(dossierReload)]),
        HelpSection(Words("Dans un dossier", "In a dossier"),
                    [.key(dossierStatus), .key(dossierNote), .key(dossierHistory), .key(dossierFilter), .key(dossierExport)]),
        HelpSection(Words("Nouveau dossier, statut, note, choix d'un dossier", "New dossier, status, note, choosing a dossier"),
                    [.key(formFields), .key(formChoose), .key(formCreate), .key(removeConfirm), .key(statusDigits), .key(statusMove),
                     .key(noteSave), .key(noteNewline), .key(noteLines), .key(chooserPick)]),
    ]
}

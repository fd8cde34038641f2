import CatalyseCore

/// What happened with the dossiers, for the footer: worded when drawn, so it follows `L`.
public enum DossierNotice: Sendable, Equatable {
    case created(String), renamed(String), archived(String), unarchived(String), removed(String)
    case added(String, Int), alreadyIn(String)
    case statusSet(OfferStatus)
    case noteAdded
    case filtersApplied(String)
    case emptyProfile
    case missingOffer
    case nothingToAdd
    case failed(DossierError)

    public var isError: Bool { if case .failed = self { true } else { false } }
}

/// The texts of the dossier screens, in French (with its typography) and English.
extension Strings {
    /// French gets its non-breaking spaces (`Words`); English is as written.
    private func d(_ fr: String, _ en: String) -> String { Words(fr, en)(language) }
    private var fr: Bool { language == .fr }
    private func quoted(_ name: String) -> String { d("« \(TextCleaning.forDisplay(name)) »", "“\(TextCleaning.forDisplay(name))”") }

    func plural(_ n: Int, _ frOne: String, _ frMany: String, _ enOne: String, _ enMany: String) -> String {
        fr ? "\(n) " + (n > 1 ? frMany : frOne) : "\(n) " + (n == 1 ? enOne : enMany)
    }

    // MARK: Header

    func headerDossier(_ name: String) -> String { d("Dossier : ", "Dossier: ") + TextCleaning.forDisplay(name) }

    // MARK: The dossiers list

    var dossiersTitle: String { "Dossiers" }
    var archivedIncluded: String { d(" · archivés compris", " · archived included") }
    var dossiersLoading: String { d("Lecture des dossiers…", "Reading the dossiers…") }
    var dossiersEmpty: String { d("Aucun dossier pour l'instant.", "No dossier yet.") }
    var dossiersEmptyHint: String { d("n en crée un : son nom, puis le profil de l'association.", "n creates one: its name, then the association's profile.") }
    var dossiersAllArchived: String { d("Tous les dossiers sont archivés : v les montre.", "Every dossier is archived: v shows them.") }
    var currentTag: String { d("courant", "current") }
    var archivedTag: String { d("archivé", "archived") }
    func offerCount(_ n: Int) -> String { plural(n, "offre", "offres", "offer", "offers") }
    func followUpCount(_ n: Int) -> String { "\(n) " + d("à relancer", "to follow up") }
    var followUpTag: String { d("à relancer", "to follow up") }
    var noOffer: String { d("aucune offre", "no offer") }

    /// « 3 offres — à étudier 1 · contacté 2 » (statuses with no offer left out; `total: false`
    /// leaves out the number of offers).
    func statusSummary(_ dossier: Dossier, total: Bool = true) -> String {
        let counts = dossier.statusCounts
        let parts = OfferStatus.allCases.compactMap { s in counts[s].map { s.label(language) + " \($0)" } }
        guard !parts.isEmpty else { return noOffer }
        return (total ? offerCount(dossier.offers.count) + " — " : "") + parts.joined(separator: " · ")
    }

    var storeProblemTitle: String { d("La base des dossiers ne peut pas être utilisée.", "The dossiers database cannot be used.") }
    var restoreHint: String {
        d("Pour remettre une sauvegarde : catalyse dossier restore FICHIER (l'ancienne base est gardée à côté).",
          "To put a backup back: catalyse dossier restore FILE (the old database is kept beside it).")
    }
    var checkHint: String { d("catalyse dossier check vérifie la base.", "catalyse dossier check checks the database.") }
    var restOfInterfaceWorks: String {
        d("Le reste de l'interface fonctionne : Échap revient à la liste des offres ; R relit la base.",
          "The rest of the interface works: Esc goes back to the offer list; R reads the database again.")
    }

    // MARK: One dossier

    func dossierTitle(_ name: String) -> String { "Dossiers › " + TextCleaning.forDisplay(name) }
    var archivedDossier: String { d("Dossier archivé : dans la liste des dossiers, a le rend actif.", "Archived dossier: in the dossiers list, a makes it active again.") }
    func groupHeading(_ status: OfferStatus, _ n: Int) -> String { status.heading(language) + " (\(n))" }
    /// « depuis 3 jours », « depuis aujourd'hui ».
    func since(_ days: Int) -> String {
        if days <= 0 { return d("depuis aujourd'hui", "since today") }
        return d("depuis ", "for ") + plural(days, "jour", "jours", "day", "days")
    }
    func lastNote(_ day: String, _ text: String) -> String { d("Dernière note, \(day) : ", "Last note, \(day): ") + text }
    var missingOffer: String { d("n'est plus dans le catalogue", "no longer in the catalogue") }
    var noOfferInDossier: String { d("Aucune offre dans ce dossier.", "No offer in this dossier.") }
    var noOfferInDossierHint: String { d("Dans la liste ou une fiche, a ajoute l'offre au dossier courant.", "In the list or a sheet, a adds the offer to the current dossier.") }
    var profileHeading: String { d("Profil", "Profile") }
    var offersHeading: String { d("Offres", "Offers") }

    // MARK: History

    func historyTitle(_ name: String) -> String { d("Historique", "History") + " — " + TextCleaning.forDisplay(name) }
    var historyOrder: String { d("le plus récent d'abord", "most recent first") }
    func historyEvent(_ kind: DossierEvent.Kind, title: (String) -> String) -> String {
        let text: String
        switch kind {
        case .created: text = d("Dossier ouvert", "Dossier opened")
        case .added(let id): text = d("Offre ajoutée : ", "Offer added: ") + title(id)
        case let .status(id, from, to):
            text = title(id) + d(" : ", ": ") + (from.map { $0.label(language) + " → " } ?? "") + to.label(language)
        case let .note(id, note): text = d("Note sur ", "Note on ") + title(id) + d(" : ", ": ") + note
        case let .renamed(from, to): text = d("Renommé ", "Renamed ") + quoted(from) + " → " + quoted(to)
        case .archived: text = d("Archivé", "Archived")
        case .unarchived: text = d("Désarchivé", "Unarchived")
        case .imported(let file): text = d("Importé de ", "Imported from ") + file
        case .profileChanged: text = d("Profil modifié", "Profile changed")
        }
        return TextCleaning.forDisplay(text)
    }

    // MARK: The form

    var formTitle: String { d("Nouveau dossier", "New dossier") }
    var formName: String { d("Nom", "Name") }
    var formTerritory: String { d("Territoire", "Territory") }
    var formStage: String { d("Stade", "Stage") }
    var formBudget: String { d("Budget annuel", "Yearly budget") }
    var formEmployer: String { d("Emploi", "Staff") }
    var formNeeds: String { d("Besoins", "Needs") }
    var notStated: String { d("non précisé", "not stated") }
    var noNeed: String { d("aucun", "none") }
    var formHint: String {
        d("Seul le nom est obligatoire. Le profil sert à filtrer la liste (f dans le dossier).",
          "Only the name is required. The profile filters the list (f in the dossier).")
    }
    var formNeedsHint: String { d("Espace coche ou décoche un besoin.", "Space ticks or unticks a need.") }
    func unknownTerritory(_ text: String) -> String { d("Aucun lieu ne correspond à ", "No place matches ") + quoted(text) + "." }
    var saving: String { d("Enregistrement…", "Saving…") }

    // MARK: Dialogs

    var renameTitle: String { d("Renommer le dossier", "Rename the dossier") }
    var renameLabel: String { d("Nouveau nom : ", "New name: ") }
    var removeTitle: String { d("Supprimer le dossier", "Delete the dossier") }
    func removeQuestion(_ name: String, offers: Int) -> String {
        d("Supprimer ", "Delete ") + quoted(name) + d(" avec ", " with ") + offerCount(offers)
            + d(", ses notes et son historique ? Rien ne pourra être récupéré, sauf d'une sauvegarde.",
                ", its notes and its history? Nothing can be recovered, except from a backup.")
    }
    var removeKeys: String { d("o : supprimer · n : garder", "y: delete · n: keep") }
    var statusTitle: String { d("Statut de l'offre", "Status of the offer") }
    var currentStatus: String { d("(actuel)", "(current)") }
    var noteTitle: String { d("Note sur l'offre", "Note on the offer") }
    var chooserTitle: String { d("Ajouter à quel dossier ?", "Add to which dossier?") }
    var chooserEmpty: String { d("Aucun dossier actif : d ouvre les dossiers, n y en crée un.", "No active dossier: d opens the dossiers, n creates one there.") }

    // MARK: Export

    var exportDossierTitle: String { d("Exporter le dossier", "Export the dossier") }
    func scopeDossier(_ notes: Bool) -> String { notes ? d("Avec les notes", "With the notes") : d("Sans les notes", "Without the notes") }
    var exportLocation: String { d("Emplacement", "Location") }
    var dossierExportedLabel: String { d("Dossier exporté dans ", "Dossier exported to ") }

    // MARK: Notices

    func notice(_ n: DossierNotice) -> String {
        switch n {
        case .created(let name): d("Dossier ", "Dossier ") + quoted(name) + d(" créé ; c'est le dossier courant.", " created; it is the current dossier.")
        case .renamed(let name): d("Dossier renommé ", "Dossier renamed ") + quoted(name) + "."
        case .archived(let name): d("Dossier ", "Dossier ") + quoted(name) + d(" archivé (v montre les archivés).", " archived (v shows the archived ones).")
        case .unarchived(let name): d("Dossier ", "Dossier ") + quoted(name) + d(" de nouveau actif.", " active again.")
        case .removed(let name): d("Dossier ", "Dossier ") + quoted(name) + d(" supprimé.", " deleted.")
        case .added(let name, let n):
            (n == 1 ? d("Offre ajoutée au dossier ", "Offer added to the dossier ") : d("\(n) offres ajoutées au dossier ", "\(n) offers added to the dossier ")) + quoted(name) + "."
        case .alreadyIn(let name): d("Cette offre est déjà dans le dossier ", "This offer is already in the dossier ") + quoted(name) + "."
        case .statusSet(let status): d("Statut : ", "Status: ") + status.label(language) + "."
        case .noteAdded: d("Note ajoutée.", "Note added.")
        case .filtersApplied(let name): d("Filtres du dossier ", "Filters of the dossier ") + quoted(name) + d(" appliqués (x les efface).", " applied (x clears them).")
        case .emptyProfile: d("Le profil de ce dossier est vide : rien à filtrer.", "This dossier's profile is empty: nothing to filter.")
        case .missingOffer: d("Cette offre n'est plus dans le catalogue.", "This offer is no longer in the catalogue.")
        case .nothingToAdd: d("Aucune offre sélectionnée à ajouter.", "No offer selected to add.")
        case .failed(let error): fr ? Strings.typographic(TextCleaning.forDisplay(error.message(.fr))) : TextCleaning.forDisplay(error.message(.en))
        }
    }
}

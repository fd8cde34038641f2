/// What can go wrong with the dossiers: the database, or what a person asked for. Each case is
/// worded in both languages; the command line maps it to an exit status.
public enum DossierError: Error, Equatable, Sendable {
    /// The database file cannot be opened or read (permissions, a folder, a device…).
    case unreadable(path: String, reason: FileProblem)
    /// The file is not a database, or a damaged one; it is left untouched.
    case damaged(path: String, reason: FileProblem)
    /// The database was written by a newer version of Catalyse; it is left untouched.
    case newerVersion(path: String)
    /// An SQLite database of something else than Catalyse; it is left untouched.
    case foreign(path: String)
    /// A change could not be written (disk full, read-only folder…); nothing was changed.
    case unwritable(path: String, reason: FileProblem)
    /// Another dossier already has this name (accents and case ignored).
    case nameTaken(String)
    /// A name that is empty once cleaned.
    case emptyName
    case unknownDossier(String, suggestions: [String])
    case ambiguousDossier(String, candidates: [String])
    /// The offer is not in the dossier (`dossier add` first).
    case offerNotInDossier(dossier: String, offerID: String)
    /// An empty note.
    case emptyNote
    /// A dossier file to import that is not one, with where and what.
    case invalidImport(path: String, field: String, problem: Label)
    /// A backup that cannot be restored (`dossier restore`); the database was not touched.
    case unusableBackup(path: String, problem: BackupProblem)

    /// What is wrong with a backup.
    public enum BackupProblem: Sendable, Equatable {
        case unreadable(FileProblem)
        case damaged(FileProblem)
        /// An SQLite database, but not of Catalyse's dossiers.
        case foreign
        /// Written by a newer version of Catalyse.
        case newerVersion
    }

    public func message(_ language: Language) -> String {
        let fr = language == .fr
        func show(_ s: String) -> String { TextCleaning.forDisplay(s) }
        func quoted(_ s: String) -> String { fr ? "« \(show(s)) »" : "“\(show(s))”" }
        func list(_ names: [String]) -> String { names.prefix(8).map(quoted).joined(separator: ", ") + (names.count > 8 ? ", …" : "") }
        switch self {
        case let .unreadable(path, reason):
            return fr ? "Impossible d'ouvrir la base des dossiers \(show(path)) : \(reason.text(.fr))."
                      : "Cannot open the dossiers database \(show(path)): \(reason.text(.en))."
        case let .damaged(path, reason):
            return fr ? "La base des dossiers \(show(path)) est endommagée (\(reason.text(.fr))) ; elle n'a pas été modifiée. Restaurez une sauvegarde avec « catalyse dossier restore FICHIER »."
                      : "The dossiers database \(show(path)) is damaged (\(reason.text(.en))); it was left untouched. Restore a backup with “catalyse dossier restore FILE”."
        case let .newerVersion(path):
            return fr ? "La base des dossiers \(show(path)) a été écrite par une version plus récente de Catalyse ; elle n'a pas été modifiée. Mettez Catalyse à jour."
                      : "The dossiers database \(show(path)) was written by a newer version of Catalyse; it was left untouched. Update Catalyse."
        case let .foreign(path):
            return fr ? "\(show(path)) est une base SQLite qui n'est pas celle des dossiers de Catalyse ; elle n'a pas été modifiée."
                      : "\(show(path)) is an SQLite database that is not Catalyse's dossiers; it was left untouched."
        case let .unwritable(path, reason):
            return fr ? "Impossible d'enregistrer dans la base des dossiers \(show(path)) : \(reason.text(.fr)) ; rien n'a été modifié."
                      : "Cannot save to the dossiers database \(show(path)): \(reason.text(.en)); nothing was changed."
        case let .nameTaken(name):
            return fr ? "Un dossier s'appelle déjà \(quoted(name)) (les accents et les majuscules ne comptent pas)."
                      : "A dossier is already called \(quoted(name)) (accents and case do not count)."
        case .emptyName:
            return fr ? "Le nom du dossier est vide." : "The dossier's name is empty."
        case let .unknownDossier(name, suggestions):
            let base = fr ? "Aucun dossier ne s'appelle \(quoted(name))" : "No dossier is called \(quoted(name))"
            if suggestions.isEmpty { return base + (fr ? " ; « catalyse dossier list » les liste." : "; “catalyse dossier list” lists them.") }
            return base + (fr ? " ; vouliez-vous dire \(list(suggestions)) ?" : "; did you mean \(list(suggestions))?")
        case let .ambiguousDossier(name, candidates):
            return fr ? "\(quoted(name)) désigne plusieurs dossiers : \(list(candidates)) ; précisez le nom."
                      : "\(quoted(name)) fits several dossiers: \(list(candidates)); give more of the name."
        case let .offerNotInDossier(dossier, offerID):
            let typed = dossier.contains(" ") ? "\"\(show(dossier))\"" : show(dossier)
            return fr ? "L'offre \(show(offerID)) n'est pas dans le dossier \(quoted(dossier)) ; ajoutez-la d'abord avec « catalyse dossier add \(typed) \(show(offerID)) »."
                      : "The offer \(show(offerID)) is not in the dossier \(quoted(dossier)); add it first with “catalyse dossier add \(typed) \(show(offerID))”."
        case .emptyNote:
            return fr ? "La note est vide." : "The note is empty."
        case let .unusableBackup(path, problem):
            let why: String
            switch problem {
            case .unreadable(let p): why = p.text(language)
            case .damaged(let p): why = fr ? "elle est endommagée (\(p.text(.fr)))" : "it is damaged (\(p.text(.en)))"
            case .foreign: why = fr ? "ce n'est pas une sauvegarde des dossiers de Catalyse" : "it is not a backup of Catalyse's dossiers"
            case .newerVersion: why = fr ? "elle a été écrite par une version plus récente de Catalyse" : "it was written by a newer version of Catalyse"
            }
            return fr ? "La sauvegarde \(show(path)) ne peut pas être restaurée : \(why) ; la base des dossiers n'a pas été modifiée."
                      : "The backup \(show(path)) cannot be restored: \(why); the dossiers database was left untouched."
        case let .invalidImport(path, field, problem):
            return fr ? "\(show(path)) : \(show(field)) : \(problem.fr) ; rien n'a été importé."
                      : "\(show(path)): \(show(field)): \(problem.en); nothing was imported."
        }
    }
}

extension DossierError {
    /// Whether this is the database at `path` being damaged or not Catalyse's (not another file's).
    public func concerns(_ path: String) -> Bool {
        switch self {
        case .damaged(let p, _), .foreign(let p): p == path
        default: false
        }
    }
}

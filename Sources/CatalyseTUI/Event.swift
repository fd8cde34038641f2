import CatalyseCore

/// A key as the backend decodes it.
public enum Key: Sendable, Hashable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    /// Control + a letter (`ctrl("c")`). The terminal is in raw mode: Ctrl-C and Ctrl-Z come as
    /// keys, and the key tables turn them into `quit` and `suspend`.
    case ctrl(Character)
}

/// A mouse action at a cell.
public enum MouseAction: Sendable, Hashable { case press, wheelUp, wheelDown }

/// Everything that can happen to the interface: input, a new size, and the outcome of an effect.
/// Outcomes are typed (never ready-made text): the interface words them in the language it is
/// in when it draws them, so a message shown before `L` follows the switch.
public enum Event: Sendable, Equatable {
    case key(Key)
    /// Characters typed together (a paste): the same as their keys one after the other, but a
    /// text field takes them at once (and the search runs once).
    case text(String)
    case mouse(MouseAction, row: Int, column: Int)
    case resize(width: Int, height: Int)
    /// The favourites file after a change (or at start): the ids, in order.
    case favouritesLoaded([String])
    /// A favourites change failed (the optimistic change is undone).
    case favouritesFailed(FavouritesError)
    /// The favourites could not be read at start (corrupt or unreadable file).
    case favouritesUnreadable(FavouritesError)
    /// An export was written at this path.
    case exportWritten(path: String)
    /// An export could not be written (`.exists`: the dialog asks whether to replace the file).
    case exportFailed(WriteFailure)
    /// The dossiers after a dossier effect: every dossier (archived ones too), the follow-up
    /// delay and the moment they were read at, and what was done (`DossierOutcome`).
    case dossiersLoaded(DossierSnapshot, DossierOutcome)
    /// A dossier effect failed: the database could not be opened or read, or the change was refused.
    case dossierFailed(DossierError)
    /// Text was sent to the terminal's clipboard (OSC 52); a terminal does not confirm it.
    case copied(CopyTarget, text: String)
    /// The text could not be sent to the terminal.
    case copyFailed(FileProblem)
    /// The past searches, oldest first, after reading or recording one.
    case searchHistoryLoaded([String])
    /// The search history file could not be read (it is left untouched) or written.
    case searchHistoryFailed(SearchHistoryError)
    /// What is new and the saved searches (at start, and after each news effect).
    case newsLoaded(News, searches: [SavedSearch])
    /// The saved searches after one was saved or removed, and what to say.
    case savedSearchesChanged([SavedSearch], NewsNotice)
    /// The dossiers database cannot be used for the news (at start), or a news effect failed.
    case newsUnavailable(DossierError)
    /// The self-assessment's answers could not be kept in the state folder.
    case assessmentNotSaved(WriteFailure)
}

/// Work the interface asks the program to do outside the pure update: an `EffectPerformer`
/// performs it and the loop sends back the resulting event (`quit` and `suspend` are the loop's).
public enum Effect: Sendable, Hashable {
    case toggleFavourite(id: String)
    /// Undo: puts a removed favourite back, before `before` when it is still a favourite.
    case restoreFavourite(id: String, before: String?)
    /// Sends text to the terminal's clipboard (OSC 52); answers `copied` or `copyFailed`.
    case copyToClipboard(text: String, target: CopyTarget)
    /// Reads the search history; answers `searchHistoryLoaded` or `searchHistoryFailed`.
    case loadSearchHistory
    /// Adds a search to the history (under its lock, with what other sessions added); answers
    /// `searchHistoryLoaded` or `searchHistoryFailed`.
    case recordSearch(String)
    case writeExport(path: String, contents: String, overwrite: Bool)
    case saveLanguage(Language)
    /// The dossiers, one effect per user action (`Dossiers/DossierModel.swift`); each answers
    /// `dossiersLoaded` or `dossierFailed`.
    case loadDossiers
    case createDossier(DossierProfile)
    case renameDossier(DossierRef, to: String)
    case archiveDossier(DossierRef, archived: Bool)
    case removeDossier(DossierRef)
    case addToDossier(DossierRef, offerIDs: [String])
    case setOfferStatus(DossierRef, offerID: String, status: OfferStatus)
    case addDossierNote(DossierRef, offerID: String, text: String)
    /// Keeps the current dossier (nil: none) for the next session; answers nothing.
    case rememberCurrentDossier(Int64?)
    /// What is new (`News/`): marks cleared (a sheet opened, `M`), a search saved or removed;
    /// each answers `newsLoaded`, `savedSearchesChanged` or `newsUnavailable`.
    case markNewsSeen(ids: [String])
    case saveSearch(SavedSearch)
    case removeSavedSearch(name: String)
    /// Keeps the self-assessment's answers (an answers file) in the state folder; answers
    /// nothing, or `assessmentNotSaved`.
    case saveAssessment(String)
    case quit
    case suspend
}

/// Why a file could not be written, with its cause, as the interface words it.
public struct WriteFailure: Sendable, Equatable {
    public enum Cause: Sendable, Equatable {
        /// The file exists and was not to be replaced.
        case exists
        /// The folder the file goes in does not exist, or is not a folder: that folder.
        case missingFolder(String)
        /// Any other failure, in words given as they are.
        case system(String)
        /// Any other failure, worded in the interface's language when drawn (not a regular
        /// file, a system error…).
        case problem(FileProblem)
    }

    public var path: String
    public var cause: Cause

    public init(path: String, cause: Cause) {
        self.path = path
        self.cause = cause
    }

    /// The cause of a failed `AtomicFile.write`.
    public init(_ error: AtomicFile.WriteError) {
        path = error.path
        switch error.problem {
        case .exists: cause = .exists
        case .missingFolder: cause = .missingFolder(WriteFailure.folder(of: error.path))
        case .described(let words): cause = .system(words)
        case let other: cause = .problem(other)
        }
    }

    /// The folder part of a path: `/tmp/x` for `/tmp/x/a.txt`, `/` for `/a.txt`, empty for `a.txt`.
    static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }
}

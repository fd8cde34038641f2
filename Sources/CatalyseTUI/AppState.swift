import CatalyseCore

/// The screens of the interface. Prompts (search, territory) and the export dialog are drawn
/// over the main list; these are the screens they sit on.
public enum Screen: Sendable, Equatable {
    /// The offer list (with the selected offer's sheet beside it on a wide terminal).
    case list
    /// One offer's sheet: full screen, or beside the list (focused) on a wide terminal.
    case sheet
    /// The filter panel: every facet with its counts.
    case filters
    /// The help screen with every key.
    case help
    /// The list of firms.
    case firms
    /// One firm: presentation, contact and offers.
    case firm
    /// The dossiers (`d`), one dossier, and its history (`Dossiers/`).
    case dossiers, dossier, dossierHistory
    /// The map of France (`m`) and the selected région's départements (`+`) (`Map/`).
    case map, mapDepartments
    /// The self-assessment (`n`): one question, the result, a pathway (`Assessment/`).
    case assessment, assessmentResult, pathway
}

/// A short message in the footer (an export written, favourites that could not be saved).
/// Information goes with the next key; an error is shown in full (wrapped) and stays until Esc
/// or an action on the favourites. It holds what happened, not words: it is worded in the
/// language of the frame that shows it.
public struct StatusMessage: Sendable, Equatable {
    public enum Content: Sendable, Equatable {
        /// A favourites change could not be saved.
        case favouritesNotSaved(FavouritesError)
        /// The favourites file could not be read at start.
        case favouritesUnreadable(FavouritesError)
        /// An export was written at this path.
        case exportWritten(path: String)
        /// An export could not be written (the dialog was closed before the answer).
        case exportFailed(WriteFailure)
        /// Enter on a favourite whose offer is gone.
        case missingOfferCannotOpen
        /// `L` with `--lang`: the switch is for this session only.
        case languageLocked
        /// Something about the dossiers (`DossierNotice`).
        case dossier(DossierNotice)
        /// A dossier was exported at this path.
        case dossierExported(path: String)
        /// Undo, a filter removed, a copy, an unknown key, the search history (`InterfaceNotice`).
        case notice(InterfaceNotice)
        /// What is new and the saved searches (`NewsNotice`).
        case news(NewsNotice)
        /// The self-assessment's answers could not be kept in the state folder.
        case assessmentNotSaved(WriteFailure)
    }

    public var content: Content

    public init(_ content: Content) { self.content = content }

    public var isError: Bool {
        switch content {
        case .favouritesNotSaved, .favouritesUnreadable, .exportFailed, .assessmentNotSaved: true
        case .exportWritten, .missingOfferCannotOpen, .languageLocked, .dossierExported: false
        case .dossier(let notice): notice.isError
        case .notice(let notice): notice.isError
        case .news(let notice): notice.isError
        }
    }

    /// The message in the language of `strings`.
    func text(_ strings: Strings) -> String {
        switch content {
        case .favouritesNotSaved(let error): strings.favouritesFailed(error)
        case .favouritesUnreadable(let error): strings.favouritesUnreadableMessage(error)
        case .exportWritten(let path): strings.exportWritten(TextCleaning.forDisplay(path))
        case .exportFailed(let failure): strings.exportFailed(failure)
        case .missingOfferCannotOpen: strings.missingCannotOpen
        case .languageLocked: strings.languageLocked
        case .dossier(let notice): strings.notice(notice)
        case .dossierExported(let path): strings.dossierExportedLabel + TextCleaning.forDisplay(path)
        case .notice(let notice): notice.text(strings)
        case .news(let notice): strings.newsNotice(notice)
        case .assessmentNotSaved(let failure): strings.assessmentNotSaved(failure)
        }
    }

    /// When the text ends with a file path: that path, shortened in its folder part (never in
    /// the file name) when the line is too narrow.
    var path: String? {
        if case .exportWritten(let path) = content { return TextCleaning.forDisplay(path) }
        if case .dossierExported(let path) = content { return TextCleaning.forDisplay(path) }
        return nil
    }
}

/// A row of the offer list: an offer of the catalogue (its index in `catalogue.offers`), or a
/// favourite whose offer is no longer in the catalogue (its id).
enum ListRow: Equatable {
    case offer(Int)
    case missing(String)
}

struct SearchPrompt: Sendable, Equatable {
    var field: TextField
    /// The search text before the prompt opened, restored by Esc.
    var previous: String
    /// The past search shown (Ctrl-P / Ctrl-N), as an index in the history; nil: the text typed.
    var historyIndex: Int? = nil
    /// The text typed before Ctrl-P, given back by Ctrl-N past the newest search.
    var draft = ""
}

struct TerritoryPrompt: Sendable, Equatable {
    var field = TextField()
    var candidates: [Place] = []
    var scroll = ScrollState()
    var selection: Int { scroll.selection }
}

enum Prompt: Sendable, Equatable {
    case search(SearchPrompt)
    case territory(TerritoryPrompt)
    /// `/` in the firm browser: the firm list follows the typing.
    case firmSearch(SearchPrompt)
    /// A small menu over the screen (`p`: the purposes, `y`: what to copy).
    case menu(Menu)
}

struct FirmBrowserState: Sendable, Equatable {
    /// The firm list: indices into `AppState.firmOrder` ("↓ more" on its last row when there is more).
    var list = ScrollState(marksMore: true)
    /// Index in `catalogue.firms` of the firm shown by the firm view.
    var firm: Int? = nil
    /// Index into the shown firm's offers.
    var offerSelection = 0
    /// The firm view's lines; its selection is the line of the selected offer.
    var document = ScrollState(marksMore: true)
    /// The firm search (`/`), and the firms it lets through (indices in `catalogue.firms`, in
    /// `firmOrder`'s order; nil: every firm).
    var query = ""
    var matches: [Int]? = nil
}

/// The whole interface state: a value. `update(_:)` turns an event into a new state and the
/// effects to perform; `render()` draws it into a grid. Neither does any I/O.
public struct AppState: Sendable {
    /// Below this size the screen only says that the terminal is too small.
    public static let minimumWidth = 60
    public static let minimumHeight = 15
    public static var minimumSize: (width: Int, height: Int) { (minimumWidth, minimumHeight) }
    /// Below this width the sheet never shows beside the list.
    public static let splitWidth = 100
    /// The side sheet shows only where the list beside it keeps a title column this wide.
    public static let minimumSplitTitle = 30

    public let index: SearchIndex
    public var catalogue: Catalogue { index.catalogue }
    public internal(set) var language: Language
    /// True when `--lang` was given: `L` still switches, but the choice is not saved.
    public let languageLocked: Bool
    public let today: Day
    public let noColor: Bool
    public internal(set) var width: Int
    public internal(set) var height: Int
    /// Where default export file names go (the current folder).
    public let exportDirectory: String
    /// The home folder, for `~` in the export dialog (nil: `~` is left as typed).
    public let homeDirectory: String?

    /// Favourite offer ids, in the order of the favourites file (optimistic after a toggle).
    public internal(set) var favourites: [String]
    var favouriteSet: Set<String>
    /// The favourites as the store last confirmed them (restored when a change fails).
    var confirmedFavourites: [String]
    /// Favourites whose offer is not in this catalogue, in favourites order.
    public internal(set) var missingFavourites: [String] = []

    /// The user's filter: search text and facet selections (favourites-only is kept apart).
    public internal(set) var filter = OfferFilter()
    public internal(set) var favouritesOnly = false
    /// The last query result; re-run only when the filter or the favourites-only set changes.
    public internal(set) var result: QueryResult
    /// How many times the query ran (tests: a paste searches once).
    var queriesRun = 0
    /// When the list is empty: what would help (worded in the current language).
    public internal(set) var emptyHelp: EmptyResultHelp? = nil

    /// The offer list: rows of `row(_:)`.
    var list = ScrollState()
    var selection: Int { list.selection }
    var stack: [Screen] = [.list]
    var sheetOffer: Int? = nil
    var sheetScroll = 0
    /// The filter panel: indices into `panelRows` (the selection is always a value row).
    var panel = ScrollState()
    var helpScroll = 0
    var firms = FirmBrowserState()
    var prompt: Prompt? = nil
    var export: ExportDialog? = nil
    /// The dossiers: the store's last answer, the current dossier, their screens and dialogs.
    var dossiers = DossiersState()
    /// What `u` can take back, and the order the filters were added in (⌫ removes the last).
    var undo = UndoState()
    /// The past searches (Ctrl-P / Ctrl-N in the search prompt), as the store last gave them.
    var searchHistory = SearchHistoryState()
    /// The map (`m`): the selected région and its départements' scroll.
    var map = MapState()
    /// The self-assessment: its questionnaire, the answers, the result and the pathway (`Assessment/`).
    var assessment = AssessmentState()
    public internal(set) var status: StatusMessage? = nil
    /// The favourites file could not be read at start: favourites cannot be shown or changed
    /// until the store answers again (a note on the filters line says so).
    public internal(set) var favouritesUnavailable = false
    /// What is new and the saved searches (`News/NewsState.swift`).
    var news = NewsState()

    /// Firms in French alphabetical order (indices in `catalogue.firms`).
    let firmOrder: [Int]

    /// Which catalogue is in effect, for the header (`nil`: not said, as in most tests).
    public var origin: CatalogueOrigin? = nil

    public init(index: SearchIndex, favourites: [String], language: Language, languageLocked: Bool,
                today: Day, noColor: Bool, width: Int, height: Int, exportDirectory: String, homeDirectory: String? = nil) {
        self.index = index
        self.language = language
        self.languageLocked = languageLocked
        self.today = today
        self.noColor = noColor
        self.width = max(0, width)
        self.height = max(0, height)
        self.exportDirectory = exportDirectory
        self.homeDirectory = homeDirectory
        self.favourites = favourites
        self.favouriteSet = Set(favourites)
        self.confirmedFavourites = favourites
        let firms = index.catalogue.firms
        self.firmOrder = firms.indices.sorted { TextFolding.frenchLess(firms[$0].name, firms[$1].name) }
        self.result = index.run(OfferFilter(), counts: true)
        self.missingFavourites = favourites.filter { index.catalogue.index(ofOffer: $0) == nil }
    }

    // MARK: Public read-only view of the state (for the backend and tests)

    /// The screen on top.
    public var screen: Screen { stack.last ?? .list }
    /// Whether a prompt (search or territory) or the export dialog is open.
    public var isPromptOpen: Bool { prompt != nil || export != nil || dossiers.dialog != nil }
    /// Whether the terminal is below the minimum size.
    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }
    /// Rows of the list: the offers listed, plus missing favourites in the favourites-only view.
    public var rowCount: Int { result.offers.count + (favouritesOnly ? missingFavourites.count : 0) }
    /// The status message in the current language, if one is shown or kept.
    public var statusText: String? { status?.text(strings) }
    /// The id of the selected row's offer (or missing favourite), if any.
    public var selectedID: String? {
        guard selection < rowCount else { return nil }
        switch row(selection) {
        case .offer(let i): return catalogue.offers[i].id
        case .missing(let id): return id
        }
    }

    var strings: Strings { Strings(language) }

    func row(_ i: Int) -> ListRow {
        let n = result.offers.count
        return i < n ? .offer(result.offers[i]) : .missing(missingFavourites[i - n])
    }

    func isFavourite(_ offerIndex: Int) -> Bool { favouriteSet.contains(catalogue.offers[offerIndex].id) }

    /// The filter actually run: the user's filter, limited to the favourites in that view.
    var effectiveFilter: OfferFilter {
        var f = filter
        if favouritesOnly { f.onlyIDs = Set(favourites) }
        if let ids = newsFilterIDs { f.onlyIDs = f.onlyIDs.map { $0.intersection(ids) } ?? ids }
        return f
    }

    // MARK: Changing the filter

    /// Runs the query again after a filter change. Keeps the selected offer selected when it is
    /// still listed; `resetSelection` (a new search text) goes to the top instead.
    mutating func requery(resetSelection: Bool = false) {
        let previous = resetSelection ? nil : (selection < rowCount ? row(selection) : nil)
        result = index.run(effectiveFilter, counts: true, refining: result)
        queriesRun += 1
        syncFilterOrder()
        // Not found any more: stay at the same place in the list (clamped).
        var target = resetSelection ? 0 : selection
        if let previous {
            switch previous {
            case .offer(let i):
                if let at = result.offers.firstIndex(of: i) { target = at }
            case .missing(let id):
                if favouritesOnly, let at = missingFavourites.firstIndex(of: id) { target = result.offers.count + at }
            }
        }
        if resetSelection { list.scroll(to: 0) }
        list.fit(count: rowCount, height: layout.listHeight, selecting: target)
        refreshEmptyHelp()
    }

    /// Works out what would help an empty list (nothing to do for a list with offers).
    mutating func refreshEmptyHelp() {
        emptyHelp = rowCount == 0 ? index.help(for: effectiveFilter, language: language) : nil
    }

    mutating func setFilter(_ newFilter: OfferFilter, resetSelection: Bool = false) {
        guard newFilter != filter else { return }
        // The panel's rows depend on the filter (the départements chosen are listed): its
        // highlight stays on the same facet value when rows come or go above it.
        let panelValue = stack.contains(.filters) ? selectedPanelValue : nil
        filter = newFilter
        requery(resetSelection: resetSelection)
        if let panelValue { keepPanelSelection(on: panelValue) }
    }

    mutating func setFavourites(_ ids: [String]) {
        let sheetWasFavourite = sheetOffer.map(isFavourite)
        favourites = ids
        favouriteSet = Set(ids)
        missingFavourites = ids.filter { catalogue.index(ofOffer: $0) == nil }
        if favouritesOnly {
            requery()
        } else {
            clampList()
        }
        keepSheetInPlace(wasFavourite: sheetWasFavourite)
    }

    mutating func clearEverything() {
        let panelValue = stack.contains(.filters) ? selectedPanelValue : nil
        filter = OfferFilter()
        favouritesOnly = false
        requery()
        if let panelValue { keepPanelSelection(on: panelValue) }
    }

    // MARK: Scrolling

    /// Keeps the selection in range and visible in the list viewport.
    mutating func clampList(_ l: Layout? = nil) {
        list.fit(count: rowCount, height: (l ?? layout).listHeight)
    }

    /// Keeps every scroll position valid for the current size (after a resize, a language switch,
    /// a message that takes footer rows). The layout is computed once for all of them.
    mutating func clampAll() {
        let l = layout
        clampList(l)
        clampSheet(l)
        clampHelp(l)
        clampPanel(l)
        clampFirms(l)
        clampTerritory(l)
        clampDossiers(l)
        clampMap(l)
        clampAssessment(l)
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing
import Glibc

/// A terminal that replays a script of inputs and keeps every frame it is given.
final class FakeBackend: TerminalBackend {
    var size: (width: Int, height: Int)
    private var script: [BackendInput]
    /// The size the terminal has after a suspension (resized while the shell had it).
    var sizeAfterSuspend: (width: Int, height: Int)?
    private(set) var frames: [Grid] = []
    private(set) var suspensions = 0
    /// Whether the loop read past the end of the script (it should have quit before).
    private(set) var ranOut = false

    init(width: Int = 80, height: Int = 24, _ script: [BackendInput]) {
        size = (width, height)
        self.script = script
    }

    func nextInput() -> BackendInput {
        guard !script.isEmpty else {
            ranOut = true
            return .signal(SIGHUP)
        }
        return script.removeFirst()
    }

    func draw(_ grid: Grid) { frames.append(grid) }

    func suspend() {
        suspensions += 1
        if let sizeAfterSuspend { size = sizeAfterSuspend }
    }

    var lastFrame: Grid { frames.last ?? Grid(width: 0, height: 0) }
}

/// Keys as backend input; text typed one character at a time.
func keys(_ keys: Key...) -> [BackendInput] { keys.map { .event(.key($0)) } }
func typed(_ text: String) -> [BackendInput] { text.map { .event(.key(.char($0))) } }

/// The effects performed in memory: a favourites list that can be made to fail, files in a
/// dictionary, folders that exist or not.
struct FakePerformer: EffectPerformer {
    var favourites: [String] = []
    /// When set, every favourites change fails with this error.
    var favouritesFailure: FavouritesError? = nil
    var files: [String: String] = [:]
    var folders: Set<String> = ["/home/asso"]
    /// What was sent to the clipboard, in order.
    var clipboard: [String] = []
    /// The search history in memory, and a failure every history effect answers when set.
    var history: [String] = []
    var historyFailure: SearchHistoryError? = nil
    /// The dossiers, in memory (`FakeDossiers`, in `DossierFixtures.swift`).
    var dossiers = FakeDossiers()
    /// The news and saved searches, in memory (`FakeNews`, in `NewsTUITests.swift`).
    var news = FakeNews()
    private(set) var performed: [Effect] = []

    mutating func perform(_ effect: Effect) -> Event? {
        performed.append(effect)
        switch effect {
        case .toggleFavourite(let id):
            if let favouritesFailure { return .favouritesFailed(favouritesFailure) }
            if let i = favourites.firstIndex(of: id) { favourites.remove(at: i) } else { favourites.append(id) }
            return .favouritesLoaded(favourites)
        case .writeExport(let path, let contents, let overwrite):
            let folder = WriteFailure.folder(of: path)
            guard folders.contains(folder) else { return .exportFailed(WriteFailure(path: path, cause: .missingFolder(folder))) }
            if files[path] != nil && !overwrite { return .exportFailed(WriteFailure(path: path, cause: .exists)) }
            files[path] = contents
            return .exportWritten(path: path)
        case .saveLanguage, .rememberCurrentDossier:
            return nil
        case .restoreFavourite(let id, let before):
            if let favouritesFailure { return .favouritesFailed(favouritesFailure) }
            if !favourites.contains(id) {
                if let before, let at = favourites.firstIndex(of: before) { favourites.insert(id, at: at) } else { favourites.append(id) }
            }
            return .favouritesLoaded(favourites)
        case .copyToClipboard(let text, let target):
            clipboard.append(text)
            return .copied(target, text: text)
        case .loadSearchHistory:
            if let historyFailure { return .searchHistoryFailed(historyFailure) }
            return .searchHistoryLoaded(history)
        case .recordSearch(let text):
            if let historyFailure { return .searchHistoryFailed(historyFailure) }
            history.removeAll { $0 == text }
            history.append(text)
            return .searchHistoryLoaded(history)
        case .loadDossiers, .createDossier, .renameDossier, .archiveDossier, .removeDossier, .addToDossier, .setOfferStatus, .addDossierNote:
            return dossiers.perform(effect)
        case .markNewsSeen, .saveSearch, .removeSavedSearch:
            return news.perform(effect)
        case .saveAssessment(let contents):
            files["autodiagnostic.yaml"] = contents
            return nil
        case .quit, .suspend:
            Issue.record("the loop handed \(effect) to the performer")
            return nil
        }
    }
}

@Suite("Event loop (fake backend, fake performer)")
struct LoopTests {
    func loop(_ backend: FakeBackend, performer: FakePerformer = FakePerformer(), favourites: [String] = [],
              language: Language = .fr, pending: [Event] = []) -> EventLoop<FakeBackend, FakePerformer> {
        let state = AppState(index: Fixture.smallIndex, favourites: favourites, language: language, languageLocked: false,
                             today: Fixture.today, noColor: false, width: backend.size.width, height: backend.size.height,
                             exportDirectory: "/home/asso")
        return EventLoop(state: state, backend: backend, performer: performer, pending: pending)
    }

    /// The footer's error lines (in the error style from their first cell), joined, with
    /// non-breaking spaces read as spaces.
    func footerError(_ grid: Grid) -> String {
        (0..<grid.height).filter { grid.width > 0 && grid[$0, 0].style.color == .error }
            .map { grid.lines[$0].trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    @Test("Keys in, frames out: a first frame before any key, one after each input handled, none when idle")
    func framesFollowInput() {
        let backend = FakeBackend(keys(.down) + [.idle, .idle] + keys(.down, .char("q")))
        var l = loop(backend)
        #expect(l.run() == .quit)
        #expect(!backend.ranOut)
        #expect(backend.frames.count == 3)
        #expect(backend.frames.map { $0.cursor?.row } == [3, 4, 5])
        #expect(backend.frames[0].lines[3].contains("Gouvernance partagée"))
        #expect(l.state.selectedID == "eclat-diagnostic")
        #expect(l.performer.performed.isEmpty)
    }

    @Test("Favourites round trip: Space asks the store, its answer shows; again removes it")
    func favouritesRoundTrip() {
        let backend = FakeBackend(keys(.char(" ")) + [.idle] + keys(.down, .char(" "), .up, .char(" "), .char("q")))
        var l = loop(backend)
        #expect(l.run() == .quit)
        #expect(l.performer.performed == [.toggleFavourite(id: "fusee-gouvernance"), .toggleFavourite(id: "fusee-relais"),
                                          .toggleFavourite(id: "fusee-gouvernance")])
        #expect(l.performer.favourites == ["fusee-relais"])
        #expect(l.state.favourites == ["fusee-relais"])
        // The frame after the first Space (and its answer) shows the star; the last one only the second offer's.
        #expect(backend.frames[1].lines[3].hasPrefix("★ "))
        #expect(backend.lastFrame.lines[3].hasPrefix("  "))
        #expect(backend.lastFrame.lines[4].hasPrefix("★ "))
    }

    @Test("A favourites failure undoes the star, says why, and follows L into English")
    func favouritesFailureFollowsLanguage() {
        let failure = FavouritesError.unwritable(path: "/home/asso/.local/state/catalyse/favourites", reason: .system(EACCES))
        let backend = FakeBackend(keys(.char(" ")) + [.idle] + keys(.char("L"), .char("q")))
        var l = loop(backend, performer: FakePerformer(favouritesFailure: failure))
        #expect(l.run() == .quit)
        let french = backend.frames[1]
        #expect(french.lines[3].hasPrefix("  "))
        #expect(footerError(french) == ("Favoris non enregistrés : Impossible d'enregistrer les favoris dans /home/asso/.local/state/catalyse/favourites : permission refusée."))
        let english = backend.lastFrame
        #expect(english.lines[0].hasSuffix("7 / 7 offers"))
        #expect(footerError(english) == "Favourites not saved: Cannot save the favourites to /home/asso/.local/state/catalyse/favourites: Permission denied.")
        #expect(l.performer.performed == [.toggleFavourite(id: "fusee-gouvernance"), .saveLanguage(.en)])
    }

    @Test("Export: a missing folder is said in the dialog; an existing file asks; o replaces it; the status names the file")
    func exportFailureAndOverwrite() {
        let path = "/home/asso/catalyse-selection-2026-11-26.txt"
        // A name in a folder that does not exist.
        var script = keys(.char("e"))
        script += Array(repeating: .event(.key(.backspace)), count: 40)
        script += typed("/nulle/part/liste.txt") + keys(.enter)
        // Then the default name, which exists already: asked, then replaced.
        script += keys(.escape, .char("e"), .enter, .char("o"), .char("q"))
        let backend = FakeBackend(script)
        var performer = FakePerformer(favourites: ["eclat-reseau"])
        performer.files[path] = "ancien contenu"
        var l = loop(backend, performer: performer, favourites: ["eclat-reseau"])
        #expect(l.run() == .quit)
        let missing = backend.frames.first { $0.text.contains("Export impossible") }
        #expect(missing?.text.contains("Export impossible\u{00A0}: le dossier /nulle/part n'existe pas") == true)
        #expect(missing?.text.contains("Exporter la sélection") == true)
        let asking = backend.frames.first { $0.text.contains("Le remplacer") }
        #expect(asking?.text.contains("Le fichier existe déjà\u{00A0}: " + path) == true)
        #expect(l.performer.performed.count == 3)
        #expect(l.performer.performed.last.map { if case .writeExport(_, _, let overwrite) = $0 { overwrite } else { false } } == true)
        #expect(l.performer.files[path]?.contains("Mise en réseau régionale") == true)
        #expect(backend.lastFrame.lines[23].hasPrefix("Sélection exportée dans " + path))
    }

    @Test("Ctrl-Z suspends through the backend; the next frame has the size the terminal has on return")
    func suspendResizes() {
        let backend = FakeBackend(keys(.ctrl("z"), .char("q")))
        backend.sizeAfterSuspend = (120, 30)
        var l = loop(backend)
        #expect(l.run() == .quit)
        #expect(backend.suspensions == 1)
        #expect(backend.frames.map(\.width) == [80, 120])
        #expect(backend.lastFrame.height == 30)
        #expect(l.performer.performed.isEmpty)
    }

    @Test("A resize from the backend redraws at the new size")
    func resize() {
        let backend = FakeBackend([.event(.resize(width: 40, height: 10))] + keys(.char("q")))
        var l = loop(backend)
        #expect(l.run() == .quit)
        #expect(backend.lastFrame.width == 40)
        #expect(backend.lastFrame.text.contains("terminal trop petit"))
    }

    @Test("A signal stops the loop at once, with its number")
    func signalStops() {
        let backend = FakeBackend(keys(.down) + [.signal(SIGTERM)] + keys(.down))
        var l = loop(backend)
        #expect(l.run() == .signal(SIGTERM))
        #expect(backend.frames.count == 2)
        #expect(l.state.selectedID == "fusee-relais")
    }

    @Test("Events pending at start (unreadable favourites) show in the first frame")
    func pendingEvents() {
        let error = FavouritesError.corrupt(path: "/home/asso/favourites", line: 2, text: "pas un id")
        let backend = FakeBackend(keys(.char("q")))
        var l = loop(backend, pending: [.favouritesUnreadable(error)])
        #expect(l.run() == .quit)
        #expect(backend.frames.count == 1)
        #expect(footerError(backend.frames[0]).contains("illisible à la ligne 2"))
        #expect(backend.frames[0].lines[1].contains("favoris indisponibles"))
    }
}

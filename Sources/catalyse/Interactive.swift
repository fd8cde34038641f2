import ArgumentParser
import CatalyseCore
import CatalyseTerminal
import CatalyseTUI
import Foundation
import Glibc

/// `catalyse` without a subcommand: the interface on a terminal, else the list. This only wires
/// things together: the ncurses backend, the state, the performer of effects, and the event loop
/// (`EventLoop`, in the interface layer) that runs them.
enum Interactive {
    /// With `assessment` (`catalyse autodiagnostic`), the interface opens on its first question
    /// (or where it was left); otherwise `n` opens it with the embedded questionnaire.
    static func run(_ global: GlobalOptions, assessment: Questionnaire? = nil) throws {
        let environment = global.environment
        let loaded = try global.loadCatalogue()
        let index = loaded.searchIndex()
        guard Terminal.isUsable(environment: environment) else {
            try printList(index, global)
            return
        }
        let today = try global.printedDay()
        let store = FavouritesStore(environment: environment)
        let preference = LanguagePreference(environment: environment)
        let locked = global.lang != nil
        let language = locked ? global.language : (preference.load() ?? global.language)
        var favourites: [String] = []
        var pending: [Event] = []
        do throws(FavouritesError) {
            favourites = try store.load()
        } catch {
            pending.append(.favouritesUnreadable(error))
        }

        Signals.install()
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        guard let terminal = Terminal(noColor: noColor) else {
            try printList(index, global)
            return
        }
        defer { terminal.shutdown() }
        let size = terminal.size
        var state = AppState(index: index, favourites: favourites, language: language,
                             languageLocked: locked, today: today, noColor: noColor,
                             width: size.width, height: size.height,
                             exportDirectory: FileManager.default.currentDirectoryPath,
                             homeDirectory: environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory())
        let source = global.source
        var serial: Int? = nil
        if case .updated = source { serial = Updater.currentManifest(Updater.Paths(environment: environment))?.serial }
        state.origin = CatalogueOrigin(source, serial: serial)
        let progress = AssessmentProgress(environment: environment)
        let questionnaire = assessment ?? QuestionnaireReader.embedded()
        state.setAssessment(questionnaire, saved: progress.load(questionnaire))
        if assessment != nil { state.startAssessment() }
        let dossiers = DossierAccess(path: DossierStore.defaultPath(environment: environment))
        // The last session's current dossier: the store is read before the first frame.
        let currentDossier = CurrentDossierPreference(environment: environment)
        if state.resumeCurrentDossier(currentDossier.load()), let answer = dossiers.perform(.loadDossiers) { pending.append(answer) }
        // What is new, worked out before the first frame (the alerts show at once).
        let news = NewsPerformer(dossiers: dossiers, catalogue: loaded.catalogue, today: today)
        pending.append(news.start())
        var loop = EventLoop(state: state, backend: terminal,
                             performer: StorePerformer(favourites: store, language: preference, dossiers: dossiers,
                                                       searchHistory: SearchHistoryStore(environment: environment), news: news, assessment: progress,
                                                       currentDossier: currentDossier),
                             pending: pending)
        switch loop.run() {
        case .quit:
            return
        case .signal(let signal):
            terminal.shutdown()
            throw ExitCode(signal == SIGINT ? 0 : 128 + signal)
        }
    }

    /// What `catalyse list` prints, with a one-line note on stderr.
    static func printList(_ index: SearchIndex, _ global: GlobalOptions) throws {
        let language = global.language
        let offers = index.run(OfferFilter(), counts: false).offers
        Output.note(language == .fr
            ? "catalyse : pas de terminal interactif (entrée ou sortie redirigée, ou TERM inconnu) ; voici la liste (catalyse list)."
            : "catalyse: not an interactive terminal (redirected input or output, or unknown TERM); printing the list (catalyse list).")
        ListCommand.print(offers, catalogue: index.catalogue, language: language, terminal: Output.stdoutIsTerminal)
    }
}

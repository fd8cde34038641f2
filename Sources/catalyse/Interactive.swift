import ArgumentParser
import CatalyseCore
import CatalyseTerminal
import CatalyseTUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `catalyse` without a subcommand: the interface on a terminal, else the list. This is the
/// event loop: it feeds events to the pure interface state, performs the effects it returns,
/// and draws each new frame.
enum Interactive {
    static func run(_ global: GlobalOptions) throws {
        let environment = global.environment
        let loaded = try global.loadCatalogue()
        let index = loaded.searchIndex()
        guard Terminal.isUsable(environment: environment) else {
            try printList(index, global)
            return
        }
        let store = FavouritesStore(environment: environment)
        let preference = LanguagePreference(environment: environment)
        let locked = global.lang != nil
        let language = locked ? global.language : (preference.load() ?? global.language)
        var favourites: [String] = []
        var startupError: String? = nil
        do { favourites = try store.load() } catch { startupError = error.message(language) }

        Signals.install()
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        guard let terminal = Terminal(noColor: noColor) else {
            try printList(index, global)
            return
        }
        defer { terminal.shutdown() }
        let size = terminal.size
        var state = AppState(index: index, favourites: favourites, language: language,
                             languageLocked: locked, today: Day.printed(environment: environment), noColor: noColor,
                             width: size.width, height: size.height,
                             exportDirectory: FileManager.default.currentDirectoryPath)
        var queue: [Event] = []
        if let startupError { queue.append(.favouritesUnreadable(startupError)) }
        var dirty = true
        while true {
            while !queue.isEmpty {
                let event = queue.removeFirst()
                dirty = true
                for effect in state.update(event) {
                    switch effect {
                    case .quit:
                        return
                    case .suspend:
                        terminal.suspend()
                        let s = terminal.size
                        queue.append(.resize(width: s.width, height: s.height))
                    case .toggleFavourite(let id):
                        do {
                            _ = try store.toggle(id)
                            queue.append(.favouritesLoaded(try store.load()))
                        } catch {
                            queue.append(.favouritesFailed(error.message(state.language)))
                        }
                    case .writeExport(let path, let contents, let overwrite):
                        switch AtomicFile.write(Array(contents.utf8), to: path, overwrite: overwrite) {
                        case .success: queue.append(.exportWritten(path: path))
                        case .failure(let e): queue.append(.exportFailed(message: exportFailure(e, state.language), exists: e.kind == .exists))
                        }
                    case .saveLanguage(let language):
                        preference.save(language)
                    }
                }
            }
            if let signal = Signals.pending {
                terminal.shutdown()
                throw ExitCode(signal == SIGINT ? 0 : 128 + signal)
            }
            if dirty {
                terminal.draw(state.render())
                dirty = false
            }
            if let event = terminal.nextEvent() { queue.append(event) }
        }
    }

    /// Why an export could not be written, in the interface's language.
    static func exportFailure(_ e: AtomicFile.WriteError, _ language: Language) -> String {
        let folder = TextCleaning.forDisplay((e.path as NSString).deletingLastPathComponent)
        switch (e.kind, language) {
        case (.exists, .fr): return "le fichier existe déjà"
        case (.exists, .en): return "the file already exists"
        case (.missingFolder, .fr): return "le dossier \(folder.isEmpty ? "." : folder) n'existe pas"
        case (.missingFolder, .en): return "the folder \(folder.isEmpty ? "." : folder) does not exist"
        case (.other, _): return e.reason  // the system's own words (strerror)
        }
    }

    /// What `catalyse list` prints, with a one-line note on stderr.
    static func printList(_ index: SearchIndex, _ global: GlobalOptions) throws {
        let language = global.language
        let offers = index.run(OfferFilter(), counts: false).offers
        Output.error(language == .fr
            ? "catalyse : pas de terminal interactif (entrée ou sortie redirigée, ou TERM inconnu) ; voici la liste (catalyse list)."
            : "catalyse: not an interactive terminal (redirected input or output, or unknown TERM); printing the list (catalyse list).")
        ListCommand.print(offers, catalogue: index.catalogue, language: language, terminal: Output.stdoutIsTerminal)
    }
}

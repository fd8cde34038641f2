import ArgumentParser
import CatalyseCore
import CatalyseTerminal
import Foundation
import Glibc

extension Catalyse {
    /// The entry point (it takes the place of swift-argument-parser's `main`): the standard
    /// streams made safe (`StandardStreams`), the fatal-signal handlers (`FatalSignals`), the
    /// command line folded and bounded (`ArgumentFolding`), then the command run. Help, version
    /// and errors of the parser are written like everything else, so that a failed write ends
    /// with status 74 rather than going unnoticed.
    static func main() {
        StandardStreams.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        Output.language = ArgumentFolding.language(arguments, environment: ProcessInfo.processInfo.environment)
        FatalSignals.install(language: Output.language)
        var status: Int32 = 0
        // The manual page (hidden: scripts/generate-manual.sh writes docs/man/ with it).
        if arguments.first == "--generate-manual" {
            if let tree = CommandTree.of(Catalyse.self) {
                Output.out(ManualPage.render(tree, version: version, Output.language))
            }
            Glibc.exit(StandardStreams.finalStatus(0))
        }
        if asksVersion(arguments) {
            var environment = ProcessInfo.processInfo.environment
            environment["LC_ALL"] = Output.language == .fr ? "fr_FR.UTF-8" : "en_GB.UTF-8"
            Output.out(versionText(environment) + "\n")
            Glibc.exit(StandardStreams.finalStatus(0))
        }
        switch ArgumentFolding.fold(arguments) {
        case .tooLong(let count):
            let limit = ArgumentFolding.limit
            _ = Output.usage(
                fr: "la ligne de commande compte \(count) mots une fois les options répétées regroupées ; la limite est de \(limit) (donnez les identifiants en plusieurs fois).",
                en: "the command line has \(count) words once repeated options are merged; the limit is \(limit) (give the ids in several calls).")
            status = ExitStatus.usage
        case .folded(let folded):
            if let message = ParserErrors.unknownHelpTopic(folded, Output.language) {
                Output.error((Output.language == .fr ? "catalyse : " : "catalyse: ") + message)
                Glibc.exit(StandardStreams.finalStatus(ExitStatus.usage))
            }
            do {
                var command = try parseAsRoot(folded)
                try command.run()
            } catch {
                status = report(error)
            }
        }
        Glibc.exit(StandardStreams.finalStatus(status))
    }

    /// Writes what the parser has to say about `error` (help and version on stdout, errors on
    /// stderr) and returns the status. Help is reworded in the user's language
    /// (`HelpWording`), parser errors are worded by the program (`ParserErrors`); an `ExitCode`
    /// thrown by a command has written its message already.
    static func report(_ error: any Error) -> Int32 {
        let code = exitCode(for: error).rawValue
        let language = Output.language
        if let problem = ParserErrors.problem(error), !ParserErrors.answers.contains(problem.kind) || code != 0 {
            if let message = ParserErrors.message(problem, language) {
                Output.error((language == .fr ? "catalyse : " : "catalyse: ") + message)
            }
            return code
        }
        var text = fullMessage(for: error)
        if let problem = ParserErrors.problem(error), problem.kind == "helpRequested" {
            text = HelpWording.translate(text, language)
        }
        if !text.isEmpty {
            if code == 0 { Output.out(text.hasSuffix("\n") ? text : text + "\n") } else { Output.error(text) }
        }
        return code
    }
}

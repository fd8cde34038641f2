import ArgumentParser
import CatalyseCore
import Foundation

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a catalogue into the fast .catalyse form (validated catalogue and search index).",
        discussion: """
            Checks the source with every rule of `validate`, then writes the catalogue and its \
            search index to OUTPUT, which must end in `.catalyse`. catalyse opens such a file by \
            mapping it into memory, without parsing or indexing: use it for catalogues of tens of \
            thousands of offers. Compile again after each change to the source. The output is \
            replaced atomically if it exists.

            Examples:
              catalyse compile annuaire.json -o annuaire.catalyse
              catalyse list --catalogue annuaire.catalyse --query "strat compet"
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The catalogue to compile (.yaml, .json, or a .catalyse to copy; default: the catalogue in effect).")
    var file: String?

    @Option(name: .shortAndLong, help: "The compiled file to write (ends in .catalyse).")
    var output: String

    func validate() throws {
        guard output.lowercased().hasSuffix(".catalyse") else {
            throw ValidationError(global.language == .fr
                ? "le fichier compilé doit se terminer par .catalyse (c'est ainsi qu'il est reconnu)."
                : "the compiled file must end in .catalyse (that is how it is recognised).")
        }
    }

    func run() throws {
        let language = global.language
        let source: CatalogueSource = file.map { .file($0) } ?? global.source
        let loaded = try Output.loadOrExit(source, language)
        for w in loaded.warnings { Output.error(w.description) }
        let parts = CompiledWriter.parts(loaded.searchIndex())
        let size = parts.reduce(0) { $0 + $1.count }
        let path = TextCleaning.forDisplay(output)
        switch AtomicFile.write(parts: parts, to: output, overwrite: true) {
        case .success:
            let c = loaded.catalogue
            let mib = String(format: "%.1f", Double(size) / 1_048_576)
            Output.error(language == .fr
                ? "\(path)\u{00A0}: \(c.firms.count) cabinets, \(c.offers.count) offres, \(mib) Mio."
                : "\(path): \(c.firms.count) firms, \(c.offers.count) offers, \(mib) MiB.")
        case .failure(let e):
            Output.error(language == .fr ? "catalyse\u{00A0}: impossible d'écrire \(path)\u{00A0}: \(e.reason)." : "catalyse: cannot write \(path): \(e.reason).")
            throw ExitCode(ExitStatus.cantCreate)
        }
    }
}

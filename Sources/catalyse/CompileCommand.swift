import ArgumentParser
import CatalyseCore
import Foundation

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: loc("Compiler un catalogue sous la forme rapide .catalyse (catalogue validé et index de recherche).", "Compile a catalogue into the fast .catalyse form (validated catalogue and search index)."),
        discussion: loc("""
            Vérifie la source avec toutes les règles de `validate`, puis écrit le catalogue et son \
            index de recherche dans SORTIE, qui doit se terminer par `.catalyse`. catalyse ouvre un \
            tel fichier en le projetant en mémoire, sans l'analyser ni l'indexer : à utiliser pour \
            des catalogues de dizaines de milliers d'offres. Compilez de nouveau après chaque \
            modification de la source. La sortie est remplacée de façon atomique si elle existe.

            Exemples :
              catalyse compile annuaire.json -o annuaire.catalyse
              catalyse list --catalogue annuaire.catalyse --query "strat compet"
            """, """
            Checks the source with every rule of `validate`, then writes the catalogue and its \
            search index to OUTPUT, which must end in `.catalyse`. catalyse opens such a file by \
            mapping it into memory, without parsing or indexing: use it for catalogues of tens of \
            thousands of offers. Compile again after each change to the source. The output is \
            replaced atomically if it exists.

            Examples:
              catalyse compile annuaire.json -o annuaire.catalyse
              catalyse list --catalogue annuaire.catalyse --query "strat compet"
            """)
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .loc("Le catalogue à compiler (.yaml, .json, ou un .catalyse à copier ; par défaut : le catalogue en vigueur).", "The catalogue to compile (.yaml, .json, or a .catalyse to copy; default: the catalogue in effect).", value: ("fichier", "file")))
    var file: String?

    @Option(name: .shortAndLong, help: .loc("Le fichier compilé à écrire (se termine par .catalyse).", "The compiled file to write (ends in .catalyse).", value: ("fichier", "file")))
    var output: String

    func validate() throws {
        if file == "" { throw Output.usage(fr: "le catalogue à compiler est un nom vide.", en: "the catalogue to compile is an empty name.") }
        guard output.lowercased().hasSuffix(".catalyse") else {
            throw Output.usage(fr: "le fichier compilé doit se terminer par .catalyse (c'est ainsi qu'il est reconnu).",
                               en: "the compiled file must end in .catalyse (that is how it is recognised).")
        }
    }

    func run() throws {
        let language = global.language
        let source: CatalogueSource = file.map { .file($0) } ?? global.source
        // A large YAML or JSON file has its offers encoded as records while its firms are read
        // (kept beside the output), so the whole catalogue never exists as values.
        let loaded = try Output.loadOrExit(source, language, keeping: .records(beside: output))
        for w in loaded.warnings { Output.note(w.description(language)) }
        let streamed = loaded.streamed
        let index = streamed == nil ? loaded.searchIndex() : nil
        let path = TextCleaning.forDisplay(output)
        // Written as it is made: the compiled form is never whole in memory.
        var size = 0
        let written = AtomicFile.write(to: output, overwrite: true) { emit in
            let counted: (UnsafeRawBufferPointer) -> Bool = { part in size += part.count; return emit(part) }
            if let streamed { return CompiledWriter.write(streamed, counted) }
            return CompiledWriter.write(index!, counted)
        }
        switch written {
        case .success:
            let (firms, offers) = streamed.map { ($0.firms.count, $0.offerCount) } ?? (loaded.catalogue.firms.count, loaded.catalogue.offers.count)
            let mib = String(format: "%.1f", Double(size) / 1_048_576)
            let mibFR = mib.replacingOccurrences(of: ".", with: ",")  // 0,1 Mio
            Output.note(language == .fr
                ? "\(path) : \(firms) cabinets, \(offers) offres, \(mibFR)\u{00A0}Mio."
                : "\(path): \(firms) firms, \(offers) offers, \(mib) MiB.")
        case .failure(let e):
            Output.error(language == .fr ? "catalyse : impossible d'écrire \(path) : \(e.problem.text(.fr))." : "catalyse: cannot write \(path): \(e.problem.text(.en)).")
            throw ExitCode(ExitStatus.cantCreate)
        }
    }
}

import ArgumentParser
import CatalyseCore
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: loc("Lister les offres qui répondent à des filtres et à une recherche.", "List the offers that match filters and a search."),
        discussion: loc("""
            Les filtres se combinent en ET d'une option à l'autre, et en OU quand une option est \
            répétée. Dans un terminal, la sortie est un tableau à sa largeur ; sinon une offre par \
            ligne, séparée par des tabulations : identifiant, cabinet, titre, finalité, format, \
            territoires (rien de coupé).

            Exemples :
              catalyse list --purpose strategique --territory "hauts de france"
              catalyse list --kind mise-en-reseau --kind relais-communication --mode a-distance
              catalyse list --query "modele socio" --counts
              catalyse list --territory 59000 --json
              catalyse list --firm lanterne-boussole
              catalyse list --new          # seulement les offres nouvelles ou modifiées depuis la dernière fois

            Avec --json, chaque offre a aussi "news" : "new", "changed" ou null (les nouveautés \
            sont tenues dans la base des dossiers ; la première ouverture d'un catalogue ne marque rien).
            """, """
            Filters combine with AND across options and OR when an option is repeated. On a \
            terminal the output is a table that fits its width; otherwise one offer per line, \
            tab-separated: id, firm, title, purpose, format, territories (nothing truncated).

            Examples:
              catalyse list --purpose strategique --territory "hauts de france"
              catalyse list --kind mise-en-reseau --kind relais-communication --mode a-distance
              catalyse list --query "modele socio" --counts
              catalyse list --territory 59000 --json
              catalyse list --firm lanterne-boussole
              catalyse list --new          # only the offers new or changed since last seen

            With --json each offer also has "news": "new", "changed" or null (what is new is \
            kept in the dossiers database; the first opening of a catalogue marks nothing).
            """)
    )

    @OptionGroup var global: GlobalOptions
    @OptionGroup var filters: FilterOptions

    @Flag(name: .long, help: .loc("Donner aussi, pour chaque valeur de facette, combien d'offres la liste compterait en la choisissant.", "Also give, for each facet value, how many offers selecting it would list."))
    var counts = false

    @Flag(name: .long, help: .loc("Imprimer du JSON (un tableau d'offres ; avec --counts, un objet avec les offres et les facettes).", "Print JSON (an array of offers; with --counts an object with offers and facets)."))
    var json = false

    @Option(name: .long, help: .loc("Seulement les offres de ce cabinet (son identifiant, première colonne de `catalyse firms`). À répéter pour OU.", "Only the offers of this firm (its id, first column of `catalyse firms`). Repeat for OR.", value: ("id", "id")))
    var firm: [String] = []

    @Flag(name: .customLong("new"), help: .loc("Seulement les offres nouvelles ou modifiées depuis qu'elles ont été vues (dans l'interface).", "Only the offers new or changed since they were last seen (in the interface)."))
    var onlyNew = false

    func run() throws {
        let language = global.language
        let selection = try Selection(global, filters, counts: counts, firms: firm, onlyNew: onlyNew, news: json || onlyNew)
        let (catalogue, result) = (selection.catalogue, selection.result)
        if json {
            let offers = selection.offers
            let news = selection.news
            try Output.json(language) { () throws(JSONOutput.EncodingError) in
                counts ? try JSONOutput.offersWithCounts(offers, catalogue, result.counts, news: news) : try JSONOutput.offers(offers, catalogue, news: news)
            }
            if result.offers.isEmpty { ListCommand.printEmpty(selection, onlyNew: onlyNew, language: language, terminal: false) }
            return
        }
        ListCommand.print(result.offers, catalogue: catalogue, language: language, terminal: Output.stdoutIsTerminal)
        if counts { Output.out("\n" + ListCommand.renderCounts(result.counts, language: language)) }
        if result.offers.isEmpty { ListCommand.printEmpty(selection, onlyNew: onlyNew, language: language) }
    }

    /// Nothing listed: with `--new` and nothing new, since when (on standard error); else what
    /// would help.
    static func printEmpty(_ selection: Selection, onlyNew: Bool, language: Language, terminal: Bool = Output.stdoutIsTerminal) {
        if onlyNew {
            // Without the database the note has been given already.
            guard let news = selection.news else { return }
            let day = news.since.long(language)
            if news.isEmpty {
                Output.note(language == .fr ? "catalyse : rien de nouveau depuis le \(day)." : "catalyse: nothing new since \(day).")
            } else {
                let n = news.count
                Output.note(language == .fr
                    ? "catalyse : aucune des \(n) nouveautés depuis le \(day) ne correspond à ces filtres."
                    : "catalyse: none of the \(n) new or changed offers since \(day) matches these filters.")
            }
            return
        }
        printHelp(selection, loaded: selection.index, language: language, terminal: terminal)
    }

    /// Nothing found: what would help, on standard error (the exit status stays 0). On a
    /// terminal the table already said that nothing matches.
    static func printHelp(_ selection: Selection, loaded index: SearchIndex, language: Language, terminal: Bool) {
        let lines = index.help(for: selection.filter, language: language).lines(language)
        let opening = language == .fr ? "catalyse" + Typography.colon(.fr) + "aucune offre ne correspond." : "catalyse: no offer matches."
        let all = (terminal ? [] : [opening]) + lines
        if !all.isEmpty { Output.error(all.joined(separator: "\n")) }
    }

    /// Prints the human list of the offers at `indices`: a table on a terminal, tab-separated
    /// lines otherwise (written as they are made, so a long list starts at once and costs no
    /// more memory than a buffer).
    static func print(_ indices: [Int], catalogue: Catalogue, language: Language, terminal: Bool) {
        if terminal {
            Output.out(render(indices.map { catalogue.offers[$0] }, catalogue: catalogue, language: language))
            return
        }
        // Bytes, not a growing String: appending to a String cost some 330 instructions a piece.
        var out: [UInt8] = []
        out.reserveCapacity(80 * 1024)
        func add(_ text: String, then separator: UInt8) {
            out.append(contentsOf: text.utf8)
            out.append(separator)
        }
        for i in indices {
            let offer = catalogue.offers.row(i)
            add(Output.tsvField(offer.id), then: 0x09)
            add(Output.tsvField(catalogue.firms[catalogue.firmIndex(of: i)].name), then: 0x09)
            add(Output.tsvField(offer.title), then: 0x09)
            add(offer.purpose.code, then: 0x09)
            add(offer.format.code, then: 0x09)
            for (k, place) in offer.territories.enumerated() {
                if k > 0 { out.append(0x2C) }
                out.append(contentsOf: place.code.utf8)
            }
            out.append(0x0A)
            if out.count >= 64 * 1024 {
                Output.out(String(decoding: out, as: UTF8.self))
                out.removeAll(keepingCapacity: true)
            }
        }
        Output.out(String(decoding: out, as: UTF8.self))
    }

    /// The table shown on a terminal (`ListTable`: the id is never cut).
    static func render(_ offers: [Offer], catalogue: Catalogue, language: Language, width: Int = Output.terminalWidth) -> String {
        let fr = language == .fr
        let count = fr ? "\(offers.count) offre\(offers.count > 1 ? "s" : "") sur \(catalogue.offers.count)" : "\(offers.count) of \(catalogue.offers.count) offers"
        if offers.isEmpty { return (fr ? "Aucune offre ne correspond." : "No offer matches.") + " (\(count))\n" }
        return ListTable.render(offers, catalogue: catalogue, language: language, width: width) + count + "\n"
    }

    static func renderCounts(_ counts: FacetCounts, language: Language) -> String {
        var rows: [[String]] = []
        for facet in Facet.allCases {
            let label = facet.label.text(language)
            guard let coded = facet.coded else {
                for place in [Place.national] + Territories.regionCodes.map(Place.region) {
                    rows.append([label, place.code, place.name(language), String(counts.count(.territory, place.code))])
                }
                continue
            }
            for value in coded.values { rows.append([label, value.code, value.label.text(language), String(counts.count(facet, value.code))]) }
        }
        let header = language == .fr ? ["FACETTE", "CODE", "VALEUR", "OFFRES"] : ["FACET", "CODE", "VALUE", "OFFERS"]
        if Output.stdoutIsTerminal { return Output.table(header, rows, width: Output.terminalWidth, shrink: [2]) }
        return rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }
}

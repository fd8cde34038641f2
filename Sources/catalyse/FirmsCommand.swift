import ArgumentParser
import CatalyseCore

struct FirmsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firms",
        abstract: "List the consulting firms of the catalogue.",
        discussion: "Tab-separated when not on a terminal: id, name, head office département, year joined, number of offers."
    )

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    func run() throws {
        let language = global.language
        let catalogue = try global.loadCatalogue().catalogue
        if json { try Output.json(global.language) { () throws(JSONOutput.EncodingError) in try JSONOutput.firms(catalogue) }; return }
        let firms = catalogue.firms.sorted { TextFolding.frenchLess($0.name, $1.name) }
        let rows = firms.map { firm in
            [firm.id, firm.name, Place.department(firm.headquarters).displayName(language), String(firm.joined), String(firm.offerIndices.count)]
        }
        if Output.stdoutIsTerminal {
            let header = language == .fr ? ["ID", "CABINET", "SIÈGE", "DEPUIS", "OFFRES"] : ["ID", "FIRM", "HEAD OFFICE", "SINCE", "OFFERS"]
            Output.out(Output.table(header, rows, width: Output.terminalWidth, shrink: [1, 2]))
            if catalogue.illustrative {
                Output.out(language == .fr ? "Catalogue illustratif\u{00A0}: ces cabinets sont fictifs.\n" : "Illustrative catalogue: these firms are fictional.\n")
            }
        } else {
            Output.out(rows.map { $0.map(Output.tsvField).joined(separator: "\t") }.joined(separator: "\n") + (rows.isEmpty ? "" : "\n"))
        }
    }
}

struct TerritoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "territories",
        abstract: "List the régions (R + INSEE code) and départements (INSEE code) accepted by --territory.",
        discussion: "One place per line: code, name, and for a département its région's code."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let language = global.language
        var out = "national\t\(Place.national.name(language))\n"
        for code in Territories.regionCodes {
            out += "R\(code)\t\(Territories.regionNames[code]!)\n"
            for d in Territories.departments(ofRegion: code) { out += "\(d.code)\t\(d.name)\tR\(d.region)\n" }
        }
        Output.out(out)
    }
}

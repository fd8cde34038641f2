import ArgumentParser
import CatalyseCore

struct FirmsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firms",
        abstract: loc("Lister les cabinets de conseil du catalogue, ou afficher la page d'un cabinet avec ses offres.", "List the consulting firms of the catalogue, or show one firm's page with its offers."),
        discussion: loc("""
            Séparés par des tabulations hors d'un terminal : identifiant, nom, département du siège, \
            année d'arrivée, nombre d'offres. Avec l'identifiant d'un cabinet : sa page \
            (présentation, siège, contact, site web, année d'arrivée, source) et ses offres ; \
            `catalyse list --firm ID` liste ces offres comme toute liste.

            Exemples :
              catalyse firms
              catalyse firms lanterne-boussole
              catalyse firms lanterne-boussole --json
            """, """
            Tab-separated when not on a terminal: id, name, head office département, year joined, \
            number of offers. With a firm's id: its page (presentation, head office, contact, \
            website, year joined, source) and its offers; `catalyse list --firm ID` lists those \
            offers like any list.

            Examples:
              catalyse firms
              catalyse firms lanterne-boussole
              catalyse firms lanterne-boussole --json
            """)
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .loc("L'identifiant d'un cabinet (première colonne de `catalyse firms`) : afficher sa page.", "A firm's id (first column of `catalyse firms`): show its page.", value: ("id-cabinet", "firm-id")))
    var firmID: String?

    @Flag(name: .long, help: .loc("Imprimer du JSON.", "Print JSON."))
    var json = false

    func run() throws {
        let language = global.language
        let catalogue = try global.loadCatalogue().catalogue
        NewsAccess.recordFirstOpening(catalogue, global)
        if let firmID {
            let firm = try FirmsCommand.resolve(firmID, in: catalogue, language: language)
            if json { try Output.json(language) { () throws(JSONOutput.EncodingError) in try JSONOutput.firmPage(firm, catalogue) }; return }
            Output.out(FirmsCommand.page(firm, catalogue: catalogue, language: language, width: Output.stdoutIsTerminal ? Output.terminalWidth : 80))
            return
        }
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

extension FirmsCommand {
    /// The firm with this id, or exit 1 with the nearest ids and names.
    static func resolve(_ id: String, in catalogue: Catalogue, language: Language) throws -> Firm {
        if let firm = catalogue.firm(id: id) { return firm }
        let names = catalogue.firms.map(\.id) + catalogue.firms.map(\.name)
        let near = Suggestions.nearest(id, among: names).map { name in catalogue.firms.first { $0.name == name }?.id ?? name }
        var seen = Set<String>()
        let ids = near.filter { seen.insert($0).inserted }
        let shown = TextCleaning.forDisplay(id)
        Output.error(ids.isEmpty
            ? (language == .fr ? "catalyse : aucun cabinet n'a l'identifiant « \(shown) » ; `catalyse firms` donne les identifiants."
                               : "catalyse: no firm has the id '\(shown)'; `catalyse firms` shows the ids.")
            : (language == .fr ? "catalyse : aucun cabinet n'a l'identifiant « \(shown) »" : "catalyse: no firm has the id '\(shown)'")
                + Nearest.didYouMean(ids, language))
        throw ExitCode(ExitStatus.notFound)
    }

    /// One firm's page as text, wrapped to `width`: name, facts, presentation, its offers.
    static func page(_ firm: Firm, catalogue: Catalogue, language: Language, width: Int) -> String {
        let fr = language == .fr
        var lines = [firm.name, String(repeating: "─", count: min(max(10, CellWidth.of(firm.name)), width))]
        if catalogue.illustrative { lines.append(fr ? "(Catalogue illustratif : cabinet fictif.)" : "(Illustrative catalogue: fictional firm.)") }
        var contact = "\(firm.contact.name) <\(firm.contact.email)>"
        if let phone = firm.contact.phone { contact += " · " + phone }
        var fields: [(String, String)] = [
            (fr ? "Siège" : "Head office", Place.department(firm.headquarters).displayName(language)),
            ("Contact", contact),
        ]
        if let site = firm.website { fields.append((fr ? "Site web" : "Website", site)) }
        fields.append((fr ? "Dans le programme depuis" : "In the programme since", String(firm.joined)))
        fields.append(("Source", firm.provenance.source + " (" + (fr ? "vérifié le " : "checked ") + firm.provenance.verified.long(language) + ")"))
        let labelWidth = fields.map { CellWidth.of($0.0) }.max() ?? 0
        for (label, value) in fields {
            let wrapped = TextWrap.paragraphs(value, width: max(20, width - labelWidth - 2))
            lines.append(CellWidth.pad(label, to: labelWidth) + "  " + (wrapped.first ?? ""))
            for l in wrapped.dropFirst() { lines.append(String(repeating: " ", count: labelWidth + 2) + l) }
        }
        lines.append("")
        lines += TextWrap.paragraphs(TextWrap.trimmedBlock(firm.presentation), width: max(20, width))
        lines.append("")
        let offers = firm.offerIndices.map { catalogue.offers[$0] }
        let n = offers.count
        lines.append(fr ? "Offres (\(n))" : "Offers (\(n))")
        // Each offer in a few lines, nothing cut: its title, its purpose and format, its id.
        for offer in offers {
            lines += TextWrap.lines(offer.title, first: max(20, width - 2), rest: max(20, width - 4)).enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
            let facts = offer.purpose.shortLabel.text(language) + " · " + offer.format.label(language)
            lines += TextWrap.lines(facts, first: max(20, width - 4), rest: max(20, width - 4)).map { "    " + $0 }
            lines.append("    " + offer.id)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

struct TerritoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "territories",
        abstract: loc("Lister les régions (R + code INSEE) et les départements (code INSEE) qu'accepte --territory.", "List the régions (R + INSEE code) and départements (INSEE code) accepted by --territory."),
        discussion: loc("Un lieu par ligne : code, nom, et pour un département le code de sa région.", "One place per line: code, name, and for a département its région's code.")
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

import ArgumentParser
import CatalyseCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the full sheet of an offer.",
        discussion: "Example: catalyse show $(catalyse list --query coaching | head -1 | cut -f1)"
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The offer's id (first column of `catalyse list`).")
    var offerID: String

    func run() throws {
        let language = global.language
        let catalogue = try global.loadCatalogue().catalogue
        guard let offer = catalogue.offer(id: offerID) else {
            Output.error(language == .fr
                ? "catalyse : aucune offre n'a l'identifiant « \(TextCleaning.forDisplay(offerID)) » ; `catalyse list` donne les identifiants."
                : "catalyse: no offer has the id '\(TextCleaning.forDisplay(offerID))'; `catalyse list` shows the ids.")
            throw ExitCode(ExitStatus.notFound)
        }
        Output.out(ShowCommand.sheet(offer, catalogue: catalogue, language: language, width: Output.stdoutIsTerminal ? Output.terminalWidth : 80))
    }

    /// The sheet as text, wrapped to `width`.
    static func sheet(_ offer: Offer, catalogue: Catalogue, language: Language, width: Int) -> String {
        let firm = catalogue.firm(of: offer)
        var lines = [offer.title, String(repeating: "─", count: min(max(10, CellWidth.of(offer.title)), width))]
        if catalogue.illustrative {
            lines.append(language == .fr ? "(Catalogue illustratif : cabinet et offre fictifs.)" : "(Illustrative catalogue: fictional firm and offer.)")
        }
        let fields = OfferSheet.fields(offer, firm, language)
        let labelWidth = fields.map { CellWidth.of($0.label) }.max() ?? 0
        for field in fields {
            let label = CellWidth.pad(field.label, to: labelWidth) + "  "
            let wrapped = TextWrap.paragraphs(field.value, width: max(20, width - labelWidth - 2))
            lines.append(label + (wrapped.first ?? ""))
            for l in wrapped.dropFirst() { lines.append(String(repeating: " ", count: labelWidth + 2) + l) }
        }
        lines.append(CellWidth.pad("Id", to: labelWidth) + "  " + offer.id)
        return lines.joined(separator: "\n") + "\n"
    }
}

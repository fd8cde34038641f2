import ArgumentParser
import CatalyseCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: loc("Imprimer la fiche complète d'une offre.", "Print the full sheet of an offer."),
        discussion: loc("""
            Avec --why, la fiche dit aussi, une ligne par filtre donné (les mêmes options que \
            `catalyse list`), pourquoi l'offre est dans cette liste, ou quel filtre l'en écarte.

            Exemples :
              catalyse show $(catalyse list --query coaching | head -1 | cut -f1)
              catalyse show lanterne-boussole-diagnostic-strategique --why --territory 59 --query strat
            """, """
            With --why, the sheet also says, one line per filter given (the same options as \
            `catalyse list`), why the offer is in that list, or which filter leaves it out.

            Examples:
              catalyse show $(catalyse list --query coaching | head -1 | cut -f1)
              catalyse show lanterne-boussole-diagnostic-strategique --why --territory 59 --query strat
            """)
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: .loc("L'identifiant de l'offre (première colonne de `catalyse list`).", "The offer's id (first column of `catalyse list`).", value: ("id-offre", "offer-id")))
    var offerID: String

    @Flag(name: .long, help: .loc("Dire pourquoi l'offre est dans la liste que donnent les filtres (une ligne par filtre).", "Say why the offer is in the list the filters give (one line per filter)."))
    var why = false

    @OptionGroup(title: loc("Filtres (avec --why)", "Filters (with --why)")) var filters: FilterOptions

    func validate() throws {
        if !why, try filters.facetFilter() != OfferFilter() || filters.favourites {
            throw Output.usage(fr: "les options de filtre de show vont avec --why (catalyse show ID --why --territory 59).", en: "the filter options of show go with --why (catalyse show ID --why --territory 59).")
        }
    }

    func run() throws {
        let language = global.language
        let catalogue = try global.loadCatalogue().catalogue
        NewsAccess.recordFirstOpening(catalogue, global)
        guard let offer = catalogue.offer(id: offerID) else {
            Output.error(Nearest.unknownOffer(offerID, catalogue, language))
            throw ExitCode(ExitStatus.notFound)
        }
        var reasons: [WhyListed.Line]? = nil
        if why {
            let store = FavouritesStore(environment: global.environment)
            let (filter, favourites) = try filters.filter(favouritesStore: store, language: language)
            reasons = WhyListed.lines(offer, firm: catalogue.firm(of: offer), filter: filter,
                                      isFavourite: favourites.contains(offer.id), language: language)
        }
        let width = Output.stdoutIsTerminal ? Output.terminalWidth : 80
        Output.out(ShowCommand.sheet(offer, catalogue: catalogue, language: language, width: width, why: reasons))
    }

    /// The « why » block: a heading, then one line per filter, wrapped to `width` under it.
    static func whyLines(_ reasons: [WhyListed.Line], language: Language, width: Int) -> [String] {
        let fr = language == .fr
        guard !reasons.isEmpty else {
            return [Typography.french(fr ? "Pourquoi cette offre : aucun filtre, elle est dans la liste complète." : "Why this offer: no filter, it is in the whole list.")]
        }
        let heading = reasons.allSatisfy(\.passes)
            ? (fr ? "Pourquoi cette offre :" : "Why this offer:")
            : (fr ? "Cette offre n'est pas dans la liste de ces filtres :" : "This offer is not in the list of these filters:")
        var lines = [Typography.french(heading)]
        for reason in reasons {
            let wrapped = TextWrap.lines(reason.text, first: max(20, width - 4), rest: max(20, width - 6))
            lines.append((reason.passes ? "  " : "✗ ") + (wrapped.first ?? ""))
            lines += wrapped.dropFirst().map { "    " + $0 }
        }
        return lines
    }

    /// The sheet as text, wrapped to `width`; with `why`, the reasons after the title.
    static func sheet(_ offer: Offer, catalogue: Catalogue, language: Language, width: Int, why: [WhyListed.Line]? = nil) -> String {
        let firm = catalogue.firm(of: offer)
        var lines = [offer.title, String(repeating: "─", count: min(max(10, CellWidth.of(offer.title)), width))]
        if catalogue.illustrative {
            lines.append(language == .fr ? Typography.french("(Catalogue illustratif : cabinet et offre fictifs.)") : "(Illustrative catalogue: fictional firm and offer.)")
        }
        if let why {
            lines += whyLines(why, language: language, width: width)
            lines.append("")
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

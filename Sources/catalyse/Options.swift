import ArgumentParser
import CatalyseCore
import Foundation

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Catalogue file to use: YAML, JSON (.json) or compiled (.catalyse). Default: $CATALYSE_CATALOGUE, else the catalogue built into the program.", valueName: "file"))
    var catalogue: String?

    @Option(name: .long, help: ArgumentHelp("Language of the output: fr or en. Default: from LC_ALL, LC_MESSAGES or LANG (French unless they name another language).", valueName: "fr|en"))
    var lang: String?

    func validate() throws {
        if let lang, Language(argument: lang) == nil {
            throw ValidationError("--lang takes fr or en, not '\(TextCleaning.forDisplay(lang))'.")
        }
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The language of the program's own output.
    var language: Language {
        lang.flatMap(Language.init(argument:)) ?? Language.fromEnvironment(environment)
    }

    var source: CatalogueSource { CatalogueSource.resolve(option: catalogue, environment: environment) }

    /// Loads the catalogue in effect, or exits with a clear message (65 bad data, 66 unreadable).
    func loadCatalogue() throws -> Catalogue {
        try Output.loadOrExit(source, language).catalogue
    }
}

/// The filters of `list` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Search text: each word must start a word of the offer (accents and case ignored).", valueName: "text"))
    var query: String?

    @Option(name: .long, help: ArgumentHelp("Purpose: \(Purpose.codeList). Repeat for OR.", valueName: "code"))
    var purpose: [String] = []

    @Option(name: .long, help: ArgumentHelp("Format: \(OfferFormat.codeList). Repeat for OR.", valueName: "code"))
    var format: [String] = []

    @Option(name: .long, help: ArgumentHelp("Support kind: \(SupportKind.codeList). Repeat for OR.", valueName: "code"))
    var kind: [String] = []

    @Option(name: .long, help: ArgumentHelp("Theme: \(Theme.codeList). Repeat for OR.", valueName: "code"))
    var theme: [String] = []

    @Option(name: .long, help: ArgumentHelp("Territory: a département (59, 2A), R + région code (R32), national, a postal code (59000) or a name (\"hauts de france\"). Repeat for OR.", valueName: "place"))
    var territory: [String] = []

    @Option(name: .long, help: ArgumentHelp("Association stage: \(Stage.codeList). Repeat for OR.", valueName: "code"))
    var stage: [String] = []

    @Option(name: .long, help: ArgumentHelp("Yearly budget band: \(BudgetBand.codeList). Repeat for OR.", valueName: "code"))
    var budget: [String] = []

    @Option(name: .long, help: ArgumentHelp("Mode: \(DeliveryMode.codeList). Repeat for OR.", valueName: "code"))
    var mode: [String] = []

    @Option(name: .long, help: ArgumentHelp("Employer status: \(EmployerStatus.codeList). Repeat for OR.", valueName: "code"))
    var employer: [String] = []

    @Option(name: .long, help: ArgumentHelp("One-to-one or group: \(Audience.codeList). Repeat for OR.", valueName: "code"))
    var audience: [String] = []

    @Flag(name: .long, help: "Only the favourites.")
    var favourites = false

    func validate() throws {
        _ = try facetFilter()
    }

    static func codes<T: CodedValue>(_ values: [String], _ option: String, as _: T.Type) throws -> Set<T> {
        var result = Set<T>()
        for raw in values {
            guard let v = T(code: raw.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("Unknown value '\(TextCleaning.forDisplay(raw))' for --\(option). Expected one of: \(T.codeList).")
            }
            result.insert(v)
        }
        return result
    }

    /// The filter without the favourites (which need the store).
    func facetFilter() throws -> OfferFilter {
        var f = OfferFilter()
        f.query = query ?? ""
        f.purposes = try Self.codes(purpose, "purpose", as: Purpose.self)
        f.formats = try Self.codes(format, "format", as: OfferFormat.self)
        f.kinds = try Self.codes(kind, "kind", as: SupportKind.self)
        f.themes = try Self.codes(theme, "theme", as: Theme.self)
        f.stages = try Self.codes(stage, "stage", as: Stage.self)
        f.budgets = try Self.codes(budget, "budget", as: BudgetBand.self)
        f.modes = try Self.codes(mode, "mode", as: DeliveryMode.self)
        f.employer = try Self.codes(employer, "employer", as: EmployerStatus.self)
        f.audience = try Self.codes(audience, "audience", as: Audience.self)
        for raw in territory {
            switch Territories.resolve(raw) {
            case .place(let place):
                if !f.territories.contains(place) { f.territories.append(place) }
            case .ambiguous(let places):
                let list = places.prefix(12).map { "\($0.code) \($0.name(.fr))" }.joined(separator: ", ")
                throw ValidationError("The place '\(TextCleaning.forDisplay(raw))' fits several places: \(list)\(places.count > 12 ? ", …" : ""). Give a code instead.")
            case .unknown:
                throw ValidationError("Unknown place '\(TextCleaning.forDisplay(raw))'. Give a département code (59, 2A), R + a région code (R32), national, a postal code or a name; `catalyse territories` lists them.")
            }
        }
        return f
    }

    /// The complete filter; reads the favourites store when `--favourites` is given.
    func filter(favouritesStore: FavouritesStore, language: Language) throws -> (filter: OfferFilter, favouriteIDs: [String]) {
        var f = try facetFilter()
        var ids: [String] = []
        if favourites {
            ids = try Output.favouritesOrExit(favouritesStore, language)
            f.onlyIDs = Set(ids)
        }
        return (f, ids)
    }
}

/// What `list` and `export` work on: the catalogue in effect, the filter, and its result.
struct Selection {
    var catalogue: Catalogue
    var filter: OfferFilter
    var result: QueryResult
    /// The favourites read for `--favourites` (ids not in the catalogue included).
    var favouriteIDs: [String]
    var offers: [Offer] { result.offers.map { catalogue.offers[$0] } }

    /// Loads the catalogue, builds the filter (reading the favourites when asked) and runs it.
    init(_ global: GlobalOptions, _ filters: FilterOptions, counts: Bool) throws {
        catalogue = try global.loadCatalogue()
        let store = FavouritesStore(environment: global.environment)
        (filter, favouriteIDs) = try filters.filter(favouritesStore: store, language: global.language)
        result = SearchIndex(catalogue: catalogue).run(filter, counts: counts)
    }
}

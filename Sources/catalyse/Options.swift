import ArgumentParser
import CatalyseCore
import Foundation

/// Options every command accepts.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: .loc("Fichier catalogue à utiliser : YAML, JSON (.json) ou compilé (.catalyse). Par défaut : $CATALYSE_CATALOGUE, sinon le catalogue intégré au programme.", "Catalogue file to use: YAML, JSON (.json) or compiled (.catalyse). Default: $CATALYSE_CATALOGUE, else the catalogue built into the program.", value: ("fichier", "file")))
    var catalogue: String?

    @Option(name: .long, help: .loc("Langue de la sortie : fr ou en. Par défaut : d'après LC_ALL, LC_MESSAGES ou LANG (le français, sauf s'ils nomment une autre langue).", "Language of the output: fr or en. Default: from LC_ALL, LC_MESSAGES or LANG (French unless they name another language).", value: ("fr|en", "fr|en")))
    var lang: String?

    func validate() throws {
        if let lang, Language(argument: lang) == nil {
            throw Output.usage(fr: "--lang prend fr ou en, et non « \(TextCleaning.forDisplay(lang)) ».",
                               en: "--lang takes fr or en, not '\(TextCleaning.forDisplay(lang))'.")
        }
        // An empty name is a mistake (an unset variable in a script), not a request for the
        // built-in catalogue.
        if catalogue == "" {
            throw Output.usage(fr: "--catalogue attend un nom de fichier ; sans l'option, le catalogue en vigueur est $CATALYSE_CATALOGUE ou le catalogue intégré.",
                               en: "--catalogue takes a file name; without the option, the catalogue in effect is $CATALYSE_CATALOGUE or the built-in one.")
        }
    }

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The language of the program's own output.
    var language: Language {
        lang.flatMap(Language.init(argument:)) ?? Language.fromEnvironment(environment)
    }

    var source: CatalogueSource { CatalogueSource.resolve(option: catalogue, environment: environment) }

    @Flag(name: .customLong("no-cache"), help: .loc("Ne pas utiliser le cache des catalogues compilés (aussi CATALYSE_NO_CACHE=1).", "Do not use the cache of compiled catalogues (also CATALYSE_NO_CACHE=1)."))
    var noCache = false

    /// The compiled cache, unless turned off.
    var cache: CompiledCache? {
        noCache || CompiledCache.disabled(environment) ? nil : CompiledCache(environment: environment)
    }

    /// The date printed in exports and the interface: `SOURCE_DATE_EPOCH` when set, else today;
    /// a value that is not a count of seconds is a usage error (64), never a trap.
    func printedDay() throws -> Day {
        switch Day.pinned(environment: environment) {
        case .unset: return Day.today()
        case .day(let day): return day
        case .invalid(let raw):
            let shown = TextCleaning.forDisplay(String(raw.prefix(40)))
            throw Output.usage(fr: "SOURCE_DATE_EPOCH doit être un nombre de secondes depuis le 1er janvier 1970, de 0 à 253402300799, et non « \(shown) ».",
                               en: "SOURCE_DATE_EPOCH must be a number of seconds since 1 January 1970, from 0 to 253402300799, not '\(shown)'.")
        }
    }

    /// Loads the catalogue in effect (through the compiled cache), or exits with a clear message
    /// (65 bad data, 66 unreadable).
    func loadCatalogue() throws -> CatalogueLoader.Loaded {
        try Output.loadOrExit(source, language, cache: cache)
    }
}

/// The filters of `list` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(name: .long, help: .loc("Texte recherché : chaque mot doit commencer un mot de l'offre (accents et casse ignorés).", "Search text: each word must start a word of the offer (accents and case ignored).", value: ("texte", "text")))
    var query: String?

    @Option(name: .long, help: FilterOptions.help(.purpose), completion: FilterOptions.completion(.purpose))
    var purpose: [String] = []

    @Option(name: .long, help: FilterOptions.help(.format), completion: FilterOptions.completion(.format))
    var format: [String] = []

    @Option(name: .long, help: FilterOptions.help(.kind), completion: FilterOptions.completion(.kind))
    var kind: [String] = []

    @Option(name: .long, help: FilterOptions.help(.theme), completion: FilterOptions.completion(.theme))
    var theme: [String] = []

    @Option(name: .long, help: .loc("Territoire : un département (59, 2A), R + code de région (R32), national, un code postal (59000) ou un nom (\"hauts de france\"). À répéter pour OU.", "Territory: a département (59, 2A), R + région code (R32), national, a postal code (59000) or a name (\"hauts de france\"). Repeat for OR.", value: ("lieu", "place")))
    var territory: [String] = []

    @Option(name: .long, help: FilterOptions.help(.stage), completion: FilterOptions.completion(.stage))
    var stage: [String] = []

    @Option(name: .long, help: FilterOptions.help(.budget), completion: FilterOptions.completion(.budget))
    var budget: [String] = []

    @Option(name: .long, help: FilterOptions.help(.mode), completion: FilterOptions.completion(.mode))
    var mode: [String] = []

    @Option(name: .long, help: FilterOptions.help(.employer), completion: FilterOptions.completion(.employer))
    var employer: [String] = []

    @Option(name: .long, help: FilterOptions.help(.audience), completion: FilterOptions.completion(.audience))
    var audience: [String] = []

    @Flag(name: .long, help: .loc("Seulement les favoris.", "Only the favourites."))
    var favourites = false

    func validate() throws {
        _ = try facetFilter()
    }

    /// An option's help from the facet table: « Finalité : operationnelle, strategique (ou le
    /// libellé, sans accents, ou son début). À répéter pour OU. »
    static func help(_ facet: Facet) -> ArgumentHelp {
        let coded = facet.coded!
        return .loc("\(coded.optionHelp.fr) : \(coded.codeList) (ou le libellé, en français ou en anglais, ou son début). À répéter pour OU.",
                    "\(coded.optionHelp.en): \(coded.codeList) (or the label, French or English, or its beginning). Repeat for OR.",
                    value: ("code", "code"))
    }

    /// The values a shell completes for an option, from the facet table.
    static func completion(_ facet: Facet) -> CompletionKind { .list(facet.coded!.values.map(\.code)) }

    /// Each coded facet with the values given for its option (named after the facet), one per
    /// repetition (`ArgumentFolding` gives the parser a repeated option as one).
    var codedValues: [(Facet, [String])] {
        let given: [(Facet, [String])] = [(.purpose, purpose), (.format, format), (.kind, kind), (.theme, theme), (.stage, stage),
                                          (.budget, budget), (.mode, mode), (.employer, employer), (.audience, audience)]
        return given.map { ($0.0, ArgumentFolding.unfold($0.1)) }
    }

    /// The filter without the favourites (which need the store).
    func facetFilter() throws -> OfferFilter {
        var f = OfferFilter()
        f.query = query ?? ""
        for (facet, values) in codedValues {
            var done = Set<String>()  // a value repeated thousands of times is read once
            for raw in values where done.insert(raw).inserted {
                let code = try CodedValues.typed(raw, facet: facet.coded!, option: facet.rawValue)
                _ = f.set(facet, code: code, selected: true)
            }
        }
        for raw in ArgumentFolding.unfold(territory) {
            let place = try Place.typed(raw)
            if !f.territories.contains(place) { f.territories.append(place) }
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
    /// The index the filter ran on (for what would help an empty result).
    var index: SearchIndex
    /// What is new (when asked for, and the dossiers database could be used).
    var news: News? = nil

    /// Loads the catalogue, builds the filter (reading the favourites when asked) and runs it.
    /// `firms`: only the offers of these firms (ids; an unknown one exits 1).
    /// `news`: read what is new (`list --json`, `--new`); `onlyNew`: only those offers. Without
    /// either, the catalogue's first opening is recorded if it has none (`NewsAccess`).
    init(_ global: GlobalOptions, _ filters: FilterOptions, counts: Bool, firms: [String] = [], onlyNew: Bool = false, news readNews: Bool = false) throws {
        let store = FavouritesStore(environment: global.environment)
        let (filter, ids) = try filters.filter(favouritesStore: store, language: global.language)
        try self.init(global, filter: filter, favouriteIDs: ids, counts: counts, firms: firms, onlyNew: onlyNew, news: readNews)
    }

    /// The same with a filter already made (a saved search's).
    init(_ global: GlobalOptions, filter given: OfferFilter, favouriteIDs: [String] = [], counts: Bool, firms: [String] = [],
         onlyNew: Bool = false, news readNews: Bool = false) throws {
        let loaded = try global.loadCatalogue()
        catalogue = loaded.catalogue
        filter = given
        self.favouriteIDs = favouriteIDs
        if readNews || onlyNew { news = NewsAccess.news(catalogue, global)?.news } else { NewsAccess.recordFirstOpening(catalogue, global) }
        if onlyNew {
            let ids = news?.ids ?? []
            filter.onlyIDs = filter.onlyIDs.map { $0.intersection(ids) } ?? ids
        }
        if !firms.isEmpty {
            var ids = Set<String>()
            for id in firms {
                let firm = try FirmsCommand.resolve(id.trimmingCharacters(in: .whitespaces), in: catalogue, language: global.language)
                for i in firm.offerIndices { ids.insert(catalogue.offers.id(i)) }
            }
            filter.onlyIDs = filter.onlyIDs.map { $0.intersection(ids) } ?? ids
        }
        index = loaded.searchIndex()
        result = index.run(filter, counts: counts)
    }
}

extension Place {
    /// A place typed on the command line, or a usage error naming it.
    static func typed(_ raw: String) throws -> Place {
        switch Territories.resolve(raw) {
        case .place(let place): return place
        case .ambiguous(let places):
            let list = places.prefix(12).map { "\($0.code) \($0.name(.fr))" }.joined(separator: ", ") + (places.count > 12 ? ", …" : "")
            let shown = TextCleaning.forDisplay(raw)
            throw Output.usage(fr: "le lieu « \(shown) » convient à plusieurs lieux : \(list). Donnez plutôt un code.",
                               en: "the place '\(shown)' fits several places: \(list). Give a code instead.")
        case .unknown:
            let shown = TextCleaning.forDisplay(raw)
            throw Output.usage(fr: "lieu inconnu « \(shown) ». Donnez un code de département (59, 2A), R + un code de région (R32), national, un code postal ou un nom ; `catalyse territories` les liste.",
                               en: "unknown place '\(shown)'. Give a département code (59, 2A), R + a région code (R32), national, a postal code or a name; `catalyse territories` lists them.")
        }
    }
}

extension CodedValue {
    /// A value typed on the command line (code or label, accents and case ignored, or a unique
    /// beginning), or a usage error listing what fits.
    static func typed(_ raw: String, option: String) throws -> Self {
        let facet = Self.facet.coded!
        let code = try CodedValues.typed(raw, facet: facet, option: option)
        return Array(Self.allCases)[facet.ordinal(of: code)!]
    }
}

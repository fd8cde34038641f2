/// Why an offer is in the list a filter gives: one line per active filter, in the order of the
/// filters line (« Territoire : couvre Hauts-de-France (R32), dont Nord (59) », « Finalité :
/// stratégique », « Recherche : « strat » dans le titre »). Shared by the interface's sheet and
/// `catalyse show --why`. An offer that a filter does not let through gets a line saying so.
public enum WhyListed {
    public struct Line: Sendable, Equatable {
        /// The filter the line is about (nil: the search or the favourites).
        public var facet: Facet?
        /// `Label : reason`, in the output language.
        public var text: String
        /// Whether the offer passes this filter.
        public var passes: Bool
    }

    /// The lines for `offer` under `filter` (`filter.onlyIDs` is the favourites-only view,
    /// whatever its ids: `isFavourite` says whether the offer is one).
    public static func lines(_ offer: Offer, firm: Firm, filter: OfferFilter, isFavourite: Bool, language: Language) -> [Line] {
        var out: [Line] = []
        for facet in Facet.allCases {
            if let coded = facet.coded {
                let selected = filter.selectedCodes(facet)
                guard !selected.isEmpty else { continue }
                out.append(codedLine(coded, selected: selected, offer, language))
            } else if !filter.territories.isEmpty {
                out.append(territoryLine(filter.territories, offer.territories, language))
            }
        }
        let words = uniqueWords(filter.query)
        if !words.isEmpty { out.append(searchLine(words, offer, firm, language)) }
        if filter.onlyIDs != nil {
            let fr = language == .fr
            let reason = isFavourite ? (fr ? "dans vos favoris" : "in your favourites") : (fr ? "pas dans vos favoris" : "not in your favourites")
            out.append(Line(facet: nil, text: Typography.field(fr ? "Favoris" : "Favourites", reason, language), passes: isFavourite))
        }
        return out
    }

    /// The folded words of a query, each once, in the order typed.
    static func uniqueWords(_ query: String) -> [String] {
        var seen = Set<String>()
        return TextFolding.foldedWords(query).filter { seen.insert($0).inserted }
    }

    /// « A », « A et B », « A, B et C » / "A and B".
    static func and(_ items: [String], _ language: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (language == .fr ? " et " : " and ") + items.last!
    }

    static func or(_ items: [String], _ language: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (language == .fr ? " ou " : " or ") + items.last!
    }

    // MARK: Coded facets

    static func codedLine(_ coded: CodedFacet, selected: [String], _ offer: Offer, _ language: Language) -> Line {
        let fr = language == .fr
        var values: [Int] = []
        coded.forEachValue(offer) { values.append($0) }
        func shown(_ ordinal: Int) -> String { Typography.inRunningText(coded.values[ordinal].shortLabel.text(language)) }
        let label = coded.facet.label.text(language)
        if values.isEmpty && coded.emptyMeansAll {
            return Line(facet: coded.facet, text: Typography.field(label, openToAll(coded.facet, language), language), passes: true)
        }
        let matching = values.filter { selected.contains(coded.values[$0].code) }
        if !matching.isEmpty {
            return Line(facet: coded.facet, text: Typography.field(label, and(matching.map(shown), language), language), passes: true)
        }
        let asked = or(selected.compactMap { coded.ordinal(of: $0) }.map(shown), language)
        let has = values.isEmpty ? (fr ? "aucune valeur" : "none") : and(values.map(shown), language)
        let reason = fr ? "\(has) (le filtre demande \(asked))" : "\(has) (the filter asks for \(asked))"
        return Line(facet: coded.facet, text: Typography.field(label, reason, language), passes: false)
    }

    /// What an offer that states no value of a facet where that means all is open to.
    static func openToAll(_ facet: Facet, _ language: Language) -> String {
        let fr = language == .fr
        switch facet {
        case .stage: return fr ? "ouverte à tous les stades" : "open to every stage"
        case .budget: return fr ? "ouverte à tous les budgets" : "open to every budget"
        case .employer: return fr ? "ouverte aux associations employeuses et bénévoles" : "open to employing and volunteer-run associations"
        default: return fr ? "ouverte à toutes les valeurs" : "open to every value"
        }
    }

    // MARK: Territory

    static func territoryLine(_ places: [Place], _ covered: [Place], _ language: Language) -> Line {
        let label = Facet.territory.label.text(language)
        for place in places {
            if let reason = coverage(of: place, by: covered, language) {
                return Line(facet: .territory, text: Typography.field(label, reason, language), passes: true)
            }
        }
        let fr = language == .fr
        let coveredText = covers(Territories.displayNames(covered, language), language)
        let asked = or(Territories.displayNames(places, language), language)
        return Line(facet: .territory, text: Typography.field(label, coveredText + (fr ? ", pas " : ", not ") + asked, language), passes: false)
    }

    /// « couvre A et B » / "covers A and B"; « couvre la France entière ».
    static func covers(_ names: [String], _ language: Language) -> String {
        let fr = language == .fr
        let national = Place.national.displayName(language)
        let shown = names.map { $0 == national ? (fr ? "la France entière" : "the whole country") : $0 }
        return (fr ? "couvre " : "covers ") + and(shown, language)
    }

    /// Why an offer covering `covered` is found by a filter on `place`, or nil if it is not.
    static func coverage(of place: Place, by covered: [Place], _ language: Language) -> String? {
        guard Territories.matches(filter: place, covered: covered) else { return nil }
        let fr = language == .fr
        let including = fr ? ", dont " : ", including "
        switch place {
        case .national:
            return covers([Place.national.displayName(language)], language)
        case .department(let code):
            if covered.contains(place) { return covers([place.displayName(language)], language) }
            let region = Territories.departmentByCode[code]?.region ?? ""
            if covered.contains(.region(region)) {
                let regionName = Place.region(region).displayName(language)
                if Territories.soleDepartment(ofRegion: region) != nil { return covers([regionName], language) }
                return covers([regionName], language) + including + place.displayName(language)
            }
            return covers([Place.national.displayName(language)], language) + including + place.displayName(language)
        case .region(let code):
            if covered.contains(place) { return covers([place.displayName(language)], language) }
            let inside = covered.filter { if case .department(let d) = $0 { Territories.departmentByCode[d]?.region == code } else { false } }
            if !inside.isEmpty {
                if Territories.soleDepartment(ofRegion: code) != nil { return covers(Territories.displayNames(inside, language), language) }
                return covers(Territories.displayNames(inside, language), language) + (fr ? ", en " : ", in ") + place.displayName(language)
            }
            return covers([Place.national.displayName(language)], language) + including + place.displayName(language)
        }
    }

    // MARK: Search

    /// Where each query word is found: « « strat » dans le titre et la description ; « nord »
    /// dans les territoires ».
    static func searchLine(_ words: [String], _ offer: Offer, _ firm: Firm, _ language: Language) -> Line {
        let fr = language == .fr
        let fields = searchFields(offer, firm)
        var passes = true
        let parts = words.map { word -> String in
            let found = fields.filter { field in field.words.contains { $0.hasPrefix(word) } }.map { $0.name.text(language) }
            if found.isEmpty {
                passes = false
                return Typography.quoted(word, language) + (fr ? " dans aucun champ" : " in no field")
            }
            return Typography.quoted(word, language) + (fr ? " dans " : " in ") + and(found, language)
        }
        let label = fr ? "Recherche" : "Search"
        return Line(facet: nil, text: Typography.field(label, parts.joined(separator: Typography.semicolon(language)), language), passes: passes)
    }

    /// The searchable fields of an offer and their folded words (the same words the index holds).
    static func searchFields(_ offer: Offer, _ firm: Firm) -> [(name: Label, words: [String])] {
        func labels(_ values: [Label]) -> [String] { values.flatMap { TextFolding.foldedWords($0.fr) + TextFolding.foldedWords($0.en) } }
        return [
            (Label(fr: "le titre", en: "the title"), TextFolding.foldedWords(offer.title)),
            (Label(fr: "le nom du cabinet", en: "the firm's name"), TextFolding.foldedWords(firm.name)),
            (Label(fr: "le résumé", en: "the summary"), TextFolding.foldedWords(offer.summary)),
            (Label(fr: "la description", en: "the description"), TextFolding.foldedWords(offer.description)),
            (Label(fr: "la finalité", en: "the purpose"), labels([offer.purpose.label, offer.purpose.shortLabel])),
            (Label(fr: "le format", en: "the format"), labels([offer.format.label])),
            (Label(fr: "le type d'accompagnement", en: "the support kind"), labels(offer.kinds.map(\.label))),
            (Label(fr: "les thèmes", en: "the themes"), labels(offer.themes.map(\.label))),
            (Label(fr: "les territoires", en: "the territories"),
             offer.territories.flatMap { TextFolding.foldedWords($0.name(.fr)) + TextFolding.foldedWords($0.name(.en)) }),
        ]
    }
}

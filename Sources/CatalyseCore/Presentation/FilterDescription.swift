/// Human descriptions of a filter, shared by the interface's filter line and the exports.
public enum FilterDescription {
    /// One entry per active facet and the search: "Finalité : Stratégique", "Recherche : « strat »"
    /// (French with its non-breaking spaces).
    public static func parts(_ filter: OfferFilter, _ language: Language, favouritesOnly: Bool = false) -> [String] {
        let colon = Typography.colon(language)
        var parts: [String] = []
        for facet in Facet.allCases {
            let labels = filter.selectedLabels(facet, language)
            if !labels.isEmpty { parts.append(facet.label.text(language) + colon + labels.joined(separator: language == .fr ? " ou " : " or ")) }
        }
        if !filter.query.trimmingCharacters(in: .whitespaces).isEmpty {
            let q = TextCleaning.forDisplay(filter.query)
            parts.append((language == .fr ? "Recherche" : "Search") + colon + Typography.quoted(q, language))
        }
        if favouritesOnly || filter.onlyIDs != nil { parts.append(language == .fr ? "Favoris seulement" : "Favourites only") }
        return parts
    }

    /// The whole filter in one line, or "aucun filtre" / "no filter".
    public static func line(_ filter: OfferFilter, _ language: Language, favouritesOnly: Bool = false) -> String {
        let p = parts(filter, language, favouritesOnly: favouritesOnly)
        if p.isEmpty { return language == .fr ? "aucun filtre" : "no filter" }
        return p.joined(separator: Typography.semicolon(language))
    }
}

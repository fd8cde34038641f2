/// What would help when a search and filters list nothing: for each active filter, how many
/// offers its removal gives (best first), and for a search word found nowhere in the
/// catalogue, the nearest word of its vocabulary. Shown by the interface's empty list (a key
/// applies the first suggestion) and by `catalyse list` on standard error.
public struct EmptyResultHelp: Sendable, Equatable {
    /// One way out of an empty list.
    public struct Suggestion: Sendable, Equatable {
        public enum Change: Sendable, Equatable {
            /// Clear this facet's selection (the territory included).
            case remove(Facet)
            /// Clear the search text.
            case removeSearch
            /// Leave the favourites-only view.
            case removeFavouritesOnly
            /// Replace a query word found in no offer (folded) by the nearest word of the
            /// catalogue (as written in it, in lower case).
            case replaceWord(String, with: String)
        }

        public var change: Change
        /// How many offers the list holds after the change.
        public var count: Int
        /// The filter as the filters line shows it (for `remove`), quoted in the text.
        let shownFilter: String

        /// The filter after the change. Leaving the favourites-only view clears `onlyIDs`
        /// (the interface keeps that view apart and leaves it itself).
        public func apply(to filter: OfferFilter) -> OfferFilter {
            var f = filter
            switch change {
            case .remove(let facet): f.clear(facet)
            case .removeSearch: f.query = ""
            case .removeFavouritesOnly: f.onlyIDs = nil
            case .replaceWord(let word, let replacement):
                f.query = TextFolding.foldedWords(filter.query).map { $0 == word ? replacement : $0 }.joined(separator: " ")
            }
            return f
        }

        /// « sans « Modalité : À distance » : 4 offres », « remplacer « stratgie » (dans aucune
        /// offre) par « stratégie » : 3 offres ».
        public func text(_ language: Language) -> String {
            let fr = language == .fr
            let count = Typography.colon(language) + EmptyResultHelp.offers(self.count, language)
            switch change {
            case .remove, .removeFavouritesOnly:
                return (fr ? "sans " : "without ") + Typography.quoted(shownFilter, language) + count
            case .removeSearch:
                return (fr ? "sans la recherche " : "without the search ") + Typography.quoted(shownFilter, language) + count
            case .replaceWord(let word, let replacement):
                let from = Typography.quoted(word, language), to = Typography.quoted(replacement, language)
                return (fr ? "remplacer \(from) (dans aucune offre) par \(to)" : "replace \(from) (in no offer) with \(to)") + count
            }
        }
    }

    /// Best first: word replacements, then the removals that give the most offers. Empty when
    /// no single change lists anything.
    public var suggestions: [Suggestion]
    /// Whether some filter or search was active at all (nothing to suggest otherwise).
    public var hadFilters: Bool

    /// « 1 offre », « 4 offres » (a non-breaking space: the number stays with its word) /
    /// "1 offer", "4 offers".
    static func offers(_ n: Int, _ language: Language) -> String {
        language == .fr ? "\(n)\u{00A0}offre\(n > 1 ? "s" : "")" : "\(n) offer\(n == 1 ? "" : "s")"
    }

    /// The lines to show under « Aucune offre ne correspond. »: a heading, then one line per
    /// suggestion (indented by two), or one sentence when nothing helps.
    public func lines(_ language: Language) -> [String] {
        guard hadFilters else { return [] }
        let fr = language == .fr
        if suggestions.isEmpty {
            return [fr ? "Retirer un seul filtre ne donne aucune offre." : "Removing any one filter gives no offer."]
        }
        return [Typography.french(fr ? "Pour en trouver :" : "To find some:")] + suggestions.map { "  " + $0.text(language) }
    }
}

extension SearchIndex {
    /// What would help a filter that lists nothing. `favouritesOnly`: `filter.onlyIDs` is the
    /// favourites-only view (its removal is offered like a filter's).
    public func help(for filter: OfferFilter, language: Language) -> EmptyResultHelp {
        typealias S = EmptyResultHelp.Suggestion
        var replacements: [S] = [], removals: [S] = []
        let colon = Typography.colon(language)
        for word in WhyListed.uniqueWords(filter.query) where columns.words.prefixRange(Array(word.utf8)).isEmpty {
            guard let nearest = nearestWord(to: word) else { continue }
            var s = S(change: .replaceWord(word, with: nearest), count: 0, shownFilter: "")
            s.count = run(s.apply(to: filter), counts: false).offers.count
            if s.count > 0 { replacements.append(s) }
        }
        for facet in Facet.allCases where !filter.selectedCodes(facet).isEmpty {
            let shown = facet.label.text(language) + colon + filter.selectedLabels(facet, language).joined(separator: language == .fr ? " ou " : " or ")
            removals.append(S(change: .remove(facet), count: 0, shownFilter: shown))
        }
        if !filter.query.trimmingCharacters(in: .whitespaces).isEmpty {
            removals.append(S(change: .removeSearch, count: 0, shownFilter: TextCleaning.forDisplay(filter.query)))
        }
        if filter.onlyIDs != nil {
            removals.append(S(change: .removeFavouritesOnly, count: 0, shownFilter: language == .fr ? "Favoris seulement" : "Favourites only"))
        }
        let hadFilters = !removals.isEmpty
        for i in removals.indices { removals[i].count = run(removals[i].apply(to: filter), counts: false).offers.count }
        // Best first; on a tie, the order of the filters line (the sort is stable).
        let helpful = removals.enumerated().filter { $0.element.count > 0 }
            .sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
        return EmptyResultHelp(suggestions: replacements + helpful, hadFilters: hadFilters)
    }

    /// The word of the catalogue's vocabulary nearest to a query word found in none of its
    /// offers, as written in an offer (lower case): by edit distance (`Suggestions.distance`)
    /// to the word or to its start (the search matches starts of words); at most one edit for a
    /// word of up to six letters, two beyond; nil below three letters or when none is near.
    func nearestWord(to word: String) -> String? {
        let typed = Array(word)
        guard typed.count >= 3 else { return nil }
        let limit = typed.count >= 7 ? 2 : 1
        let list = columns.words
        var best: (distance: Int, whole: Int, offers: Int, word: String)? = nil
        for i in 0..<list.count {
            let bytes = list.word(i)
            guard bytes.count + 2 * limit >= typed.count else { continue }
            let candidate = String(decoding: bytes, as: UTF8.self)
            let chars = Array(candidate)
            guard chars.count + limit >= typed.count else { continue }
            let whole = Suggestions.distance(word, candidate)
            let start = chars.count > typed.count ? Suggestions.distance(word, String(chars.prefix(typed.count))) : whole
            let d = min(whole, start)
            guard d <= limit else { continue }
            let offers = list.offers(i).count
            let key = (d, whole, -offers, candidate)
            if let b = best, (b.distance, b.whole, -b.offers, b.word) <= key { continue }
            best = (d, whole, offers, candidate)
        }
        guard let best else { return nil }
        return writtenForm(of: best.word)
    }

    /// A folded vocabulary word as the catalogue writes it (`strategie` → `stratégie`), in lower
    /// case: from the labels and place names, else from the first offers that hold it; the
    /// folded word itself when nothing shows it.
    func writtenForm(of folded: String) -> String {
        func find(_ texts: [String]) -> String? {
            for text in texts {
                for written in TextFolding.originalWords(text) where TextFolding.fold(written) == folded { return written.lowercased() }
            }
            return nil
        }
        let labels = FacetTable.coded.flatMap { $0.values.flatMap { [$0.label.fr, $0.shortLabel.fr, $0.label.en] } }
        if let found = find(labels + Territories.allPlaces.map { $0.name(.fr) }) { return found }
        let range = columns.words.prefixRange(Array(folded.utf8))
        guard let i = range.first(where: { String(decoding: columns.words.word($0), as: UTF8.self) == folded }) else { return folded }
        for posting in columns.words.offers(i).prefix(20) {
            let offer = catalogue.offers[Int(posting)]
            let firm = catalogue.firms[catalogue.firmIndex(of: Int(posting))]
            if let found = find([offer.title, firm.name, offer.summary, offer.description]) { return found }
        }
        return folded
    }
}

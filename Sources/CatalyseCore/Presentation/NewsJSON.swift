/// `list --json` with what is new: each offer's object as `JSONOutput.offers` writes it, plus
/// `"news": "new" | "changed" | null` (null too when the news could not be read).
extension JSONOutput {
    struct OfferWithNews: Encodable {
        var offer: OfferObject
        var news: String?
        enum CodingKeys: String, CodingKey { case news }
        func encode(to encoder: Encoder) throws {
            try offer.encode(to: encoder)
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(news, forKey: .news)
        }
    }

    struct OffersWithNewsAndCounts: Encodable {
        var offers: [OfferWithNews]
        var facets: [String: [String: Int]]
    }

    static func objects(_ offers: [Offer], _ catalogue: Catalogue, news: News?) -> [OfferWithNews] {
        offers.map { OfferWithNews(offer: OfferObject($0, catalogue.firm(of: $0)), news: news?.code($0.id)) }
    }

    public static func offers(_ offers: [Offer], _ catalogue: Catalogue, news: News?) throws(EncodingError) -> String {
        try encode(objects(offers, catalogue, news: news))
    }

    public static func offersWithCounts(_ offers: [Offer], _ catalogue: Catalogue, _ counts: FacetCounts, news: News?) throws(EncodingError) -> String {
        var facets: [String: [String: Int]] = [:]
        for (facet, values) in counts.counts { facets[facet.rawValue] = values }
        return try encode(OffersWithNewsAndCounts(offers: objects(offers, catalogue, news: news), facets: facets))
    }

    /// `search check --json`: each saved search with its count and the ids of its new offers.
    public static func alerts(_ alerts: [SearchAlert], news: News?) throws(EncodingError) -> String {
        struct AlertObject: Encodable { var name: String; var count: Int; var offers: [String] }
        struct Check: Encodable { var catalogue: String?; var since: String?; var news: Int?; var searches: [AlertObject] }
        return try encode(Check(catalogue: news?.catalogueName, since: news?.since.description, news: news?.count,
                                searches: alerts.map { AlertObject(name: $0.search.name, count: $0.count, offers: $0.ids) }))
    }
}

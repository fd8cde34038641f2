import Foundation

/// The `--json` form of offers, firms and facet counts. Names are stable and documented in
/// `docs/export-formats.md`; values are the code values of `domain.md`. Absent values are
/// written `null`, never left out, so every object has the same keys.
public enum JSONOutput {
    /// The program could not encode its own output (it should never happen; if it does, it is
    /// reported, not replaced by an empty list).
    public struct EncodingError: Error, Sendable {
        public var reason: String
    }

    struct FirmRef: Encodable { var id: String; var name: String }

    struct ContactObject: Encodable {
        var name: String, email: String, phone: String?
        init(_ c: Contact) { name = c.name; email = c.email; phone = c.phone }
        enum CodingKeys: String, CodingKey { case name, email, phone }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name); try c.encode(email, forKey: .email); try c.encode(phone, forKey: .phone)
        }
    }

    struct EligibilityObject: Encodable {
        var stages: [String], budgets: [String], employer: [String]
    }

    struct OfferObject: Encodable {
        var id: String, title: String, firm: FirmRef, summary: String, description: String
        var format: String, purpose: String, kinds: [String], themes: [String], territories: [String]
        var mode: String, audience: [String], duration: String, capacity: Int?, eligibility: EligibilityObject
        var cost: String?, apply: String, contact: ContactObject, website: String?

        init(_ offer: Offer, _ firm: Firm) {
            id = offer.id; title = offer.title; self.firm = FirmRef(id: firm.id, name: firm.name)
            summary = offer.summary; description = offer.description
            format = offer.format.code; purpose = offer.purpose.code
            kinds = offer.kinds.map(\.code); themes = offer.themes.map(\.code); territories = offer.territories.map(\.code)
            mode = offer.mode.code; audience = offer.audience.map(\.code); duration = offer.duration; capacity = offer.capacity
            eligibility = EligibilityObject(stages: offer.eligibility.stages.map(\.code), budgets: offer.eligibility.budgets.map(\.code),
                                            employer: offer.eligibility.employer.map(\.code))
            cost = offer.cost; apply = offer.apply; contact = ContactObject(firm.contact); website = firm.website
        }

        enum CodingKeys: String, CodingKey {
            case id, title, firm, summary, description, format, purpose, kinds, themes, territories
            case mode, audience, duration, capacity, eligibility, cost, apply, contact, website
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title); try c.encode(firm, forKey: .firm)
            try c.encode(summary, forKey: .summary); try c.encode(description, forKey: .description)
            try c.encode(format, forKey: .format); try c.encode(purpose, forKey: .purpose)
            try c.encode(kinds, forKey: .kinds); try c.encode(themes, forKey: .themes); try c.encode(territories, forKey: .territories)
            try c.encode(mode, forKey: .mode); try c.encode(audience, forKey: .audience); try c.encode(duration, forKey: .duration)
            try c.encode(capacity, forKey: .capacity); try c.encode(eligibility, forKey: .eligibility)
            try c.encode(cost, forKey: .cost); try c.encode(apply, forKey: .apply)
            try c.encode(contact, forKey: .contact); try c.encode(website, forKey: .website)
        }
    }

    struct ProvenanceObject: Encodable { var source: String, verified: String }

    struct FirmObject: Encodable {
        var id: String, name: String, presentation: String, headquarters: String, website: String?
        var contact: ContactObject, joined: Int, provenance: ProvenanceObject, offers: [String]

        enum CodingKeys: String, CodingKey { case id, name, presentation, headquarters, website, contact, joined, provenance, offers }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(name, forKey: .name); try c.encode(presentation, forKey: .presentation)
            try c.encode(headquarters, forKey: .headquarters); try c.encode(website, forKey: .website)
            try c.encode(contact, forKey: .contact); try c.encode(joined, forKey: .joined)
            try c.encode(provenance, forKey: .provenance); try c.encode(offers, forKey: .offers)
        }
    }

    struct OffersWithCounts: Encodable {
        var offers: [OfferObject]
        var facets: [String: [String: Int]]
    }

    /// Any `Encodable` value, pretty-printed with sorted keys (how every JSON output is written).
    public static func encode<T: Encodable>(_ value: T) throws(EncodingError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            throw EncodingError(reason: String(describing: error))
        }
    }

    static func objects(_ offers: [Offer], _ catalogue: Catalogue) -> [OfferObject] {
        offers.map { OfferObject($0, catalogue.firm(of: $0)) }
    }

    public static func offers(_ offers: [Offer], _ catalogue: Catalogue) throws(EncodingError) -> String {
        try encode(objects(offers, catalogue))
    }

    public static func offersWithCounts(_ offers: [Offer], _ catalogue: Catalogue, _ counts: FacetCounts) throws(EncodingError) -> String {
        var facets: [String: [String: Int]] = [:]
        for (facet, values) in counts.counts { facets[facet.rawValue] = values }
        return try encode(OffersWithCounts(offers: objects(offers, catalogue), facets: facets))
    }

    public static func firms(_ catalogue: Catalogue) throws(EncodingError) -> String {
        try encode(catalogue.firms.map { firmObject($0, catalogue) })
    }

    static func firmObject(_ firm: Firm, _ catalogue: Catalogue) -> FirmObject {
        FirmObject(id: firm.id, name: firm.name, presentation: firm.presentation, headquarters: firm.headquarters,
                   website: firm.website, contact: ContactObject(firm.contact), joined: firm.joined,
                   provenance: ProvenanceObject(source: firm.provenance.source, verified: firm.provenance.verified.description),
                   offers: firm.offerIndices.map { catalogue.offers.id($0) })
    }

    struct FirmPage: Encodable {
        var firm: FirmObject
        var offers: [OfferObject]
    }

    /// `catalyse firms ID --json`: the firm (as in `firms --json`) and its offers in full (as in
    /// `list --json`).
    public static func firmPage(_ firm: Firm, _ catalogue: Catalogue) throws(EncodingError) -> String {
        try encode(FirmPage(firm: firmObject(firm, catalogue), offers: objects(firm.offerIndices.map { catalogue.offers[$0] }, catalogue)))
    }
}

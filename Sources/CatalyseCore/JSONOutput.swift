import Foundation

/// The `--json` form of offers and facet counts. Names are stable and documented in
/// `docs/export-formats.md`; values are the code values of `domain.md`.
public enum JSONOutput {
    static func offerObject(_ offer: Offer, _ catalogue: Catalogue) -> [String: Any] {
        let firm = catalogue.firm(of: offer)
        return [
            "id": offer.id,
            "title": offer.title,
            "firm": ["id": firm.id, "name": firm.name] as [String: Any],
            "summary": offer.summary,
            "description": offer.description,
            "format": offer.format.code,
            "purpose": offer.purpose.code,
            "kinds": offer.kinds.map(\.code),
            "themes": offer.themes.map(\.code),
            "territories": offer.territories.map(\.code),
            "mode": offer.mode.code,
            "audience": offer.audience.map(\.code),
            "duration": offer.duration,
            "capacity": offer.capacity.map { $0 as Any } ?? NSNull(),
            "eligibility": [
                "stages": offer.eligibility.stages.map(\.code),
                "budgets": offer.eligibility.budgets.map(\.code),
                "employer": offer.eligibility.employer.map(\.code),
            ] as [String: Any],
            "cost": offer.cost.map { $0 as Any } ?? NSNull(),
            "apply": offer.apply,
            "contact": ["name": firm.contact.name, "email": firm.contact.email, "phone": firm.contact.phone.map { $0 as Any } ?? NSNull()] as [String: Any],
            "website": firm.website.map { $0 as Any } ?? NSNull(),
        ]
    }

    static func encode(_ value: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return "[]" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func offers(_ offers: [Offer], _ catalogue: Catalogue) -> String {
        encode(offers.map { offerObject($0, catalogue) })
    }

    public static func facetsObject(_ counts: FacetCounts) -> [String: Any] {
        var facets: [String: Any] = [:]
        for (facet, values) in counts.counts { facets[facet.rawValue] = values }
        return facets
    }

    public static func offersWithCounts(_ offers: [Offer], _ catalogue: Catalogue, _ counts: FacetCounts) -> String {
        encode(["offers": offers.map { offerObject($0, catalogue) }, "facets": facetsObject(counts)] as [String: Any])
    }

    public static func firms(_ catalogue: Catalogue) -> String {
        encode(catalogue.firms.map { firm -> [String: Any] in
            [
                "id": firm.id, "name": firm.name, "presentation": firm.presentation,
                "headquarters": firm.headquarters, "website": firm.website.map { $0 as Any } ?? NSNull(),
                "contact": ["name": firm.contact.name, "email": firm.contact.email, "phone": firm.contact.phone.map { $0 as Any } ?? NSNull()] as [String: Any],
                "joined": firm.joined,
                "provenance": ["source": firm.provenance.source, "verified": firm.provenance.verified.description],
                "offers": firm.offerIndices.map { catalogue.offers.id($0) },
            ]
        })
    }
}

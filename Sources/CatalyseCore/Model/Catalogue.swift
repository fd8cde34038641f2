/// A whole catalogue: its metadata, firms and offers. Immutable once loaded.
public struct Catalogue: Sendable {
    public var name: String
    public var updated: Day
    public var illustrative: Bool
    public var note: String?
    public let firms: [Firm]
    /// Every offer, grouped by firm in file order.
    public let offers: OfferList
    private let firmIndex: [String: Int]

    /// A catalogue of `firms` and `offers`; each offer's `firmID` must be one of the firms.
    /// Offers are grouped by firm (in the firms' order, keeping their order within a firm).
    public init(name: String, updated: Day, illustrative: Bool, note: String? = nil, firms: [Firm], offers: [Offer]) {
        var fi: [String: Int] = [:]
        for (i, f) in firms.enumerated() { fi[f.id] = i }
        var owner: [Int32] = offers.map { offer in
            guard let f = fi[offer.firmID] else { preconditionFailure("offer \(offer.id) names an unknown firm") }
            return Int32(f)
        }
        // The loader gives offers grouped in firm order; anything else is regrouped (stable).
        var grouped = offers
        if zip(owner, owner.dropFirst()).contains(where: { $0 > $1 }) {
            let order = owner.indices.sorted { (owner[$0], $0) < (owner[$1], $1) }
            grouped = order.map { offers[$0] }
            owner = order.map { owner[$0] }
        }
        var firmsWithRanges = firms
        var start = 0
        for f in firms.indices {
            var end = start
            while end < owner.count && owner[end] == Int32(f) { end += 1 }
            firmsWithRanges[f].offerIndices = start..<end
            start = end
        }
        self.init(name: name, updated: updated, illustrative: illustrative, note: note, firms: firmsWithRanges,
                  storage: InMemoryOffers(offers: grouped, firmOfOffer: owner))
    }

    /// A catalogue over offers kept elsewhere (a compiled file): each firm's `offerIndices`
    /// must already say where its offers are in `storage`.
    init(name: String, updated: Day, illustrative: Bool, note: String?, firms: [Firm], storage: any OfferStorage) {
        self.name = name; self.updated = updated; self.illustrative = illustrative; self.note = note
        var fi: [String: Int] = [:]
        for (i, f) in firms.enumerated() { fi[f.id] = i }
        self.firms = firms
        self.offers = OfferList(storage)
        firmIndex = fi
    }

    public func firm(id: String) -> Firm? { firmIndex[id].map { firms[$0] } }
    public func offer(id: String) -> Offer? { index(ofOffer: id).map { offers[$0] } }
    public func firm(of offer: Offer) -> Firm { firms[firmIndex[offer.firmID]!] }
    /// The index in `firms` of the firm of offer number `i`.
    public func firmIndex(of i: Int) -> Int { offers.storage.firmIndex(of: i) }

    /// The position of the offer with this id in `offers`.
    public func index(ofOffer id: String) -> Int? { offers.storage.index(ofID: id) }
}

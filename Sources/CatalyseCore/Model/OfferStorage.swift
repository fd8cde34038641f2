/// Where a catalogue's offers are kept, by index: in memory (`InMemoryOffers`), or decoded on
/// access from a compiled file (`CompiledOffers`, in `Compiled/`). The model only sees this
/// protocol, so it knows nothing of how or where the offers are stored.
public protocol OfferStorage: Sendable {
    /// How many offers there are; they are numbered `0..<count`, grouped by firm.
    var count: Int { get }
    /// Offer `i`, whole.
    func offer(_ i: Int) -> Offer
    /// The id of offer `i` (cheaper than the whole offer where storage allows).
    func id(_ i: Int) -> String
    /// What a list row shows of offer `i` (cheaper than the whole offer where storage allows).
    func row(_ i: Int) -> OfferRow
    /// The number of the offer with this id.
    func index(ofID id: String) -> Int?
    /// The index in the catalogue's firms of the firm of offer `i`.
    func firmIndex(of i: Int) -> Int
    /// The fingerprint of offer `i`'s fields (`OfferFingerprint`; from the record, undecoded, where storage allows).
    func fingerprint(_ i: Int) -> OfferFingerprint
    /// Every offer's number, in the byte order of their ids.
    func indicesByID() -> [Int]
}

extension OfferStorage {
    public func id(_ i: Int) -> String { offer(i).id }
    public func row(_ i: Int) -> OfferRow { OfferRow(offer(i)) }
    public func fingerprint(_ i: Int) -> OfferFingerprint { OfferFingerprint.of(offer(i)) }
    public func indicesByID() -> [Int] {
        let ids = (0..<count).map { Array(id($0).utf8) }
        return ids.indices.sorted { ids[$0].lexicographicallyPrecedes(ids[$1]) }
    }
}

/// Offers held in an array, with their id table.
public struct InMemoryOffers: OfferStorage {
    let offers: [Offer]
    let firmOfOffer: [Int32]
    let indexByID: [String: Int]

    /// `offers` grouped by firm; `firmOfOffer[i]` is the index of offer `i`'s firm.
    init(offers: [Offer], firmOfOffer: [Int32]) {
        self.offers = offers
        self.firmOfOffer = firmOfOffer
        var byID: [String: Int] = [:]
        byID.reserveCapacity(offers.count)
        for (i, o) in offers.enumerated() { byID[o.id] = i }
        indexByID = byID
    }

    public var count: Int { offers.count }
    public func offer(_ i: Int) -> Offer { offers[i] }
    public func id(_ i: Int) -> String { offers[i].id }
    public func index(ofID id: String) -> Int? { indexByID[id] }
    public func firmIndex(of i: Int) -> Int { Int(firmOfOffer[i]) }
}

/// The offers of a catalogue, as a collection over its storage.
public struct OfferList: RandomAccessCollection, Sendable, Equatable {
    let storage: any OfferStorage

    init(_ storage: any OfferStorage) { self.storage = storage }

    public var count: Int { storage.count }
    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(i: Int) -> Offer { storage.offer(i) }

    public static func == (a: OfferList, b: OfferList) -> Bool { a.elementsEqual(b) }

    /// The id of offer `i` (for a compiled catalogue, decoded alone).
    public func id(_ i: Int) -> String { storage.id(i) }

    /// What a list row shows of offer `i`; for a compiled catalogue, decoded without the long
    /// texts (the cheap way to print many rows).
    public func row(_ i: Int) -> OfferRow { storage.row(i) }

    /// The fingerprint of offer `i`'s fields (`OfferFingerprint`).
    public func fingerprint(_ i: Int) -> OfferFingerprint { storage.fingerprint(i) }

    /// Every offer's number, in the byte order of their ids.
    public func indicesByID() -> [Int] { storage.indicesByID() }
}

/// The masks of offers, in order (`IndexColumns.masks` of each): the columns `IndexColumns`
/// keeps for the facets and the places. Built offer by offer (`IndexColumns.build`, a firm's
/// `FirmIndexPart`) and put end to end (`IndexAssembly`).
struct MaskColumns: Sendable {
    var facets: [UInt64] = [], regions: [UInt32] = [], departments: [UInt64] = [], national: [UInt8] = []

    var count: Int { facets.count }

    init(capacity: Int = 0) {
        facets.reserveCapacity(capacity); regions.reserveCapacity(capacity)
        departments.reserveCapacity(2 * capacity); national.reserveCapacity(capacity)
    }

    mutating func append(_ offer: Offer) {
        let m = IndexColumns.masks(offer, deptsOfRegion: IndexColumns.departmentsOfRegion)
        facets.append(m.facets)
        regions.append(m.regions)
        departments.append(m.departments.0)
        departments.append(m.departments.1)
        national.append(m.national ? 1 : 0)
    }

    mutating func append(_ other: MaskColumns) {
        facets += other.facets; regions += other.regions; departments += other.departments; national += other.national
    }
}

/// The keys of the default order, side by side: each firm's name and each offer's title as
/// sort keys (`TextFolding.sortKey`), each offer's id, and which firm each offer is of. The
/// order is firm name, then title (French order), then id for stability.
struct OrderKeys: Sendable {
    private var firmKeys: [UInt8] = [], firmKeyEnds: [Int] = [0]
    private var firmOfOffer: [Int32] = []
    private var titleKeys: [UInt8] = [], titleEnds: [Int] = [0]
    /// Every offer's id (UTF-8): offer `i`'s is `ids[idEnds[i] ..< idEnds[i + 1]]`.
    private(set) var ids: [UInt8] = [], idEnds: [Int] = [0]

    var count: Int { firmOfOffer.count }
    var firmCount: Int { firmKeyEnds.count - 1 }

    /// Adds a firm (its offers then name it by its number: the firms added before it).
    mutating func addFirm(_ name: String) {
        firmKeys += TextFolding.sortKey(name).utf8
        firmKeyEnds.append(firmKeys.count)
    }

    /// Adds the next offer, of firm `firm`.
    mutating func addOffer(_ offer: Offer, firm: Int) {
        firmOfOffer.append(Int32(firm))
        titleKeys += TextFolding.sortKey(offer.title).utf8
        titleEnds.append(titleKeys.count)
        ids += offer.id.utf8
        idEnds.append(ids.count)
    }

    /// Adds another set of keys after these (its firms after these firms).
    mutating func append(_ other: OrderKeys) {
        let (firms, firmBase, titleBase, idBase) = (Int32(firmCount), firmKeys.count, titleKeys.count, ids.count)
        firmKeys += other.firmKeys
        firmKeyEnds += other.firmKeyEnds.dropFirst().lazy.map { firmBase + $0 }
        firmOfOffer += other.firmOfOffer.lazy.map { firms + $0 }
        titleKeys += other.titleKeys
        titleEnds += other.titleEnds.dropFirst().lazy.map { titleBase + $0 }
        ids += other.ids
        idEnds += other.idEnds.dropFirst().lazy.map { idBase + $0 }
    }

    /// The offers in the default order.
    func order() -> [Int32] {
        firmKeys.withUnsafeBufferPointer { firms in
            titleKeys.withUnsafeBufferPointer { titles in
                ids.withUnsafeBufferPointer { idBytes in
                    let (firmEnds, titleEnds, idEnds, firmOf) = (firmKeyEnds, self.titleEnds, self.idEnds, firmOfOffer)
                    func firmKey(_ i: Int) -> UnsafeBufferPointer<UInt8> {
                        let f = Int(firmOf[i])
                        return UnsafeBufferPointer(rebasing: firms[firmEnds[f]..<firmEnds[f + 1]])
                    }
                    func titleKey(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: titles[titleEnds[i]..<titleEnds[i + 1]]) }
                    func id(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: idBytes[idEnds[i]..<idEnds[i + 1]]) }
                    func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool { a.elementsEqual(b) }
                    return (0..<count).sorted { a, b in
                        let (fa, fb) = (firmKey(a), firmKey(b))
                        if !same(fa, fb) { return fa.lexicographicallyPrecedes(fb) }
                        let (ta, tb) = (titleKey(a), titleKey(b))
                        if !same(ta, tb) { return ta.lexicographicallyPrecedes(tb) }
                        return id(a).lexicographicallyPrecedes(id(b))
                    }.map { Int32($0) }
                }
            }
        }
    }
}

/// One firm's share of the search index, worked out by the thread that read the firm
/// (`FirmPipeline`): its offers' words numbered (offers counted from 0 within the firm), their
/// masks, and the keys of the default order. `IndexAssembly` adds the parts in the catalogue's
/// order; the columns it gives are those `IndexColumns.build` gives for the whole catalogue.
struct FirmIndexPart: Sendable {
    var words: WordNumbering, titleWords: WordNumbering
    var masks: [UInt64] = [], regions: [UInt32] = [], departments: [UInt64] = [], national: [UInt8] = []
    /// The firm name's sort key; each offer's title sort key and id, side by side.
    var firmKey: [UInt8]
    var titleKeys: [UInt8] = [], titleEnds: [Int] = []
    var ids: [UInt8] = [], idEnds: [Int] = []

    var count: Int { masks.count }

    init(_ firm: Firm, _ offers: [Offer]) {
        var numbering = OfferWordNumbering(slots: 256, flat: true)
        let firmWords = numbering.firmWords(firm.name)
        let deptsOfRegion = IndexColumns.departmentsOfRegion
        masks.reserveCapacity(offers.count); regions.reserveCapacity(offers.count)
        departments.reserveCapacity(2 * offers.count); national.reserveCapacity(offers.count)
        titleEnds.reserveCapacity(offers.count); idEnds.reserveCapacity(offers.count)
        for (i, offer) in offers.enumerated() {
            numbering.add(offer, firm: firmWords, number: Int32(i))
            let m = IndexColumns.masks(offer, deptsOfRegion: deptsOfRegion)
            masks.append(m.facets)
            regions.append(m.regions)
            departments.append(m.departments.0)
            departments.append(m.departments.1)
            national.append(m.national ? 1 : 0)
            titleKeys += TextFolding.sortKey(offer.title).utf8
            titleEnds.append(titleKeys.count)
            ids += offer.id.utf8
            idEnds.append(ids.count)
        }
        words = numbering.words
        titleWords = numbering.titleWords
        firmKey = Array(TextFolding.sortKey(firm.name).utf8)
    }
}

/// The search index put together from the parts of the firms kept, added in the catalogue's
/// order (`add`); `columns` then gives what `IndexColumns.build` gives for that catalogue
/// (`FirmPipelineTests`, `QueryTests.indexBuiltInPartsIsTheSame`).
struct IndexAssembly: Sendable {
    private var words = WordNumbering(), titleWords = WordNumbering()
    private var masks: [UInt64] = [], regions: [UInt32] = [], departments: [UInt64] = [], national: [UInt8] = []
    private var firmKeys: [UInt8] = [], firmKeyEnds: [Int] = [0]
    private var firmOfOffer: [Int32] = []
    private var titleKeys: [UInt8] = [], titleEnds: [Int] = [0]
    /// Every offer's id, side by side (UTF-8), in the catalogue's order: offer `i`'s is
    /// `ids[idEnds[i] ..< idEnds[i + 1]]`.
    private(set) var ids: [UInt8] = [], idEnds: [Int] = [0]

    /// Offers added so far.
    var count: Int { firmOfOffer.count }

    /// Adds the next firm kept (its postings are moved out of the part on the way).
    mutating func add(_ part: inout FirmIndexPart) {
        let offset = Int32(count), firm = Int32(firmKeyEnds.count - 1)
        words.append(&part.words, offset: offset)
        titleWords.append(&part.titleWords, offset: offset)
        masks += part.masks; regions += part.regions; departments += part.departments; national += part.national
        firmKeys += part.firmKey
        firmKeyEnds.append(firmKeys.count)
        firmOfOffer += repeatElement(firm, count: part.count)
        let (titleBase, idBase) = (titleKeys.count, ids.count)
        titleKeys += part.titleKeys
        titleEnds += part.titleEnds.lazy.map { titleBase + $0 }
        ids += part.ids
        idEnds += part.idEnds.lazy.map { idBase + $0 }
    }

    /// The index's columns; empties the assembly's word numberings and keys on the way (the ids
    /// stay, for the compiled file's id order).
    mutating func columns() -> IndexColumns {
        let storage = ColumnStorage()
        let wordList = words.wordList(in: storage), titleList = titleWords.wordList(in: storage)
        words = WordNumbering(); titleWords = WordNumbering()
        // Default order: firm name, then title (French order), then id for stability, as
        // `IndexColumns.build` orders them.
        let n = count
        let order: [Int32] = firmKeys.withUnsafeBufferPointer { firms in
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
                    return (0..<n).sorted { a, b in
                        let (fa, fb) = (firmKey(a), firmKey(b))
                        if !same(fa, fb) { return fa.lexicographicallyPrecedes(fb) }
                        let (ta, tb) = (titleKey(a), titleKey(b))
                        if !same(ta, tb) { return ta.lexicographicallyPrecedes(tb) }
                        return id(a).lexicographicallyPrecedes(id(b))
                    }.map { Int32($0) }
                }
            }
        }
        firmKeys = []; firmKeyEnds = [0]; titleKeys = []; titleEnds = [0]; firmOfOffer = []
        let columns = IndexColumns(storage: storage, facetMasks: storage.column(masks), regionMasks: storage.column(regions),
                                   departmentMasks: storage.column(departments), coversNational: storage.column(national),
                                   words: wordList, titleWords: titleList, defaultOrder: storage.column(order))
        masks = []; regions = []; departments = []; national = []
        return columns
    }
}

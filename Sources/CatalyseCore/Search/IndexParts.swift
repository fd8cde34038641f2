/// One firm's share of the search index, worked out by the thread that read the firm
/// (`FirmPipeline`): its offers' words numbered (offers counted from 0 within the firm), their
/// masks, and the keys of the default order. `IndexAssembly` adds the parts in the catalogue's
/// order; the columns it gives are those `IndexColumns.build` gives for the whole catalogue.
struct FirmIndexPart: Sendable {
    var words: WordNumbering, titleWords: WordNumbering
    var masks: MaskColumns
    /// The keys of the default order: the firm's name, its offers' titles and ids.
    var keys = OrderKeys()

    var count: Int { masks.count }

    init(_ firm: Firm, _ offers: [Offer]) {
        var numbering = OfferWordNumbering(slots: 256, flat: true)
        let firmWords = numbering.firmWords(firm.name)
        masks = MaskColumns(capacity: offers.count)
        keys.addFirm(firm.name)
        for (i, offer) in offers.enumerated() {
            numbering.add(offer, firm: firmWords, number: Int32(i))
            masks.append(offer)
            keys.addOffer(offer, firm: 0)
        }
        words = numbering.words
        titleWords = numbering.titleWords
    }
}

/// The search index put together from the parts of the firms kept, added in the catalogue's
/// order (`add`); `columns` then gives what `IndexColumns.build` gives for that catalogue
/// (`FirmPipelineTests`, `QueryTests.indexBuiltInPartsIsTheSame`).
struct IndexAssembly: Sendable {
    private var words = WordNumbering(), titleWords = WordNumbering()
    private var masks = MaskColumns()
    private var keys = OrderKeys()

    /// Every offer's id, side by side (UTF-8), in the catalogue's order: offer `i`'s is
    /// `ids[idEnds[i] ..< idEnds[i + 1]]`.
    var ids: [UInt8] { keys.ids }
    var idEnds: [Int] { keys.idEnds }

    /// Offers added so far.
    var count: Int { keys.count }

    /// Adds the next firm kept (its postings are moved out of the part on the way).
    mutating func add(_ part: inout FirmIndexPart) {
        let offset = Int32(count)
        words.append(&part.words, offset: offset)
        titleWords.append(&part.titleWords, offset: offset)
        masks.append(part.masks)
        keys.append(part.keys)
    }

    /// The index's columns; empties the assembly's word numberings and masks on the way (the
    /// keys stay, for the compiled file's id order).
    mutating func columns() -> IndexColumns {
        let storage = ColumnStorage()
        let wordList = words.wordList(in: storage), titleList = titleWords.wordList(in: storage)
        words = WordNumbering(); titleWords = WordNumbering()
        let columns = IndexColumns(storage: storage, masks: masks, words: wordList, titleWords: titleList, defaultOrder: storage.column(keys.order()))
        masks = MaskColumns()
        return columns
    }
}

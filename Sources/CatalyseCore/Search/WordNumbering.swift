import Glibc

/// Numbers distinct words (UTF-8 bytes) in first-seen order with an open-addressing hash table,
/// and collects each word's offers.
struct WordNumbering {
    private var bytes: [UInt8] = []
    private var offsets: [UInt32] = [0]
    private var table: [Int32]
    private(set) var postings: [[Int32]] = []
    /// With `flat`, the postings are kept as (word << 32 | offer) pairs instead of a list per
    /// word: one firm's offers (`FirmIndexPart`) make a few hundred words of a few postings,
    /// which as arrays of their own would cost an allocation each.
    private let flat: Bool
    private var pairs: [UInt64] = []

    var count: Int { offsets.count - 1 }

    /// `slots`: the hash table's first size (a power of two; it doubles as words come).
    init(slots: Int = 1024, flat: Bool = false) {
        table = [Int32](repeating: -1, count: slots)
        self.flat = flat
    }

    func bytes(of id: Int) -> ArraySlice<UInt8> { bytes[Int(offsets[id])..<Int(offsets[id + 1])] }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        var mask = table.count - 1
        var slot = Int(truncatingIfNeeded: WordNumbering.hash(word)) & mask
        while true {
            let id = table[slot]
            if id < 0 { break }
            let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
            if end - start == word.count && bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, word.baseAddress!, word.count) == 0 }) {
                return id
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        bytes.append(contentsOf: word)
        offsets.append(UInt32(bytes.count))
        if !flat { postings.append([]) }
        if count * 2 > table.count {
            table = [Int32](repeating: -1, count: table.count * 2)
            mask = table.count - 1
            for existing in 0..<count {
                let h = bytes(of: existing).withUnsafeBufferPointer { WordNumbering.hash($0) }
                var s = Int(truncatingIfNeeded: h) & mask
                while table[s] >= 0 { s = (s + 1) & mask }
                table[s] = Int32(existing)
            }
        } else {
            table[slot] = id
        }
        return id
    }

    /// Adds the words and postings of a numbering of later offers (empties it on the way).
    mutating func absorb(_ later: inout WordNumbering) {
        for id in 0..<later.count {
            let mine = Int(later.bytes(of: id).withUnsafeBufferPointer { number($0) })
            postings[mine].reserveCapacity(postings[mine].count + later.postings[id].count)  // exactly, not doubled
            postings[mine] += later.postings[id]
            later.postings[id] = []
        }
    }

    /// Adds the words and postings of one firm's numbering (`FirmIndexPart`), whose offers
    /// are numbered from 0: they become `offset`, `offset + 1`… (its posting lists go with it). Lists
    /// grow by doubling here: a word gains a few postings from each of many firms.
    mutating func append(_ firm: inout WordNumbering, offset: Int32) {
        precondition(firm.flat && !flat)
        firm.pairs.sort()  // by word, then offer
        var i = 0
        let pairs = firm.pairs
        while i < pairs.count {
            let word = Int(pairs[i] >> 32)
            let mine = Int(firm.bytes(of: word).withUnsafeBufferPointer { number($0) })
            while i < pairs.count && Int(pairs[i] >> 32) == word {
                postings[mine].append(Int32(truncatingIfNeeded: pairs[i]) + offset)
                i += 1
            }
        }
        firm.pairs = []
    }

    /// Records `offer` once for each distinct id (sorts and empties `ids`).
    mutating func post(ids: inout [Int32], offer: Int32) {
        ids.sort()
        var previous: Int32 = -1
        if flat {
            for id in ids where id != previous { pairs.append(UInt64(UInt32(id)) << 32 | UInt64(UInt32(offer))); previous = id }
            return
        }
        for id in ids where id != previous { postings[Int(id)].append(offer); previous = id }
    }

    /// The finished list; empties this numbering's posting lists on the way.
    mutating func wordList(in storage: ColumnStorage) -> WordList {
        let (bytes, offsets) = (self.bytes, self.offsets)
        return WordList.build(count: count, word: { bytes[Int(offsets[$0])..<Int(offsets[$0 + 1])] }, postings: &postings, in: storage)
    }
}

/// Numbers the searchable words of offers, one offer after the other, into two numberings:
/// every word (title, summary, description, the firm's name, the labels of its searchable facet
/// values, its places' names) and the words of titles and firm names (for ranking). What
/// `IndexColumns.numberWords` does for a range of a catalogue and `FirmIndexPart` for one firm.
struct OfferWordNumbering {
    var words: WordNumbering, titleWords: WordNumbering
    // The words of each facet value's labels, numbered once (key: bit in the facet mask).
    private var labelIDs = [[Int32]?](repeating: nil, count: 64)
    private var placeIDs: [Place: [Int32]] = [:]
    private var ids: [Int32] = [], titleIDs: [Int32] = []
    private let searchable = FacetTable.coded.filter(\.searchable)

    /// `slots`: the first size of the numberings' hash tables (small for one firm's offers).
    init(slots: Int = 1024, flat: Bool = false) {
        words = WordNumbering(slots: slots, flat: flat)
        titleWords = WordNumbering(slots: slots / 4, flat: flat)
    }

    /// A firm's name, numbered: given back to `add` for each of its offers.
    mutating func firmWords(_ name: String) -> (all: [Int32], title: [Int32]) {
        var all: [Int32] = [], title: [Int32] = []
        TextFolding.forEachFoldedWord(name) { all.append(words.number($0)); title.append(titleWords.number($0)) }
        return (all, title)
    }

    /// The folded words of each facet value's labels (by bit in the facet mask) and of each
    /// place's names, worked out once per process: a firm's numbering (`FirmIndexPart`) numbers
    /// them again, but never folds them again.
    private static let labelWords: [[[UInt8]]] = {
        var all = [[[UInt8]]](repeating: [], count: 64)
        for facet in FacetTable.coded {
            for (ordinal, value) in facet.values.enumerated() {
                var texts = [value.label.fr, value.label.en]
                if value.shortLabel != value.label { texts += [value.shortLabel.fr, value.shortLabel.en] }
                for text in texts { TextFolding.forEachFoldedWord(text) { all[facet.offset + ordinal].append(Array($0)) } }
            }
        }
        return all
    }()
    private static let placeNameWords: [Place: [[UInt8]]] = {
        var all: [Place: [[UInt8]]] = [:]
        for place in RecordReader.places {
            var words: [[UInt8]] = []
            for text in [place.name(.fr), place.name(.en)] { TextFolding.forEachFoldedWord(text) { words.append(Array($0)) } }
            all[place] = words
        }
        return all
    }()

    private mutating func number(_ folded: [[UInt8]]) -> [Int32] {
        folded.map { word in word.withUnsafeBufferPointer { words.number($0) } }
    }

    private mutating func labelled(_ facet: CodedFacet, _ ordinal: Int) -> [Int32] {
        let key = facet.offset + ordinal
        if let cached = labelIDs[key] { return cached }
        let ids = number(OfferWordNumbering.labelWords[key])
        labelIDs[key] = ids
        return ids
    }

    private mutating func placeWords(_ place: Place) -> [Int32] {
        if let cached = placeIDs[place] { return cached }
        var ids: [Int32] = []
        if let folded = OfferWordNumbering.placeNameWords[place] { ids = number(folded) } else {
            for text in [place.name(.fr), place.name(.en)] { TextFolding.forEachFoldedWord(text) { ids.append(words.number($0)) } }
        }
        placeIDs[place] = ids
        return ids
    }

    /// Numbers the words of `offer` (its firm's name words: `firm`) and posts them as `number`.
    mutating func add(_ offer: Offer, firm: (all: [Int32], title: [Int32]), number: Int32) {
        ids.removeAll(keepingCapacity: true)
        titleIDs.removeAll(keepingCapacity: true)
        ids += firm.all; titleIDs += firm.title
        TextFolding.forEachFoldedWord(offer.title) { ids.append(words.number($0)); titleIDs.append(titleWords.number($0)) }
        TextFolding.forEachFoldedWord(offer.summary) { ids.append(words.number($0)) }
        TextFolding.forEachFoldedWord(offer.description) { ids.append(words.number($0)) }
        for facet in searchable { facet.forEachValue(offer) { let label = labelled(facet, $0); ids += label } }
        for place in offer.territories { let named = placeWords(place); ids += named }
        words.post(ids: &ids, offer: number)
        titleWords.post(ids: &titleIDs, offer: number)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What every query needs about a catalogue, computed once when it is loaded: folded search
/// words with their posting lists (for word-prefix search), a bit mask of facet values per
/// offer, the territories each offer matches, and the default French order.
public final class SearchIndex: Sendable {
    public let catalogue: Catalogue

    /// Bit layout of `facetMasks`: each facet's values get consecutive bits in declaration order.
    struct Layout {
        static let purpose = 0        // 2 bits
        static let format = 2         // 2
        static let kind = 4           // 8
        static let theme = 12         // 3
        static let stage = 15         // 5
        static let budget = 20        // 5
        static let mode = 25          // 3
        static let employer = 28      // 2
        static let audience = 30      // 2
        static func offset(_ facet: Facet) -> Int? {
            switch facet {
            case .purpose: purpose
            case .format: format
            case .kind: kind
            case .theme: theme
            case .stage: stage
            case .budget: budget
            case .mode: mode
            case .employer: employer
            case .audience: audience
            case .territory: nil
            }
        }
        static func width(_ facet: Facet) -> Int {
            switch facet {
            case .purpose: 2
            case .format: 2
            case .kind: 8
            case .theme: 3
            case .stage: 5
            case .budget: 5
            case .mode: 3
            case .employer: 2
            case .audience: 2
            case .territory: 0
            }
        }
        static func mask(_ facet: Facet) -> UInt64 {
            guard let offset = offset(facet) else { return 0 }
            return ((1 << UInt64(width(facet))) - 1) << UInt64(offset)
        }
        static func bit<T: CodedValue>(_ value: T) -> UInt64 {
            1 << UInt64(offset(T.facet)! + value.ordinal)
        }
        static func bits<T: CodedValue>(_ values: [T], emptyMeansAll: Bool) -> UInt64 {
            if values.isEmpty { return emptyMeansAll ? mask(T.facet) : 0 }
            return values.reduce(0) { $0 | bit($1) }
        }
    }

    /// The precomputed columns (built here, or read from a compiled catalogue).
    let columns: IndexColumns
    /// Per offer: one bit per facet value it has (an empty eligibility list sets every bit).
    var facetMasks: Column<UInt64> { columns.facetMasks }
    /// Per offer: the régions a filter on which finds it (bit = index in `Territories.regionCodes`).
    var regionMasks: Column<UInt32> { columns.regionMasks }
    /// Per offer, two words: the départements a filter on which finds it (bit = index in
    /// `Territories.departments`).
    var departmentMasks: Column<UInt64> { columns.departmentMasks }
    /// Per offer: 1 if it covers the whole country.
    var coversNational: Column<UInt8> { columns.coversNational }
    /// Offer indices in the default order: firm name, then title, French alphabetical order.
    var defaultOrder: Column<Int32> { columns.defaultOrder }

    public var count: Int { catalogue.offers.count }

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        columns = catalogue.compiledColumns ?? IndexColumns.build(catalogue)
    }

    /// Offers with a searchable word that starts with `prefix` (already folded).
    func offers(withWordPrefix prefix: String, title: Bool = false) -> Bitset {
        let list = title ? columns.titleWords : columns.words
        var set = Bitset(count: count)
        for i in list.prefixRange(Array(prefix.utf8)) {
            for offer in list.offers(i) { set.insert(Int(offer)) }
        }
        return set
    }
}

/// Everything `SearchIndex` precomputes, as flat columns: what `catalyse compile` writes.
struct IndexColumns: Sendable {
    let storage: ColumnStorage
    let facetMasks: Column<UInt64>
    let regionMasks: Column<UInt32>
    let departmentMasks: Column<UInt64>
    let coversNational: Column<UInt8>
    /// Every searchable word; and the words of titles and firm names (for ranking).
    let words: WordList
    let titleWords: WordList
    let defaultOrder: Column<Int32>

    typealias Layout = SearchIndex.Layout

    /// The masks of one offer.
    static func masks(_ offer: Offer, deptsOfRegion: [String: (UInt64, UInt64)]) -> (facets: UInt64, regions: UInt32, departments: (UInt64, UInt64), national: Bool) {
        var m: UInt64 = 0
        m |= Layout.bit(offer.purpose)
        m |= Layout.bit(offer.format)
        m |= Layout.bits(offer.kinds, emptyMeansAll: false)
        m |= Layout.bits(offer.themes, emptyMeansAll: false)
        m |= Layout.bits(offer.eligibility.stages, emptyMeansAll: true)
        m |= Layout.bits(offer.eligibility.budgets, emptyMeansAll: true)
        m |= Layout.bit(offer.mode)
        m |= Layout.bits(offer.eligibility.employer, emptyMeansAll: true)
        m |= Layout.bits(offer.audience, emptyMeansAll: false)
        let isNational = offer.territories.contains(.national)
        if isNational || offer.mode == .aDistance {
            return (m, allRegions, allDepartments, isNational)
        }
        var r: UInt32 = 0
        var d: (UInt64, UInt64) = (0, 0)
        for place in offer.territories {
            switch place {
            case .national: break
            case .region(let code):
                if let i = Territories.regionIndex[code] { r |= 1 << UInt32(i) }
                if let dm = deptsOfRegion[code] { d.0 |= dm.0; d.1 |= dm.1 }
            case .department(let code):
                if let i = Territories.departmentIndex[code] {
                    if i < 64 { d.0 |= 1 << UInt64(i) } else { d.1 |= 1 << UInt64(i - 64) }
                    if let ri = Territories.regionIndex[Territories.departments[i].region] { r |= 1 << UInt32(ri) }
                }
            }
        }
        return (m, r, d, false)
    }

    static let allRegions: UInt32 = (1 << UInt32(Territories.regionCodes.count)) - 1
    static let allDepartments: (UInt64, UInt64) = (~0, (1 << UInt64(Territories.departments.count - 64)) - 1)

    /// Départements of each région, as masks.
    static let departmentsOfRegion: [String: (UInt64, UInt64)] = {
        var result: [String: (UInt64, UInt64)] = [:]
        for (i, d) in Territories.departments.enumerated() {
            var m = result[d.region] ?? (0, 0)
            if i < 64 { m.0 |= 1 << UInt64(i) } else { m.1 |= 1 << UInt64(i - 64) }
            result[d.region] = m
        }
        return result
    }()

    /// `parts` is for tests; by default the words are numbered on every core above 20,000 offers.
    static func build(_ catalogue: Catalogue, parts: Int? = nil) -> IndexColumns {
        let offers = catalogue.offers
        let n = offers.count
        var masks: [UInt64] = [], regions: [UInt32] = [], departments: [UInt64] = [], national: [UInt8] = []
        masks.reserveCapacity(n); regions.reserveCapacity(n); departments.reserveCapacity(2 * n); national.reserveCapacity(n)
        let deptsOfRegion = departmentsOfRegion
        for offer in offers {
            let m = IndexColumns.masks(offer, deptsOfRegion: deptsOfRegion)
            masks.append(m.facets)
            regions.append(m.regions)
            departments.append(m.departments.0)
            departments.append(m.departments.1)
            national.append(m.national ? 1 : 0)
        }

        // Words: each part of the offers is numbered on a core of its own, then the parts are
        // merged in order (a later part's offers all come after an earlier part's).
        var numbered = Parallel.map(n, parts: parts ?? Parallel.parts(for: n)) { numberWords(catalogue, $0) }
        // Each part is moved out of the array (not copied), so changing or absorbing it frees
        // its lists instead of duplicating them.
        func take(_ part: Int) -> (WordNumbering, WordNumbering) {
            var taken = (WordNumbering(), WordNumbering())
            swap(&taken, &numbered[part])
            return taken
        }
        var (words, titleWords) = take(0)
        for part in numbered.indices.dropFirst() {
            var later = take(part)
            words.absorb(&later.0)
            titleWords.absorb(&later.1)
        }

        let storage = ColumnStorage()
        let wordList = words.wordList(in: storage), titleList = titleWords.wordList(in: storage)
        words = WordNumbering(); titleWords = WordNumbering()
        // Default order: firm name, then title (French order), then id for stability.
        var firmKeys: [Int: [UInt8]] = [:]
        let keys: [([UInt8], [UInt8], [UInt8])] = (0..<n).map { i in
            let offer = offers[i]
            let f = catalogue.firmIndex(of: i)
            let firmKey: [UInt8]
            if let cached = firmKeys[f] { firmKey = cached } else {
                firmKey = Array(TextFolding.sortKey(catalogue.firms[f].name).utf8)
                firmKeys[f] = firmKey
            }
            return (firmKey, Array(TextFolding.sortKey(offer.title).utf8), Array(offer.id.utf8))
        }
        let order = (0..<n).sorted { a, b in
            let (ka, kb) = (keys[a], keys[b])
            if ka.0 != kb.0 { return ka.0.lexicographicallyPrecedes(kb.0) }
            if ka.1 != kb.1 { return ka.1.lexicographicallyPrecedes(kb.1) }
            return ka.2.lexicographicallyPrecedes(kb.2)
        }
        return IndexColumns(storage: storage, facetMasks: storage.column(masks), regionMasks: storage.column(regions),
                            departmentMasks: storage.column(departments), coversNational: storage.column(national),
                            words: wordList, titleWords: titleList,
                            defaultOrder: storage.column(order.map { Int32($0) }))
    }
}

extension IndexColumns {
    /// The searchable words (and title and firm-name words) of the offers in `range`, numbered,
    /// with their posting lists.
    static func numberWords(_ catalogue: Catalogue, _ range: Range<Int>) -> (WordNumbering, WordNumbering) {
        let offers = catalogue.offers
        var words = WordNumbering(), titleWords = WordNumbering()
        var firmIDs: [Int: (all: [Int32], title: [Int32])] = [:]
        var labelIDs: [String: [Int32]] = [:]
        func labelled(_ key: String, _ texts: @autoclosure () -> [String]) -> [Int32] {
            if let cached = labelIDs[key] { return cached }
            var ids: [Int32] = []
            for text in texts() { TextFolding.forEachFoldedWord(text) { ids.append(words.number($0)) } }
            labelIDs[key] = ids
            return ids
        }
        var ids: [Int32] = [], titleIDs: [Int32] = []
        for i in range {
            let offer = offers[i]
            let f = catalogue.firmIndex(of: i)
            ids.removeAll(keepingCapacity: true)
            titleIDs.removeAll(keepingCapacity: true)
            if let cached = firmIDs[f] {
                ids += cached.all; titleIDs += cached.title
            } else {
                var all: [Int32] = [], title: [Int32] = []
                TextFolding.forEachFoldedWord(catalogue.firms[f].name) { all.append(words.number($0)); title.append(titleWords.number($0)) }
                firmIDs[f] = (all, title)
                ids += all; titleIDs += title
            }
            TextFolding.forEachFoldedWord(offer.title) { ids.append(words.number($0)); titleIDs.append(titleWords.number($0)) }
            TextFolding.forEachFoldedWord(offer.summary) { ids.append(words.number($0)) }
            TextFolding.forEachFoldedWord(offer.description) { ids.append(words.number($0)) }
            ids += labelled("f:" + offer.format.code, [offer.format.label.fr, offer.format.label.en])
            ids += labelled("p:" + offer.purpose.code, [offer.purpose.label.fr, offer.purpose.label.en, offer.purpose.shortLabel.fr, offer.purpose.shortLabel.en])
            for kind in offer.kinds { ids += labelled("k:" + kind.code, [kind.label.fr, kind.label.en]) }
            for theme in offer.themes { ids += labelled("t:" + theme.code, [theme.label.fr, theme.label.en]) }
            for place in offer.territories { ids += labelled("T:" + place.code, [place.name(.fr), place.name(.en)]) }
            words.post(ids: &ids, offer: Int32(i))
            titleWords.post(ids: &titleIDs, offer: Int32(i))
        }
        return (words, titleWords)
    }
}

/// Numbers distinct words (UTF-8 bytes) in first-seen order with an open-addressing hash table,
/// and collects each word's offers.
struct WordNumbering {
    private var bytes: [UInt8] = []
    private var offsets: [UInt32] = [0]
    private var table = [Int32](repeating: -1, count: 1024)
    private(set) var postings: [[Int32]] = []

    var count: Int { postings.count }

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
        let id = Int32(postings.count)
        bytes.append(contentsOf: word)
        offsets.append(UInt32(bytes.count))
        postings.append([])
        if postings.count * 2 > table.count {
            table = [Int32](repeating: -1, count: table.count * 2)
            mask = table.count - 1
            for existing in 0..<postings.count {
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

    /// Records `offer` once for each distinct id (sorts and empties `ids`).
    mutating func post(ids: inout [Int32], offer: Int32) {
        ids.sort()
        var previous: Int32 = -1
        for id in ids where id != previous { postings[Int(id)].append(offer); previous = id }
    }

    /// The finished list; empties this numbering's posting lists on the way.
    mutating func wordList(in storage: ColumnStorage) -> WordList {
        let (bytes, offsets) = (self.bytes, self.offsets)
        return WordList.build(count: count, word: { bytes[Int(offsets[$0])..<Int(offsets[$0 + 1])] }, postings: &postings, in: storage)
    }
}

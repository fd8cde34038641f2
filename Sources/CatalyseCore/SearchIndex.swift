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

    /// Per offer: one bit per facet value it has (an empty eligibility list sets every bit).
    let facetMasks: [UInt64]
    /// Per offer: the régions a filter on which finds it (bit = index in `Territories.regionCodes`).
    let regionMasks: [UInt32]
    /// Per offer: the départements a filter on which finds it (bit = index in `Territories.departments`).
    let departmentMasks: [(UInt64, UInt64)]
    /// Per offer: whether it covers the whole country.
    let coversNational: [Bool]

    /// Sorted distinct folded words of every searchable text, with the offers that contain each.
    let vocabulary: [String]
    let postings: [[Int32]]
    /// The same for the words of the title and the firm's name (for ranking).
    let titleVocabulary: [String]
    let titlePostings: [[Int32]]

    /// Offer indices in the default order: firm name, then title, French alphabetical order.
    public let defaultOrder: [Int]
    /// Position of each offer in `defaultOrder`.
    let orderRank: [Int32]

    public var count: Int { catalogue.offers.count }

    public init(catalogue: Catalogue) {
        self.catalogue = catalogue
        let offers = catalogue.offers
        var masks: [UInt64] = []
        var regions: [UInt32] = []
        var departments: [(UInt64, UInt64)] = []
        var national: [Bool] = []
        masks.reserveCapacity(offers.count)
        let regionIndex = Territories.regionIndex
        let departmentIndex = Territories.departmentIndex
        let allRegions: UInt32 = (1 << UInt32(Territories.regionCodes.count)) - 1
        let deptCount = Territories.departments.count
        let allDepts: (UInt64, UInt64) = (~0, (1 << UInt64(deptCount - 64)) - 1)
        // Départements of each région, as masks.
        var deptsOfRegion: [String: (UInt64, UInt64)] = [:]
        for (i, d) in Territories.departments.enumerated() {
            var m = deptsOfRegion[d.region] ?? (0, 0)
            if i < 64 { m.0 |= 1 << UInt64(i) } else { m.1 |= 1 << UInt64(i - 64) }
            deptsOfRegion[d.region] = m
        }
        for offer in offers {
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
            masks.append(m)
            let isNational = offer.territories.contains(.national)
            national.append(isNational)
            if isNational || offer.mode == .aDistance {
                regions.append(allRegions)
                departments.append(allDepts)
                continue
            }
            var r: UInt32 = 0
            var d: (UInt64, UInt64) = (0, 0)
            for place in offer.territories {
                switch place {
                case .national: break
                case .region(let code):
                    if let i = regionIndex[code] { r |= 1 << UInt32(i) }
                    if let dm = deptsOfRegion[code] { d.0 |= dm.0; d.1 |= dm.1 }
                case .department(let code):
                    if let i = departmentIndex[code] {
                        if i < 64 { d.0 |= 1 << UInt64(i) } else { d.1 |= 1 << UInt64(i - 64) }
                        if let ri = regionIndex[Territories.departments[i].region] { r |= 1 << UInt32(ri) }
                    }
                }
            }
            regions.append(r)
            departments.append(d)
        }
        facetMasks = masks
        regionMasks = regions
        departmentMasks = departments
        coversNational = national

        // Words: one dictionary look-up per word occurrence gives a word number; each offer's
        // numbers are sorted and deduplicated, then appended to the postings.
        var wordIDs: [String: Int32] = [:]
        var wordPostings: [[Int32]] = []
        var titleWordIDs: [String: Int32] = [:]
        var titleWordPostings: [[Int32]] = []
        func number(_ word: String, _ ids: inout [String: Int32], _ lists: inout [[Int32]]) -> Int32 {
            if let id = ids[word] { return id }
            let id = Int32(lists.count)
            ids[word] = id
            lists.append([])
            return id
        }
        var firmWords: [String: [String]] = [:]
        var labelWords: [String: [String]] = [:]
        func labelled(_ key: String, _ texts: @autoclosure () -> [String]) -> [String] {
            if let cached = labelWords[key] { return cached }
            let words = texts().flatMap(TextFolding.foldedWords)
            labelWords[key] = words
            return words
        }
        var ids: [Int32] = []
        var titleIDs: [Int32] = []
        for (i, offer) in offers.enumerated() {
            let firm = catalogue.firm(of: offer)
            let fw: [String]
            if let cached = firmWords[firm.id] { fw = cached } else {
                fw = TextFolding.foldedWords(firm.name)
                firmWords[firm.id] = fw
            }
            ids.removeAll(keepingCapacity: true)
            titleIDs.removeAll(keepingCapacity: true)
            for w in fw + TextFolding.foldedWords(offer.title) {
                titleIDs.append(number(w, &titleWordIDs, &titleWordPostings))
                ids.append(number(w, &wordIDs, &wordPostings))
            }
            var texts = TextFolding.foldedWords(offer.summary) + TextFolding.foldedWords(offer.description)
            texts += labelled("f:" + offer.format.code, [offer.format.label.fr, offer.format.label.en])
            texts += labelled("p:" + offer.purpose.code, [offer.purpose.label.fr, offer.purpose.label.en, offer.purpose.shortLabel.fr, offer.purpose.shortLabel.en])
            for kind in offer.kinds { texts += labelled("k:" + kind.code, [kind.label.fr, kind.label.en]) }
            for theme in offer.themes { texts += labelled("t:" + theme.code, [theme.label.fr, theme.label.en]) }
            for place in offer.territories { texts += labelled("T:" + place.code, [place.name(.fr), place.name(.en)]) }
            for w in texts { ids.append(number(w, &wordIDs, &wordPostings)) }
            ids.sort()
            titleIDs.sort()
            var previous: Int32 = -1
            for id in ids where id != previous { wordPostings[Int(id)].append(Int32(i)); previous = id }
            previous = -1
            for id in titleIDs where id != previous { titleWordPostings[Int(id)].append(Int32(i)); previous = id }
        }
        let vocab = wordIDs.keys.sorted()
        vocabulary = vocab
        postings = vocab.map { wordPostings[Int(wordIDs[$0]!)] }
        let tvocab = titleWordIDs.keys.sorted()
        titleVocabulary = tvocab
        titlePostings = tvocab.map { titleWordPostings[Int(titleWordIDs[$0]!)] }

        // Default order: firm name, then title (French order), then id for stability.
        let keys = offers.map { offer in
            (TextFolding.sortKey(catalogue.firm(of: offer).name), TextFolding.sortKey(offer.title), offer.id)
        }
        let order = offers.indices.sorted { keys[$0] < keys[$1] }
        defaultOrder = order
        var rank = [Int32](repeating: 0, count: offers.count)
        for (position, index) in order.enumerated() { rank[index] = Int32(position) }
        orderRank = rank
    }

    /// The range of `words` (sorted) that start with `prefix`.
    static func prefixRange(_ words: [String], _ prefix: String) -> Range<Int> {
        var low = 0, high = words.count
        while low < high {
            let mid = (low + high) / 2
            if words[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < words.count && words[end].hasPrefix(prefix) { end += 1 }
        return low..<end
    }

    /// Offers with a searchable word that starts with `prefix` (already folded).
    func offers(withWordPrefix prefix: String, title: Bool = false) -> Bitset {
        let words = title ? titleVocabulary : vocabulary
        let lists = title ? titlePostings : postings
        var set = Bitset(count: count)
        for i in SearchIndex.prefixRange(words, prefix) {
            for offer in lists[i] { set.insert(Int(offer)) }
        }
        return set
    }
}

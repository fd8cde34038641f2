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

    init(storage: ColumnStorage, facetMasks: Column<UInt64>, regionMasks: Column<UInt32>, departmentMasks: Column<UInt64>,
         coversNational: Column<UInt8>, words: WordList, titleWords: WordList, defaultOrder: Column<Int32>) {
        self.storage = storage
        self.facetMasks = facetMasks; self.regionMasks = regionMasks; self.departmentMasks = departmentMasks
        self.coversNational = coversNational
        self.words = words; self.titleWords = titleWords
        self.defaultOrder = defaultOrder
    }

    /// The columns of `masks` (`MaskColumns`), the word lists and the default order, in `storage`.
    init(storage: ColumnStorage, masks: MaskColumns, words: WordList, titleWords: WordList, defaultOrder: Column<Int32>) {
        self.init(storage: storage, facetMasks: storage.column(masks.facets), regionMasks: storage.column(masks.regions),
                  departmentMasks: storage.column(masks.departments), coversNational: storage.column(masks.national),
                  words: words, titleWords: titleWords, defaultOrder: defaultOrder)
    }

    /// The masks of one offer: its facet values (`FacetTable`) and the places a filter on
    /// which finds it (`Territories.matches`): the places it covers, their régions and
    /// départements, everything for a `national` offer. Its mode plays no part: a remote offer
    /// serves the places it lists, like any other.
    static func masks(_ offer: Offer, deptsOfRegion: [String: (UInt64, UInt64)]) -> (facets: UInt64, regions: UInt32, departments: (UInt64, UInt64), national: Bool) {
        let m = FacetTable.mask(offer)
        if offer.territories.contains(.national) {
            return (m, allRegions, allDepartments, true)
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

    /// `parts` is for tests; by default the words are numbered on every core from 1,000 offers.
    static func build(_ catalogue: Catalogue, parts: Int? = nil) -> IndexColumns {
        let offers = catalogue.offers
        let n = offers.count
        var masks = MaskColumns(capacity: n)
        for offer in offers { masks.append(offer) }

        // Words: each part of the offers is numbered on a core of its own, then the parts are
        // merged in order (a later part's offers all come after an earlier part's).
        // Numbering is most of building an index: it pays for the threads from 1,000 offers.
        var numbered = Parallel.map(n, parts: parts ?? Parallel.parts(for: n, from: 1_000)) { numberWords(catalogue, $0) }
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
        var keys = OrderKeys()
        for firm in catalogue.firms { keys.addFirm(firm.name) }
        for i in 0..<n { keys.addOffer(offers[i], firm: catalogue.firmIndex(of: i)) }
        return IndexColumns(storage: storage, masks: masks, words: wordList, titleWords: titleList, defaultOrder: storage.column(keys.order()))
    }
}

extension IndexColumns {
    /// The searchable words (and title and firm-name words) of the offers in `range`, numbered,
    /// with their posting lists.
    static func numberWords(_ catalogue: Catalogue, _ range: Range<Int>) -> (WordNumbering, WordNumbering) {
        let offers = catalogue.offers
        var numbering = OfferWordNumbering()
        var firmIDs: [Int: (all: [Int32], title: [Int32])] = [:]
        for i in range {
            let f = catalogue.firmIndex(of: i)
            let firm: (all: [Int32], title: [Int32])
            if let cached = firmIDs[f] { firm = cached } else {
                firm = numbering.firmWords(catalogue.firms[f].name)
                firmIDs[f] = firm
            }
            numbering.add(offers[i], firm: firm, number: Int32(i))
        }
        return (numbering.words, numbering.titleWords)
    }
}

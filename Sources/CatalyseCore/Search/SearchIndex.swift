import Synchronization

/// What every query needs about a catalogue, computed once when it is loaded: folded search
/// words with their posting lists (for word-prefix search), a bit mask of facet values per
/// offer (bits from `FacetTable`), the territories each offer matches, and the default French
/// order. Built here, or taken ready-made from a compiled catalogue (`PrebuiltIndex`).
public final class SearchIndex: Sendable {
    public let catalogue: Catalogue

    /// The precomputed columns.
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
    /// The inverse of `defaultOrder`: each offer's position in the default order. Every
    /// bit set of a query is a set of positions, so that the matches come out in display
    /// order by reading their bits in order.
    let positionOf: [Int32]
    /// The masks turned sideways, for counting by words: built on the first count.
    let planes: Once<ValuePlanes>
    /// Distinct for every index made by this process: what a query result's reusable word
    /// sets are tied to (an address could be reused by a later index, a token is not).
    let token: UInt64

    private static let tokens = Atomic<UInt64>(0)

    public var count: Int { catalogue.offers.count }

    /// The index of `catalogue`: `prebuilt` when the file carried one (it must be the index of
    /// this catalogue, as `CatalogueLoader.Loaded` gives them), else built now.
    public init(catalogue: Catalogue, prebuilt: PrebuiltIndex? = nil) {
        self.catalogue = catalogue
        let columns = prebuilt?.columns ?? IndexColumns.build(catalogue)
        self.columns = columns
        let n = catalogue.offers.count
        var positions = [Int32](repeating: 0, count: n)
        for (position, offer) in columns.defaultOrder.enumerated() { positions[Int(offer)] = Int32(position) }
        positionOf = positions
        let inverse = positions
        planes = Once { ValuePlanes.build(columns, positions: inverse) }
        token = SearchIndex.tokens.add(1, ordering: .relaxed).newValue
    }

    /// The columns, to be written into a compiled catalogue.
    var prebuilt: PrebuiltIndex { PrebuiltIndex(columns: columns) }

    /// The positions (in the default order) of the offers with a searchable word that starts
    /// with `prefix` (already folded); from the
    /// ready sets of `prefixes` when it is one of them.
    func offers(withWordPrefix prefix: String, title: Bool = false, prefixes: PrefixSets? = nil) -> Bitset {
        if let prefixes, prefix.utf8.count <= PrefixSets.longest, let ready = (title ? prefixes.title : prefixes.all)[Array(prefix.utf8)] {
            return ready
        }
        let list = title ? columns.titleWords : columns.words
        var set = Bitset(universe: count)
        let range = list.prefixRange(Array(prefix.utf8))
        guard !range.isEmpty else { return set }
        // The postings of consecutive words are consecutive: one run over all of them.
        let postings = list.postings.buffer
        positionOf.withUnsafeBufferPointer { positions in
            set.insert(all: UnsafeBufferPointer(rebasing: postings[Int(list.postingStarts[range.lowerBound]) ..< Int(list.postingStarts[range.upperBound])]),
                       through: positions)
        }
        return set
    }
}

/// A search index read from a compiled catalogue, or numbered while the firms were read
/// (`IndexAssembly`), handed by the loader to `SearchIndex`.
public struct PrebuiltIndex: Sendable {
    let columns: IndexColumns
}

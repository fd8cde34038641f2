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
    /// Distinct for every index made by this process: what a query result's reusable word
    /// sets are tied to (an address could be reused by a later index, a token is not).
    let token: UInt64

    private static let tokens = Atomic<UInt64>(0)

    public var count: Int { catalogue.offers.count }

    /// The index of `catalogue`: `prebuilt` when the file carried one (it must be the index of
    /// this catalogue, as `CatalogueLoader.Loaded` gives them), else built now.
    public init(catalogue: Catalogue, prebuilt: PrebuiltIndex? = nil) {
        self.catalogue = catalogue
        columns = prebuilt?.columns ?? IndexColumns.build(catalogue)
        token = SearchIndex.tokens.add(1, ordering: .relaxed).newValue
    }

    /// The columns, to be written into a compiled catalogue.
    var prebuilt: PrebuiltIndex { PrebuiltIndex(columns: columns) }

    /// Offers with a searchable word that starts with `prefix` (already folded).
    func offers(withWordPrefix prefix: String, title: Bool = false) -> Bitset {
        let list = title ? columns.titleWords : columns.words
        var set = Bitset(universe: count)
        for i in list.prefixRange(Array(prefix.utf8)) {
            for offer in list.offers(i) { set.insert(Int(offer)) }
        }
        return set
    }
}

/// A search index read from a compiled catalogue, handed by the loader to `SearchIndex`.
public struct PrebuiltIndex: Sendable {
    let columns: IndexColumns
}

/// What a user asked for: a text search and a selection per facet. Facets combine with AND,
/// values within a facet with OR; an empty selection does not filter.
public struct OfferFilter: Equatable, Sendable {
    public var query: String = ""
    /// The selected values of every coded facet, as their bits in the facet table
    /// (`CodedFacet.bit`): one word for all of them.
    public private(set) var selectedBits: UInt64 = 0
    public var territories: [Place] = []
    /// Only the offers whose ids are in this set (the favourites), when not nil.
    public var onlyIDs: Set<String>? = nil

    public init() {}

    /// Whether nothing at all is selected.
    public var isEmpty: Bool { self == OfferFilter() }

    /// The selected values of one coded facet, typed: `filter[Purpose.self] = [.strategique]`.
    public subscript<T: CodedValue>(_: T.Type) -> Set<T> {
        get {
            let facet = T.facet.coded!
            return Set(T.allCases.enumerated().filter { selectedBits & facet.bit($0.offset) != 0 }.map(\.element))
        }
        set {
            let facet = T.facet.coded!
            selectedBits &= ~facet.mask
            for v in newValue { selectedBits |= facet.bit(v.ordinal) }
        }
    }

    /// The selected values of a facet, as code strings (in declaration order; territories in
    /// the order chosen).
    public func selectedCodes(_ facet: Facet) -> [String] {
        guard let coded = facet.coded else { return territories.map(\.code) }
        return coded.values.indices.filter { selectedBits & coded.bit($0) != 0 }.map { coded.values[$0].code }
    }

    /// The selected values of a facet, as their short labels in `language`.
    public func selectedLabels(_ facet: Facet, _ language: Language) -> [String] {
        guard let coded = facet.coded else { return Territories.displayNames(territories, language) }
        return coded.values.indices.filter { selectedBits & coded.bit($0) != 0 }.map { coded.values[$0].shortLabel.text(language) }
    }

    /// Selects (or unselects) one value of a facet given by its code; returns false if the
    /// code is unknown.
    @discardableResult
    public mutating func set(_ facet: Facet, code: String, selected: Bool) -> Bool {
        guard let coded = facet.coded else {
            guard let place = Place(code: code) else { return false }
            let at = territories.firstIndex(of: place)
            if selected, at == nil { territories.append(place) }
            if !selected, let at { territories.remove(at: at) }
            return true
        }
        guard let ordinal = coded.ordinal(of: code) else { return false }
        if selected { selectedBits |= coded.bit(ordinal) } else { selectedBits &= ~coded.bit(ordinal) }
        return true
    }

    /// Toggles one value of a facet given by its code; returns false if the code is unknown.
    @discardableResult
    public mutating func toggle(_ facet: Facet, code: String) -> Bool {
        guard let coded = facet.coded else {
            guard let place = Place(code: code) else { return false }
            return set(.territory, code: code, selected: !territories.contains(place))
        }
        guard let ordinal = coded.ordinal(of: code) else { return false }
        selectedBits ^= coded.bit(ordinal)
        return true
    }

    /// Empties one facet's selection.
    public mutating func clear(_ facet: Facet) {
        if let coded = facet.coded { selectedBits &= ~coded.mask } else { territories = [] }
    }

    /// The selected bits of one coded facet (0: the facet does not filter).
    func mask(_ facet: CodedFacet) -> UInt64 { selectedBits & facet.mask }
}

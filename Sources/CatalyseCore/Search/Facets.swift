/// The facets a list can be filtered on, in the order they are shown.
public enum Facet: String, Sendable, CaseIterable, Hashable {
    case purpose, format, kind, theme, territory, stage, budget, mode, employer, audience

    public var label: Label {
        switch self {
        case .purpose: Label(fr: "Finalité", en: "Purpose")
        case .format: Label(fr: "Format", en: "Format")
        case .kind: Label(fr: "Type d'accompagnement", en: "Support kind")
        case .theme: Label(fr: "Thème", en: "Theme")
        case .territory: Label(fr: "Territoire", en: "Territory")
        case .stage: Label(fr: "Stade", en: "Stage")
        case .budget: Label(fr: "Budget", en: "Budget")
        case .mode: Label(fr: "Modalité", en: "Mode")
        case .employer: Label(fr: "Emploi", en: "Staff")
        case .audience: Label(fr: "Public", en: "Audience")
        }
    }

    /// The description of a facet of code values (every facet but `territory`, whose places
    /// have masks of their own).
    public var coded: CodedFacet? { FacetTable.byFacet[self] }
}

/// One value of a coded facet.
public struct FacetValue: Sendable, Hashable {
    public let code: String
    /// The value's full label (sheets, exports, counts).
    public let label: Label
    /// The label in lists, the filter panel and filter descriptions: the full one, except
    /// for the purposes (« Stratégique »), whose full labels read like a theme.
    public let shortLabel: Label
}

/// A facet whose values are a `CodedValue` type: the one description that the search index
/// (bits), the filter (selection), the counts, the filter panel and the command-line options
/// read. Each value has one bit of an offer's 64-bit facet mask: value `i` of the facet is bit
/// `offset + i`, the offsets following each other in table order, so that adding a value to
/// an enum moves the bits of the facets after it, and nothing can overlap.
public struct CodedFacet: Sendable {
    public let facet: Facet
    /// Every value, in declaration order (`allCases`).
    public let values: [FacetValue]
    /// The bit of the first value.
    public let offset: Int
    /// Whether an offer that states no value is open to every one (stages, budgets, employer:
    /// `domain.md`); otherwise it has none.
    public let emptyMeansAll: Bool
    /// Whether the labels of an offer's values are words the search finds it by.
    public let searchable: Bool
    /// The command-line option's help, after « Repeat for OR. » is added (`--purpose`…).
    public let optionHelp: Label
    /// Calls its argument with the ordinal of each value of an offer.
    let forEachValue: @Sendable (Offer, (Int) -> Void) -> Void

    public var width: Int { values.count }
    /// The bits of every value of the facet.
    public var mask: UInt64 { width == 64 ? ~0 : ((1 << UInt64(width)) - 1) << UInt64(offset) }
    @inline(__always) public func bit(_ ordinal: Int) -> UInt64 { 1 << UInt64(offset + ordinal) }
    /// The ordinal of a code (case-insensitive), if it is one of the facet's.
    public func ordinal(of code: String) -> Int? {
        let lower = code.lowercased()
        return values.firstIndex { $0.code == lower }
    }
    /// The value a person typed: its code, or its French or English label, accents and case
    /// ignored, or a unique beginning of one of them.
    public func resolve(_ text: String) -> Resolution<Int> {
        Resolution.of(text, among: Array(values.indices)) { i in
            let v = values[i]
            return [v.code, v.label.fr, v.label.en, v.shortLabel.fr, v.shortLabel.en]
        }
    }

    /// `code-a, code-b, …`: the values a user may give.
    public var codeList: String { values.map(\.code).joined(separator: ", ") }

    /// The bits of an offer's values (every bit of the facet when it states none and that
    /// means all).
    @inline(__always) func bits(_ offer: Offer) -> UInt64 {
        var m: UInt64 = 0
        forEachValue(offer) { m |= bit($0) }
        return m == 0 && emptyMeansAll ? mask : m
    }
}

/// The table of coded facets, in bit order (which is `Facet.allCases` order without territory).
public enum FacetTable {
    /// Every coded facet. The bit offsets are assigned here, one after the other.
    public static let coded: [CodedFacet] = {
        var offset = 0
        func entry<T: CodedValue>(_: T.Type, short: @escaping (T) -> Label = { $0.label }, emptyMeansAll: Bool = false,
                                  searchable: Bool = false, help: Label,
                                  _ values: @escaping @Sendable (Offer, (Int) -> Void) -> Void) -> CodedFacet {
            let all = Array(T.allCases)
            let facet = CodedFacet(facet: T.facet, values: all.map { FacetValue(code: $0.code, label: $0.label, shortLabel: short($0)) },
                                   offset: offset, emptyMeansAll: emptyMeansAll, searchable: searchable,
                                   optionHelp: help, forEachValue: values)
            offset += all.count
            return facet
        }
        let purposes = Array(Purpose.allCases), formats = Array(OfferFormat.allCases), kinds = Array(SupportKind.allCases)
        let themes = Array(Theme.allCases), stages = Array(Stage.allCases), budgets = Array(BudgetBand.allCases)
        let modes = Array(DeliveryMode.allCases), employer = Array(EmployerStatus.allCases), audiences = Array(Audience.allCases)
        let table = [
            entry(Purpose.self, short: { $0.shortLabel }, searchable: true,
                  help: Label(fr: "Finalité", en: "Purpose")) { one($0.purpose, purposes, $1) },
            entry(OfferFormat.self, searchable: true,
                  help: Label(fr: "Format", en: "Format")) { one($0.format, formats, $1) },
            entry(SupportKind.self, searchable: true,
                  help: Label(fr: "Type d'accompagnement", en: "Support kind")) { many($0.kinds, kinds, $1) },
            entry(Theme.self, searchable: true,
                  help: Label(fr: "Thème", en: "Theme")) { many($0.themes, themes, $1) },
            entry(Stage.self, emptyMeansAll: true,
                  help: Label(fr: "Stade de l'association", en: "Association stage")) { many($0.eligibility.stages, stages, $1) },
            entry(BudgetBand.self, emptyMeansAll: true,
                  help: Label(fr: "Tranche de budget annuel", en: "Yearly budget band")) { many($0.eligibility.budgets, budgets, $1) },
            entry(DeliveryMode.self,
                  help: Label(fr: "Modalité", en: "Mode")) { one($0.mode, modes, $1) },
            entry(EmployerStatus.self, emptyMeansAll: true,
                  help: Label(fr: "Association employeuse ou bénévole", en: "Employer status")) { many($0.eligibility.employer, employer, $1) },
            entry(Audience.self,
                  help: Label(fr: "Individuel ou collectif", en: "One-to-one or group")) { many($0.audience, audiences, $1) },
        ]
        precondition(offset <= 64, "the coded facets need \(offset) bits; an offer's facet mask has 64")
        precondition(table.map(\.facet) == Facet.allCases.filter { $0 != .territory }, "the table follows Facet's order")
        return table
    }()

    // The ordinal of a value, without building `allCases` anew at every call.
    static func one<T: CodedValue>(_ value: T, _ all: [T], _ body: (Int) -> Void) { body(all.firstIndex(of: value)!) }
    static func many<T: CodedValue>(_ values: [T], _ all: [T], _ body: (Int) -> Void) { for v in values { body(all.firstIndex(of: v)!) } }

    static let byFacet: [Facet: CodedFacet] = Dictionary(uniqueKeysWithValues: coded.map { ($0.facet, $0) })

    /// The facet mask of an offer: the bits of its values in every coded facet.
    static func mask(_ offer: Offer) -> UInt64 {
        var m: UInt64 = 0
        for facet in coded { m |= facet.bits(offer) }
        return m
    }
}

extension CodedValue {
    /// This value's bit in an offer's facet mask.
    var facetBit: UInt64 { Self.facet.coded!.bit(ordinal) }
}

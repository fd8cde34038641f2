/// A calendar date without time (`YYYY-MM-DD`), as written in the catalogue.
public struct Day: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year), year >= 1000, year <= 9999 else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Day, b: Day) -> Bool { (a.year, a.month, a.day) < (b.year, b.month, b.day) }

    /// The UTC day of a Unix time.
    public init(unixTime: Int64) {
        // Civil-from-days (Howard Hinnant's algorithm).
        let z = Int(unixTime >= 0 ? unixTime / 86400 : (unixTime - 86399) / 86400) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y; self.month = m; self.day = d
    }

    /// Today's date, or the date of `SOURCE_DATE_EPOCH` when set (so outputs can be pinned).
    public static func today(environment: [String: String]) -> Day {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap({ Int64($0) }) { return Day(unixTime: epoch) }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Day(unixTime: Int64(now.tv_sec))
    }

    /// "26 novembre 2026" / "26 November 2026".
    public func long(_ language: Language) -> String {
        let fr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
        let en = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return language == .fr ? "\(day) \(fr[month - 1]) \(year)" : "\(day) \(en[month - 1]) \(year)"
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Who an offer is open to. An empty list means open to every value of that facet.
public struct Eligibility: Hashable, Sendable {
    public var stages: [Stage] = []
    public var budgets: [BudgetBand] = []
    public var employer: [EmployerStatus] = []
    public init(stages: [Stage] = [], budgets: [BudgetBand] = [], employer: [EmployerStatus] = []) {
        self.stages = stages; self.budgets = budgets; self.employer = employer
    }
}

/// The person to write to.
public struct Contact: Hashable, Sendable {
    public var name: String
    public var email: String
    public var phone: String?
    public init(name: String, email: String, phone: String? = nil) { self.name = name; self.email = email; self.phone = phone }
}

/// Where a firm's information comes from, and when it was last checked.
public struct Provenance: Hashable, Sendable {
    public var source: String
    public var verified: Day
    public init(source: String, verified: Day) { self.source = source; self.verified = verified }
}

/// One accompaniment offer of a firm.
public struct Offer: Hashable, Sendable, Identifiable {
    public var id: String
    public var firmID: String
    public var title: String
    public var summary: String
    public var description: String
    public var format: OfferFormat
    public var purpose: Purpose
    public var kinds: [SupportKind]
    public var themes: [Theme]
    public var territories: [Place]
    public var mode: DeliveryMode
    public var audience: [Audience]
    public var duration: String
    public var capacity: Int?
    public var eligibility: Eligibility
    /// What the association pays, in the offer's own words (nil: free, skills-based sponsorship).
    public var cost: String?
    public var apply: String

    public init(id: String, firmID: String, title: String, summary: String, description: String,
                format: OfferFormat, purpose: Purpose, kinds: [SupportKind], themes: [Theme],
                territories: [Place], mode: DeliveryMode, audience: [Audience], duration: String,
                capacity: Int? = nil, eligibility: Eligibility = Eligibility(), cost: String? = nil, apply: String) {
        self.id = id; self.firmID = firmID; self.title = title; self.summary = summary
        self.description = description; self.format = format; self.purpose = purpose; self.kinds = kinds
        self.themes = themes; self.territories = territories; self.mode = mode; self.audience = audience
        self.duration = duration; self.capacity = capacity; self.eligibility = eligibility
        self.cost = cost; self.apply = apply
    }

    /// The cost line to show: the offer's words, or "free" for skills-based sponsorship.
    public func costText(_ language: Language) -> String {
        if let cost { return cost }
        return language == .fr ? "Gratuit pour l'association (mécénat de compétences)" : "Free for the association (skills-based sponsorship)"
    }
}

/// A consulting firm of the programme.
public struct Firm: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var presentation: String
    /// INSEE code of the head office's département.
    public var headquarters: String
    public var website: String?
    public var contact: Contact
    public var joined: Int
    public var provenance: Provenance
    /// Where the firm's offers are in `Catalogue.offers` (contiguous, in file order); set by the
    /// catalogue.
    public internal(set) var offerIndices: Range<Int> = 0..<0

    public init(id: String, name: String, presentation: String, headquarters: String, website: String?,
                contact: Contact, joined: Int, provenance: Provenance) {
        self.id = id; self.name = name; self.presentation = presentation; self.headquarters = headquarters
        self.website = website; self.contact = contact; self.joined = joined; self.provenance = provenance
    }
}

/// The offers of a catalogue, by index: an array, or records of a compiled catalogue decoded
/// on access (so a large compiled catalogue costs nothing until an offer is shown).
public struct OfferList: RandomAccessCollection, Sendable, Equatable {
    enum Storage: Sendable {
        case memory([Offer])
        case compiled(CompiledOffers)
    }
    let storage: Storage
    public let count: Int

    init(_ storage: Storage) {
        self.storage = storage
        switch storage {
        case .memory(let offers): count = offers.count
        case .compiled(let records): count = records.count
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> Offer {
        switch storage {
        case .memory(let offers): offers[i]
        case .compiled(let records): records.offer(i)
        }
    }

    public static func == (a: OfferList, b: OfferList) -> Bool { a.elementsEqual(b) }

    /// The id of offer `i` (for a compiled catalogue, decoded alone).
    public func id(_ i: Int) -> String {
        switch storage {
        case .memory(let offers): offers[i].id
        case .compiled(let records): RecordReader.string(records.idBytes(i), singleLine: true)
        }
    }

    /// What a list row shows of offer `i`; for a compiled catalogue, decoded without the long
    /// texts (the cheap way to print many rows).
    public func row(_ i: Int) -> OfferRow {
        switch storage {
        case .memory(let offers): OfferRow(offers[i])
        case .compiled(let records): records.row(i)
        }
    }
}

/// The fields of an offer that a list row shows.
public struct OfferRow: Hashable, Sendable {
    public var id: String
    public var title: String
    public var purpose: Purpose
    public var format: OfferFormat
    public var territories: [Place]

    public init(id: String, title: String, purpose: Purpose, format: OfferFormat, territories: [Place]) {
        self.id = id; self.title = title; self.purpose = purpose; self.format = format; self.territories = territories
    }

    public init(_ offer: Offer) {
        self.init(id: offer.id, title: offer.title, purpose: offer.purpose, format: offer.format, territories: offer.territories)
    }
}

/// A whole catalogue: its metadata, firms and offers. Immutable once loaded.
public struct Catalogue: Sendable {
    public var name: String
    public var updated: Day
    public var illustrative: Bool
    public var note: String?
    public let firms: [Firm]
    /// Every offer, grouped by firm in file order.
    public let offers: OfferList
    let firmIndex: [String: Int]
    /// Per offer: the index of its firm in `firms`.
    let firmOfOffer: Column<Int32>
    /// The search index read from a compiled catalogue (nil: `SearchIndex` builds it).
    let compiledColumns: IndexColumns?
    private let offerIndex: [String: Int]
    private let storage: ColumnStorage

    /// A catalogue of `firms` and `offers`; each offer's `firmID` must be one of the firms.
    /// Offers are grouped by firm (in the firms' order, keeping their order within a firm).
    public init(name: String, updated: Day, illustrative: Bool, note: String? = nil, firms: [Firm], offers: [Offer]) {
        self.name = name; self.updated = updated; self.illustrative = illustrative; self.note = note
        var fi: [String: Int] = [:]
        for (i, f) in firms.enumerated() { fi[f.id] = i }
        var owner: [Int32] = offers.map { offer in
            guard let f = fi[offer.firmID] else { preconditionFailure("offer \(offer.id) names an unknown firm") }
            return Int32(f)
        }
        // The loader gives offers grouped in firm order; anything else is regrouped (stable).
        var grouped = offers
        if zip(owner, owner.dropFirst()).contains(where: { $0 > $1 }) {
            let order = owner.indices.sorted { (owner[$0], $0) < (owner[$1], $1) }
            grouped = order.map { offers[$0] }
            owner = order.map { owner[$0] }
        }
        var firmsWithRanges = firms
        var start = 0
        for f in firms.indices {
            var end = start
            while end < owner.count && owner[end] == Int32(f) { end += 1 }
            firmsWithRanges[f].offerIndices = start..<end
            start = end
        }
        var oi: [String: Int] = [:]
        oi.reserveCapacity(grouped.count)
        for (i, o) in grouped.enumerated() { oi[o.id] = i }
        self.firms = firmsWithRanges
        self.offers = OfferList(.memory(grouped))
        firmIndex = fi; offerIndex = oi
        let storage = ColumnStorage()
        self.storage = storage
        firmOfOffer = storage.column(owner)
        compiledColumns = nil
    }

    /// A compiled catalogue: offers decoded on access, the index already built.
    init(name: String, updated: Day, illustrative: Bool, note: String?, firms: [Firm], offers: CompiledOffers, columns: IndexColumns) {
        self.name = name; self.updated = updated; self.illustrative = illustrative; self.note = note
        var fi: [String: Int] = [:]
        for (i, f) in firms.enumerated() { fi[f.id] = i }
        self.firms = firms
        self.offers = OfferList(.compiled(offers))
        firmIndex = fi
        offerIndex = [:]
        storage = offers.storage
        firmOfOffer = offers.firmOfOffer
        compiledColumns = columns
    }

    public func firm(id: String) -> Firm? { firmIndex[id].map { firms[$0] } }
    public func offer(id: String) -> Offer? { index(ofOffer: id).map { offers[$0] } }
    public func firm(of offer: Offer) -> Firm { firms[firmIndex[offer.firmID]!] }
    /// The index in `firms` of the firm of offer number `i`.
    public func firmIndex(of i: Int) -> Int { Int(firmOfOffer[i]) }

    /// The position of the offer with this id in `offers`.
    public func index(ofOffer id: String) -> Int? {
        switch offers.storage {
        case .memory: offerIndex[id]
        case .compiled(let records): records.index(ofID: id)
        }
    }
}

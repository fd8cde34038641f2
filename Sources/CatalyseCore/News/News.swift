/// What is new in a catalogue for this user: the offers added or changed since they last saw
/// them (`DossierStore.news(for:today:)`), and since when.
public struct News: Sendable, Equatable {
    /// One offer's mark: « nouveau », or « modifié » with the fields that changed.
    public struct Mark: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable { case new, changed }
        public var kind: Kind
        /// The keys of the fields that changed (`OfferFingerprint.fieldKeys`); empty for a new offer.
        public var fields: [String]
        public init(kind: Kind, fields: [String] = []) { self.kind = kind; self.fields = fields }
    }

    /// The catalogue's name, the key its fingerprints are kept under.
    public var catalogueName: String
    /// The last day the user had seen everything (the first opening, or the day the last mark
    /// was cleared).
    public var since: Day
    /// The marks, by offer id.
    public var marks: [String: Mark]
    /// Whether this was the catalogue's first opening (every offer was recorded as seen).
    public var firstOpen: Bool
    /// The digest of the whole catalogue as opened (recorded once nothing is left to see).
    var digest: UInt64

    public init(catalogueName: String, since: Day, marks: [String: Mark] = [:], firstOpen: Bool = false, digest: UInt64 = 0) {
        self.catalogueName = catalogueName
        self.since = since
        self.marks = marks
        self.firstOpen = firstOpen
        self.digest = digest
    }

    public var count: Int { marks.count }
    public var isEmpty: Bool { marks.isEmpty }
    public func mark(_ id: String) -> Mark? { marks[id] }
    /// The ids of the marked offers.
    public var ids: Set<String> { Set(marks.keys) }

    /// `list --json`'s value: "new", "changed" or nil.
    public func code(_ id: String) -> String? { marks[id]?.kind.rawValue }

    /// The header's words: « 12 nouveautés depuis le 3 novembre » (the year only when it is not
    /// this year's).
    public func summary(_ language: Language, today: Day) -> String {
        let day = since.long(language)
        let shown = since.year == today.year ? String(day.dropLast(5)) : day
        if language == .fr {
            return "\(count) nouveauté\(count > 1 ? "s" : "") depuis le \(shown)"
        }
        return "\(count) new or changed since \(shown)"
    }
}

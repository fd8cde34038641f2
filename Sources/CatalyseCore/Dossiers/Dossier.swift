import Glibc

/// Where one offer stands in a dossier.
public enum OfferStatus: String, Sendable, CaseIterable, Hashable {
    case aEtudier = "a-etudier"
    case contacte
    case enDiscussion = "en-discussion"
    case retenu
    case ecarte

    public var code: String { rawValue }

    public var label: Label {
        switch self {
        case .aEtudier: Label(fr: "à étudier", en: "to review")
        case .contacte: Label(fr: "contacté", en: "contacted")
        case .enDiscussion: Label(fr: "en discussion", en: "in discussion")
        case .retenu: Label(fr: "retenu", en: "agreed")
        case .ecarte: Label(fr: "écarté", en: "set aside")
        }
    }

    /// The label as a heading (« À étudier »).
    public func heading(_ language: Language) -> String {
        let text = label.text(language)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// Statuses that wait for the firm's answer, and so may need a follow-up.
    public var awaitsAnswer: Bool { self == .contacte || self == .enDiscussion }

    /// A status from its code, its French or English label, or a unique prefix of one of them
    /// (accents and case ignored).
    public static func resolve(_ text: String) -> Resolution<OfferStatus> {
        Resolution.of(text, among: allCases) { [$0.code, $0.label.fr, $0.label.en] }
    }
}

/// What a name or a word typed by a person designates among candidates: accents and case are
/// ignored, an exact name wins, then a unique beginning of the name, then names whose words
/// start with the words typed.
public enum Resolution<Value: Hashable>: Hashable {
    case found(Value)
    case ambiguous([Value])
    case unknown

    public static func of(_ text: String, among candidates: [Value], names: (Value) -> [String]) -> Resolution {
        let key = TextFolding.fold(TextCleaning.trim(text))
        guard !key.isEmpty else { return .unknown }
        let exact = candidates.filter { names($0).contains { TextFolding.fold($0) == key } }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        // Then a beginning of the name, or words that each start a word of it (`jardins` for
        // « Les Jardins partagés », `mecenat` for « Mécénat de compétences »).
        let typed = TextFolding.foldedWords(text)
        let near = candidates.filter { candidate in
            names(candidate).contains { name in
                TextFolding.fold(name).hasPrefix(key)
                    || (!typed.isEmpty && TextFolding.matchesAllPrefixes(query: typed, words: TextFolding.foldedWords(name)))
            }
        }
        switch near.count {
        case 0: return .unknown
        case 1: return .found(near[0])
        default: return .ambiguous(near)
        }
    }
}

/// Who the association is and what it needs: what a dossier's offers are chosen for.
public struct DossierProfile: Hashable, Sendable {
    public var name: String
    public var territory: Place?
    public var stage: Stage?
    public var budget: BudgetBand?
    public var employer: EmployerStatus?
    /// The support kinds it needs.
    public var needs: [SupportKind]
    /// Its needs in its own words.
    public var description: String?
    public var contactName: String?
    public var contactEmail: String?
    public var note: String?

    public init(name: String, territory: Place? = nil, stage: Stage? = nil, budget: BudgetBand? = nil,
                employer: EmployerStatus? = nil, needs: [SupportKind] = [], description: String? = nil,
                contactName: String? = nil, contactEmail: String? = nil, note: String? = nil) {
        self.name = name; self.territory = territory; self.stage = stage; self.budget = budget
        self.employer = employer; self.needs = needs; self.description = description
        self.contactName = contactName; self.contactEmail = contactEmail; self.note = note
    }

    /// The name as compared: accents and case ignored, spaces trimmed.
    public static func key(_ name: String) -> String { TextFolding.fold(TextCleaning.trim(name)) }
}

/// A moment, in seconds since 1970 (UTC); shown in the local time zone.
public struct Moment: Hashable, Sendable, Comparable {
    public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }

    public static func now() -> Moment {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return Moment(seconds: Int64(t.tv_sec))
    }

    public static func < (a: Moment, b: Moment) -> Bool { a.seconds < b.seconds }

    /// `2026-12-01 09:30`, local time.
    public var local: String {
        var t = time_t(seconds)
        var parts = tm()
        localtime_r(&t, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    /// The calendar day (UTC).
    public var day: Day { Day(unixTime: seconds) }

    /// Whole days from `self` to `later`.
    public func days(until later: Moment) -> Int { Int((later.seconds - seconds) / 86_400) }
}

/// One note on an offer of a dossier.
public struct DossierNote: Hashable, Sendable {
    public var at: Moment
    public var text: String
    public init(at: Moment, text: String) { self.at = at; self.text = text }
}

/// One offer of a dossier: its status since when, and its notes.
public struct DossierOffer: Hashable, Sendable {
    public var offerID: String
    public var status: OfferStatus
    public var statusSince: Moment
    public var added: Moment
    public var notes: [DossierNote]

    public init(offerID: String, status: OfferStatus, statusSince: Moment, added: Moment, notes: [DossierNote] = []) {
        self.offerID = offerID; self.status = status; self.statusSince = statusSince; self.added = added; self.notes = notes
    }

    /// Whether it waits for an answer for longer than `delay` days at `now`: « à relancer ».
    public func needsFollowUp(now: Moment, delay: Int) -> Bool {
        status.awaitsAnswer && statusSince.days(until: now) >= delay
    }
}

/// What happened in a dossier, in order; never rewritten.
public struct DossierEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case created
        case added(offerID: String)
        case status(offerID: String, from: OfferStatus?, to: OfferStatus)
        case note(offerID: String, text: String)
        case renamed(from: String, to: String)
        case archived, unarchived
        case imported(from: String)
        case profileChanged
    }
    public var at: Moment
    public var kind: Kind
    public init(at: Moment, kind: Kind) { self.at = at; self.kind = kind }
}

/// One association being helped.
public struct Dossier: Hashable, Sendable {
    public var id: Int64
    public var profile: DossierProfile
    public var archived: Bool
    public var created: Moment
    /// In the order they were added.
    public var offers: [DossierOffer]
    public var history: [DossierEvent]

    public init(id: Int64, profile: DossierProfile, archived: Bool = false, created: Moment, offers: [DossierOffer] = [], history: [DossierEvent] = []) {
        self.id = id; self.profile = profile; self.archived = archived; self.created = created
        self.offers = offers; self.history = history
    }

    public var name: String { profile.name }

    /// How many offers have each status.
    public var statusCounts: [OfferStatus: Int] {
        var counts: [OfferStatus: Int] = [:]
        for o in offers { counts[o.status, default: 0] += 1 }
        return counts
    }

    public func followUps(now: Moment, delay: Int) -> [DossierOffer] {
        offers.filter { $0.needsFollowUp(now: now, delay: delay) }
    }
}

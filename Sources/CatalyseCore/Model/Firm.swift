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


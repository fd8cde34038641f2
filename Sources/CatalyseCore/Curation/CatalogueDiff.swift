/// What changed between two versions of a catalogue (`catalyse diff OLD NEW`): the metadata,
/// the firms and the offers added, removed and changed (by id), and for a changed one each
/// field with its old and new value. Values are compared as written in the catalogue (codes,
/// not labels), so the same catalogue in two forms (YAML and its sheets, or compiled) is equal.
public struct CatalogueDiff: Sendable, Equatable {
    public struct FieldChange: Sendable, Equatable {
        /// The field's key in the catalogue file (`title`, `contact.email`, `eligibility.stages`).
        public var field: String
        public var old: String
        public var new: String
    }

    public struct Entry: Sendable, Equatable {
        public var id: String
        /// The firm's name or the offer's title (the new one for a change).
        public var name: String
        public var fields: [FieldChange]
    }

    public struct Changes: Sendable, Equatable {
        public var added: [Entry] = []
        public var removed: [Entry] = []
        public var changed: [Entry] = []
        public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
    }

    public var metadata: [FieldChange] = []
    public var firms = Changes()
    public var offers = Changes()

    public var isEmpty: Bool { metadata.isEmpty && firms.isEmpty && offers.isEmpty }

    /// The fields of a firm, as (key, value) in file order.
    static func fields(_ f: Firm) -> [(String, String)] {
        [("name", f.name), ("presentation", f.presentation), ("headquarters", f.headquarters), ("website", f.website ?? ""),
         ("contact.name", f.contact.name), ("contact.email", f.contact.email), ("contact.phone", f.contact.phone ?? ""),
         ("joined", String(f.joined)), ("provenance.source", f.provenance.source), ("provenance.verified", f.provenance.verified.description)]
    }

    /// The fields of an offer, as (key, value) in file order (lists of codes joined by `, `).
    static func fields(_ o: Offer) -> [(String, String)] {
        func list(_ codes: [String]) -> String { codes.joined(separator: ", ") }
        return [("firm", o.firmID), ("title", o.title), ("summary", o.summary), ("description", o.description),
                ("format", o.format.code), ("purpose", o.purpose.code), ("kinds", list(o.kinds.map(\.code))),
                ("themes", list(o.themes.map(\.code))), ("territories", list(o.territories.map(\.code))), ("mode", o.mode.code),
                ("audience", list(o.audience.map(\.code))), ("duration", o.duration), ("capacity", o.capacity.map(String.init) ?? ""),
                ("eligibility.stages", list(o.eligibility.stages.map(\.code))), ("eligibility.budgets", list(o.eligibility.budgets.map(\.code))),
                ("eligibility.employer", list(o.eligibility.employer.map(\.code))), ("cost", o.cost ?? ""), ("apply", o.apply)]
    }

    static func changes(_ old: [(String, String)], _ new: [(String, String)]) -> [FieldChange] {
        zip(old, new).compactMap { a, b in a.1 == b.1 ? nil : FieldChange(field: a.0, old: a.1, new: b.1) }
    }

    /// Items of two versions compared by id: added and removed in their version's order,
    /// changed ones in the new version's order.
    static func compare<T>(_ old: [T], _ new: [T], id: (T) -> String, name: (T) -> String, fields: (T) -> [(String, String)]) -> Changes {
        var result = Changes()
        var oldByID: [String: Int] = [:]
        oldByID.reserveCapacity(old.count)
        for (i, item) in old.enumerated() { oldByID[id(item)] = i }
        var seen = Set<String>()
        seen.reserveCapacity(new.count)
        for item in new {
            let key = id(item)
            seen.insert(key)
            guard let i = oldByID[key] else {
                result.added.append(Entry(id: key, name: name(item), fields: []))
                continue
            }
            let changed = changes(fields(old[i]), fields(item))
            if !changed.isEmpty { result.changed.append(Entry(id: key, name: name(item), fields: changed)) }
        }
        for item in old where !seen.contains(id(item)) { result.removed.append(Entry(id: id(item), name: name(item), fields: [])) }
        return result
    }

    public static func compare(_ old: Catalogue, _ new: Catalogue) -> CatalogueDiff {
        var diff = CatalogueDiff()
        diff.metadata = changes(
            [("name", old.name), ("updated", old.updated.description), ("illustrative", String(old.illustrative)), ("note", old.note ?? "")],
            [("name", new.name), ("updated", new.updated.description), ("illustrative", String(new.illustrative)), ("note", new.note ?? "")])
        diff.firms = compare(old.firms, new.firms, id: \.id, name: \.name, fields: fields)
        diff.offers = compare(Array(old.offers), Array(new.offers), id: \.id, name: \.title, fields: fields)
        return diff
    }
}

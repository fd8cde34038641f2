/// A catalogue document as a plain tree with positions: what the YAML reader (`YAMLTree`) and
/// the JSON reader (`JSONTree`) both build, and `CatalogueReader` reads. Scalars keep the text
/// written (`01` stays "01"; JSON numbers, `true`, `false` and `null` too).
struct DocumentNode: Sendable {
    enum Kind: Sendable {
        case scalar(String, plain: Bool)
        case sequence([DocumentNode])
        case mapping([(key: DocumentNode, value: DocumentNode)])
        /// A node that was refused (alias, error) and already reported.
        case invalid
    }
    var kind: Kind
    var position: SourcePosition

    var isNull: Bool {
        if case .scalar(let text, let plain) = kind, plain {
            // Most scalars are longer than any null: their length answers.
            return text.utf8.count <= 4 && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL")
        }
        return false
    }

    var typeName: String {
        if isNull { return "null" }
        switch kind {
        case .scalar: return "a text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .invalid: return "an invalid value"
        }
    }

    /// `typeName` in French.
    var typeNameFR: String {
        if isNull { return "null" }
        switch kind {
        case .scalar: return "un texte"
        case .sequence: return "une liste"
        case .mapping: return "une table"
        case .invalid: return "une valeur invalide"
        }
    }

    var isSequence: Bool { if case .sequence = kind { true } else { false } }
}

/// The keys of a mapping met so far while it is parsed (`YAMLTree`, `JSONTree`), with where
/// each first stood, to report a duplicate key: searched one by one while there are a few (a
/// catalogue's mappings have at most 16 keys, and comparing small strings costs less than
/// hashing them), in a dictionary beyond, so that a hostile mapping with a million keys costs
/// no more than it did.
struct MappingKeys {
    static let few = 16
    var list: [(key: String, position: SourcePosition)] = []
    var table: [String: SourcePosition]? = nil

    subscript(_ key: String) -> SourcePosition? {
        if let table { return table[key] }
        for entry in list where entry.key == key { return entry.position }
        return nil
    }

    mutating func insert(_ key: String, _ position: SourcePosition) {
        if table != nil { table![key] = position; return }
        if list.count == MappingKeys.few {
            var table = [String: SourcePosition](minimumCapacity: 2 * MappingKeys.few)
            for entry in list { table[entry.key] = entry.position }
            table[key] = position
            self.table = table
            list = []
            return
        }
        if list.isEmpty { list.reserveCapacity(MappingKeys.few) }
        list.append((key, position))
    }
}

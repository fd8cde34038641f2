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
            return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
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

import CLibYAML

/// Parses YAML into a `DocumentNode` tree with positions, built from libyaml's events (the
/// system library, through the `CLibYAML` module) rather than a node API, so that:
/// - anchors and aliases are refused where they appear, before anything is expanded (an
///   "alias bomb" costs nothing);
/// - every scalar keeps the text written (`01` stays "01", never the integer 1);
/// - a duplicate key is reported at its second occurrence, with its line and column.
enum YAMLTree {
    /// Nesting limit: deeper documents are refused (as `JSONTree.maxDepth`).
    static let maxDepth = 64

    /// Parses `bytes` into one document's root node; problems go into `diagnostics`.
    /// Returns nil if the document cannot be used at all. With `firms`, the elements of the
    /// top-level `firms` list (its first such key, the one `CatalogueReader.read` reads) are handed
    /// to it one by one as they are parsed, in order, and left out of the tree (the list stays,
    /// empty), as `JSONTree` does.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, file: String, diagnostics: inout [Diagnostic],
                      firms: ((DocumentNode) -> Void)? = nil) -> DocumentNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(Diagnostic(file: file, position: SourcePosition(line: 1, column: 1), field: "yaml", message: "the YAML parser could not start", french: "l'analyseur YAML n'a pas pu démarrer"))
            return nil
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml asserts on a null input, which an empty buffer may have: give it one byte it
        // will never read.
        let placeholder = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        defer { placeholder.deallocate() }
        yaml_parser_set_input_string(&parser, bytes.baseAddress ?? UnsafePointer(placeholder), bytes.count)
        var builder = Builder(file: file, bytes: bytes, firms: firms)
        let root = builder.run(&parser)
        diagnostics.append(contentsOf: builder.diagnostics)
        return root
    }

    private struct Builder {
        let file: String
        let bytes: UnsafeBufferPointer<UInt8>
        var diagnostics: [Diagnostic] = []
        let firms: ((DocumentNode) -> Void)?

        init(file: String, bytes: UnsafeBufferPointer<UInt8>, firms: ((DocumentNode) -> Void)?) {
            self.file = file; self.bytes = bytes; self.firms = firms
        }

        mutating func report(_ position: SourcePosition, _ message: String, _ french: String) {
            diagnostics.append(Diagnostic(file: file, position: position, field: "yaml", message: message, french: french))
        }

        static func position(_ mark: yaml_mark_t) -> SourcePosition {
            SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }

        /// Line and column of a byte offset (for reader errors such as invalid UTF-8).
        func position(ofOffset offset: Int) -> SourcePosition {
            var line = 1, column = 1
            var i = 0
            let end = min(offset, bytes.count)
            while i < end {
                if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            return SourcePosition(line: line, column: column)
        }

        static func string(_ pointer: UnsafeMutablePointer<UInt8>?, _ length: Int) -> String {
            guard let pointer else { return "" }
            return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
        }

        static func cString(_ pointer: UnsafeMutablePointer<UInt8>?) -> String? {
            guard let pointer else { return nil }
            return String(cString: pointer)
        }

        mutating func parserError(_ parser: inout yaml_parser_t) {
            let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
            var message = problem
            let context = parser.context.map { String(cString: $0) }
            if let context { message = "\(context): \(problem)" }
            // libyaml's own words, in French when they are known (YAMLMessages), else none.
            var french = YAMLMessages.french(problem).map { p in context.flatMap(YAMLMessages.french).map { "\($0) : \(p)" } ?? p }
            let position: SourcePosition
            if parser.error == YAML_READER_ERROR {
                var offset = Int(parser.problem_offset)
                // libyaml points at the bad trailing byte: report the start of the sequence.
                if problem.contains("trailing"), offset < bytes.count {
                    while offset > 0 && bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
                    if offset > 0 && bytes[offset] < 0x80 { offset -= 1 }
                }
                position = self.position(ofOffset: offset)
                if problem.contains("UTF-8") || problem.contains("octet") || problem.contains("invalid Unicode character") {
                    message = "invalid UTF-8 (\(problem))"
                    french = "UTF-8 invalide" + (YAMLMessages.french(problem).map { " (\($0))" } ?? "")
                }
            } else {
                position = Builder.position(parser.problem_mark)
            }
            report(position, "YAML syntax error: \(message)", "erreur de syntaxe YAML" + (french.map { " : " + $0 } ?? ""))
        }

        /// Anchors and tags are not part of the format: each is reported where it stands.
        mutating func refuseAnchorAndTag(_ anchor: UnsafeMutablePointer<UInt8>?, _ tag: UnsafeMutablePointer<UInt8>?, _ position: SourcePosition) {
            if let anchor = Builder.cString(anchor) {
                report(position, "anchors (&\(anchor)) are not part of the catalogue format; write the value out",
                       "les ancres (&\(anchor)) ne font pas partie du format du catalogue ; écrivez la valeur en entier")
            }
            if let tag = Builder.cString(tag) { report(position, "tags (\(tag)) are not part of the catalogue format", "les étiquettes (\(tag)) ne font pas partie du format du catalogue") }
        }

        /// A node being built: a sequence (its items; a streamed sequence, the firms, hands its
        /// items to `firms` instead of keeping them) or a mapping (its pairs, the key waiting for
        /// its value, the keys met). Changed in place at the top of the stack.
        struct Frame {
            var mapping: Bool
            var streamed = false
            var start: SourcePosition
            var items: [DocumentNode] = []
            var pairs: [(key: DocumentNode, value: DocumentNode)] = []
            var pendingKey: DocumentNode? = nil
            var seen = MappingKeys()
        }

        /// At most this many places are reserved from a size hint (a hostile mapping of a million
        /// keys must not make every later one reserve as much).
        static let sizeHint = 64

        mutating func run(_ parser: inout yaml_parser_t) -> DocumentNode? {
            var stack: [Frame] = []
            stack.reserveCapacity(YAMLTree.maxDepth)
            // The size of the last mapping and sequence completed at each depth: the next one
            // there reserves as much room (the firms, the offers, their fields, are alike).
            var mappingSizes = [Int](repeating: 0, count: YAMLTree.maxDepth + 1)
            var sequenceSizes = [Int](repeating: 0, count: YAMLTree.maxDepth + 1)
            var root: DocumentNode? = nil
            var documents = 0
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    parserError(&parser)
                    return nil
                }
                defer { yaml_event_delete(&event) }
                let position = Builder.position(event.start_mark)
                var completed: DocumentNode? = nil
                switch event.type {
                case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT, YAML_NO_EVENT:
                    continue
                case YAML_STREAM_END_EVENT:
                    if documents == 0 { report(SourcePosition(line: 1, column: 1), "the file is empty (no YAML document)", "le fichier est vide (aucun document YAML)") }
                    return root
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents == 2 {
                        report(position, "a catalogue file holds one YAML document; a second one starts here",
                               "un fichier catalogue contient un seul document YAML ; un deuxième commence ici")
                        return nil
                    }
                    continue
                case YAML_ALIAS_EVENT:
                    let name = Builder.cString(event.data.alias.anchor) ?? ""
                    report(position, "aliases (*\(name)) are not part of the catalogue format; write the value out",
                           "les alias (*\(name)) ne font pas partie du format du catalogue ; écrivez la valeur en entier")
                    completed = DocumentNode(kind: .invalid, position: position)
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    refuseAnchorAndTag(s.anchor, s.tag, position)
                    let text = Builder.string(s.value, Int(s.length))
                    completed = DocumentNode(kind: .scalar(text, plain: s.style == YAML_PLAIN_SCALAR_STYLE), position: position)
                case YAML_SEQUENCE_START_EVENT where stack.count >= YAMLTree.maxDepth, YAML_MAPPING_START_EVENT where stack.count >= YAMLTree.maxDepth:
                    // Refused before libyaml goes deeper (Debian's libyaml sets no limit of its own).
                    report(position, "nesting deeper than \(YAMLTree.maxDepth) levels (a catalogue needs a few)",
                           "imbrication de plus de \(YAMLTree.maxDepth) niveaux (un catalogue en demande quelques-uns)")
                    return nil
                case YAML_SEQUENCE_START_EVENT:
                    let s = event.data.sequence_start
                    refuseAnchorAndTag(s.anchor, s.tag, position)
                    var frame = Frame(mapping: false, start: position)
                    // The value of the root mapping's first `firms` key.
                    if firms != nil, stack.count == 1, stack[0].mapping, let key = stack[0].pendingKey,
                       case .scalar("firms", _) = key.kind, stack[0].seen["firms"] == key.position {
                        frame.streamed = true
                    } else if sequenceSizes[stack.count] > 0 {
                        frame.items.reserveCapacity(sequenceSizes[stack.count])
                    }
                    stack.append(frame)
                    continue
                case YAML_MAPPING_START_EVENT:
                    let m = event.data.mapping_start
                    refuseAnchorAndTag(m.anchor, m.tag, position)
                    var frame = Frame(mapping: true, start: position)
                    if mappingSizes[stack.count] > 0 { frame.pairs.reserveCapacity(mappingSizes[stack.count]) }
                    stack.append(frame)
                    continue
                case YAML_SEQUENCE_END_EVENT:
                    guard let frame = stack.popLast(), !frame.mapping else { return nil }
                    sequenceSizes[stack.count] = min(frame.items.count, Builder.sizeHint)
                    completed = DocumentNode(kind: .sequence(frame.items), position: frame.start)
                case YAML_MAPPING_END_EVENT:
                    guard let frame = stack.popLast(), frame.mapping else { return nil }
                    mappingSizes[stack.count] = min(frame.pairs.count, Builder.sizeHint)
                    completed = DocumentNode(kind: .mapping(frame.pairs), position: frame.start)
                default:
                    continue
                }
                guard let node = completed else { continue }
                // Attach the completed node to its parent.
                let top = stack.count - 1
                if top < 0 {
                    root = node
                } else if !stack[top].mapping {
                    if stack[top].streamed { firms?(node) } else { stack[top].items.append(node) }
                } else if let key = stack[top].pendingKey.take() {
                    stack[top].pairs.append((key, node))
                } else {
                    if case .scalar(let text, _) = node.kind {
                        if let first = stack[top].seen[text] {
                            report(node.position, "duplicate key '\(text)' (first at line \(first.line))",
                                   "clé « \(text) » en double (d'abord à la ligne \(first.line))")
                        } else {
                            stack[top].seen.insert(text, node.position)
                        }
                    } else if case .invalid = node.kind {
                    } else {
                        report(node.position, "a mapping key must be a plain text, not \(node.typeName)",
                               "une clé de table doit être un texte simple, et non \(node.typeNameFR)")
                    }
                    stack[top].pendingKey = node
                }
            }
        }
    }
}

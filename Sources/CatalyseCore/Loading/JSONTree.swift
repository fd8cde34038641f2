import Glibc

/// A hand-written JSON reader for large, machine-made catalogues (same schema as the YAML
/// format). It builds the same positioned tree as `YAMLTree`, one firm at a time: each element
/// of `firms` is handed to the reader as soon as it is parsed, so a file of a million offers
/// never exists as one tree in memory. Numbers, `true`, `false` and `null` keep the text written.
struct JSONTree {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var offset = 0
    var line = 1
    var lineStart = 0
    var diagnostics: [Diagnostic] = []
    /// Nesting limit: deeper documents are refused (no catalogue nests more than a few levels).
    static let maxDepth = 64
    /// When the bytes are a read-only file mapping: after each firm, the pages already parsed
    /// are dropped from memory (`madvise(MADV_DONTNEED)`), so the peak memory of a load is the
    /// model, not the model plus the whole file.
    var releasePassedPages = false
    private var released = 0

    mutating func releasePages() {
        guard releasePassedPages, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (offset / page) * page
        guard end - released >= 1 << 20 else { return }  // in steps of at least 1 MiB
        madvise(UnsafeMutableRawPointer(mutating: base + released), end - released, MADV_DONTNEED)
        released = end
    }

    struct Failure: Error {}

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        // A UTF-8 byte-order mark is accepted.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { offset = 3; lineStart = 3 }
    }

    var position: SourcePosition { SourcePosition(line: line, column: offset - lineStart + 1) }

    /// A syntax error here, in English and in French.
    mutating func fail(_ message: String, _ french: String) -> Failure {
        diagnostics.append(Diagnostic(file: file, position: position, field: "json", message: "JSON syntax error: " + message,
                                      french: "erreur de syntaxe JSON : " + french))
        return Failure()
    }

    @inline(__always)
    mutating func skipSpace() {
        while offset < bytes.count {
            let b = bytes[offset]
            if b == 0x20 || b == 0x09 || b == 0x0D {
                offset += 1
            } else if b == 0x0A {
                offset += 1
                line += 1
                lineStart = offset
            } else {
                return
            }
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else {
            let shown = String(what.dropFirst().dropLast())  // `':'` → `:`
            throw fail(offset < bytes.count ? "expected \(what), found '\(Character(Unicode.Scalar(bytes[offset])))'" : "expected \(what), found the end of the file",
                       offset < bytes.count ? "« \(shown) » attendu, et non « \(Character(Unicode.Scalar(bytes[offset]))) »" : "« \(shown) » attendu, et non la fin du fichier")
        }
        offset += 1
    }

    /// Parses the whole document, streaming the elements of the top-level `firms` array into
    /// `firms`, and returns the top-level node (with `firms` as an empty list placeholder).
    mutating func parseCatalogue(firms: (DocumentNode) -> Void) -> DocumentNode? {
        do {
            skipSpace()
            guard offset < bytes.count else {
                diagnostics.append(Diagnostic(file: file, position: position, field: "json", message: "the file is empty", french: "le fichier est vide"))
                return nil
            }
            guard bytes[offset] == UInt8(ascii: "{") else { return try parseValue(depth: 0) }
            let root = try parseObject(depth: 0, streamingFirms: true, firms)
            skipSpace()
            if offset < bytes.count { throw fail("unexpected text after the end of the document", "texte inattendu après la fin du document") }
            return root
        } catch {
            return nil
        }
    }

    /// An object at `offset` (which holds `{`). With `streamingFirms`, the elements of a `firms`
    /// array are handed to `sink` one by one as they are parsed and `firms` is left as an empty
    /// list.
    mutating func parseObject(depth: Int, streamingFirms: Bool = false, _ sink: (DocumentNode) -> Void = { _ in }) throws(Failure) -> DocumentNode {
        let start = position
        offset += 1
        var pairs: [(key: DocumentNode, value: DocumentNode)] = []
        var seen = MappingKeys()
        skipSpace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return DocumentNode(kind: .mapping([]), position: start) }
        while true {
            skipSpace()
            let keyPosition = position
            let key = try parseString()
            if let first = seen[key] {
                diagnostics.append(Diagnostic(file: file, position: keyPosition, field: "json", message: "duplicate key '\(key)' (first at line \(first.line))",
                                              french: "clé « \(key) » en double (d'abord à la ligne \(first.line))"))
            } else { seen.insert(key, keyPosition) }
            try expect(UInt8(ascii: ":"), "':'")
            skipSpace()
            let value: DocumentNode
            if streamingFirms, key == "firms", offset < bytes.count, bytes[offset] == UInt8(ascii: "[") {
                let listPosition = position
                offset += 1
                skipSpace()
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
                    offset += 1
                } else {
                    while true {
                        sink(try parseValue(depth: depth + 2))
                        releasePages()
                        skipSpace()
                        guard offset < bytes.count else { throw fail("unfinished list of firms", "liste de cabinets inachevée") }
                        if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                        if bytes[offset] == UInt8(ascii: "]") { offset += 1; break }
                        throw fail("expected ',' or ']' after a firm", "« , » ou « ] » attendu après un cabinet")
                    }
                }
                value = DocumentNode(kind: .sequence([]), position: listPosition)
            } else {
                value = try parseValue(depth: depth + 1)
            }
            pairs.append((DocumentNode(kind: .scalar(key, plain: false), position: keyPosition), value))
            skipSpace()
            guard offset < bytes.count else { throw fail("unfinished object", "objet inachevé") }
            if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
            if bytes[offset] == UInt8(ascii: "}") { offset += 1; break }
            throw fail("expected ',' or '}'", "« , » ou « } » attendu")
        }
        return DocumentNode(kind: .mapping(pairs), position: start)
    }

    mutating func parseValue(depth: Int) throws(Failure) -> DocumentNode {
        skipSpace()
        guard depth < JSONTree.maxDepth else { throw fail("the document is nested more than \(JSONTree.maxDepth) levels deep", "le document a plus de \(JSONTree.maxDepth) niveaux d'imbrication") }
        guard offset < bytes.count else { throw fail("expected a value, found the end of the file", "une valeur était attendue, et non la fin du fichier") }
        let start = position
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            return try parseObject(depth: depth)
        case UInt8(ascii: "["):
            offset += 1
            var items: [DocumentNode] = []
            skipSpace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return DocumentNode(kind: .sequence([]), position: start) }
            while true {
                items.append(try parseValue(depth: depth + 1))
                skipSpace()
                guard offset < bytes.count else { throw fail("unfinished list", "liste inachevée") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                if bytes[offset] == UInt8(ascii: "]") { offset += 1; break }
                throw fail("expected ',' or ']'", "« , » ou « ] » attendu")
            }
            return DocumentNode(kind: .sequence(items), position: start)
        case UInt8(ascii: "\""):
            return DocumentNode(kind: .scalar(try parseString(), plain: false), position: start)
        default:
            // A number, true, false or null: kept as the text written.
            let begin = offset
            while offset < bytes.count {
                let b = bytes[offset]
                let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "E")
                if !isWord { break }
                offset += 1
            }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<offset]), as: UTF8.self)
            if text == "null" { return DocumentNode(kind: .scalar("", plain: true), position: start) }
            if text == "true" || text == "false" { return DocumentNode(kind: .scalar(text, plain: true), position: start) }
            guard !text.isEmpty, JSONTree.isNumber(text) else {
                offset = begin
                throw fail(text.isEmpty ? "unexpected character '\(Character(Unicode.Scalar(bytes[begin])))'" : "'\(text)' is not a JSON value",
                           text.isEmpty ? "caractère inattendu « \(Character(Unicode.Scalar(bytes[begin]))) »" : "« \(text) » n'est pas une valeur JSON")
            }
            return DocumentNode(kind: .scalar(text, plain: true), position: start)
        }
    }

    static func isNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.hasPrefix("-") { s = s.dropFirst() }
        guard let first = s.first, first.isASCII, first.isNumber else { return false }
        if first == "0", s.count > 1, s.dropFirst().first?.isNumber == true { return false }  // no leading zeros
        return s.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }
    }

    mutating func parseString() throws(Failure) -> String {
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a string in double quotes", "un texte entre guillemets droits était attendu") }
        offset += 1
        let begin = offset
        // Fast path: no escapes.
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(rebasing: bytes[begin..<offset])
                offset += 1
                guard let text = String(validating: raw, as: UTF8.self) else {
                    offset = begin
                    throw fail("invalid UTF-8 in a string", "UTF-8 invalide dans un texte")
                }
                return text
            }
            if b == UInt8(ascii: "\\") || b < 0x20 { break }
            offset += 1
        }
        // Slow path: escapes.
        var out: [UInt8] = Array(UnsafeBufferPointer(rebasing: bytes[begin..<offset]))
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") {
                offset += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in a string", "UTF-8 invalide dans un texte") }
                return text
            }
            if b < 0x20 { throw fail("a control character must be escaped in a string", "un caractère de contrôle doit être échappé dans un texte") }
            if b != UInt8(ascii: "\\") { out.append(b); offset += 1; continue }
            offset += 1
            guard offset < bytes.count else { break }
            let e = bytes[offset]
            offset += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var value = try hex4()
                if (0xD800...0xDBFF).contains(value) {
                    guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else { throw fail("unpaired surrogate in \\u escape", "demi-code (surrogate) non apparié dans un échappement \\u") }
                    offset += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in \\u escape", "demi-code (surrogate) non apparié dans un échappement \\u") }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(value) {
                    throw fail("unpaired surrogate in \\u escape", "demi-code (surrogate) non apparié dans un échappement \\u")
                }
                out.append(contentsOf: Array(String(Character(Unicode.Scalar(value)!)).utf8))
            default:
                throw fail("unknown escape '\\\(Character(Unicode.Scalar(e)))'", "échappement inconnu « \\\(Character(Unicode.Scalar(e))) »")
            }
        }
        throw fail("unfinished string", "texte inachevé")
    }

    mutating func hex4() throws(Failure) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw fail("short \\u escape", "échappement \\u trop court") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[offset]
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            default: throw fail("bad \\u escape", "échappement \\u incorrect")
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}

import Foundation

/// A small YAML or JSON document (a questionnaire, an answers file) parsed into the same
/// positioned tree the catalogue readers build (`YAMLTree`, `JSONTree`), with their diagnostics.
enum DocumentParsing {
    /// The document's root, or nil with the syntax errors in `diagnostics`.
    static func parse(_ bytes: [UInt8], file: String, json: Bool, diagnostics: inout [Diagnostic]) -> DocumentNode? {
        bytes.withUnsafeBufferPointer { buffer in
            if json {
                var parser = JSONTree(bytes: buffer, file: file)
                var root: DocumentNode? = nil
                do {
                    parser.skipSpace()
                    if parser.offset >= buffer.count {
                        parser.diagnostics.append(Diagnostic(file: file, position: parser.position, field: "json", message: "the file is empty", french: "le fichier est vide"))
                    } else {
                        root = try parser.parseValue(depth: 0)
                        parser.skipSpace()
                        if parser.offset < buffer.count { throw parser.fail("unexpected text after the end of the document", "texte inattendu après la fin du document") }
                    }
                } catch {
                    root = nil
                }
                diagnostics.append(contentsOf: parser.diagnostics)
                return parser.diagnostics.isEmpty ? root : nil
            }
            var found: [Diagnostic] = []
            let root = YAMLTree.parse(buffer, file: file, diagnostics: &found)
            diagnostics.append(contentsOf: found)
            return found.contains { $0.severity == .error } ? nil : root
        }
    }

    /// Whether a file name says JSON (`.json`); anything else is read as YAML.
    static func isJSON(_ file: String) -> Bool { file.lowercased().hasSuffix(".json") }
}

extension EmbeddedQuestionnaire {
    /// The embedded `data/questionnaire.yaml`, byte for byte.
    public static var bytes: [UInt8] {
        [UInt8](Data(base64Encoded: base64, options: .ignoreUnknownCharacters) ?? Data())
    }
}

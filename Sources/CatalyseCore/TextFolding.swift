import Foundation

/// Accent- and case-insensitive folding and word splitting, shared by the search, the place
/// names and French ordering. Words are runs of letters and digits: spaces, hyphens and
/// apostrophes (and every other symbol) separate them, so `d'expertises` gives `d`, `expertises`.
public enum TextFolding {
    /// Lower-cases, removes diacritics and expands ligatures: « Île-de-France » → "ile-de-france",
    /// « Œuvre » → "oeuvre". Does not depend on the process locale.
    public static func fold(_ text: String) -> String {
        // Fast path: ASCII text only needs lower-casing.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(decoding: text.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                continue
            default:
                break
            }
            switch scalar.value {
            case 0x0152, 0x0153: scalars.append(contentsOf: "oe".unicodeScalars)  // Œ œ
            case 0x00C6, 0x00E6: scalars.append(contentsOf: "ae".unicodeScalars)  // Æ æ
            case 0x00DF: scalars.append(contentsOf: "ss".unicodeScalars)  // ß
            default:
                if scalar.isASCII {
                    let v = scalar.value
                    scalars.append((v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(v + 32)! : scalar)
                } else {
                    scalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            }
        }
        return String(scalars)
    }

    /// Whether a scalar is part of a word (a letter or a digit).
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Splits already folded text into its words.
    public static func words(ofFolded folded: String) -> [Substring] {
        var result: [Substring] = []
        var start: String.Index? = nil
        let scalars = folded.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let isWord = isWordScalar(scalars[index])
            if isWord, start == nil { start = index }
            if !isWord, let s = start {
                result.append(Substring(scalars[s..<index]))
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let s = start { result.append(Substring(scalars[s..<scalars.endIndex])) }
        return result
    }

    /// Folds then splits: the words of a search query or of an indexed text.
    public static func foldedWords(_ text: String) -> [String] {
        words(ofFolded: fold(text)).map(String.init)
    }

    /// Whether every word of `query` is the start of some word in `words`.
    public static func matchesAllPrefixes(query: [String], words: [String]) -> Bool {
        query.allSatisfy { q in words.contains { $0.hasPrefix(q) } }
    }

    /// A key for French alphabetical order: accents and case ignored (« Île » sorts with I),
    /// then the original text to keep the order total and stable.
    public static func sortKey(_ text: String) -> String { fold(text) }

    /// French alphabetical comparison (accents and case ignored, ties broken by the text).
    public static func frenchLess(_ a: String, _ b: String) -> Bool {
        let fa = fold(a), fb = fold(b)
        return fa != fb ? fa < fb : a < b
    }
}

/// Removes what must never reach a terminal from untrusted text, once, at load time.
public enum TextCleaning {
    /// What was removed or changed in one text.
    public struct Report: Sendable, Equatable {
        public var removedControls = 0
        public var removedBidi = 0
        public var normalised = false
        public var isEmpty: Bool { removedControls == 0 && removedBidi == 0 && !normalised }
        public func describe() -> String {
            var parts: [String] = []
            if removedControls > 0 { parts.append("removed \(removedControls) control character(s)") }
            if removedBidi > 0 { parts.append("removed \(removedBidi) bidirectional control(s)") }
            if normalised { parts.append("normalised to NFC") }
            return parts.joined(separator: ", ")
        }
    }

    @inline(__always)
    static func isControl(_ v: UInt32, keepNewlines: Bool) -> Bool {
        if v == 0x0A || v == 0x09 { return !keepNewlines }
        return v < 0x20 || v == 0x7F || (v >= 0x80 && v <= 0x9F)
    }

    @inline(__always)
    static func isBidiControl(_ v: UInt32) -> Bool {
        (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
    }

    /// Cleans a text: removes C0 controls (except newline and tab), DEL, C1 controls and bidi
    /// controls, and normalises to NFC. With `singleLine`, newlines and tabs become spaces
    /// (not counted as a cleaning) and surrounding spaces are trimmed.
    public static func clean(_ text: String, singleLine: Bool = false) -> (text: String, report: Report) {
        var report = Report()
        var needsWork = false
        for v in text.utf8 where v < 0x20 || v == 0x7F || v >= 0x80 {
            needsWork = true
            break
        }
        var result = text
        if needsWork {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v == 0x0A || v == 0x09 || v == 0x0D && singleLine {
                    scalars.append(singleLine ? " " : scalar)
                } else if isControl(v, keepNewlines: true) {
                    report.removedControls += 1
                } else if isBidiControl(v) {
                    report.removedBidi += 1
                } else {
                    scalars.append(scalar)
                }
            }
            result = String(scalars)
            if !result.utf8.allSatisfy({ $0 < 0x80 }) {
                let nfc = result.precomposedStringWithCanonicalMapping
                if nfc.unicodeScalars.elementsEqual(result.unicodeScalars) == false {
                    report.normalised = true
                    result = nfc
                }
            }
        }
        if singleLine {
            result = result.trimmingCharacters(in: .whitespaces)
            if result.contains("  ") { result = result.split(separator: " ").joined(separator: " ") }
        }
        return (result, report)
    }

    /// Removes control and bidi characters from text produced at run time (file names, error
    /// messages quoting user input) before it is shown. Newlines and tabs become spaces.
    public static func forDisplay(_ text: String) -> String {
        clean(text, singleLine: true).text
    }
}

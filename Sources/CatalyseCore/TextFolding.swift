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
        for scalar in text.unicodeScalars {
            appendFolded(scalar, to: &scalars)
        }
        return String(scalars)
    }

    /// Folded forms of U+00C0–U+024F (Latin-1 and Latin Extended-A/B), computed once from their
    /// canonical decompositions: the letters of French text fold by a table look-up.
    private static let latinTable: [String] = (0xC0...0x24F).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return "" }
        switch value {
        case 0x152, 0x153: return "oe"
        case 0xC6, 0xE6: return "ae"
        case 0xDF: return "ss"
        default: break
        }
        var out = String.UnicodeScalarView()
        for s in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: out.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return String(out)
    }

    @inline(__always)
    static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = scalar.value
        if v < 0x80 {
            out.append((v >= 0x41 && v <= 0x5A) ? Unicode.Scalar(v + 32)! : scalar)
        } else if v >= 0xC0 && v <= 0x24F {
            out.append(contentsOf: latinTable[Int(v - 0xC0)].unicodeScalars)
        } else if v >= 0x300 && v <= 0x36F {
            return  // combining diacritics (text typed in decomposed form)
        } else {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark:
                return
            default:
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                if decomposed.count == 1 {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    for s in decomposed { appendFolded(s, to: &out) }
                }
            }
        }
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

    /// The UTF-8 bytes of `latinTable`, and whether each entry is a letter (× and ÷ are not).
    private static let latinBytes: [[UInt8]] = latinTable.map { Array($0.utf8) }
    private static let latinIsWord: [Bool] = latinTable.map { $0.unicodeScalars.first.map(isWordScalar) ?? false }

    /// Folds then splits: the words of a search query or of an indexed text, the same result as
    /// `words(ofFolded: fold(text))`.
    public static func foldedWords(_ text: String) -> [String] {
        var words: [String] = []
        forEachFoldedWord(text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each folded word of `text`, in order (the buffer is
    /// only valid during the call). Reads UTF-8 directly, with table look-ups for ASCII and Latin
    /// letters: the hot path when indexing.
    public static func forEachFoldedWord(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        var current: [UInt8] = []
        current.reserveCapacity(64)
        @inline(__always) func flush() {
            if !current.isEmpty {
                current.withUnsafeBufferPointer(body)
                current.removeAll(keepingCapacity: true)
            }
        }
        text.withUTF8 { utf8 in
            var i = 0
            let n = utf8.count
            while i < n {
                let b = utf8[i]
                if b < 0x80 {
                    i += 1
                    if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { current.append(b) } else if b >= 0x41 && b <= 0x5A { current.append(b + 32) } else { flush() }
                    continue
                }
                // A valid multi-byte sequence (Swift strings hold valid UTF-8).
                var v: UInt32
                var length: Int
                if b >= 0xF0 { v = UInt32(b & 0x07); length = 4 } else if b >= 0xE0 { v = UInt32(b & 0x0F); length = 3 } else { v = UInt32(b & 0x1F); length = 2 }
                guard i + length <= n else { break }
                for k in 1..<length { v = v << 6 | UInt32(utf8[i + k] & 0x3F) }
                i += length
                if v >= 0xC0 && v <= 0x24F {
                    let t = Int(v - 0xC0)
                    if latinIsWord[t] { current.append(contentsOf: latinBytes[t]) } else { flush() }
                } else if v >= 0x300 && v <= 0x36F {
                    continue
                } else if let scalar = Unicode.Scalar(v) {
                    var folded = String.UnicodeScalarView()
                    appendFolded(scalar, to: &folded)
                    for s in folded {
                        if isWordScalar(s) { current.append(contentsOf: Array(String(s).utf8)) } else { flush() }
                    }
                } else {
                    flush()
                }
            }
        }
        flush()
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
        var result = text
        if needsCleaning(text, singleLine: singleLine) {
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
            if !isCertainlyNFC(result) {
                let nfc = result.precomposedStringWithCanonicalMapping
                if nfc.unicodeScalars.elementsEqual(result.unicodeScalars) == false {
                    report.normalised = true
                    result = nfc
                }
            }
        }
        if singleLine {
            result = trim(result)
            var hasDoubleSpace = false
            var last: UInt8 = 0
            for b in result.utf8 {
                if b == 0x20 && last == 0x20 { hasDoubleSpace = true; break }
                last = b
            }
            if hasDoubleSpace { result = result.split(separator: " ").joined(separator: " ") }
        }
        return (result, report)
    }

    /// Whether a text may hold something to remove or normalise, judged on its UTF-8 bytes:
    /// C0 controls and DEL, C1 controls (C2 80–C2 9F), bidi controls (E2 80 AA–AE,
    /// E2 81 A6–A9), or a scalar that is not surely in NFC. Most French text needs no work.
    @inline(__always)
    static func needsCleaning(_ text: String, singleLine: Bool) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable({ needsCleaning(UnsafeRawBufferPointer($0), singleLine: singleLine) }) {
            return answer
        }
        var copy = text
        return copy.withUTF8 { needsCleaning(UnsafeRawBufferPointer($0), singleLine: singleLine) }
    }

    /// The same, on UTF-8 bytes.
    static func needsCleaning(_ utf8: UnsafeRawBufferPointer, singleLine: Bool) -> Bool {
        var previous: UInt8 = 0, beforePrevious: UInt8 = 0
        for b in utf8 {
            if b < 0x20 {
                if !(b == 0x0A || b == 0x09) || singleLine { return true }
            } else if b == 0x7F {
                return true
            } else if b >= 0x80 {
                if previous == 0xC2 && b <= 0x9F { return true }
                if b >= 0xCC && b < 0xE2 || b > 0xE2 && b < 0xF0 || b >= 0xF0 { if b >= 0xC0 { return true } }
                if beforePrevious == 0xE2 && previous == 0x80 && (b == 0x80 || b == 0x81 || (b >= 0xAA && b <= 0xAE)) { return true }
                if beforePrevious == 0xE2 && previous == 0x81 && b >= 0xA6 && b <= 0xA9 { return true }
                if beforePrevious == 0xE2 && previous >= 0x83 && b >= 0x80 { return true }
            }
            beforePrevious = previous
            previous = b
        }
        return false
    }

    /// Whether a text is surely in NFC without asking Foundation (which is slow): every scalar
    /// below U+0300 is NFC-stable, and so are general punctuation (but the two singletons
    /// U+2000 and U+2001) and currency signs, which cover French text (’ « » … – €).
    static func isCertainlyNFC(_ text: String) -> Bool {
        for v in text.unicodeScalars.lazy.map(\.value) where v >= 0x300 {
            if (0x2002...0x206F).contains(v) || (0x20A0...0x20CF).contains(v) { continue }
            return false
        }
        return true
    }

    /// Trims spaces, tabs and newlines at both ends (no Foundation).
    static func trim(_ text: String) -> String {
        func blank(_ c: Character) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{00A0}" }
        guard let first = text.firstIndex(where: { !blank($0) }) else { return "" }
        let last = text.lastIndex(where: { !blank($0) })!
        if first == text.startIndex && last == text.index(before: text.endIndex) { return text }
        return String(text[first...last])
    }

    /// Removes control and bidi characters from text produced at run time (file names, error
    /// messages quoting user input) before it is shown. Newlines and tabs become spaces.
    public static func forDisplay(_ text: String) -> String {
        clean(text, singleLine: true).text
    }
}

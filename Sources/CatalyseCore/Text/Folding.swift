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
        } else if isPunctuationOrCurrency(v) {
            out.append(scalar)  // what the general case gives them, without asking Foundation
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

    /// General punctuation (U+2000–U+206F: ’ – … and the spaces, joiners and marks of that
    /// block) and currency signs (U+20A0–U+20CF): none is a mark, a letter or a digit, none has a
    /// lower-case form, and a canonical decomposition (U+2000, U+2001) keeps one scalar, so each
    /// folds to itself and ends a word. French text is full of them (l’association), and the
    /// general case asks Foundation for a decomposition.
    @inline(__always)
    static func isPunctuationOrCurrency(_ v: UInt32) -> Bool {
        (v >= 0x2000 && v <= 0x206F) || (v >= 0x20A0 && v <= 0x20CF)
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

    /// The words of a text as written (not folded): the same runs of letters and digits as
    /// `foldedWords`, for showing a word the way the catalogue writes it.
    public static func originalWords(_ text: String) -> [String] {
        words(ofFolded: text).map(String.init)
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
                } else if TextFolding.isPunctuationOrCurrency(v) {
                    flush()  // ’ – … € and the like: no letter, no digit, their own folded form
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

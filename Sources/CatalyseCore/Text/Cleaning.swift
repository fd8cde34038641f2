/// Removes what must never reach a terminal from untrusted text, once, at load time.
public enum TextCleaning {
    /// What was removed or changed in one text.
    public struct Report: Sendable, Equatable {
        public var removedControls = 0
        public var removedBidi = 0
        public var normalised = false
        public var isEmpty: Bool { removedControls == 0 && removedBidi == 0 && !normalised }
        public func describe(_ language: Language = .en) -> String {
            var parts: [String] = []
            let fr = language == .fr
            if removedControls > 0 { parts.append(fr ? "\(removedControls) caractère(s) de contrôle retiré(s)" : "removed \(removedControls) control character(s)") }
            if removedBidi > 0 { parts.append(fr ? "\(removedBidi) contrôle(s) bidirectionnel(s) retiré(s)" : "removed \(removedBidi) bidirectional control(s)") }
            if normalised { parts.append(fr ? "normalisé en NFC" : "normalised to NFC") }
            return parts.joined(separator: ", ")
        }
    }

    @inline(__always)
    static func isControl(_ v: UInt32, keepNewlines: Bool) -> Bool {
        if v == 0x0A || v == 0x09 { return !keepNewlines }
        return v < 0x20 || v == 0x7F || (v >= 0x80 && v <= 0x9F)
    }

    /// The Bidi_Control characters: embeddings, overrides and isolates, and the marks U+200E,
    /// U+200F and U+061C (invisible, and able to reorder what a terminal shows around them).
    @inline(__always)
    public static func isBidiControl(_ v: UInt32) -> Bool {
        (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069) || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: line breaks for many readers (a
    /// TSV row, a JSON-in-JS string, some terminals), so they are line breaks here too.
    @inline(__always)
    static func isUnicodeLineBreak(_ v: UInt32) -> Bool { v == 0x2028 || v == 0x2029 }

    /// Cleans a text: removes C0 controls (except newline and tab), DEL, C1 controls and bidi
    /// controls, and normalises to NFC. With `singleLine`, newlines, tabs and U+2028/U+2029
    /// become spaces (not counted as a cleaning) and surrounding spaces are trimmed; without it,
    /// U+2028/U+2029 become newlines.
    public static func clean(_ text: String, singleLine: Bool = false) -> (text: String, report: Report) {
        var report = Report()
        var result = text
        if needsCleaning(text, singleLine: singleLine) {
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v == 0x0A || v == 0x09 || v == 0x0D && singleLine {
                    scalars.append(singleLine ? " " : scalar)
                } else if isUnicodeLineBreak(v) {
                    scalars.append(singleLine ? " " : "\n")
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
    /// C0 controls and DEL, C1 controls (C2 80–C2 9F), bidi controls (E2 80 8E–8F, E2 80 AA–AE,
    /// E2 81 A6–A9; U+061C is D8 9C, caught with every scalar from U+0300), the Unicode line
    /// breaks (E2 80 A8–A9), or a scalar that is not surely in NFC. Most French text needs no work.
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
                if beforePrevious == 0xE2 && previous == 0x80 && (b == 0x80 || b == 0x81 || b == 0x8E || b == 0x8F || b == 0xA8 || b == 0xA9 || (b >= 0xAA && b <= 0xAE)) { return true }
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
        if let trimmed = SimpleText.withBytes(text, { bytes -> String?? in
            guard SimpleText.isSimple(bytes) else { return nil }
            // By bytes: in a simple text, space, LF, tab, a CR not followed by LF (CR LF is one
            // `Character`, not a blank one) and U+00A0 (C2 A0) are whole `Character`s.
            let n = bytes.count
            var first = 0, end = n
            while first < n {
                let b = bytes[first]
                if b == 0x20 || b == 0x0A || b == 0x09 { first += 1 }
                else if b == 0x0D && !(first + 1 < n && bytes[first + 1] == 0x0A) { first += 1 }
                else if b == 0xC2 && first + 1 < n && bytes[first + 1] == 0xA0 { first += 2 }
                else { break }
            }
            while end > first {
                let b = bytes[end - 1]
                if b == 0x20 || b == 0x09 || b == 0x0D { end -= 1 }
                else if b == 0x0A && !(end - 2 >= first && bytes[end - 2] == 0x0D) { end -= 1 }
                else if b == 0xA0 && end - 2 >= first && bytes[end - 2] == 0xC2 { end -= 2 }
                else { break }
            }
            if first == 0 && end == n { return .some(nil) }  // nothing to trim: the text itself
            return .some(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self))
        }) {
            return trimmed ?? text
        }
        func blank(_ c: Character) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{00A0}" }
        guard let first = text.firstIndex(where: { !blank($0) }) else { return "" }
        let last = text.lastIndex(where: { !blank($0) })!
        if first == text.startIndex && last == text.index(before: text.endIndex) { return text }
        return String(text[first...last])
    }

    /// `!needsCleaning(bytes) && SimpleText.isSimple(bytes)`, in one pass over valid UTF-8 (a
    /// `String`'s): ASCII but the controls that need cleaning and DEL; two-byte scalars up to
    /// U+02FF but the C1 controls (C2 80–9F); and of the three-byte ones, only U+2010–U+2027,
    /// U+202F–U+205E and U+20A0–U+20BF (`isSimple` takes U+20A0–U+20CF, `needsCleaning` refuses
    /// from U+20C0). Checked scalar by scalar against the two rules (`TextBytesTests`).
    static func isSimpleAndClean(_ utf8: UnsafeBufferPointer<UInt8>, singleLine: Bool) -> Bool {
        var i = 0
        let n = utf8.count
        guard let base = utf8.baseAddress else { return true }
        while i < n {
            // Eight bytes at a time while they are printable ASCII: no high bit, no byte below
            // 0x20, no DEL (the usual word tricks; each tells exactly whether such a byte is there).
            while i + 8 <= n {
                let w = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
                let del = w ^ (0x7F &* ones)
                guard w & high == 0, (w &- 0x20 &* ones) & ~w & high == 0, (del &- ones) & ~del & high == 0 else { break }
                i += 8
            }
            if i >= n { break }
            let b = utf8[i]
            if b < 0x80 {
                if b >= 0x20 { if b == 0x7F { return false } }
                else if singleLine || (b != 0x0A && b != 0x09) { return false }
                i += 1
            } else if b < 0xCC {
                if b == 0xC2 && i + 1 < n && utf8[i + 1] <= 0x9F { return false }
                i += 2
            } else {
                guard b == 0xE2, i + 2 < n else { return false }
                let v = (UInt32(utf8[i + 1] & 0x3F) << 6) | UInt32(utf8[i + 2] & 0x3F) | 0x2000
                guard (0x2010...0x2027).contains(v) || (0x202F...0x205E).contains(v) || (0x20A0...0x20BF).contains(v) else { return false }
                i += 3
            }
        }
        return true
    }

    /// What the catalogue reader keeps of a text (`CatalogueReader.text`: `clean`, then `trim`,
    /// then for a multi-line text `Paragraphs.normalise`), made in one pass over its UTF-8 bytes
    /// when the text needs no cleaning (`needsCleaning`) and is a `SimpleText`; nil for other
    /// texts, which take the steps one by one. "" when nothing is left once trimmed. For such a
    /// text `clean` changes nothing but, with `singleLine`, trims it and collapses runs of spaces
    /// (no byte below 0x20 is left there: each would need cleaning), and the trims and the layout
    /// are the byte rules of `trim` and `Paragraphs.fastNormalise`.
    static func loaded(_ text: String, singleLine: Bool) -> String? {
        SimpleText.withBytes(text) { bytes -> String? in
            guard isSimpleAndClean(bytes, singleLine: singleLine) else { return nil }
            let n = bytes.count
            var first = 0, end = n
            if singleLine {
                // Only spaces and no-break spaces can stand at either end.
                while first < n {
                    if bytes[first] == 0x20 { first += 1 }
                    else if bytes[first] == 0xC2 && first + 1 < n && bytes[first + 1] == 0xA0 { first += 2 }
                    else { break }
                }
                while end > first {
                    if bytes[end - 1] == 0x20 { end -= 1 }
                    else if bytes[end - 1] == 0xA0 && end - 2 >= first && bytes[end - 2] == 0xC2 { end -= 2 }
                    else { break }
                }
                if first == end { return "" }
                var doubleSpace = false
                var i = first + 1
                while i < end { if bytes[i] == 0x20 && bytes[i - 1] == 0x20 { doubleSpace = true; break }; i += 1 }
                if !doubleSpace {
                    if first == 0 && end == n { return text }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<end]), as: UTF8.self)
                }
                return String(unsafeUninitializedCapacity: end - first) { out in
                    var length = 0
                    for j in first..<end where !(j > first && bytes[j] == 0x20 && bytes[j - 1] == 0x20) {
                        out[length] = bytes[j]; length += 1
                    }
                    return length
                }
            }
            // Multi-line: no CR here (it would need cleaning); trim spaces, tabs, line feeds and
            // no-break spaces, then lay the rest out.
            while first < n {
                let b = bytes[first]
                if b == 0x20 || b == 0x0A || b == 0x09 { first += 1 }
                else if b == 0xC2 && first + 1 < n && bytes[first + 1] == 0xA0 { first += 2 }
                else { break }
            }
            while end > first {
                let b = bytes[end - 1]
                if b == 0x20 || b == 0x09 || b == 0x0A { end -= 1 }
                else if b == 0xA0 && end - 2 >= first && bytes[end - 2] == 0xC2 { end -= 2 }
                else { break }
            }
            if first == end { return "" }
            return Paragraphs.normaliseSimple(UnsafeBufferPointer(rebasing: bytes[first..<end]))
        }
    }

    /// Removes control and bidi characters from text produced at run time (file names, error
    /// messages quoting user input) before it is shown. Newlines and tabs become spaces.
    public static func forDisplay(_ text: String) -> String {
        clean(text, singleLine: true).text
    }
}

/// Ids of firms and offers: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// The rule on UTF-8 bytes (how a compiled catalogue checks its ids): 1 to 120 lower-case
    /// ASCII letters, digits and single hyphens, no hyphen at either end.
    static func isValid(utf8 raw: UnsafeRawBufferPointer) -> Bool {
        guard !raw.isEmpty, raw.count <= 120, raw[0] != 0x2D, raw[raw.count - 1] != 0x2D else { return false }
        var previous: UInt8 = 0
        for b in raw {
            guard (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b == 0x2D && previous != 0x2D) else { return false }
            previous = b
        }
        return true
    }
}

/// A deliberately simple e-mail check: one `@`, a local part, a domain with a dot, no spaces.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        var copy = text
        if let ascii = copy.withUTF8({ isValidASCII(UnsafeRawBufferPointer($0)) }) { return ascii }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
    }

    /// The same rule on an ASCII text's bytes (nil for any other text), where each `Character`
    /// is a byte but CR LF, and the whitespace `Character`s are tab to CR and space: with none of
    /// them (a CR LF holds one), the length in `Character`s is the length in bytes.
    static func isValidASCII(_ bytes: UnsafeRawBufferPointer) -> Bool? {
        var at = -1, ats = 0
        var bad = false
        for (i, b) in bytes.enumerated() {
            if b >= 0x80 { return nil }
            if b == 0x40 { at = i; ats += 1 }
            if (b >= 0x09 && b <= 0x0D) || b == 0x20 || b == 0x3C || b == 0x3E || b == 0x2C || b == 0x3B { bad = true }
        }
        let n = bytes.count
        guard ats == 1, at > 0, at < n - 1, !bad, n <= 254 else { return false }
        let domain = UnsafeRawBufferPointer(rebasing: bytes[(at + 1)...])
        guard domain.contains(0x2E), domain.first != 0x2E, domain.last != 0x2E else { return false }
        for i in 1..<domain.count where domain[i] == 0x2E && domain[i - 1] == 0x2E { return false }
        return true
    }
}

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
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
    }
}

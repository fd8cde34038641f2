/// Texts whose characters are their scalars for what the loader's text rules look at, so that
/// those rules can run on UTF-8 bytes instead of Swift `Character`s (grapheme clusters, costly
/// to walk) with the same result.
///
/// A text is "simple" when every scalar is below U+0300 (no combining mark, no prepended or
/// spacing mark, no Hangul, no emoji: nothing that joins a neighbour into one cluster, apart from
/// CR LF, which the byte rules handle) or lies in the few ranges of punctuation and currency that
/// French text uses and that join nothing: U+2010–U+2027, U+202F–U+205E (not the joiners
/// U+200C–U+200D, the direction marks, or the invisible operators from U+2060) and U+20A0–U+20CF.
/// In such a text, a space, a tab, a line break or a no-break space is a `Character` of its own,
/// so a byte rule that splits or trims on them gives what the `Character` rule gives. Other texts
/// take the `Character` rules.
enum SimpleText {
    static func isSimple(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = utf8.count
        while i < n {
            let b = utf8[i]
            if b < 0xCC { i += 1; continue }  // ASCII, continuation bytes, and U+0080–U+02FF leads
            guard b == 0xE2, i + 2 < n else { return false }
            let v = (UInt32(b & 0x0F) << 12) | (UInt32(utf8[i + 1] & 0x3F) << 6) | UInt32(utf8[i + 2] & 0x3F)
            guard (0x2010...0x2027).contains(v) || (0x202F...0x205E).contains(v) || (0x20A0...0x20CF).contains(v) else { return false }
            i += 3
        }
        return true
    }

    /// `body` on the text's UTF-8 bytes (copied first only if the string is not contiguous).
    @inline(__always)
    static func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = text.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = text
        return copy.withUTF8(body)
    }
}

/// Terminal cell width of text, per grapheme, from a fixed table of wide and zero-width ranges
/// (after Unicode's East Asian Width and emoji presentation data), so that it does not depend on
/// the process locale and headless tests agree with the terminal.
///
/// A grapheme is measured as terminals that follow the C library's `wcwidth` lay it out (xterm,
/// tmux, VTE, the Linux console, and ncurses itself): every spacing scalar takes its own cells,
/// except one that follows a zero-width joiner (an emoji ZWJ sequence is drawn as one emoji).
/// So a soft hyphen takes a cell, a skin-tone modifier two more, a Devanagari conjunct one per
/// consonant and spacing vowel sign; `pieces(of:)` gives those cells' contents, which is what
/// the interface draws in each cell. A terminal that lays graphemes out whole draws some of
/// them narrower (👍🏽 in two cells, not four): a row is then a little shorter, never wider.
public enum CellWidth {
    /// Ranges drawn two cells wide: those of the C library's `wcwidth` (glibc 2.36, Unicode
    /// 15), which ncurses and most terminals measure with, and the CJK planes 2 and 3 whole.
    /// `TextWidthTests` checks that every assigned scalar has the C library's width.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFB, 0x3000...0x3029,
        0x302E...0x303E, 0x3041...0x3096, 0x309B...0x30FF, 0x3105...0x312F, 0x3131...0x318E,
        0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C,
        0xAC00...0xD7A3, 0xF900...0xFA6D, 0xFA70...0xFAD9, 0xFE10...0xFE19, 0xFE30...0xFE52,
        0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE3,
        0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08,
        0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122,
        0x1B150...0x1B152, 0x1B164...0x1B167, 0x1B170...0x1B2FB, 0x1F004...0x1F004,
        0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
        0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4,
        0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D,
        0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DD...0x1F6DF, 0x1F6EB...0x1F6EC,
        0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A,
        0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FA74, 0x1FA78...0x1FA7C,
        0x1FA80...0x1FA86, 0x1FA90...0x1FAAC, 0x1FAB0...0x1FABA, 0x1FAC0...0x1FAC5,
        0x1FAD0...0x1FAD9, 0x1FAE0...0x1FAE7, 0x1FAF0...0x1FAF6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// Format characters that are drawn (the soft hyphen, the prepended concatenation marks):
    /// one cell, as the C library says.
    static func isVisibleFormat(_ v: UInt32) -> Bool {
        v == 0xAD || (0x600...0x605).contains(v) || v == 0x6DD || v == 0x70F || v == 0x890 || v == 0x891
            || v == 0x8E2 || v == 0x110BD || v == 0x110CD
    }

    /// Scalars that take no cell of their own.
    static func isZeroWidth(_ v: UInt32) -> Bool {
        if v < 0x300 { return v < 0x20 || (v >= 0x7F && v < 0xA0) }
        if v <= 0x36F { return true }  // combining diacritics
        if (0x200B...0x200F).contains(v) || (0x2028...0x202E).contains(v) || (0x2060...0x206F).contains(v) { return true }
        if (0xFE00...0xFE0F).contains(v) || v == 0xFEFF || (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        if v == 0x1171E { return true }
        if (0xE0000...0xE0FFF).contains(v) { return true }
        return false
    }

    static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var low = 0, high = wide.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if v < wide[mid].lowerBound { high = mid - 1 } else if v > wide[mid].upperBound { low = mid + 1 } else { return true }
        }
        return false
    }

    /// Cells taken by one scalar on its own: 0, 1 or 2.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if isZeroWidth(v) { return 0 }
        if isVisibleFormat(v) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return isWide(v) ? 2 : 1
        }
    }

    /// The parts of a grapheme that take cells of their own, with their widths (1 or 2): a
    /// spacing scalar with the zero-width scalars after it (marks, joiners, selectors) and the
    /// scalars joined to it by a zero-width joiner. A narrow scalar followed by the emoji
    /// presentation selector (U+FE0F) takes two cells. Zero-width scalars before the first
    /// spacing one are dropped (they have nothing to attach to).
    public static func pieces(of character: Character) -> [(text: String, width: Int)] {
        var result: [(text: String, width: Int)] = []
        var current = String.UnicodeScalarView()
        var width = 0
        var joined = false
        for scalar in character.unicodeScalars {
            let w = self.width(scalar)
            if w > 0 && !joined && width > 0 {
                result.append((String(current), width))
                current = String.UnicodeScalarView()
                width = 0
            }
            if width == 0 && w == 0 { joined = false; continue }
            current.append(scalar)
            if width == 0 { width = w } else if scalar.value == 0xFE0F && width == 1 { width = 2 }
            joined = scalar.value == 0x200D
        }
        if width > 0 { result.append((String(current), width)) }
        return result
    }

    /// Cells taken by one grapheme (the sum of its pieces' widths).
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        var total = 0
        var width = 0
        var joined = false
        for scalar in character.unicodeScalars {
            let w = self.width(scalar)
            if w > 0 && !joined && width > 0 { total += width; width = 0 }
            if width == 0 && w == 0 { joined = false; continue }
            if width == 0 { width = w } else if scalar.value == 0xFE0F && width == 1 { width = 2 }
            joined = scalar.value == 0x200D
        }
        return total + width
    }

    /// Cells taken by a text.
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text` that fits in `width` cells, with `…` when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for ch in text {
            let w = of(ch)
            if used + w > width - 1 { break }
            result.append(ch)
            used += w
        }
        return result + "…"
    }

    /// Pads `text` with spaces to exactly `width` cells (truncating with `…` when longer).
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}

/// French typography for the program's own words: a non-breaking space (U+00A0) before `:`
/// `;` `?` `!` and `»`, and after `«`, so that no line starts with a lone sign when text wraps;
/// « » quotes; `1er`. English gets none of it (`: `, “ ”).
public enum Typography {
    public static let nbsp = "\u{00A0}"

    /// French text with a non-breaking space where a plain one stands before `:` `;` `?` `!`
    /// `»` or after `«`. Meant for the program's own sentences and labels, not for text that
    /// quotes user input (build those with `colon`, `quoted`…).
    public static func french(_ text: String) -> String {
        // Most labels hold none of the signs: nothing to do.
        guard text.utf8.contains(where: { $0 == 0x3A || $0 == 0x3B || $0 == 0x3F || $0 == 0x21 || $0 == 0xC2 }) else { return text }
        // Where every character is its scalar (`SimpleText`), the same rule on UTF-8 bytes: a
        // space is byte 20, the signs are bytes 3A 3B 3F 21 and C2 BB (»), « is C2 AB. Help
        // texts are set this way at every start, so the `Character` walk below was costly.
        if let fast = SimpleText.withBytes(text, { SimpleText.isSimple($0) ? frenchBytes($0) : nil }) { return fast }
        return frenchCharacters(text)
    }

    /// `french` by `Character`, for any text (the reference the byte rule is tested against).
    static func frenchCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var afterOpening = false
        for ch in text {
            if ch == " " {
                if afterOpening { out += nbsp; afterOpening = false; continue }
                if pendingSpace { out += " " }
                pendingSpace = true
                continue
            }
            if pendingSpace {
                out += ":;?!»".contains(ch) ? nbsp : " "
                pendingSpace = false
            }
            out.append(ch)
            afterOpening = ch == "«"
        }
        if pendingSpace { out += " " }
        return out
    }

    /// `french` on the bytes of a simple text (see above): the same states, byte by byte.
    static func frenchBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var pendingSpace = false
        var afterOpening = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x20 {
                if afterOpening { out.append(0xC2); out.append(0xA0); afterOpening = false; i += 1; continue }
                if pendingSpace { out.append(0x20) }
                pendingSpace = true
                i += 1
                continue
            }
            let closing = b == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xBB
            if pendingSpace {
                if b == 0x3A || b == 0x3B || b == 0x3F || b == 0x21 || closing { out.append(0xC2); out.append(0xA0) } else { out.append(0x20) }
                pendingSpace = false
            }
            // The whole character: a lead byte and its continuation bytes.
            out.append(b)
            i += 1
            while i < bytes.count, bytes[i] & 0xC0 == 0x80 { out.append(bytes[i]); i += 1 }
            afterOpening = b == 0xC2 && out.count >= 2 && out[out.count - 1] == 0xAB && out[out.count - 2] == 0xC2
        }
        if pendingSpace { out.append(0x20) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Between a label and its value: `Label : value` (non-breaking space) / `Label: value`.
    public static func colon(_ language: Language) -> String { language == .fr ? nbsp + ": " : ": " }

    /// Between the items of a list of parts: ` ; ` (non-breaking space) / `; `.
    public static func semicolon(_ language: Language) -> String { language == .fr ? nbsp + "; " : "; " }

    /// `label : value`, with the language's colon.
    public static func field(_ label: String, _ value: String, _ language: Language) -> String {
        label + colon(language) + value
    }

    /// Quoted text: « text » (non-breaking spaces inside) / “text”.
    public static func quoted(_ text: String, _ language: Language) -> String {
        language == .fr ? "«" + nbsp + text + nbsp + "»" : "“" + text + "”"
    }

    /// A label as it reads inside a sentence: its first letter in lower case
    /// (« Mécénat de compétences » → « mécénat de compétences »). Labels of code values never
    /// start with a proper noun; place names are not labels and are not given here.
    public static func inRunningText(_ label: String) -> String {
        guard let first = label.first, first.isUppercase else { return label }
        // An acronym or a code (`PME`, `R32`) stays as it is.
        if let second = label.dropFirst().first, second.isUppercase || second.isNumber { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// How French and English write the day of a date: `1er` for the first of the month.
    public static func dayOfMonth(_ day: Int, _ language: Language) -> String {
        language == .fr && day == 1 ? "1er" : String(day)
    }
}

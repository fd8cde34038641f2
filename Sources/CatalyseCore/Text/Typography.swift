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

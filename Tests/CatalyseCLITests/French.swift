import Foundation

/// French text as catalyse writes it: a non-breaking space (U+00A0) before `:` `;` `?` `!` `»`
/// and after `«` (the tests write plain spaces and compare with this).
func nb(_ text: String) -> String {
    var out = text
    for sign in [":", ";", "?", "!", "»"] { out = out.replacingOccurrences(of: " " + sign, with: "\u{00A0}" + sign) }
    return out.replacingOccurrences(of: "« ", with: "«\u{00A0}")
}

/// What French typography asks of the program's own French words (empty: nothing wrong), and
/// that English carries none of it.
func typographyProblems(_ text: String, french: Bool) -> [String] {
    var out: [String] = []
    let chars = Array(text)
    if french {
        for (i, ch) in chars.enumerated() where ":;?!»".contains(ch) {
            if i > 0 && chars[i - 1] == " " { out.append("a plain space before \(ch)") }
        }
        for (i, ch) in chars.enumerated() where ch == "«" && (i + 1 >= chars.count || chars[i + 1] != "\u{00A0}") {
            out.append("« without a non-breaking space")
        }
        if text.contains("“") || text.contains("”") { out.append("English quotes") }
    } else {
        if text.contains("\u{00A0}") || text.contains("«") { out.append("French typography in English") }
    }
    return out
}

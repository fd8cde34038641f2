/// The Markdown export: the text export's content as a `#` heading, the heading lines as a
/// list, one `##` section per offer with a list item per field. Every line is at most
/// `ShortlistExport.lineWidth` cells, so the file reads well as plain text too: the values are
/// wrapped (a continuation line is part of its list item), a line that would start a Markdown
/// block is escaped, and an escaping backslash is never separated from its character.
extension ShortlistExport {
    static func markdownEscape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_{}[]<>#|!".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// A line that would start a Markdown block when it begins a line (a list item, an ordered
    /// item, a heading underline or a thematic break), made plain text with a backslash.
    static func markdownLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if first == "-" || first == "+" || first == "=" || first == "~" { return "\\" + line }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let mark = rest.first, mark == "." || mark == ")" { return digits + "\\" + rest }
        }
        return line
    }

    /// Escaped text wrapped at word boundaries (French punctuation kept with its word, as
    /// `TextWrap` does), the first line in `first` cells and the others in `rest`; a word longer
    /// than a line is cut, never between a backslash and the character it escapes.
    static func markdownWrap(_ text: String, first: Int, rest: Int) -> [String] {
        let first = max(2, first), rest = max(2, rest)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var limit: Int { lines.isEmpty ? first : rest }
        for unit in TextWrap.unbreakableWords(Substring(markdownEscape(text))) {
            let w = CellWidth.of(unit)
            if lineWidth > 0 && lineWidth + 1 + w <= limit {
                line += " " + unit
                lineWidth += 1 + w
                continue
            }
            if lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
            if w <= limit { line = unit; lineWidth = w; continue }
            // Cut the word into pieces of whole atoms: a character, or a backslash and the next.
            var atoms: [String] = []
            var pendingEscape = false
            for ch in unit {
                if pendingEscape { atoms[atoms.count - 1].append(ch); pendingEscape = false; continue }
                atoms.append(String(ch))
                pendingEscape = ch == "\\"
            }
            for atom in atoms {
                let aw = CellWidth.of(atom)
                if lineWidth + aw > limit && lineWidth > 0 { lines.append(line); line = ""; lineWidth = 0 }
                line += atom
                lineWidth += aw
            }
        }
        lines.append(line)
        return lines
    }

    /// A Markdown list item `- lead value`, the value's paragraphs wrapped so that no line is
    /// wider than `lineWidth`: continuation lines indented by two (a paragraph of the item),
    /// blank lines between paragraphs, a list item of the value as a nested item.
    static func markdownItem(_ lead: String, _ value: String) -> [String] {
        let width = lineWidth
        var out: [String] = []
        let opening = "- " + lead
        for block in TextWrap.paragraphs(value) {
            if block.isEmpty { out.append(""); continue }
            let isItem = Paragraphs.isItem(Substring(block))
            let body = isItem ? String(block.dropFirst(2)) : block
            let start = out.isEmpty ? opening : "  " + (isItem ? "- " : "")
            let hang = String(repeating: " ", count: isItem ? 4 : 2)
            // One cell spare where `markdownLineStart` may add a backslash.
            let lines = markdownWrap(body, first: width - CellWidth.of(start) - (out.isEmpty || isItem ? 0 : 1), rest: width - hang.count - 1)
            for (k, line) in lines.enumerated() {
                if k == 0 {
                    // The first line of a later paragraph starts a line: keep it from starting a block.
                    out.append(start + (out.isEmpty || isItem ? line : markdownLineStart(line)))
                } else {
                    out.append(line.isEmpty ? "" : hang + markdownLineStart(line))
                }
            }
        }
        if out.isEmpty { out.append(opening) }
        return out.map { line in
            var l = line
            while l.last == " " { l.removeLast() }
            return l
        }
    }

    /// An offer's title as a level-2 heading: `## Title` when it fits on a line, else the
    /// title wrapped and underlined (a setext heading), so that no line is too wide.
    static func markdownHeading(_ title: String) -> [String] {
        if CellWidth.of(markdownEscape(title)) + 3 <= lineWidth { return ["## " + markdownEscape(title)] }
        let lines = markdownWrap(title, first: lineWidth - 1, rest: lineWidth - 1).map(markdownLineStart)
        return lines + [String(repeating: "-", count: min(lineWidth, max(3, lines.map(CellWidth.of).max() ?? 3)))]
    }

    /// The offer's id as code (`` `id` ``) after its label, or on the next line; an id too long
    /// for any line is written as text, cut across lines.
    static func markdownID(_ id: String, _ language: Language) -> [String] {
        let label = "- **Id**" + Typography.colon(language).dropLast()
        let code = "`" + id + "`"
        if CellWidth.of(label) + 1 + CellWidth.of(code) <= lineWidth { return [label + " " + code] }
        if 2 + CellWidth.of(code) <= lineWidth { return [label, "  " + code] }
        return [label] + markdownWrap(id, first: lineWidth - 2, rest: lineWidth - 2).map { "  " + $0 }
    }

    static func markdown(_ offers: [Offer], _ c: Context) -> String {
        let l = c.language
        let head = heading(c)
        var out = markdownWrap(head[0], first: lineWidth - 2, rest: lineWidth - 1).enumerated().map {
            $0.offset == 0 ? "# " + $0.element : markdownLineStart($0.element)
        }
        out.append("")
        for line in head.dropFirst() { out += markdownItem("", line) }
        out.append("- " + countLine(offers.count, l))
        for offer in offers {
            let firm = c.catalogue.firm(of: offer)
            out.append("")
            out += markdownHeading(offer.title)
            out.append("")
            for field in OfferSheet.fields(offer, firm, l) where field.key != "description" {
                out += markdownItem("**\(markdownEscape(field.label))**" + Typography.colon(l), field.value)
            }
            out += markdownID(offer.id, l)
        }
        if let missing = missingLine(c) {
            out.append("")
            out += markdownWrap(missing, first: lineWidth - 1, rest: lineWidth - 1).map(markdownLineStart)
        }
        return out.joined(separator: "\n") + "\n"
    }
}

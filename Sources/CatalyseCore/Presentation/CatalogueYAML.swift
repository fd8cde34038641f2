/// A catalogue written as the YAML catalogue file (`docs/catalogue-format.md`): what
/// `catalyse import` writes from a spreadsheet. Deterministic (same catalogue, same bytes).
/// Written by hand because the schema is fixed and small: every text is either a block
/// literal (`|-`, several lines) or a double-quoted scalar with escapes, so no value can be
/// read back as anything else (a number, a date, a boolean, a comment); codes and dates,
/// which are checked values, are written plain.
public enum CatalogueYAML {
    /// The YAML text, after a header comment saying where it comes from.
    public static func render(_ c: Catalogue, header: [String]) -> String {
        var out: [String] = header.map { $0.isEmpty ? "#" : "# " + $0 }
        out.append("catalogue:")
        out.append("  name: " + quoted(c.name))
        out.append("  updated: \(c.updated)")
        out.append("  illustrative: \(c.illustrative)")
        if let note = c.note { out += text("note", note, indent: 2) }
        out.append("firms:")
        for firm in c.firms {
            out.append("  - id: " + firm.id)
            out.append("    name: " + quoted(firm.name))
            out += text("presentation", firm.presentation, indent: 4)
            out.append("    headquarters: " + quoted(firm.headquarters))
            if let site = firm.website { out.append("    website: " + quoted(site)) }
            out.append("    contact:")
            out.append("      name: " + quoted(firm.contact.name))
            out.append("      email: " + quoted(firm.contact.email))
            if let phone = firm.contact.phone { out.append("      phone: " + quoted(phone)) }
            out.append("    joined: \(firm.joined)")
            out.append("    provenance:")
            out += text("source", firm.provenance.source, indent: 6)
            out.append("      verified: \(firm.provenance.verified)")
            out.append("    offers:")
            for i in firm.offerIndices { out += offer(c.offers[i]) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func offer(_ o: Offer) -> [String] {
        var out = ["      - id: " + o.id]
        func field(_ key: String, _ value: String) { out.append("        \(key): \(value)") }
        func list(_ key: String, _ codes: [String]) { field(key, "[" + codes.map(quoted).joined(separator: ", ") + "]") }
        field("title", quoted(o.title))
        field("summary", quoted(o.summary))
        out += text("description", o.description, indent: 8)
        field("format", o.format.code)
        field("purpose", o.purpose.code)
        list("kinds", o.kinds.map(\.code))
        list("themes", o.themes.map(\.code))
        list("territories", o.territories.map(\.code))
        field("mode", o.mode.code)
        list("audience", o.audience.map(\.code))
        field("duration", quoted(o.duration))
        if let capacity = o.capacity { field("capacity", String(capacity)) }
        let e = o.eligibility
        if e != Eligibility() {
            out.append("        eligibility:")
            if !e.stages.isEmpty { out.append("          stages: [" + e.stages.map(\.code).joined(separator: ", ") + "]") }
            if !e.budgets.isEmpty { out.append("          budgets: [" + e.budgets.map { quoted($0.code) }.joined(separator: ", ") + "]") }
            if !e.employer.isEmpty { out.append("          employer: [" + e.employer.map(\.code).joined(separator: ", ") + "]") }
        }
        if let cost = o.cost { out += text("cost", cost, indent: 8) }
        out += text("apply", o.apply, indent: 8)
        return out
    }

    /// A text field: a block literal when it has several lines that a block can hold as they
    /// are, else a double-quoted scalar.
    static func text(_ key: String, _ value: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
        let blockable = lines.count > 1 && !value.hasSuffix("\n") && !(lines.first?.hasPrefix(" ") ?? true)
            && lines.allSatisfy { !$0.contains("\t") && !$0.contains("\r") && !$0.hasSuffix(" ") }
        guard blockable else { return [pad + key + ": " + quoted(value)] }
        return [pad + key + ": |-"] + lines.map { $0.isEmpty ? "" : pad + "  " + $0 }
    }

    /// A double-quoted YAML scalar: `"` and `\` escaped, line breaks and tabs as `\n`, `\t`,
    /// any other control as `\uXXXX` (cleaned catalogue text has none).
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

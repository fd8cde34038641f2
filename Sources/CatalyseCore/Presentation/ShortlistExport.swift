/// Shortlist exports: plain text (for an e-mail or a printout), Markdown and CSV.
/// Column names, field order and separators are documented in `docs/export-formats.md`.
public enum ShortlistExport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, csv

        /// The format a file name implies: `.md` Markdown, `.csv` CSV, anything else text.
        public init(fileName: String) {
            let lower = fileName.lowercased()
            if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { self = .markdown } else if lower.hasSuffix(".csv") { self = .csv } else { self = .text }
        }

        public var fileExtension: String {
            switch self {
            case .text: "txt"
            case .markdown: "md"
            case .csv: "csv"
            }
        }

        /// `catalyse-selection-YYYY-MM-DD.txt`.
        public func defaultFileName(_ date: Day) -> String { "catalyse-selection-\(date).\(fileExtension)" }
    }

    /// What the export is about, printed in its heading.
    public struct Context: Sendable {
        public var catalogue: Catalogue
        public var date: Day
        public var language: Language
        public var filter: OfferFilter
        public var favouritesOnly: Bool
        /// Favourite ids no longer in the catalogue (listed, never dropped).
        public var missingIDs: [String]

        public init(catalogue: Catalogue, date: Day, language: Language, filter: OfferFilter = OfferFilter(), favouritesOnly: Bool = false, missingIDs: [String] = []) {
            self.catalogue = catalogue; self.date = date; self.language = language; self.filter = filter
            self.favouritesOnly = favouritesOnly; self.missingIDs = missingIDs
        }
    }

    public static func render(_ offers: [Offer], format: Format, context: Context, separator: Character = ",") -> String {
        switch format {
        case .text: text(offers, context)
        case .markdown: markdown(offers, context)
        case .csv: csv(offers, context, separator: separator)
        }
    }

    static func heading(_ c: Context) -> [String] {
        let fr = c.language == .fr
        var lines = [
            fr ? "Catalyse — sélection d'offres d'accompagnement" : "Catalyse — selection of accompaniment offers",
            (fr ? "Exportée le " : "Exported on ") + c.date.long(c.language),
            (fr ? "Catalogue : " : "Catalogue: ") + c.catalogue.name + (fr ? " (mis à jour le " : " (updated ") + c.catalogue.updated.long(c.language) + ")",
        ]
        if c.catalogue.illustrative {
            lines.append(fr ? "Catalogue illustratif : les cabinets et les offres sont fictifs." : "Illustrative catalogue: the firms and offers are fictional.")
        }
        lines.append((fr ? "Filtres : " : "Filters: ") + FilterDescription.line(c.filter, c.language, favouritesOnly: c.favouritesOnly))
        return lines
    }

    static func countLine(_ n: Int, _ language: Language) -> String {
        language == .fr ? "\(n) offre\(n > 1 ? "s" : "")" : "\(n) offer\(n == 1 ? "" : "s")"
    }

    static func missingLine(_ c: Context) -> String? {
        guard !c.missingIDs.isEmpty else { return nil }
        return (c.language == .fr ? "Favoris introuvables dans ce catalogue : " : "Favourites not in this catalogue: ") + c.missingIDs.joined(separator: ", ")
    }

    // MARK: Text

    static func text(_ offers: [Offer], _ c: Context) -> String {
        var out: [String] = []
        for line in heading(c) {
            let wrapped = TextWrap.paragraphs(line, width: 78)
            out.append(wrapped.first ?? "")
            out += wrapped.dropFirst().map { "  " + $0 }
        }
        out.append(countLine(offers.count, c.language))
        let skip: Set<String> = ["description"]
        for (n, offer) in offers.enumerated() {
            out.append("")
            let number = "\(n + 1). "
            let titleLines = TextWrap.paragraphs(offer.title, width: 78 - number.count)
            out.append(number + (titleLines.first ?? ""))
            out += titleLines.dropFirst().map { String(repeating: " ", count: number.count) + $0 }
            let firm = c.catalogue.firm(of: offer)
            for field in OfferSheet.fields(offer, firm, c.language) where !skip.contains(field.key) {
                let label = field.label + (c.language == .fr ? " : " : ": ")
                let indent = String(repeating: " ", count: 3)
                let wrapped = TextWrap.paragraphs(field.value, width: max(20, 76 - CellWidth.of(label)))
                out.append(indent + label + (wrapped.first ?? ""))
                let hang = String(repeating: " ", count: 3 + CellWidth.of(label))
                for line in wrapped.dropFirst() { out.append(line.isEmpty ? "" : hang + line) }
            }
            out.append("   Id : \(offer.id)".replacingOccurrences(of: " : ", with: c.language == .fr ? " : " : ": "))
        }
        if let missing = missingLine(c) { out.append(""); out.append(missing) }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Markdown

    static func markdownEscape(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "\\`*_{}[]<>#|!".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    static func markdown(_ offers: [Offer], _ c: Context) -> String {
        let head = heading(c)
        var out = ["# " + markdownEscape(head[0]), ""]
        for line in head.dropFirst() { out.append("- " + markdownEscape(line)) }
        out.append("- " + countLine(offers.count, c.language))
        for offer in offers {
            let firm = c.catalogue.firm(of: offer)
            out.append("")
            out.append("## " + markdownEscape(offer.title))
            out.append("")
            for field in OfferSheet.fields(offer, firm, c.language) where field.key != "description" {
                let value = field.value.split(separator: "\n", omittingEmptySubsequences: false).map { markdownEscape(String($0)) }.joined(separator: "  \n  ")
                out.append("- **\(markdownEscape(field.label))** : \(value)".replacingOccurrences(of: "** : ", with: c.language == .fr ? "** : " : "**: "))
            }
            out.append("- **Id** : `\(offer.id)`".replacingOccurrences(of: "** : ", with: c.language == .fr ? "** : " : "**: "))
        }
        if let missing = missingLine(c) { out.append(""); out.append(markdownEscape(missing)) }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    /// The CSV columns, in order (stable names, documented).
    public static let csvColumns = [
        "id", "firm_id", "firm", "title", "format", "purpose", "kinds", "themes", "territories", "mode",
        "audience", "duration", "capacity", "stages", "budgets", "employer", "cost", "summary",
        "contact_name", "contact_email", "website", "apply", "status",
    ]

    /// Separator between the values of a multi-valued cell.
    public static let multiValueSeparator = " | "

    /// One CSV cell: a cell that would start with `=`, `+`, `-`, `@` (or a tab or carriage
    /// return) gets a leading `'` so no spreadsheet runs it as a formula; then RFC 4180 quoting.
    public static func csvCell(_ value: String, separator: Character) -> String {
        var v = value
        if let first = v.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) { v = "'" + v }
        if v.contains(separator) || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.hasPrefix(" ") || v.hasSuffix(" ") {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    static func csv(_ offers: [Offer], _ c: Context, separator: Character) -> String {
        let l = c.language
        let sep = String(separator)
        func row(_ cells: [String]) -> String { cells.map { csvCell($0, separator: separator) }.joined(separator: sep) }
        var lines = [row(csvColumns)]
        let multi = multiValueSeparator
        for offer in offers {
            let firm = c.catalogue.firm(of: offer)
            lines.append(row([
                offer.id, firm.id, firm.name, offer.title, offer.format.label(l), offer.purpose.label(l),
                offer.kinds.map { $0.label(l) }.joined(separator: multi),
                offer.themes.map { $0.label(l) }.joined(separator: multi),
                offer.territories.map { $0.displayName(l) }.joined(separator: multi),
                offer.mode.label(l), offer.audience.map { $0.label(l) }.joined(separator: multi),
                offer.duration, offer.capacity.map(String.init) ?? "",
                offer.eligibility.stages.map { $0.label(l) }.joined(separator: multi),
                offer.eligibility.budgets.map { $0.label(l) }.joined(separator: multi),
                offer.eligibility.employer.map { $0.label(l) }.joined(separator: multi),
                offer.costText(l), offer.summary, firm.contact.name, firm.contact.email, firm.website ?? "",
                offer.apply, "ok",
            ]))
        }
        for id in c.missingIDs {
            var cells = [String](repeating: "", count: csvColumns.count)
            cells[0] = id
            cells[csvColumns.count - 1] = "missing"
            lines.append(row(cells))
        }
        // UTF-8 byte-order mark so spreadsheet programs detect the encoding; CRLF per RFC 4180.
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

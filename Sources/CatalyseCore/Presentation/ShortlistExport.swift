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

    /// The CSV separator when none is given: `;` in French (what French-locale spreadsheets
    /// expect), `,` in English.
    public static func defaultSeparator(_ language: Language) -> Character { language == .fr ? ";" : "," }

    /// The export as text; CSV uses `separator`, by default the language's (`defaultSeparator`).
    public static func render(_ offers: [Offer], format: Format, context: Context, separator: Character? = nil) -> String {
        switch format {
        case .text: text(offers, context)
        case .markdown: markdown(offers, context)
        case .csv: csv(offers, context, separator: separator ?? defaultSeparator(context.language))
        }
    }

    /// Lines of the text and Markdown exports are at most this many terminal cells.
    public static let lineWidth = 78

    static func heading(_ c: Context) -> [String] {
        let l = c.language, fr = l == .fr
        var lines = [
            fr ? "Catalyse — sélection d'offres d'accompagnement" : "Catalyse — selection of accompaniment offers",
            (fr ? "Exportée le " : "Exported on ") + c.date.long(l),
            Typography.field(fr ? "Catalogue" : "Catalogue", c.catalogue.name, l)
                + (fr ? " (mis à jour le " : " (updated ") + c.catalogue.updated.long(l) + ")",
        ]
        if c.catalogue.illustrative {
            lines.append(fr ? Typography.french("Catalogue illustratif : les cabinets et les offres sont fictifs.") : "Illustrative catalogue: the firms and offers are fictional.")
        }
        lines.append(Typography.field(fr ? "Filtres" : "Filters", FilterDescription.line(c.filter, l, favouritesOnly: c.favouritesOnly), l))
        return lines
    }

    static func countLine(_ n: Int, _ language: Language) -> String {
        language == .fr ? "\(n) offre\(n > 1 ? "s" : "")" : "\(n) offer\(n == 1 ? "" : "s")"
    }

    static func missingLine(_ c: Context) -> String? {
        guard !c.missingIDs.isEmpty else { return nil }
        return Typography.field(c.language == .fr ? "Favoris introuvables dans ce catalogue" : "Favourites not in this catalogue",
                                c.missingIDs.joined(separator: ", "), c.language)
    }

    // MARK: Text

    /// `label` then `value` laid out in paragraphs after it, the next lines under the value (or,
    /// when the label leaves less than 20 cells, the value on the lines below, indented by two):
    /// no line is wider than `width` cells after `indent`.
    static func labelled(_ label: String, _ value: String, indent: Int, width: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        let labelWidth = CellWidth.of(label)
        let room = width - indent - labelWidth
        if room >= 20 {
            let hang = String(repeating: " ", count: indent + labelWidth)
            let wrapped = TextWrap.paragraphs(value, first: room, rest: room)
            return [pad + label + (wrapped.first ?? "")] + wrapped.dropFirst().map { $0.isEmpty ? "" : hang + $0 }
        }
        let below = String(repeating: " ", count: indent + 2)
        let wrapped = TextWrap.paragraphs(value, first: width - indent - 2, rest: width - indent - 2)
        return [pad + CellWidth.truncate(TextCleaning.trim(label), to: width - indent)] + wrapped.map { $0.isEmpty ? "" : below + $0 }
    }

    static func text(_ offers: [Offer], _ c: Context) -> String {
        let width = lineWidth
        let l = c.language
        var out: [String] = []
        for line in heading(c) {
            let wrapped = TextWrap.lines(line, first: width, rest: width - 2)
            out.append(wrapped.first ?? "")
            out += wrapped.dropFirst().map { "  " + $0 }
        }
        out.append(countLine(offers.count, l))
        let skip: Set<String> = ["description"]
        for (n, offer) in offers.enumerated() {
            out.append("")
            let number = "\(n + 1). "
            let numberWidth = number.utf8.count
            let titleLines = TextWrap.lines(offer.title, first: width - numberWidth, rest: width - numberWidth)
            out.append(number + (titleLines.first ?? ""))
            out += titleLines.dropFirst().map { String(repeating: " ", count: numberWidth) + $0 }
            let firm = c.catalogue.firm(of: offer)
            for field in OfferSheet.fields(offer, firm, l) where !skip.contains(field.key) {
                out += labelled(field.label + Typography.colon(l), field.value, indent: 3, width: width)
            }
            out += labelled("Id" + Typography.colon(l), offer.id, indent: 3, width: width)
        }
        if let missing = missingLine(c) {
            out.append("")
            out += TextWrap.lines(missing, first: width, rest: width - 2).enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    /// The CSV columns, in order: their stable keys (documented; the header row writes them in
    /// the output language, `csvHeader`).
    public static let csvColumns = [
        "id", "firm_id", "firm", "title", "format", "purpose", "kinds", "themes", "territories", "mode",
        "audience", "duration", "capacity", "stages", "budgets", "employer", "cost", "summary",
        "contact_name", "contact_email", "website", "apply", "status",
    ]

    /// The header row, in the output language: CSV files are opened by people, in a spreadsheet.
    public static func csvHeader(_ language: Language) -> [String] {
        csvColumns.map { key in
            let label: Label = switch key {
            case "id": Label(fr: "Identifiant", en: "Id")
            case "firm_id": Label(fr: "Identifiant du cabinet", en: "Firm id")
            case "firm": Label(fr: "Cabinet", en: "Firm")
            case "title": Label(fr: "Offre", en: "Offer")
            case "format": Label(fr: "Format", en: "Format")
            case "purpose": Label(fr: "Finalité", en: "Purpose")
            case "kinds": Label(fr: "Types d'accompagnement", en: "Support kinds")
            case "themes": Label(fr: "Thèmes", en: "Themes")
            case "territories": Label(fr: "Territoires", en: "Territories")
            case "mode": Label(fr: "Modalité", en: "Mode")
            case "audience": Label(fr: "Public", en: "Audience")
            case "duration": Label(fr: "Durée", en: "Duration")
            case "capacity": Label(fr: "Capacité (associations par an)", en: "Capacity (associations a year)")
            case "stages": Label(fr: "Stades", en: "Stages")
            case "budgets": Label(fr: "Budgets", en: "Budgets")
            case "employer": Label(fr: "Emploi", en: "Staff")
            case "cost": Label(fr: "Coût", en: "Cost")
            case "summary": Label(fr: "Résumé", en: "Summary")
            case "contact_name": Label(fr: "Contact", en: "Contact")
            case "contact_email": Label(fr: "Courriel", en: "E-mail")
            case "website": Label(fr: "Site", en: "Website")
            case "apply": Label(fr: "Candidater", en: "How to apply")
            default: Label(fr: "Statut", en: "Status")
            }
            return label.text(language)
        }
    }

    /// The `status` cell: the offer is in the catalogue, or a favourite no longer is.
    public static func csvStatus(missing: Bool, _ language: Language) -> String {
        switch (missing, language) {
        case (false, .fr): "disponible"
        case (false, .en): "ok"
        case (true, .fr): "introuvable"
        case (true, .en): "missing"
        }
    }

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
        var lines = [row(csvHeader(l))]
        let multi = multiValueSeparator
        for offer in offers {
            let firm = c.catalogue.firm(of: offer)
            lines.append(row([
                offer.id, firm.id, firm.name, offer.title, offer.format.label(l), offer.purpose.label(l),
                offer.kinds.map { $0.label(l) }.joined(separator: multi),
                offer.themes.map { $0.label(l) }.joined(separator: multi),
                Territories.displayNames(offer.territories, l).joined(separator: multi),
                offer.mode.label(l), offer.audience.map { $0.label(l) }.joined(separator: multi),
                offer.duration, offer.capacity.map(String.init) ?? "",
                offer.eligibility.stages.map { $0.label(l) }.joined(separator: multi),
                offer.eligibility.budgets.map { $0.label(l) }.joined(separator: multi),
                offer.eligibility.employer.map { $0.label(l) }.joined(separator: multi),
                offer.costText(l), offer.summary, firm.contact.name, firm.contact.email, firm.website ?? "",
                offer.apply, csvStatus(missing: false, l),
            ]))
        }
        for id in c.missingIDs {
            var cells = [String](repeating: "", count: csvColumns.count)
            cells[0] = id
            cells[csvColumns.count - 1] = csvStatus(missing: true, l)
            lines.append(row(cells))
        }
        // UTF-8 byte-order mark so spreadsheet programs detect the encoding; CRLF per RFC 4180.
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// A catalogue written as its three sheets (`catalyse export-catalogue --as csv`), and the
/// empty sheets a curator starts from (`catalyse template`): UTF-8 with a byte-order mark,
/// `;` between cells, CRLF, every cell formula-safe (a value starting with `=`, `+`, `-`, `@`
/// gets a leading `'`, which `import` removes). Headers in the output language; values are
/// the catalogue's codes, so the sheets read the same in both languages.
public enum SheetExport {
    public static let separator: Character = ";"

    static func file(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { row in row.map { ShortlistExport.csvCell($0, separator: separator) }.joined(separator: String(separator)) }
            .joined(separator: "\r\n") + "\r\n"
    }

    static func header(_ kind: SheetKind, _ l: Language) -> [String] { kind.columns.map { $0.header.text(l) } }

    /// The three files (name, contents) of a catalogue.
    public static func sheets(_ c: Catalogue, language: Language) -> [(name: String, contents: String)] {
        let yes = language == .fr ? "oui" : "yes", no = language == .fr ? "non" : "no"
        let meta = [c.name, c.updated.description, c.illustrative ? yes : no, c.note ?? ""]
        let firms = c.firms.map { f in
            [f.id, f.name, f.presentation, f.headquarters, f.website ?? "", f.contact.name, f.contact.email, f.contact.phone ?? "",
             String(f.joined), f.provenance.source, f.provenance.verified.description]
        }
        func codes(_ values: [String]) -> String { values.joined(separator: ", ") }
        let offers = c.offers.map { o in
            [o.id, o.firmID, o.title, o.summary, o.description, o.format.code, o.purpose.code, codes(o.kinds.map(\.code)),
             codes(o.themes.map(\.code)), codes(o.territories.map(\.code)), o.mode.code, codes(o.audience.map(\.code)), o.duration,
             o.capacity.map(String.init) ?? "", codes(o.eligibility.stages.map(\.code)), codes(o.eligibility.budgets.map(\.code)),
             codes(o.eligibility.employer.map(\.code)), o.cost ?? "", o.apply]
        }
        return [
            (SheetKind.catalogue.fileName, file([header(.catalogue, language), meta])),
            (SheetKind.firms.fileName, file([header(.firms, language)] + firms)),
            (SheetKind.offers.fileName, file([header(.offers, language)] + offers)),
        ]
    }

    /// The three sheets with their headers, a help row saying what goes in each column (which
    /// `import` recognises and skips) and an example row.
    public static func template(language: Language) -> [(name: String, contents: String)] {
        SheetKind.allCases.map { kind in
            (kind.fileName, file([header(kind, language), kind.columns.map { $0.help.text(language) }, kind.columns.map(\.example)]))
        }
    }
}

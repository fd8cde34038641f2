/// A pathway as a person reads it (text or Markdown, the shortlist export's rules: lines of at
/// most 78 cells, Markdown escaped) and as JSON, always ending with « Pour aller plus loin ».
public enum PathwayReport {
    static func kinds(_ k: [SupportKind], _ l: Language) -> String { k.map { $0.label(l) }.joined(separator: ", ") }

    public static func text(_ p: Pathway, _ needs: Pathway.Needs, _ c: Catalogue, _ l: Language, markdown: Bool = false) -> String {
        let fr = l == .fr
        let colon = fr ? " : " : ": "
        func e(_ text: String) -> String { markdown ? ShortlistExport.markdownEscape(text) : text }
        var out: [String] = []
        /// A paragraph: its first line after `indent` (a bullet, or spaces), the others under it.
        func para(_ text: String, indent: String = "") {
            if markdown { out.append(indent + e(text)); return }
            let hang = String(repeating: " ", count: CellWidth.of(indent))
            for (k, line) in TextWrap.paragraphs(text, width: 78 - CellWidth.of(indent)).enumerated() {
                out.append(line.isEmpty ? "" : (k == 0 ? indent : hang) + line)
            }
        }
        out.append(markdown ? "# " + e(fr ? "Parcours proposé" : "Proposed pathway") : (fr ? "Parcours proposé" : "Proposed pathway"))
        if !markdown { out.append(String(repeating: "─", count: fr ? 16 : 16)) }
        out.append("")
        para((fr ? "Besoins" : "Needs") + colon + kinds(needs.kinds, l))
        if let t = needs.territory { para((fr ? "Territoire" : "Territory") + colon + t.displayName(l)) }
        if c.illustrative { para(fr ? "Catalogue illustratif : les cabinets et les offres sont fictifs." : "Illustrative catalogue: the firms and offers are fictional.") }
        out.append("")
        if p.steps.isEmpty {
            para(fr ? "Aucune offre du catalogue ne correspond à ces besoins pour cette association." : "No offer of the catalogue fits these needs for this association.")
        }
        for (n, step) in p.steps.enumerated() {
            let offer = c.offers[step.offer], firm = c.firm(of: offer)
            let title = (fr ? "Étape \(n + 1)" : "Step \(n + 1)") + colon + offer.title + " — " + firm.name
            if markdown { out.append("## " + e(title)); out.append("") } else { para(title) }
            let prefix = markdown ? "- " : "   "
            para((fr ? "Couvre" : "Covers") + colon + kinds(step.covers, l), indent: prefix)
            para((fr ? "Finalité" : "Purpose") + colon + offer.purpose.shortLabel.text(l) + " · " + offer.format.label(l), indent: prefix)
            para("Contact" + colon + OfferSheet.contact(firm, l), indent: prefix)
            para("Id" + colon + offer.id, indent: prefix)
            if !step.alternatives.isEmpty {
                let alts = step.alternatives.map { c.offers[$0].title + " (" + c.firm(of: c.offers[$0]).name + ", " + c.offers[$0].id + ")" }
                para((fr ? "Autres possibilités" : "Alternatives") + colon + alts.joined(separator: " ; "), indent: prefix)
            }
            out.append("")
        }
        if !p.uncovered.isEmpty {
            para((fr ? "Reste à couvrir" : "Not covered") + colon + kinds(p.uncovered, l))
            out.append("")
        }
        out.append(markdown ? "## " + e(fr ? "Pour aller plus loin" : "Where else to turn") : (fr ? "Pour aller plus loin" : "Where else to turn"))
        if markdown { out.append("") }
        for r in Resource.ordered(needs: needs.kinds, pathway: p) {
            para(r.name.text(l) + colon + r.description.text(l), indent: markdown ? "- " : "  • ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    struct JSONPathway: Encodable {
        struct Step: Encodable { var offer: String; var covers: [String]; var alternatives: [String] }
        struct ResourceEntry: Encodable { var id: String; var name: String; var description: String; var source: String; var checked: String }
        var steps: [Step]
        var uncovered: [String]
        var resources: [ResourceEntry]
    }

    public static func json(_ p: Pathway, _ needs: Pathway.Needs, _ c: Catalogue, _ l: Language) throws(JSONOutput.EncodingError) -> String {
        try JSONOutput.encode(JSONPathway(
            steps: p.steps.map { .init(offer: c.offers.id($0.offer), covers: $0.covers.map(\.code), alternatives: $0.alternatives.map(c.offers.id)) },
            uncovered: p.uncovered.map(\.code),
            resources: Resource.ordered(needs: needs.kinds, pathway: p).map {
                .init(id: $0.id, name: $0.name.text(l), description: $0.description.text(l), source: $0.source, checked: $0.checked.description)
            }))
    }
}

/// A self-assessment's result as a person reads it (78-cell lines, the shortlist export's
/// rules) and as JSON: the reading of the need, then the offers ranked with their points and a
/// reason per criterion (`catalyse autodiagnostic --answers FILE`).
public enum AssessmentReport {
    public static func text(_ profile: AssessmentProfile, _ ranked: [AssessmentScoring.Ranked], _ c: Catalogue, _ l: Language, limit: Int = 10) -> String {
        let fr = l == .fr
        var out: [String] = []
        func para(_ text: String, indent: String = "") {
            let hang = String(repeating: " ", count: CellWidth.of(indent))
            for (k, line) in TextWrap.paragraphs(text, width: 78 - CellWidth.of(indent)).enumerated() {
                out.append(line.isEmpty ? "" : (k == 0 ? indent : hang) + line)
            }
        }
        let title = fr ? "Autodiagnostic" : "Self-assessment"
        out.append(title)
        out.append(String(repeating: "─", count: CellWidth.of(title)))
        out.append("")
        para(AssessmentWords.reading(profile, l))
        out.append("")
        if c.illustrative { para(fr ? "Catalogue illustratif : les cabinets et les offres sont fictifs." : "Illustrative catalogue: the firms and offers are fictional.") }
        out.append("")
        let suitable = ranked.filter(\.suitable)
        if suitable.isEmpty {
            para(fr ? "Aucune offre du catalogue ne convient à toutes vos réponses." : "No offer of the catalogue fits all your answers.")
            out.append("")
        }
        for (n, r) in suitable.prefix(limit).enumerated() {
            let offer = c.offers[r.offer], firm = c.firm(of: offer)
            para("\(n + 1). " + offer.title + " — " + firm.name)
            for reason in r.reasons {
                para(AssessmentWords.mark(reason.verdict) + " " + Typography.field(AssessmentWords.criterion(reason.criterion, l), reason.text, l), indent: "   ")
            }
            para("Points" + Typography.colon(l) + points(r.points, l) + " · Id" + Typography.colon(l) + offer.id, indent: "   ")
            out.append("")
        }
        let more = suitable.count - min(limit, suitable.count)
        let others = ranked.count - suitable.count
        if more > 0 { para(fr ? "\(more) autre\(more > 1 ? "s" : "") offre\(more > 1 ? "s" : "") convien\(more > 1 ? "nent" : "t") aussi (--limit)." : "\(more) more offer\(more > 1 ? "s fit" : " fits") too (--limit).") }
        if others > 0 {
            para(fr ? "\(others) offre\(others > 1 ? "s" : "") répond\(others > 1 ? "ent" : "") au besoin sans convenir au territoire ou aux conditions (--json les donne)."
                 : "\(others) offer\(others > 1 ? "s" : "") answer\(others > 1 ? "" : "s") the need without fitting the territory or the conditions (--json gives them).")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    public static func points(_ n: Int, _ l: Language) -> String { l == .fr ? "\(n) sur 100" : "\(n) out of 100" }

    struct JSONResult: Encodable {
        struct Need: Encodable { var kind: String; var weight: Int }
        struct Profile: Encodable {
            var territory: String?; var stage: String?; var budget: String?; var employer: String?
            var needs: [Need]; var formats: [String]; var modes: [String]; var first: String?
        }
        struct Reason: Encodable { var criterion: String; var verdict: String; var points: Int; var text: String }
        struct Entry: Encodable { var offer: String; var points: Int; var suitable: Bool; var covers: [String]; var reasons: [Reason] }
        var reading: String
        var profile: Profile
        var offers: [Entry]
    }

    public static func json(_ profile: AssessmentProfile, _ ranked: [AssessmentScoring.Ranked], _ c: Catalogue, _ l: Language) throws(JSONOutput.EncodingError) -> String {
        let p = JSONResult.Profile(
            territory: profile.territory?.code, stage: profile.stage?.code, budget: profile.budget?.code, employer: profile.employer?.code,
            needs: profile.needs.map { .init(kind: $0.code, weight: profile.weights[$0]!) },
            formats: OfferFormat.allCases.filter(profile.formats.contains).map(\.code),
            modes: DeliveryMode.allCases.filter(profile.modes.contains).map(\.code), first: profile.first?.code)
        return try JSONOutput.encode(JSONResult(
            reading: AssessmentWords.reading(profile, l), profile: p,
            offers: ranked.map { r in
                .init(offer: c.offers.id(r.offer), points: r.points, suitable: r.suitable, covers: r.covers.map(\.code),
                      reasons: r.reasons.map { .init(criterion: $0.criterion.rawValue, verdict: $0.verdict.rawValue, points: $0.points, text: $0.text) })
            }))
    }
}

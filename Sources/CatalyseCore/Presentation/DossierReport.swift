/// A dossier as a person reads it: `dossier show`, and the text, Markdown and CSV exports sent
/// to the association or a colleague. The profile, the offers grouped by status with their firm,
/// contact and how to apply, the notes (left out with `notes: false`), the date, and the
/// illustrative-catalogue warning when it applies. Offers no longer in the catalogue are listed
/// as such, never dropped. Lines are at most 78 cells.
public enum DossierReport {
    public struct Context: Sendable {
        public var catalogue: Catalogue
        public var language: Language
        /// The date printed (`Day.printed`), and the moment follow-ups are computed at.
        public var date: Day
        public var now: Moment
        public var followUpDelay: Int
        public var notes: Bool

        public init(catalogue: Catalogue, language: Language, date: Day, now: Moment, followUpDelay: Int, notes: Bool = true) {
            self.catalogue = catalogue; self.language = language; self.date = date; self.now = now
            self.followUpDelay = followUpDelay; self.notes = notes
        }
    }

    static let width = 78

    static func colon(_ l: Language) -> String { l == .fr ? " : " : ": " }

    /// The profile's fields, as (label, value), the empty ones left out.
    public static func profileFields(_ p: DossierProfile, _ l: Language, notes: Bool = true) -> [(String, String)] {
        let fr = l == .fr
        var fields: [(String, String)] = []
        if let t = p.territory { fields.append((fr ? "Territoire" : "Territory", t.displayName(l))) }
        if let s = p.stage { fields.append((fr ? "Stade" : "Stage", s.label(l))) }
        if let b = p.budget { fields.append((fr ? "Budget annuel" : "Yearly budget", b.label(l))) }
        if let e = p.employer { fields.append((fr ? "Emploi" : "Staff", e.label(l))) }
        if !p.needs.isEmpty { fields.append((fr ? "Besoins" : "Needs", p.needs.map { $0.label(l) }.joined(separator: ", "))) }
        if let d = p.description { fields.append((fr ? "En ses mots" : "In its own words", d)) }
        let contact = [p.contactName, p.contactEmail.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ")
        if !contact.isEmpty { fields.append(("Contact", contact)) }
        if notes, let n = p.note { fields.append(("Note", n)) }
        return fields
    }

    /// `label : value`, the value wrapped under itself, the whole indented by `indent`.
    static func labelled(_ label: String, _ value: String, indent: Int, _ l: Language) -> [String] {
        let head = String(repeating: " ", count: indent) + label + colon(l)
        let room = max(20, width - CellWidth.of(head))
        let lines = TextWrap.paragraphs(value, width: room)
        let hang = String(repeating: " ", count: CellWidth.of(head))
        return [head + (lines.first ?? "")] + lines.dropFirst().map { $0.isEmpty ? "" : hang + $0 }
    }

    static func wrapped(_ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return TextWrap.paragraphs(text, width: width - indent).map { $0.isEmpty ? "" : pad + $0 }
    }

    /// « contacté depuis le 3 novembre 2026 (28 jours) — à relancer ».
    public static func statusLine(_ o: DossierOffer, _ c: Context) -> String {
        let fr = c.language == .fr
        let days = o.statusSince.days(until: c.now)
        var text = (fr ? "\(o.status.heading(.fr)) depuis le " : "\(o.status.heading(.en)) since ") + o.statusSince.day.long(c.language)
        text += fr ? " (\(days) jour\(days > 1 ? "s" : ""))" : " (\(days) day\(days == 1 ? "" : "s"))"
        if o.needsFollowUp(now: c.now, delay: c.followUpDelay) { text += fr ? " — à relancer" : " — to follow up" }
        return text
    }

    static func heading(_ d: Dossier, _ c: Context) -> [String] {
        let fr = c.language == .fr
        var lines = [(fr ? "Catalyse — dossier d'accompagnement : " : "Catalyse — accompaniment dossier: ") + d.name,
                     (fr ? "Exporté le " : "Exported on ") + c.date.long(c.language),
                     (fr ? "Catalogue : " : "Catalogue: ") + c.catalogue.name]
        if c.catalogue.illustrative {
            lines.append(fr ? "Catalogue illustratif : les cabinets et les offres sont fictifs." : "Illustrative catalogue: the firms and offers are fictional.")
        }
        if d.archived { lines.append(fr ? "Dossier archivé." : "Archived dossier.") }
        return lines
    }

    /// The offers of each status, in status order (empty statuses left out).
    static func groups(_ d: Dossier) -> [(OfferStatus, [DossierOffer])] {
        OfferStatus.allCases.compactMap { s in
            let offers = d.offers.filter { $0.status == s }
            return offers.isEmpty ? nil : (s, offers)
        }
    }

    // MARK: Text

    public static func text(_ d: Dossier, _ c: Context) -> String {
        let l = c.language, fr = l == .fr
        var out: [String] = []
        for line in heading(d, c) { out += wrapped(line, indent: 0) }
        let profile = profileFields(d.profile, l, notes: c.notes)
        if !profile.isEmpty {
            out.append("")
            out.append(fr ? "Profil" : "Profile")
            for (label, value) in profile { out += labelled(label, value, indent: 2, l) }
        }
        if d.offers.isEmpty {
            out.append("")
            out.append(fr ? "Aucune offre dans ce dossier." : "No offer in this dossier.")
        }
        var n = 0
        for (status, offers) in groups(d) {
            out.append("")
            out.append("\(status.heading(l)) (\(offers.count))")
            for o in offers {
                n += 1
                out.append("")
                let number = "\(n). "
                guard let offer = c.catalogue.offer(id: o.offerID) else {
                    out += wrapped(number + o.offerID + (fr ? " — n'est plus dans le catalogue" : " — no longer in the catalogue"), indent: 0)
                    out += labelled(fr ? "Statut" : "Status", statusLine(o, c), indent: 3, l)
                    out += notesLines(o, c)
                    continue
                }
                let firm = c.catalogue.firm(of: offer)
                let title = TextWrap.paragraphs(offer.title, width: width - number.count)
                out.append(number + (title.first ?? ""))
                out += title.dropFirst().map { String(repeating: " ", count: number.count) + $0 }
                out += labelled(fr ? "Cabinet" : "Firm", firm.name, indent: 3, l)
                out += labelled(fr ? "Statut" : "Status", statusLine(o, c), indent: 3, l)
                out += labelled("Contact", OfferSheet.contact(firm, l), indent: 3, l)
                out += labelled(fr ? "Candidater" : "How to apply", offer.apply, indent: 3, l)
                out += labelled("Id", offer.id, indent: 3, l)
                out += notesLines(o, c)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func notesLines(_ o: DossierOffer, _ c: Context) -> [String] {
        guard c.notes, !o.notes.isEmpty else { return [] }
        var out = ["   " + (c.language == .fr ? "Notes :" : "Notes:")]
        for note in o.notes { out += labelled("- " + note.at.local, note.text, indent: 5, c.language) }
        return out
    }

    // MARK: Markdown

    public static func markdown(_ d: Dossier, _ c: Context) -> String {
        let l = c.language, fr = l == .fr
        let e = ShortlistExport.markdownEscape
        let head = heading(d, c)
        var out = ["# " + e(head[0]), ""]
        for line in head.dropFirst() { out.append("- " + e(line)) }
        let profile = profileFields(d.profile, l, notes: c.notes)
        if !profile.isEmpty {
            out += ["", "## " + (fr ? "Profil" : "Profile"), ""]
            for (label, value) in profile { out.append("- **\(e(label))**\(colon(l))\(e(oneLine(value)))") }
        }
        for (status, offers) in groups(d) {
            out += ["", "## \(e(status.heading(l))) (\(offers.count))"]
            for o in offers {
                out.append("")
                guard let offer = c.catalogue.offer(id: o.offerID) else {
                    out.append("### `\(o.offerID)` — " + e(fr ? "n'est plus dans le catalogue" : "no longer in the catalogue"))
                    out += ["", "- **\(fr ? "Statut" : "Status")**\(colon(l))\(e(statusLine(o, c)))"] + markdownNotes(o, c)
                    continue
                }
                let firm = c.catalogue.firm(of: offer)
                out += ["### " + e(offer.title), ""]
                out.append("- **\(fr ? "Cabinet" : "Firm")**\(colon(l))\(e(firm.name))")
                out.append("- **\(fr ? "Statut" : "Status")**\(colon(l))\(e(statusLine(o, c)))")
                out.append("- **Contact**\(colon(l))\(e(OfferSheet.contact(firm, l)))")
                out.append("- **\(fr ? "Candidater" : "How to apply")**\(colon(l))\(e(oneLine(offer.apply)))")
                out.append("- **Id**\(colon(l))`\(offer.id)`")
                out += markdownNotes(o, c)
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func markdownNotes(_ o: DossierOffer, _ c: Context) -> [String] {
        guard c.notes, !o.notes.isEmpty else { return [] }
        return ["- **Notes**" + (c.language == .fr ? " :" : ":")] + o.notes.map { "  - \($0.at.local) — \(ShortlistExport.markdownEscape(oneLine($0.text)))" }
    }

    /// Paragraphs joined on one line (a Markdown list item or a CSV cell).
    static func oneLine(_ text: String) -> String { TextWrap.paragraphs(text).filter { !$0.isEmpty }.joined(separator: " ") }

    // MARK: CSV

    /// The CSV columns (stable names, as the shortlist's).
    public static let csvColumns = ["dossier", "offer_id", "title", "firm", "status", "status_since", "follow_up",
                                    "contact_name", "contact_email", "apply", "notes", "in_catalogue"]

    public static func csv(_ d: Dossier, _ c: Context, separator: Character) -> String {
        let l = c.language
        func row(_ cells: [String]) -> String { cells.map { ShortlistExport.csvCell($0, separator: separator) }.joined(separator: String(separator)) }
        var lines = [row(csvColumns)]
        for (_, offers) in groups(d) {
            for o in offers {
                let offer = c.catalogue.offer(id: o.offerID)
                let firm = offer.map { c.catalogue.firm(of: $0) }
                let notes = c.notes ? o.notes.map { "\($0.at.local) \(oneLine($0.text))" }.joined(separator: ShortlistExport.multiValueSeparator) : ""
                lines.append(row([
                    d.name, o.offerID, offer?.title ?? "", firm?.name ?? "", o.status.label(l), o.statusSince.day.description,
                    o.needsFollowUp(now: c.now, delay: c.followUpDelay) ? "yes" : "no",
                    firm?.contact.name ?? "", firm?.contact.email ?? "", offer.map { oneLine($0.apply) } ?? "", notes,
                    offer == nil ? "no" : "yes",
                ]))
            }
        }
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}

extension OfferStatus {
    public func label(_ language: Language) -> String { label.text(language) }
}

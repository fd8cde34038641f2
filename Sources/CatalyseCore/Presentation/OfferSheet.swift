/// The fields of an offer sheet, in the order people read them, as (label, value) pairs.
/// Shared by `catalyse show`, the exports and the interface's sheet, so they never disagree.
public enum OfferSheet {
    public struct Field: Sendable, Equatable {
        public var key: String       // stable English key (used by Markdown anchors, tests)
        public var label: String     // in the output language
        public var value: String
    }

    /// The places an offer covers, as people read them (a région with one département named once).
    public static func territories(_ offer: Offer, _ language: Language) -> String {
        Territories.displayNames(offer.territories, language).joined(separator: ", ")
    }

    /// Who the offer is open to, as a sentence: its values in lower case, « tous » when a facet
    /// states none (« stades : tous ; budgets : 10 k€ à 50 k€ ; associations : employeuses »).
    public static func eligibility(_ e: Eligibility, _ language: Language) -> String {
        let fr = language == .fr
        if e == Eligibility() { return fr ? "ouverte à toutes les associations" : "open to every association" }
        func list<T: CodedValue>(_ values: [T]) -> String {
            values.isEmpty ? (fr ? "tous" : "all") : values.map { Typography.inRunningText($0.label(language)) }.joined(separator: ", ")
        }
        let employer = e.employer.isEmpty
            ? (fr ? "employeuses ou bénévoles" : "employing staff or volunteer-run")
            : e.employer.map { employerInRunningText($0, language) }.joined(separator: ", ")
        let parts = [(fr ? "stades" : "stages", list(e.stages)), (fr ? "budgets" : "budgets", list(e.budgets)),
                     (fr ? "associations" : "associations", employer)]
        return parts.map { Typography.field($0.0, $0.1, language) }.joined(separator: Typography.semicolon(language))
    }

    /// « associations : employeuses », « … : bénévoles » (the labels are the facet's singular).
    static func employerInRunningText(_ value: EmployerStatus, _ language: Language) -> String {
        switch (value, language) {
        case (.employeuse, .fr): "employeuses"
        case (.benevole, .fr): "bénévoles"
        case (.employeuse, .en): "employing staff"
        case (.benevole, .en): "volunteer-run"
        }
    }

    public static func contact(_ firm: Firm, _ language: Language) -> String {
        var parts = ["\(firm.contact.name) <\(firm.contact.email)>"]
        if let phone = firm.contact.phone { parts.append(phone) }
        if let site = firm.website { parts.append(site) }
        return parts.joined(separator: " · ")
    }

    /// Every field of the sheet, description included.
    public static func fields(_ offer: Offer, _ firm: Firm, _ language: Language) -> [Field] {
        let fr = language == .fr
        var fields: [Field] = [
            Field(key: "firm", label: fr ? "Cabinet" : "Firm", value: firm.name),
            Field(key: "format", label: "Format", value: offer.format.label(language)),
            Field(key: "purpose", label: fr ? "Finalité" : "Purpose", value: offer.purpose.label(language)),
            Field(key: "kinds", label: fr ? "Accompagnement" : "Support", value: offer.kinds.map { $0.label(language) }.joined(separator: ", ")),
            Field(key: "themes", label: fr ? "Thèmes" : "Themes", value: offer.themes.map { $0.label(language) }.joined(separator: ", ")),
            Field(key: "territories", label: fr ? "Territoires" : "Territories", value: territories(offer, language)),
            Field(key: "mode", label: fr ? "Modalité" : "Mode", value: ([offer.mode.label(language)] + offer.audience.map { $0.label(language) }).joined(separator: " · ")),
            Field(key: "duration", label: fr ? "Durée" : "Duration", value: offer.duration),
        ]
        if let capacity = offer.capacity {
            fields.append(Field(key: "capacity", label: fr ? "Capacité" : "Capacity",
                                value: fr ? "\(capacity) association\(capacity > 1 ? "s" : "") par an" : "\(capacity) association\(capacity > 1 ? "s" : "") a year"))
        }
        fields.append(Field(key: "eligibility", label: fr ? "Éligibilité" : "Eligibility", value: eligibility(offer.eligibility, language)))
        fields.append(Field(key: "cost", label: fr ? "Coût" : "Cost", value: offer.costText(language)))
        fields.append(Field(key: "summary", label: fr ? "Résumé" : "Summary", value: offer.summary))
        fields.append(Field(key: "description", label: "Description", value: offer.description))
        fields.append(Field(key: "contact", label: "Contact", value: contact(firm, language)))
        fields.append(Field(key: "apply", label: fr ? "Candidater" : "How to apply", value: offer.apply))
        return fields
    }
}

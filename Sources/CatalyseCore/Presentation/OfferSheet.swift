/// The fields of an offer sheet, in the order people read them, as (label, value) pairs.
/// Shared by `catalyse show`, the exports and the interface's sheet, so they never disagree.
public enum OfferSheet {
    public struct Field: Sendable, Equatable {
        public var key: String       // stable English key (used by Markdown anchors, tests)
        public var label: String     // in the output language
        public var value: String
    }

    public static func territories(_ offer: Offer, _ language: Language) -> String {
        offer.territories.map { $0.displayName(language) }.joined(separator: ", ")
    }

    public static func eligibility(_ e: Eligibility, _ language: Language) -> String {
        let all = language == .fr ? "toutes" : "any"
        let stages = e.stages.isEmpty ? all : e.stages.map { $0.label(language) }.joined(separator: ", ")
        let budgets = e.budgets.isEmpty ? all : e.budgets.map { $0.label(language) }.joined(separator: ", ")
        let employer = e.employer.isEmpty ? (language == .fr ? "employeuses ou bénévoles" : "employing or volunteer-run") : e.employer.map { $0.label(language) }.joined(separator: ", ")
        if e == Eligibility() { return language == .fr ? "ouverte à toutes les associations" : "open to every association" }
        return language == .fr
            ? "stades : \(stages) ; budgets : \(budgets) ; associations : \(employer)"
            : "stages: \(stages); budgets: \(budgets); associations: \(employer)"
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

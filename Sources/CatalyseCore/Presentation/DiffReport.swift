/// `catalyse diff` as a person reads it (French or English) and as JSON.
public enum DiffReport {
    static let labels: [String: Label] = [
        "name": Label(fr: "nom", en: "name"), "updated": Label(fr: "mis à jour", en: "updated"),
        "illustrative": Label(fr: "illustratif", en: "illustrative"), "note": Label(fr: "note", en: "note"),
        "presentation": Label(fr: "présentation", en: "presentation"), "headquarters": Label(fr: "siège", en: "head office"),
        "website": Label(fr: "site web", en: "website"), "contact.name": Label(fr: "contact", en: "contact"),
        "contact.email": Label(fr: "e-mail", en: "e-mail"), "contact.phone": Label(fr: "téléphone", en: "phone"),
        "joined": Label(fr: "adhésion", en: "joined"), "provenance.source": Label(fr: "source", en: "source"),
        "provenance.verified": Label(fr: "vérifié le", en: "verified"), "firm": Label(fr: "cabinet", en: "firm"),
        "title": Label(fr: "titre", en: "title"), "summary": Label(fr: "résumé", en: "summary"),
        "description": Label(fr: "description", en: "description"), "format": Label(fr: "format", en: "format"),
        "purpose": Label(fr: "finalité", en: "purpose"), "kinds": Label(fr: "types d'accompagnement", en: "support kinds"),
        "themes": Label(fr: "thèmes", en: "themes"), "territories": Label(fr: "territoires", en: "territories"),
        "mode": Label(fr: "modalité", en: "mode"), "audience": Label(fr: "public", en: "audience"),
        "duration": Label(fr: "durée", en: "duration"), "capacity": Label(fr: "capacité", en: "capacity"),
        "eligibility.stages": Label(fr: "stades", en: "stages"), "eligibility.budgets": Label(fr: "budgets", en: "budgets"),
        "eligibility.employer": Label(fr: "emploi", en: "employer"), "cost": Label(fr: "coût", en: "cost"),
        "apply": Label(fr: "candidater", en: "how to apply"),
    ]

    /// Fields whose values are long texts: shown as a word-level difference.
    static let longFields: Set<String> = ["note", "presentation", "provenance.source", "summary", "description", "cost", "apply"]

    static func change(_ c: CatalogueDiff.FieldChange, _ l: Language) -> String {
        let fr = l == .fr
        let label = labels[c.field]?.text(l) ?? c.field
        let colon = fr ? " : " : ": "
        func shown(_ s: String) -> String {
            if s.isEmpty { return fr ? "(vide)" : "(empty)" }
            return fr ? "« \(TextCleaning.forDisplay(s)) »" : "“\(TextCleaning.forDisplay(s))”"
        }
        if longFields.contains(c.field), !c.old.isEmpty, !c.new.isEmpty {
            return label + colon + TextCleaning.forDisplay(WordDiff.summary(c.old, c.new))
        }
        return label + colon + shown(c.old) + " → " + shown(c.new)
    }

    public static func text(_ d: CatalogueDiff, _ l: Language) -> String {
        let fr = l == .fr
        if d.isEmpty { return fr ? "Les deux catalogues sont identiques.\n" : "The two catalogues are the same.\n" }
        var out: [String] = []
        if !d.metadata.isEmpty {
            out.append(fr ? "Catalogue :" : "Catalogue:")
            for c in d.metadata { out.append("  " + change(c, l)) }
        }
        func section(_ changes: CatalogueDiff.Changes, firms: Bool) {
            let noun = firms ? (fr ? "Cabinets" : "Firms") : (fr ? "Offres" : "Offers")
            let e = fr ? (firms ? "s" : "es") : ""
            func line(_ entry: CatalogueDiff.Entry) -> String { "\(entry.id) — \(TextCleaning.forDisplay(entry.name))" }
            if !changes.added.isEmpty {
                out.append((fr ? "\(noun) ajouté\(e)" : "\(noun) added") + " (\(changes.added.count))" + (fr ? " :" : ":"))
                for a in changes.added { out.append("  + " + line(a)) }
            }
            if !changes.removed.isEmpty {
                out.append((fr ? "\(noun) retiré\(e)" : "\(noun) removed") + " (\(changes.removed.count))" + (fr ? " :" : ":"))
                for r in changes.removed { out.append("  - " + line(r)) }
            }
            if !changes.changed.isEmpty {
                out.append((fr ? "\(noun) modifié\(e)" : "\(noun) changed") + " (\(changes.changed.count))" + (fr ? " :" : ":"))
                for c in changes.changed {
                    out.append("  ~ " + line(c))
                    for f in c.fields { out.append("      " + change(f, l)) }
                }
            }
        }
        section(d.firms, firms: true)
        section(d.offers, firms: false)
        return out.joined(separator: "\n") + "\n"
    }

    struct JSONChanges: Encodable {
        struct Item: Encodable { var id: String; var name: String; var fields: [Field]? }
        struct Field: Encodable { var field: String; var old: String; var new: String }
        var added: [Item], removed: [Item], changed: [Item]
        init(_ c: CatalogueDiff.Changes) {
            added = c.added.map { Item(id: $0.id, name: $0.name, fields: nil) }
            removed = c.removed.map { Item(id: $0.id, name: $0.name, fields: nil) }
            changed = c.changed.map { Item(id: $0.id, name: $0.name, fields: $0.fields.map { Field(field: $0.field, old: $0.old, new: $0.new) }) }
        }
    }

    struct JSONDiff: Encodable {
        var equal: Bool
        var metadata: [JSONChanges.Field]
        var firms: JSONChanges
        var offers: JSONChanges
    }

    public static func json(_ d: CatalogueDiff) throws(JSONOutput.EncodingError) -> String {
        try JSONOutput.encode(JSONDiff(equal: d.isEmpty, metadata: d.metadata.map { JSONChanges.Field(field: $0.field, old: $0.old, new: $0.new) },
                                       firms: JSONChanges(d.firms), offers: JSONChanges(d.offers)))
    }
}

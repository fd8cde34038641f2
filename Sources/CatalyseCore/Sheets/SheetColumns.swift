/// The three sheets of a catalogue kept in a spreadsheet, column by column: each column's
/// French and English headers (either is accepted, in any order, accents and case ignored),
/// the catalogue field it fills, whether it holds several values, what the help row says and
/// an example. `docs/catalogue-format.md` documents the same table.
public enum SheetKind: String, Sendable, CaseIterable {
    case catalogue, firms, offers

    /// The file in the folder.
    public var fileName: String {
        switch self {
        case .catalogue: "catalogue.csv"
        case .firms: "cabinets.csv"
        case .offers: "offres.csv"
        }
    }

    /// A workbook tab's accepted names, compared as headers are (the first is the one said).
    public var tabNames: [String] {
        switch self {
        case .catalogue: ["catalogue"]
        case .firms: ["cabinets", "firms"]
        case .offers: ["offres", "offers"]
        }
    }

    public var columns: [SheetColumn] {
        switch self {
        case .catalogue: SheetColumn.catalogue
        case .firms: SheetColumn.firms
        case .offers: SheetColumn.offers
        }
    }
}

public struct SheetColumn: Sendable, Equatable {
    /// The key of the catalogue file it fills (`contact.email` for a nested one).
    public let key: String
    public let header: Label
    public let required: Bool
    /// A cell of several values (`;`, `,` or line breaks between them).
    public let multiple: Bool
    public let help: Label
    public let example: String

    init(_ key: String, _ fr: String, _ en: String, required: Bool = true, multiple: Bool = false, help: Label, example: String) {
        self.key = key; self.header = Label(fr: fr, en: en); self.required = required; self.multiple = multiple
        self.help = help; self.example = example
    }

    /// What a header cell is compared by: folded, punctuation and spaces ignored.
    static func headerKey(_ text: String) -> String { TextFolding.foldedWords(text).joined() }

    /// The column a header cell names, if any (its French or English header, or its key).
    static func named(_ text: String, in columns: [SheetColumn]) -> SheetColumn? {
        let key = headerKey(text)
        guard !key.isEmpty else { return nil }
        return columns.first { headerKey($0.header.fr) == key || headerKey($0.header.en) == key || headerKey($0.key) == key }
    }

    static func codes(_ facet: Facet) -> String { facet.coded!.codeList }

    static let catalogue: [SheetColumn] = [
        SheetColumn("name", "Nom", "Name", help: Label(fr: "nom de l'annuaire", en: "the directory's name"), example: "Annuaire des offres d'accompagnement"),
        SheetColumn("updated", "Mis à jour", "Updated", help: Label(fr: "date AAAA-MM-JJ", en: "date YYYY-MM-DD"), example: "2026-11-20"),
        SheetColumn("illustrative", "Illustratif", "Illustrative", help: Label(fr: "oui si les cabinets sont fictifs, sinon non", en: "yes if the firms are fictional, else no"), example: "non"),
        SheetColumn("note", "Note", "Note", required: false, help: Label(fr: "texte libre (facultatif)", en: "free text (optional)"), example: ""),
    ]

    static let firms: [SheetColumn] = [
        SheetColumn("id", "Identifiant", "Id", help: Label(fr: "minuscules, chiffres et tirets, unique", en: "lower-case letters, digits and hyphens, unique"), example: "cabinet-exemple"),
        SheetColumn("name", "Nom", "Name", help: Label(fr: "nom du cabinet", en: "the firm's name"), example: "Cabinet Exemple"),
        SheetColumn("presentation", "Présentation", "Presentation", help: Label(fr: "quelques phrases", en: "a few sentences"), example: "Cabinet de conseil en stratégie."),
        SheetColumn("headquarters", "Siège", "Head office", help: Label(fr: "département du siège (59, 2A, 971)", en: "head office's département (59, 2A, 971)"), example: "59"),
        SheetColumn("website", "Site web", "Website", required: false, help: Label(fr: "adresse https:// (facultatif)", en: "https:// address (optional)"), example: ""),
        SheetColumn("contact.name", "Contact", "Contact", help: Label(fr: "personne à qui écrire", en: "the person to write to"), example: "Claire Martin"),
        SheetColumn("contact.email", "E-mail", "E-mail", help: Label(fr: "son adresse e-mail", en: "their e-mail address"), example: "contact@cabinet-exemple.example.org"),
        SheetColumn("contact.phone", "Téléphone", "Phone", required: false, help: Label(fr: "facultatif", en: "optional"), example: ""),
        SheetColumn("joined", "Adhésion", "Joined", help: Label(fr: "année d'entrée dans le programme (2008 ou après)", en: "year it joined the programme (2008 or later)"), example: "2012"),
        SheetColumn("provenance.source", "Source", "Source", help: Label(fr: "d'où viennent ces informations", en: "where this information comes from"), example: "Fiche remise par le cabinet"),
        SheetColumn("provenance.verified", "Vérifié le", "Verified", help: Label(fr: "date AAAA-MM-JJ", en: "date YYYY-MM-DD"), example: "2026-11-20"),
    ]

    static let offers: [SheetColumn] = [
        SheetColumn("id", "Identifiant", "Id", help: Label(fr: "minuscules, chiffres et tirets, unique", en: "lower-case letters, digits and hyphens, unique"), example: "cabinet-exemple-diagnostic"),
        SheetColumn("firm", "Cabinet", "Firm", help: Label(fr: "identifiant du cabinet (cabinets.csv)", en: "the firm's id (cabinets.csv)"), example: "cabinet-exemple"),
        SheetColumn("title", "Titre", "Title", help: Label(fr: "titre de l'offre", en: "the offer's title"), example: "Diagnostic stratégique"),
        SheetColumn("summary", "Résumé", "Summary", help: Label(fr: "une phrase", en: "one sentence"), example: "Un regard extérieur sur le projet associatif."),
        SheetColumn("description", "Description", "Description", help: Label(fr: "quelques paragraphes", en: "a few paragraphs"), example: "Le cabinet accompagne la direction et le conseil d'administration."),
        SheetColumn("format", "Format", "Format", help: Label(fr: codes(.format), en: codes(.format)), example: "mecenat-competences"),
        SheetColumn("purpose", "Finalité", "Purpose", help: Label(fr: codes(.purpose), en: codes(.purpose)), example: "strategique"),
        SheetColumn("kinds", "Types d'accompagnement", "Support kinds", multiple: true, help: Label(fr: "un ou plusieurs : " + codes(.kind), en: "one or more: " + codes(.kind)), example: "conseil-strategie"),
        SheetColumn("themes", "Thèmes", "Themes", multiple: true, help: Label(fr: "un ou plusieurs : " + codes(.theme), en: "one or more: " + codes(.theme)), example: "accompagnement-strategique"),
        SheetColumn("territories", "Territoires", "Territories", multiple: true, help: Label(fr: "national, R + code de région (R32), département (59), nom ou code postal", en: "national, R + région code (R32), département (59), name or postal code"), example: "R32"),
        SheetColumn("mode", "Modalité", "Mode", help: Label(fr: codes(.mode), en: codes(.mode)), example: "mixte"),
        SheetColumn("audience", "Public", "Audience", multiple: true, help: Label(fr: codes(.audience), en: codes(.audience)), example: "individuel"),
        SheetColumn("duration", "Durée", "Duration", help: Label(fr: "dans les mots de l'offre", en: "in the offer's words"), example: "trois mois"),
        SheetColumn("capacity", "Capacité", "Capacity", required: false, help: Label(fr: "associations par an (facultatif)", en: "associations a year (optional)"), example: ""),
        SheetColumn("eligibility.stages", "Stades", "Stages", required: false, multiple: true, help: Label(fr: "vide : tous ; sinon " + codes(.stage), en: "empty: all; else " + codes(.stage)), example: ""),
        SheetColumn("eligibility.budgets", "Budgets", "Budgets", required: false, multiple: true, help: Label(fr: "vide : tous ; sinon " + codes(.budget), en: "empty: all; else " + codes(.budget)), example: ""),
        SheetColumn("eligibility.employer", "Emploi", "Employer", required: false, multiple: true, help: Label(fr: "vide : toutes ; sinon " + codes(.employer), en: "empty: all; else " + codes(.employer)), example: ""),
        SheetColumn("cost", "Coût", "Cost", required: false, help: Label(fr: "ce que paie l'association (obligatoire en mi-chemin)", en: "what the association pays (required for mi-chemin)"), example: ""),
        SheetColumn("apply", "Candidater", "How to apply", help: Label(fr: "comment candidater", en: "how to apply"), example: "Écrire à contact@cabinet-exemple.example.org."),
    ]

    /// The facet a column's codes belong to, for turning labels into codes.
    var facet: Facet? {
        switch key {
        case "format": .format
        case "purpose": .purpose
        case "kinds": .kind
        case "themes": .theme
        case "mode": .mode
        case "audience": .audience
        case "eligibility.stages": .stage
        case "eligibility.budgets": .budget
        case "eligibility.employer": .employer
        default: nil
        }
    }
}

import Foundation

/// A dossier as a JSON file, to hand it to a colleague: `dossier export --as json` writes it,
/// `dossier import` reads it back. Codes are the code values of `domain.md`; moments are
/// seconds since 1970 (UTC). The file is untrusted: every code, id and event is checked and
/// every text cleaned, and a problem names its field.
public enum DossierTransfer {
    public static let formatName = "catalyse-dossier"
    public static let version = 1

    struct File: Codable {
        var format: String
        var version: Int
        var name: String
        var archived: Bool
        var created: Int64
        var profile: Profile
        var offers: [OfferEntry]
        var history: [Event]
    }

    struct Profile: Codable {
        var territory: String?
        var stage: String?
        var budget: String?
        var employer: String?
        var needs: [String]
        var description: String?
        var contactName: String?
        var contactEmail: String?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case territory, stage, budget, employer, needs, description, note
            case contactName = "contact_name", contactEmail = "contact_email"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(territory, forKey: .territory); try c.encode(stage, forKey: .stage); try c.encode(budget, forKey: .budget)
            try c.encode(employer, forKey: .employer); try c.encode(needs, forKey: .needs); try c.encode(description, forKey: .description)
            try c.encode(contactName, forKey: .contactName); try c.encode(contactEmail, forKey: .contactEmail); try c.encode(note, forKey: .note)
        }
    }

    struct NoteEntry: Codable { var at: Int64; var text: String }

    struct OfferEntry: Codable {
        var id: String
        var status: String
        var statusSince: Int64
        var added: Int64
        var notes: [NoteEntry]
        enum CodingKeys: String, CodingKey { case id, status, notes, added, statusSince = "status_since" }
    }

    struct Event: Codable {
        var at: Int64
        var kind: String
        var offer: String?
        var from: String?
        var to: String?
        var text: String?
    }

    /// The JSON of a dossier (notes and note events left out with `notes: false`).
    public static func encode(_ d: Dossier, notes: Bool = true) throws(JSONOutput.EncodingError) -> String {
        let p = d.profile
        let file = File(
            format: formatName, version: version, name: p.name, archived: d.archived, created: d.created.seconds,
            profile: Profile(territory: p.territory?.code, stage: p.stage?.code, budget: p.budget?.code, employer: p.employer?.code,
                             needs: p.needs.map(\.code), description: p.description, contactName: p.contactName,
                             contactEmail: p.contactEmail, note: notes ? p.note : nil),
            offers: d.offers.map { o in
                OfferEntry(id: o.offerID, status: o.status.code, statusSince: o.statusSince.seconds, added: o.added.seconds,
                           notes: notes ? o.notes.map { NoteEntry(at: $0.at.seconds, text: $0.text) } : [])
            },
            history: d.history.compactMap { e in
                switch e.kind {
                case .created: Event(at: e.at.seconds, kind: "created")
                case .added(let offer): Event(at: e.at.seconds, kind: "added", offer: offer)
                case let .status(offer, from, to): Event(at: e.at.seconds, kind: "status", offer: offer, from: from?.code, to: to.code)
                case let .note(offer, text): notes ? Event(at: e.at.seconds, kind: "note", offer: offer, text: text) : nil
                case let .renamed(from, to): Event(at: e.at.seconds, kind: "renamed", from: from, to: to)
                case .archived: Event(at: e.at.seconds, kind: "archived")
                case .unarchived: Event(at: e.at.seconds, kind: "unarchived")
                case .imported(let from): Event(at: e.at.seconds, kind: "imported", text: from)
                case .profileChanged: Event(at: e.at.seconds, kind: "profile")
                }
            })
        return try JSONOutput.encode(file)
    }

    /// Reads a dossier file; `path` names it in errors. The dossier's id is 0 (it gets one when
    /// stored).
    public static func decode(_ data: [UInt8], path: String) throws(DossierError) -> Dossier {
        func bad(_ field: String, _ fr: String, _ en: String) -> DossierError { .invalidImport(path: path, field: field, problem: Label(fr: fr, en: en)) }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(data))
        } catch let DecodingError.keyNotFound(key, context) {
            throw bad(fieldPath(context.codingPath + [key]), "champ manquant", "missing field")
        } catch let DecodingError.typeMismatch(_, context) {
            throw bad(fieldPath(context.codingPath), "valeur du mauvais type", "value of the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw bad(fieldPath(context.codingPath), "valeur manquante (null)", "missing value (null)")
        } catch {
            throw bad("json", "ce n'est pas un fichier JSON lisible", "not a readable JSON file")
        }
        guard file.format == formatName else { throw bad("format", "ce n'est pas un dossier Catalyse", "not a Catalyse dossier") }
        guard file.version <= version else { throw bad("version", "écrit par une version plus récente de Catalyse", "written by a newer version of Catalyse") }
        func code<T>(_ raw: String?, _ field: String, _ parse: (String) -> T?) throws(DossierError) -> T? {
            guard let raw else { return nil }
            guard let value = parse(raw) else { throw bad(field, "valeur inconnue « \(TextCleaning.forDisplay(raw)) »", "unknown value “\(TextCleaning.forDisplay(raw))”") }
            return value
        }
        func id(_ raw: String, _ field: String) throws(DossierError) -> String {
            guard Slug.isValid(raw) else { throw bad(field, "identifiant d'offre invalide", "invalid offer id") }
            return raw
        }
        func clean(_ s: String?, singleLine: Bool = true) -> String? {
            s.map { TextCleaning.trim(TextCleaning.clean($0, singleLine: singleLine).text) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let p = file.profile
        var needs: [SupportKind] = []
        for (i, n) in p.needs.enumerated() { needs.append(try code(n, "profile.needs[\(i)]", SupportKind.init(code:))!) }
        let profile = DossierProfile(
            name: clean(file.name) ?? "",
            territory: try code(p.territory, "profile.territory", Place.init(code:)),
            stage: try code(p.stage, "profile.stage", Stage.init(code:)), budget: try code(p.budget, "profile.budget", BudgetBand.init(code:)),
            employer: try code(p.employer, "profile.employer", EmployerStatus.init(code:)), needs: needs,
            description: clean(p.description, singleLine: false), contactName: clean(p.contactName), contactEmail: clean(p.contactEmail),
            note: clean(p.note, singleLine: false))
        var offers: [DossierOffer] = []
        for (i, o) in file.offers.enumerated() {
            let field = "offers[\(i)]"
            let offerID = try id(o.id, field + ".id")
            guard !offers.contains(where: { $0.offerID == offerID }) else { throw bad(field + ".id", "offre en double", "offer listed twice") }
            offers.append(DossierOffer(offerID: offerID, status: try code(o.status, field + ".status", OfferStatus.init(rawValue:))!,
                                       statusSince: Moment(seconds: o.statusSince), added: Moment(seconds: o.added),
                                       notes: o.notes.compactMap { n in clean(n.text, singleLine: false).map { DossierNote(at: Moment(seconds: n.at), text: $0) } }))
        }
        var history: [DossierEvent] = []
        for (i, e) in file.history.enumerated() {
            let field = "history[\(i)]"
            let at = Moment(seconds: e.at)
            let kind: DossierEvent.Kind
            switch e.kind {
            case "created": kind = .created
            case "added": kind = .added(offerID: try id(e.offer ?? "", field + ".offer"))
            case "status":
                kind = .status(offerID: try id(e.offer ?? "", field + ".offer"), from: try code(e.from, field + ".from", OfferStatus.init(rawValue:)),
                               to: try code(e.to ?? "", field + ".to", OfferStatus.init(rawValue:))!)
            case "note": kind = .note(offerID: try id(e.offer ?? "", field + ".offer"), text: clean(e.text, singleLine: false) ?? "")
            case "renamed": kind = .renamed(from: clean(e.from) ?? "", to: clean(e.to) ?? "")
            case "archived": kind = .archived
            case "unarchived": kind = .unarchived
            case "imported": kind = .imported(from: clean(e.text) ?? "")
            case "profile": kind = .profileChanged
            default: throw bad(field + ".kind", "évènement inconnu « \(TextCleaning.forDisplay(e.kind)) »", "unknown event “\(TextCleaning.forDisplay(e.kind))”")
            }
            history.append(DossierEvent(at: at, kind: kind))
        }
        return Dossier(id: 0, profile: profile, archived: file.archived, created: Moment(seconds: file.created), offers: offers, history: history)
    }

    static func fieldPath(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out.isEmpty ? "json" : out
    }
}

/// Turns a catalogue document (from YAML or JSON) into the model, collecting every problem on
/// the way. The rules for single values (texts, codes, ids, dates…) are in `ValueRules.swift`.
struct CatalogueReader {
    let file: String
    let today: Day
    var diagnostics: [Diagnostic] = []

    init(file: String, today: Day) { self.file = file; self.today = today }

    /// An error at `node`, in English and in French (`fr`).
    mutating func error(_ node: DocumentNode, _ field: String, _ message: String, fr: String) {
        diagnostics.append(Diagnostic(file: file, position: node.position, field: field, message: message, french: fr))
    }

    mutating func warning(_ node: DocumentNode, _ field: String, _ message: String, fr: String) {
        diagnostics.append(Diagnostic(file: file, position: node.position, field: field, message: message, french: fr, severity: .warning))
    }

    // MARK: Mappings

    /// A mapping's entries by key, after checking its keys against `allowed`.
    /// A class: the readers pass it to every value rule and capture it in closures, and a copy
    /// of a reference costs one count where a copy of the four parts cost four.
    final class Fields {
        let node: DocumentNode
        let path: String
        let entries: Entries
        init(node: DocumentNode, path: String, entries: Entries) { self.node = node; self.path = path; self.entries = entries }
        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    /// The first value of each allowed key, in the order of `allowed` (a mapping has a few keys:
    /// comparing them, mostly small strings held inline, costs less than hashing each one).
    struct Entries {
        let keys: [String]
        var values: [DocumentNode?]
        subscript(_ key: String) -> DocumentNode? {
            for i in keys.indices where keys[i] == key { return values[i] }
            return nil
        }
    }

    mutating func fields(_ node: DocumentNode, _ path: String, allowed: [String]) -> Fields? {
        guard case .mapping(let pairs) = node.kind else {
            if case .invalid = node.kind { return nil }
            error(node, path.isEmpty ? "catalogue" : path, "expected a mapping (key: value lines), found \(node.typeName)",
                  fr: "une table (lignes clé : valeur) était attendue, et non \(node.typeNameFR)")
            return nil
        }
        var entries = Entries(keys: allowed, values: Array(repeating: nil, count: allowed.count))
        // Keys are mostly written in the order of `allowed`: the search starts after the last found.
        var next = 0
        let count = allowed.count
        for (key, value) in pairs {
            guard case .scalar(let name, _) = key.kind else { continue }
            var found = -1
            var i = next
            for _ in 0..<count {
                if allowed[i] == name { found = i; break }
                i += 1
                if i == count { i = 0 }
            }
            if found < 0 {
                let where_ = path.isEmpty ? "at the top level" : "in \(path)"
                let whereFR = path.isEmpty ? "au premier niveau" : "dans \(path)"
                let shown = TextCleaning.forDisplay(name)
                error(key, path.isEmpty ? shown : "\(path).\(shown)", "unknown key '\(TextCleaning.forDisplay(name))' \(where_) (expected one of: \(allowed.joined(separator: ", ")))",
                      fr: "clé inconnue « \(TextCleaning.forDisplay(name)) » \(whereFR) (clés possibles : \(allowed.joined(separator: ", ")))")
                continue
            }
            next = found + 1 == count ? 0 : found + 1
            if entries.values[found] == nil { entries.values[found] = value }
        }
        return Fields(node: node, path: path, entries: entries)
    }

    /// The value of a required key, or an error at the mapping.
    mutating func required(_ f: Fields, _ key: String) -> DocumentNode? {
        guard let value = f.entries[key] else {
            error(f.node, f.path(key), "missing required field", fr: "champ obligatoire absent")
            return nil
        }
        if value.isNull {
            error(value, f.path(key), "is empty (null); a value is required", fr: "est vide (null) ; une valeur est obligatoire")
            return nil
        }
        return value
    }

    func optional(_ f: Fields, _ key: String) -> DocumentNode? {
        guard let value = f.entries[key], !value.isNull else { return nil }
        return value
    }

    // MARK: The document

    // The keys of each mapping of the format (made once, not at every mapping).
    static let topKeys = ["catalogue", "firms"]
    static let catalogueKeys = ["name", "updated", "illustrative", "note"]
    static let firmKeys = ["id", "name", "presentation", "headquarters", "website", "contact", "joined", "provenance", "offers"]
    static let contactKeys = ["name", "email", "phone"]
    static let provenanceKeys = ["source", "verified"]
    static let offerKeys = ["id", "title", "summary", "description", "format", "purpose", "kinds", "themes", "territories", "mode", "audience", "duration", "capacity", "eligibility", "cost", "apply"]
    static let eligibilityKeys = ["stages", "budgets", "employer"]

    // Firms read so far (the JSON reader streams them in one at a time).
    var firms: [Firm] = []
    var offers: [Offer] = []
    var firmItems = 0
    var firmSeen: [String: SourcePosition] = [:]
    var offerSeen: [String: SourcePosition] = [:]
    /// When not nil, a firm is being read apart: its id checks are kept here (`FirmReading`).
    var deferredChecks: [IDCheck]? = nil

    /// Reads one element of `firms`.
    mutating func addFirm(_ node: DocumentNode) {
        let i = firmItems
        firmItems += 1
        var firmSeen = self.firmSeen, offerSeen = self.offerSeen
        self.firmSeen = [:]
        self.offerSeen = [:]
        let read = readFirm(node, "firms[\(i)]", firmSeen: &firmSeen, offerSeen: &offerSeen)
        self.firmSeen = firmSeen
        self.offerSeen = offerSeen
        if let (firm, firmOffers) = read {
            firms.append(firm)
            offers.append(contentsOf: firmOffers)
        }
    }

    mutating func read(_ root: DocumentNode) -> Catalogue? {
        if root.isNull {
            error(root, "catalogue", "the file holds no data (only comments or an empty document)",
                  fr: "le fichier ne contient aucune donnée (seulement des commentaires ou un document vide)")
            return nil
        }
        if case .mapping(let pairs) = root.kind, let firmsNode = pairs.first(where: { if case .scalar("firms", _) = $0.key.kind { true } else { false } })?.value,
           case .sequence(let items) = firmsNode.kind {
            for item in items { addFirm(item) }
        }
        return finish(root)
    }

    /// Reads the top level and the metadata, after the firms were added with `addFirm`.
    mutating func finish(_ root: DocumentNode) -> Catalogue? {
        guard let top = fields(root, "", allowed: Self.topKeys) else { return nil }
        var name: String?, updated: Day?, illustrative: Bool?, note: String?
        if let metaNode = required(top, "catalogue"), let meta = fields(metaNode, "catalogue", allowed: Self.catalogueKeys) {
            name = requiredText(meta, "name")
            updated = required(meta, "updated").flatMap { day($0, meta.path("updated")) }
            illustrative = required(meta, "illustrative").flatMap { bool($0, meta.path("illustrative")) }
            note = optionalText(meta, "note", singleLine: false)
        }
        if let firmsNode = required(top, "firms") {
            switch firmsNode.kind {
            case .sequence:
                if firmItems == 0 { error(firmsNode, "firms", "needs at least one firm", fr: "il faut au moins un cabinet") }
            case .invalid:
                break
            default:
                error(firmsNode, "firms", "expected a list of firms, found \(firmsNode.typeName)", fr: "une liste de cabinets était attendue, et non \(firmsNode.typeNameFR)")
            }
        }
        guard diagnostics.allSatisfy({ $0.severity != .error }), let name, let updated, let illustrative else { return nil }
        return Catalogue(name: name, updated: updated, illustrative: illustrative, note: note, firms: firms, offers: offers)
    }

    mutating func readFirm(_ node: DocumentNode, _ path: String, firmSeen: inout [String: SourcePosition], offerSeen: inout [String: SourcePosition]) -> (Firm, [Offer])? {
        guard let f = fields(node, path, allowed: Self.firmKeys) else { return nil }
        let idNode = required(f, "id")
        let id = idNode.flatMap { slug($0, f.path("id")) }
        if let id, let idNode { checkID(IDCheck(at: diagnostics.count, offer: false, id: id, position: idNode.position, field: f.path("id")), &firmSeen) }
        let name = requiredText(f, "name")
        let presentation = requiredText(f, "presentation", singleLine: false)
        let hq = required(f, "headquarters").flatMap { department($0, f.path("headquarters")) }
        let website = optional(f, "website").flatMap { url($0, f.path("website")) }
        var contact: Contact?
        if let c = required(f, "contact").flatMap({ fields($0, f.path("contact"), allowed: Self.contactKeys) }) {
            let cname = requiredText(c, "name")
            let cmail = required(c, "email").flatMap { email($0, c.path("email")) }
            let phone = optionalText(c, "phone")
            if let cname, let cmail { contact = Contact(name: cname, email: cmail, phone: phone) }
        }
        var joined: Int?
        if let jn = required(f, "joined"), let year = integer(jn, f.path("joined")) {
            if year < 2008 || year > today.year {
                error(jn, f.path("joined"), "year \(year) is outside 2008–\(today.year) (the programme started in 2008)",
                      fr: "l'année \(year) est hors de 2008–\(today.year) (le programme a commencé en 2008)")
            } else { joined = year }
        }
        var provenance: Provenance?
        if let p = required(f, "provenance").flatMap({ fields($0, f.path("provenance"), allowed: Self.provenanceKeys) }) {
            let source = requiredText(p, "source", singleLine: false)
            let verified = required(p, "verified").flatMap { day($0, p.path("verified")) }
            if let source, let verified { provenance = Provenance(source: source, verified: verified) }
        }
        var offers: [Offer] = []
        var offersOK = true
        if let offersNode = required(f, "offers") {
            if case .sequence(let items) = offersNode.kind {
                if items.isEmpty { error(offersNode, f.path("offers"), "needs at least one offer", fr: "il faut au moins une offre") }
                for (i, item) in items.enumerated() {
                    if let offer = readOffer(item, "\(f.path("offers"))[\(i)]", firmID: id ?? "", offerSeen: &offerSeen) {
                        offers.append(offer)
                    } else { offersOK = false }
                }
            } else {
                error(offersNode, f.path("offers"), "expected a list of offers, found \(offersNode.typeName)", fr: "une liste d'offres était attendue, et non \(offersNode.typeNameFR)")
                offersOK = false
            }
        } else { offersOK = false }
        guard offersOK, let id, let name, let presentation, let hq, let contact, let joined, let provenance else { return nil }
        let firm = Firm(id: id, name: name, presentation: presentation, headquarters: hq, website: website,
                        contact: contact, joined: joined, provenance: provenance)
        return (firm, offers)
    }

    mutating func readOffer(_ node: DocumentNode, _ path: String, firmID: String, offerSeen: inout [String: SourcePosition]) -> Offer? {
        guard let f = fields(node, path, allowed: Self.offerKeys) else { return nil }
        let idNode = required(f, "id")
        let id = idNode.flatMap { slug($0, f.path("id")) }
        if let id, let idNode { checkID(IDCheck(at: diagnostics.count, offer: true, id: id, position: idNode.position, field: f.path("id")), &offerSeen) }
        let title = requiredText(f, "title")
        let summary = requiredText(f, "summary")
        let description = requiredText(f, "description", singleLine: false)
        let format = required(f, "format").flatMap { code($0, f.path("format"), as: OfferFormat.self) }
        let purpose = required(f, "purpose").flatMap { code($0, f.path("purpose"), as: Purpose.self) }
        var kinds: [SupportKind]?
        if let kn = required(f, "kinds") {
            kinds = codeList(kn, f.path("kinds"), as: SupportKind.self, allowEmpty: false)
            if let kinds, let purpose, let items = list(kn, f.path("kinds")) {
                for ((i, item), kind) in zip(items, kinds) where kind.purpose != purpose {
                    error(item, kn.isSequence ? "\(f.path("kinds"))[\(i)]" : f.path("kinds"),
                          "support kind '\(kind.code)' belongs to the purpose '\(kind.purpose.code)', not to this offer's purpose '\(purpose.code)' (allowed: \(purpose.kinds.map(\.code).joined(separator: ", ")))",
                          fr: "le type d'accompagnement « \(kind.code) » relève de la finalité « \(kind.purpose.code) », et non de celle de cette offre, « \(purpose.code) » (possibles : \(purpose.kinds.map(\.code).joined(separator: ", ")))")
                }
            }
        }
        let themes = required(f, "themes").flatMap { codeList($0, f.path("themes"), as: Theme.self, allowEmpty: false) }
        let territories = required(f, "territories").flatMap { places($0, f.path("territories")) }
        let mode = required(f, "mode").flatMap { code($0, f.path("mode"), as: DeliveryMode.self) }
        let audience = required(f, "audience").flatMap { codeList($0, f.path("audience"), as: Audience.self, allowEmpty: false) }
        let duration = requiredText(f, "duration")
        var capacity: Int?
        var capacityOK = true
        if let cn = optional(f, "capacity") {
            if let value = integer(cn, f.path("capacity")) {
                if value < 1 { error(cn, f.path("capacity"), "must be at least 1", fr: "doit valoir au moins 1"); capacityOK = false } else { capacity = value }
            } else { capacityOK = false }
        }
        var eligibility = Eligibility()
        var eligibilityOK = true
        if let en = optional(f, "eligibility") {
            if let e = fields(en, f.path("eligibility"), allowed: Self.eligibilityKeys) {
                if let n = optional(e, "stages") {
                    if let v = codeList(n, e.path("stages"), as: Stage.self, allowEmpty: true) { eligibility.stages = v } else { eligibilityOK = false }
                }
                if let n = optional(e, "budgets") {
                    if let v = codeList(n, e.path("budgets"), as: BudgetBand.self, allowEmpty: true) { eligibility.budgets = v } else { eligibilityOK = false }
                }
                if let n = optional(e, "employer") {
                    if let v = codeList(n, e.path("employer"), as: EmployerStatus.self, allowEmpty: true) { eligibility.employer = v } else { eligibilityOK = false }
                }
            } else { eligibilityOK = false }
        }
        let cost = optionalText(f, "cost", singleLine: false)
        if format == .miChemin && cost == nil && optional(f, "cost") == nil {
            error(f.node, f.path("cost"), "a mi-chemin offer must say what the association pays, in its own words",
                  fr: "une offre mi-chemin doit dire ce que paie l'association, dans ses propres mots")
        }
        let apply = requiredText(f, "apply", singleLine: false)
        guard let id, let title, let summary, let description, let format, let purpose, let kinds, let themes,
              let territories, let mode, let audience, let duration, let apply, capacityOK, eligibilityOK,
              kinds.allSatisfy({ $0.purpose == purpose }) else { return nil }
        return Offer(id: id, firmID: firmID, title: title, summary: summary, description: description,
                     format: format, purpose: purpose, kinds: kinds, themes: themes, territories: territories,
                     mode: mode, audience: audience, duration: duration, capacity: capacity,
                     eligibility: eligibility, cost: cost, apply: apply)
    }
}

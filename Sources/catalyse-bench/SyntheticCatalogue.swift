import CatalyseCore

/// A deterministic generator of synthetic catalogues in the project's own format (JSON or YAML):
/// N offers spread over firms, realistic French text (accents, 25–35-word descriptions, about
/// 430 bytes of text per offer), every facet populated. Same seed, same bytes.
struct SyntheticCatalogue {
    /// SplitMix64: small, fast, and the same on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func pick<T>(_ array: [T]) -> T { array[int(array.count)] }
        mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
        mutating func subset<T>(_ array: [T], max: Int) -> [T] {
            let n = 1 + int(max)
            var result: [T] = []
            for _ in 0..<n {
                let v = pick(array)
                if !result.contains(where: { "\($0)" == "\(v)" }) { result.append(v) }
            }
            return result
        }
    }

    static let nouns = ["stratégie", "compétences", "gouvernance", "bénévoles", "financements", "partenariats", "mécénat",
                        "territoire", "réseau", "communication", "modèle", "économie", "trésorerie", "innovation", "projet",
                        "équipe", "dirigeants", "conseil", "évaluation", "impact", "collectivités", "entreprises", "fondation",
                        "accompagnement", "structuration", "développement", "coopération", "mutualisation", "essaimage",
                        "diagnostic", "feuille de route", "plan d'action", "tiers-lieu", "numérique", "qualité", "stratégique"]
    static let verbs = ["consolider", "structurer", "développer", "évaluer", "financer", "animer", "renforcer", "accompagner",
                        "clarifier", "préparer", "mesurer", "partager", "diversifier", "professionnaliser", "transformer"]
    static let adjectives = ["associatif", "territorial", "durable", "partagé", "collectif", "solidaire", "opérationnel",
                             "économique", "local", "régional", "hybride", "concret", "pluriannuel", "innovant"]
    static let fillers = ["avec", "pour", "dans", "auprès", "des", "les", "une", "leur", "grâce", "au", "et", "de la", "du", "en"]
    static let firmWords = ["Conseil", "Partenaires", "Associés", "Stratégies", "& Co", "Études", "Impact", "Solidaire"]
    static let firmRoots = ["Alizé", "Boussole", "Cèdre", "Dune", "Écluse", "Falaise", "Garance", "Héliotrope", "Iris", "Jasmin",
                            "Lanterne", "Mistral", "Nacre", "Olivier", "Pivoine", "Quartz", "Rivière", "Sémaphore", "Tilleul", "Vétiver"]

    var random: Random

    init(seed: UInt64) { random = Random(state: seed) }

    mutating func words(_ count: Int) -> String {
        var parts: [String] = []
        for i in 0..<count {
            switch (i + random.int(3)) % 4 {
            case 0: parts.append(random.pick(Self.verbs))
            case 1: parts.append(random.pick(Self.nouns))
            case 2: parts.append(random.pick(Self.adjectives))
            default: parts.append(random.pick(Self.fillers))
            }
        }
        var text = parts.joined(separator: " ")
        text = text.prefix(1).uppercased() + text.dropFirst()
        return text
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    struct GeneratedOffer {
        var fields: [(String, Any)]
    }

    /// One offer as ordered (key, value) pairs; values are String, Int, [String] or [(String, [String])].
    mutating func offer(firmID: String, index: Int) -> [(String, Any)] {
        let purpose = random.pick(Purpose.allCases)
        let format = random.pick(OfferFormat.allCases)
        let kinds = random.subset(purpose.kinds.map(\.code), max: 2)
        let themes = random.subset(Theme.allCases.map(\.code), max: 2)
        var territories: [String] = []
        let t = random.int(10)
        if t == 0 { territories = ["national"] } else if t < 4 {
            territories = ["R" + random.pick(Territories.regionCodes)]
        } else {
            territories = random.subset(Territories.departments.map(\.code), max: 3)
        }
        var fields: [(String, Any)] = [
            ("id", "\(firmID)-offre-\(index)"),
            ("title", words(4 + random.int(4))),
            ("summary", words(10 + random.int(5)) + "."),
            ("description", words(25 + random.int(11)) + "."),
            ("format", format.code),
            ("purpose", purpose.code),
            ("kinds", kinds),
            ("themes", themes),
            ("territories", territories),
            ("mode", random.pick(DeliveryMode.allCases).code),
            ("audience", random.subset(Audience.allCases.map(\.code), max: 1)),
            ("duration", random.pick(["trois mois", "six mois, une journée par mois", "un an", "quatre séances", "deux ans"])),
            ("capacity", 1 + random.int(30)),
        ]
        var eligibility: [(String, [String])] = []
        if random.chance(60) { eligibility.append(("stages", random.subset(Stage.allCases.map(\.code), max: 2))) }
        if random.chance(60) { eligibility.append(("budgets", random.subset(BudgetBand.allCases.map(\.code), max: 2))) }
        if random.chance(30) { eligibility.append(("employer", [random.pick(EmployerStatus.allCases).code])) }
        fields.append(("eligibility", eligibility))
        if format == .miChemin { fields.append(("cost", "Forfait de \(5 + random.int(30)) centaines d'euros, le reste offert par le cabinet.")) }
        fields.append(("apply", "Écrire au cabinet en présentant le projet."))
        return fields
    }

    func firmID(_ f: Int) -> String { "cabinet-synthetique-\(f)" }

    /// The whole catalogue as JSON text.
    mutating func json(offers n: Int) -> String {
        let firms = max(1, n / 40)
        var out = "{\"catalogue\":{\"name\":\"Catalogue synthétique de \(n) offres\",\"updated\":\"2026-11-20\",\"illustrative\":true},\"firms\":[\n"
        var offerIndex = 0
        for f in 0..<firms {
            let count = f == firms - 1 ? n - offerIndex : n / firms
            let name = "\(random.pick(Self.firmRoots)) \(random.pick(Self.firmWords)) \(f)"
            out += f == 0 ? "" : ",\n"
            out += "{\"id\":\"\(firmID(f))\",\"name\":\(Self.jsonString(name)),\"presentation\":\(Self.jsonString(words(20) + ".")),"
            out += "\"headquarters\":\"\(random.pick(Territories.departments).code)\",\"website\":\"https://\(firmID(f)).example.org\","
            out += "\"contact\":{\"name\":\"Contact \(f)\",\"email\":\"contact@\(firmID(f)).example.org\"},\"joined\":\(2008 + random.int(17)),"
            out += "\"provenance\":{\"source\":\"Catalogue synthétique (benchmark)\",\"verified\":\"2026-11-20\"},\"offers\":[\n"
            for o in 0..<count {
                out += o == 0 ? "" : ",\n"
                out += "{" + offer(firmID: firmID(f), index: o).map { key, value in "\"\(key)\":" + Self.jsonValue(value) }.joined(separator: ",") + "}"
                offerIndex += 1
            }
            out += "]}"
        }
        out += "\n]}\n"
        return out
    }

    static func jsonValue(_ value: Any) -> String {
        switch value {
        case let s as String: return jsonString(s)
        case let i as Int: return String(i)
        // Before [String]: an empty array of pairs would also cast to [String].
        case let e as [(String, [String])]: return "{" + e.map { "\"\($0.0)\":" + jsonValue($0.1) }.joined(separator: ",") + "}"
        case let a as [String]: return "[" + a.map(jsonString).joined(separator: ",") + "]"
        default: return "null"
        }
    }
}

/// The 18 régions and 101 départements, and the matching rules of `domain.md`.
public enum Territories {
    public struct Department: Sendable {
        public let code: String
        public let name: String
        public let region: String
    }

    public static let regionCodes: [String] = TerritoryTable.regions.map(\.code)
    public static let regionNames: [String: String] = Dictionary(
        uniqueKeysWithValues: TerritoryTable.regions.map { ($0.code, $0.name) })
    public static let departments: [Department] = TerritoryTable.departments.map {
        Department(code: $0.code, name: $0.name, region: $0.region)
    }
    public static let departmentByCode: [String: Department] = Dictionary(
        uniqueKeysWithValues: departments.map { ($0.code, $0) })
    static let regionIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: regionCodes.enumerated().map { ($1, $0) })
    static let departmentIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: departments.enumerated().map { ($1.code, $0) })

    /// Every place: national, the régions, the départements.
    public static let allPlaces: [Place] =
        [.national] + regionCodes.map(Place.region) + departments.map { .department($0.code) }

    public static func departments(ofRegion code: String) -> [Department] {
        departments.filter { $0.region == code }
    }

    /// Whether an offer covering `covered` matches a filter on `filter` (`domain.md`): an offer
    /// serves the associations of the places it lists, or of the whole country with `national`;
    /// how it is delivered (its mode) never widens that.
    /// - département D: offers covering D, D's région or the whole country;
    /// - région R: offers covering R, any département of R or the whole country;
    /// - `national`: offers that cover the whole country.
    public static func matches(filter: Place, covered: [Place]) -> Bool {
        switch filter {
        case .national:
            return covered.contains(.national)
        case .department(let code):
            let region = departmentByCode[code]?.region
            return covered.contains { place in
                switch place {
                case .national: true
                case .region(let r): r == region
                case .department(let d): d == code
                }
            }
        case .region(let code):
            return covered.contains { place in
                switch place {
                case .national: true
                case .region(let r): r == code
                case .department(let d): departmentByCode[d]?.region == code
                }
            }
        }
    }

    /// The only département of a région that has one (the five overseas régions), else nil.
    public static func soleDepartment(ofRegion code: String) -> String? {
        let departments = departments(ofRegion: code)
        return departments.count == 1 ? departments[0].code : nil
    }

    /// Places as people read them: `Hauts-de-France (R32)`, `Nord (59)`, `France entière`; a
    /// région with a single département listed beside it is named once, by the département
    /// (`Guadeloupe (971)`, not `Guadeloupe (R01), Guadeloupe (971)`).
    public static func displayNames(_ places: [Place], _ language: Language) -> [String] {
        places.compactMap { place in
            if case .region(let code) = place, let only = soleDepartment(ofRegion: code), places.contains(.department(only)) {
                return nil
            }
            return place.displayName(language)
        }
    }

    // MARK: - What a person types

    /// The département of a 5-digit French postal code: 59000 → 59; 20000–20199 → 2A,
    /// 20200–20699 → 2B; 971xx–976xx → the overseas département. Nil if none.
    public static func department(forPostalCode text: String) -> String? {
        guard text.count == 5, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else { return nil }
        if text.hasPrefix("97") {
            let code = String(text.prefix(3))
            return departmentByCode[code] != nil ? code : nil
        }
        if text.hasPrefix("20") {
            if value < 20200 { return "2A" }
            if value < 20700 { return "2B" }
            return nil
        }
        let code = String(text.prefix(2))
        return departmentByCode[code] != nil && code != "00" ? code : nil
    }

    private static let foldedNames: [(place: Place, words: [String], folded: String)] =
        allPlaces.dropFirst().map { place in
            let name = place.name(.fr)
            return (place, TextFolding.foldedWords(name), TextFolding.foldedWords(name).joined(separator: " "))
        }

    /// Candidates for what a person typed, best first: exact codes (`75` gives Paris, then
    /// Nouvelle-Aquitaine `R75`), a postal code's département, exact names, then names whose
    /// words start with the typed words, in French alphabetical order.
    public static func candidates(for input: String) -> [Place] {
        let text = input.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return [] }
        var result: [Place] = []
        func add(_ p: Place) { if !result.contains(p) { result.append(p) } }
        let upper = text.uppercased()
        if TextFolding.fold(text) == "national" || TextFolding.fold(text) == "france" { add(.national) }
        if departmentByCode[upper] != nil { add(.department(upper)) }
        if regionNames[upper] != nil { add(.region(upper)) }
        if let place = Place(code: text) { add(place) }
        if let dept = department(forPostalCode: text) { add(.department(dept)) }
        let query = TextFolding.foldedWords(text)
        guard !query.isEmpty else { return result }
        let joined = query.joined(separator: " ")
        // Exact names: a département before a région of the same name (the overseas ones).
        for entry in foldedNames.reversed() where entry.folded == joined { add(entry.place) }
        let partial = foldedNames
            .filter { TextFolding.matchesAllPrefixes(query: query, words: $0.words) }
            .sorted { a, b in
                let ka = TextFolding.fold(a.place.name(.fr)), kb = TextFolding.fold(b.place.name(.fr))
                return ka != kb ? ka < kb : b.place < a.place  // same name: the département first
            }
        for entry in partial { add(entry.place) }
        if "national".hasPrefix(joined) || "france entiere".hasPrefix(joined) { add(.national) }
        return result
    }

    /// The outcome of resolving a place typed on the command line.
    public enum Resolution: Equatable, Sendable {
        case place(Place)
        case ambiguous([Place])
        case unknown
    }

    /// Resolves a place typed on the command line: a code (`59`, `2A`, `R32`, `national`), a
    /// postal code, or a name. An exact name wins over partial matches (`loire` is the
    /// département Loire); a name shared by a région and a département means the département; a
    /// name that fits several places is ambiguous, one that fits none unknown.
    public static func resolve(_ input: String) -> Resolution {
        let text = input.trimmingCharacters(in: .whitespaces)
        if let place = Place(code: text) { return .place(place) }
        if let dept = department(forPostalCode: text) { return .place(.department(dept)) }
        let query = TextFolding.foldedWords(text)
        guard !query.isEmpty else { return .unknown }
        let joined = query.joined(separator: " ")
        if joined == "france entiere" || joined == "france" { return .place(.national) }
        let exact = foldedNames.filter { $0.folded == joined }.map(\.place)
        if let dept = exact.first(where: { if case .department = $0 { true } else { false } }) { return .place(dept) }
        if let only = exact.first { return .place(only) }
        var partial = foldedNames.filter { TextFolding.matchesAllPrefixes(query: query, words: $0.words) }.map(\.place)
        // A région and a département of the same name (the overseas ones): the département.
        let departmentNames = Set(partial.compactMap { if case .department = $0 { $0.name(.fr) } else { nil } })
        partial.removeAll { if case .region = $0 { departmentNames.contains($0.name(.fr)) } else { false } }
        switch partial.count {
        case 0: return .unknown
        case 1: return .place(partial[0])
        default: return .ambiguous(partial.sorted { TextFolding.frenchLess($0.name(.fr), $1.name(.fr)) })
        }
    }
}

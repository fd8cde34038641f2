/// A place an offer covers or a user filters on: the whole country, a région or a département.
/// Written `national`, `R` + INSEE région code (`R32`), or the INSEE département code (`59`, `2A`).
public enum Place: Hashable, Sendable, Comparable {
    case national
    case region(String)
    case department(String)

    /// The notation used in the catalogue file, on the command line and in outputs.
    public var code: String {
        switch self {
        case .national: "national"
        case .region(let code): "R" + code
        case .department(let code): code
        }
    }

    /// Parses the strict notation (`national`, `R32`, `59`, `2a`); nil for anything else.
    public init?(code: String) {
        let text = TextCleaning.trim(code)
        if text.lowercased() == "national" { self = .national; return }
        if let first = text.first, first == "R" || first == "r" {
            let rest = String(text.dropFirst())
            guard Territories.regionNames[rest] != nil else { return nil }
            self = .region(rest)
            return
        }
        let upper = text.uppercased()
        guard Territories.departmentByCode[upper] != nil else { return nil }
        self = .department(upper)
    }

    public func name(_ language: Language) -> String {
        switch self {
        case .national: language == .fr ? "France entière" : "Whole country"
        case .region(let code): Territories.regionNames[code] ?? code
        case .department(let code): Territories.departmentByCode[code]?.name ?? code
        }
    }

    /// "Hauts-de-France (R32)", "Nord (59)", "France entière".
    public func displayName(_ language: Language) -> String {
        self == .national ? name(language) : "\(name(language)) (\(code))"
    }

    /// National first, then régions, then départements, each in INSEE order.
    public static func < (lhs: Place, rhs: Place) -> Bool {
        func rank(_ p: Place) -> (Int, Int) {
            switch p {
            case .national: (0, 0)
            case .region(let c): (1, Territories.regionIndex[c] ?? Int.max)
            case .department(let c): (2, Territories.departmentIndex[c] ?? Int.max)
            }
        }
        return rank(lhs) < rank(rhs)
    }
}


import CatalyseCore
@testable import CatalyseTUI
import Testing

/// Fixtures and helpers: a small catalogue built in code (accented, CJK and emoji firm names),
/// the embedded illustrative catalogue, and a driver that types keys and reads the screen.
enum Fixture {
    static let today = Day(year: 2026, month: 11, day: 26)!

    static func firm(_ id: String, _ name: String, hq: String, phone: String? = nil) -> Firm {
        Firm(id: id, name: name, presentation: "Cabinet fictif « \(name) » pour les tests.\nDeuxième ligne.",
             headquarters: hq, website: "https://\(id).example.org",
             contact: Contact(name: "Camille Testeur", email: "une-adresse-tres-longue-pour-tester@\(id).example.org", phone: phone),
             joined: 2010, provenance: Provenance(source: "Fiche fictive de test", verified: Day(year: 2026, month: 10, day: 1)!))
    }

    static func offer(_ id: String, firm: String, title: String, purpose: Purpose, format: OfferFormat,
                      territories: [Place] = [.national], mode: DeliveryMode = .mixte, kinds: [SupportKind]? = nil) -> Offer {
        Offer(id: id, firmID: firm, title: title, summary: "Résumé de « \(title) ».",
              description: "Première ligne de la description.\nSeconde ligne, plus longue, qui doit se replier aux limites des mots sans rien perdre.",
              format: format, purpose: purpose, kinds: kinds ?? (purpose == .strategique ? [.conseilStrategie] : [.miseEnReseau]),
              themes: [.accompagnementStrategique], territories: territories, mode: mode, audience: [.individuel],
              duration: "trois mois", capacity: 4, cost: format == .miChemin ? "Une participation modeste." : nil,
              apply: "Écrire au contact.")
    }

    /// Four firms, seven offers. Default order is by firm name (accents ignored), then title.
    static let small: Catalogue = {
        let firms = [
            firm("eclat", "Éclat Conseil", hq: "59"),
            firm("tokyo", "東京コンサルティング", hq: "75"),
            firm("fusee", "Cabinet 🚀 Fusée", hq: "2A", phone: "01 23 45 67 89"),
            firm("zeta", "Zeta Partenaires", hq: "33"),
        ]
        let offers = [
            offer("eclat-diagnostic", firm: "eclat", title: "Diagnostic stratégique partagé", purpose: .strategique, format: .mecenatCompetences, territories: [.region("32")], mode: .presentiel),
            offer("eclat-reseau", firm: "eclat", title: "Mise en réseau régionale", purpose: .operationnelle, format: .miChemin, territories: [.department("59")], mode: .presentiel),
            offer("tokyo-strategie", firm: "tokyo", title: "Stratégie à trois ans", purpose: .strategique, format: .miChemin, territories: [.department("75")], mode: .presentiel),
            offer("fusee-gouvernance", firm: "fusee", title: "Gouvernance partagée", purpose: .strategique, format: .mecenatCompetences, territories: [.department("2A")], mode: .presentiel, kinds: [.gouvernance]),
            offer("fusee-relais", firm: "fusee", title: "Relais de communication insulaire", purpose: .operationnelle, format: .mecenatCompetences, territories: [.region("94")], mode: .presentiel, kinds: [.relaisCommunication]),
            offer("zeta-modele", firm: "zeta", title: "Transformer son modèle socio-économique avec un titre très long qui dépasse", purpose: .strategique, format: .miChemin, territories: [.region("75")], mode: .presentiel, kinds: [.modeleSocioEconomique]),
            offer("zeta-distance", firm: "zeta", title: "Accompagnement à distance", purpose: .operationnelle, format: .mecenatCompetences, territories: [.region("75")], mode: .aDistance, kinds: [.apportExpertise]),
        ]
        return Catalogue(name: "Catalogue de test des offres d'accompagnement", updated: Day(year: 2026, month: 11, day: 20)!,
                         illustrative: true, firms: firms, offers: offers)
    }()

    static let smallIndex = SearchIndex(catalogue: small)

    static let embeddedIndex: SearchIndex = {
        let catalogue = try! CatalogueSource.embedded.load(today: Day(year: 2026, month: 11, day: 26)!).catalogue
        return SearchIndex(catalogue: catalogue)
    }()
}

/// Drives an `AppState` like a user: keys in, screen text out, effects collected.
struct Driver {
    var state: AppState
    var effects: [Effect] = []

    init(index: SearchIndex = Fixture.smallIndex, favourites: [String] = [], language: Language = .fr,
         languageLocked: Bool = false, noColor: Bool = false, width: Int = 80, height: Int = 24,
         exportDirectory: String = "/home/asso", homeDirectory: String? = "/home/asso") {
        state = AppState(index: index, favourites: favourites, language: language, languageLocked: languageLocked,
                         today: Fixture.today, noColor: noColor, width: width, height: height, exportDirectory: exportDirectory,
                         homeDirectory: homeDirectory)
    }

    /// Sends events; returns the effects of the last one (all are kept in `effects`).
    @discardableResult
    mutating func send(_ events: Event...) -> [Effect] {
        var last: [Effect] = []
        for event in events {
            last = state.update(event)
            effects += last
        }
        return last
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var last: [Effect] = []
        for key in keys { last = send(.key(key)) }
        return last
    }

    /// Types text, one character at a time (letters are keys too: `press("q")`).
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        var last: [Effect] = []
        for ch in text { last = send(.key(.char(ch))) }
        return last
    }

    var grid: Grid { state.render() }
    var lines: [String] { grid.lines }
    var text: String { grid.text }

    /// A screen line without its trailing spaces.
    func trimmed(_ row: Int) -> String {
        var line = lines[row]
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// The screen lines that contain `needle`.
    func rows(containing needle: String) -> [Int] {
        lines.indices.filter { lines[$0].contains(needle) }
    }

    /// The cell column where `needle` starts on screen row `row` (wide graphemes count two).
    func column(of needle: String, row: Int) -> Int? {
        let g = grid
        var text = ""
        var columns: [Int] = []
        for c in 0..<g.width where !g[row, c].isContinuation {
            for ch in g[row, c].grapheme { text.append(ch); columns.append(c) }
        }
        guard let range = text.range(of: needle) else { return nil }
        return columns[text.distance(from: text.startIndex, to: range.lowerBound)]
    }
}

extension Key {
    static let space = Key.char(" ")
}

/// The export asked for among effects: its path, contents and whether it may replace a file.
func writeEffect(_ effects: [Effect]) -> (path: String, contents: String, overwrite: Bool)? {
    for effect in effects { if case .writeExport(let p, let c, let o) = effect { return (p, c, o) } }
    return nil
}

/// The text of screen rows `rows`, without box borders and trailing spaces, joined by spaces,
/// with non-breaking spaces read as spaces.
func joined(_ d: Driver, _ rows: Range<Int>, columns: Range<Int>? = nil) -> String {
    let grid = d.grid
    let columns = columns ?? 0..<grid.width
    return rows.map { r in
        var line = ""
        for c in columns where !grid[r, c].isContinuation { line += grid[r, c].grapheme }
        return line.replacingOccurrences(of: "│", with: " ").trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty }.joined(separator: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
}

/// French text as the interface writes it where a line may wrap: a non-breaking space before
/// `:` `;` `?` `!` `»` and after `«`.
func nb(_ text: String) -> String {
    var out = text
    for sign in [":", ";", "?", "!", "»"] { out = out.replacingOccurrences(of: " " + sign, with: "\u{00A0}" + sign) }
    return out.replacingOccurrences(of: "« ", with: "«\u{00A0}")
}

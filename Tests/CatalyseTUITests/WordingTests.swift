@testable import CatalyseCore
@testable import CatalyseTUI
import Foundation
import Testing

/// What French typography asks of the program's own words, and what English must not carry.
enum Wording {
    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    /// What is wrong with `text` in `language` (empty: nothing).
    static func problems(_ text: String, _ language: Language) -> [String] {
        var out: [String] = []
        let chars = Array(text)
        switch language {
        case .fr:
            for (i, ch) in chars.enumerated() {
                let before: Character? = i > 0 ? chars[i - 1] : nil
                let after: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                if ":;?!»".contains(ch) {
                    if before == " " { out.append("a plain space before « \(ch) »") }
                    // A sign glued to its word (but `https://`).
                    if let b = before, b.isLetter || b.isNumber, !(ch == ":" && after == "/") { out.append("no space before « \(ch) »") }
                }
                if ch == "«" && after != "\u{00A0}" { out.append("« without a non-breaking space after it") }
            }
            if text.contains("\"") || text.contains("“") || text.contains("”") { out.append("English quotes in French") }
            for month in months where text.range(of: "(^|[^0-9])1 \(month)", options: .regularExpression) != nil {
                out.append("« 1 \(month) » for « 1er \(month) »")
            }
            for word in [" the ", " and ", " with ", " of the ", " not ", " is "] where (" " + text.lowercased() + " ").contains(word) {
                out.append("an English word in French: \(word)")
            }
        case .en:
            if text.contains("\u{00A0}") { out.append("a non-breaking space in English") }
            if text.contains("«") || text.contains("»") { out.append("French quotes in English") }
            for word in [" le ", " la ", " les ", " des ", " une ", " pour ", " avec ", " dans "] where (" " + text.lowercased() + " ").contains(word) {
                out.append("a French word in English: \(word)")
            }
        }
        if text.isEmpty { out.append("empty") }
        return out
    }
}

/// Every label and sentence the interface and the exports can produce, in both languages,
/// checked for French typography (non-breaking spaces before « : ; ! ? » and inside « »,
/// `1er`) and for never mixing the languages.
@Suite("Every label and sentence, in both languages")
struct WordingTests {
    static let failure = WriteFailure(path: "/home/asso/x.txt", cause: .missingFolder("/home/asso/nulle-part"))
    static let favouritesError = FavouritesError.corrupt(path: "/home/asso/favoris", line: 3, text: "pas un identifiant")

    /// The `Strings` members and what each gives (every declaration of `Strings.swift` must be here).
    static func strings(_ l: Language) -> [String: [String]] {
        let s = Strings(l)
        return [
            "appName": [s.appName], "illustrativeBadge": [s.illustrativeBadge], "count": [s.count(1, of: 1), s.count(3, of: 75)],
            "updatedLong": [s.updatedLong(Day(year: 2026, month: 12, day: 1)!), s.updatedLong(Fixture.today)],
            "updatedShort": [s.updatedShort(Fixture.today)],
            "origin": [s.origin(.file("catalogue.yaml")), s.origin(.updated(serial: 3)), s.origin(.updated(serial: nil)), s.origin(.embedded)],
            "tooSmall": [s.tooSmall], "tooSmallQuit": [s.tooSmallQuit],
            "tooSmallQuitCtrlC": [s.tooSmallQuitCtrlC], "minimum": [s.minimum(60, 15)], "noFilter": [s.noFilter],
            "noFilterHints": s.noFilterHints, "favouritesUnavailable": [s.favouritesUnavailable], "filtersPrefix": [s.filtersPrefix + "x"],
            "clearAllHint": [s.clearAllHint], "missingFavourites": [s.missingFavourites(1), s.missingFavourites(2)],
            "columnFirm": [s.columnFirm], "columnOffer": [s.columnOffer], "columnPurpose": [s.columnPurpose], "columnFormat": [s.columnFormat],
            "formatTag": OfferFormat.allCases.map(s.formatTag), "formatTagWidth": [], "purposeTag": Purpose.allCases.map(s.purposeTag),
            "purposeTagWidth": [], "missingTag": [s.missingTag], "missingFirm": [s.missingFirm], "emptyList": [s.emptyList],
            "emptyListHint": [s.emptyListHint], "applySuggestionHint": [s.applySuggestionHint], "noFavourites": [s.noFavourites],
            "favouritesUnreadable": [s.favouritesUnreadable], "favouritesUnreadableHint": [s.favouritesUnreadableHint],
            "noFavouritesHint": [s.noFavouritesHint], "sheetTitle": [s.sheetTitle], "whyHeading": [s.whyHeading],
            "favouriteMark": [s.favouriteMark], "moreBelow": [s.moreBelow], "missingSheet": [s.missingSheet],
            "missingSheetHint": [s.missingSheetHint], "missingCannotOpen": [s.missingCannotOpen], "searchLabel": [s.searchLabel + "x"],
            "territoryTitle": [s.territoryTitle], "territoryLabel": [s.territoryLabel + "59"], "territoryHelp": [s.territoryHelp],
            "territoryNone": [s.territoryNone], "territoryClearHint": [s.territoryClearHint], "territoryCurrent": [s.territoryCurrent("Nord (59)")],
            "offersCount": [s.offersCount(1), s.offersCount(4)], "panelTitle": [s.panelTitle], "panelHint": [s.panelHint],
            "panelEmpty": [s.panelEmpty + "x"], "panelTerritoryMore": [s.panelTerritoryMore], "exportTitle": [s.exportTitle],
            "exportFormat": [s.exportFormat], "exportScope": [s.exportScope], "exportName": [s.exportName], "exportFolder": [s.exportFolder],
            "formatName": ShortlistExport.Format.allCases.map(s.formatName), "scopeFavourites": [s.scopeFavourites(2), s.scopeFavourites(2, missing: 1), s.scopeFavourites(1, missing: 2)],
            "scopeList": [s.scopeList(7)], "exportWaiting": [s.exportWaiting], "exportExistsLabel": [s.exportExistsLabel + " x"],
            "exportExists": [s.exportExists("/home/asso/x.txt")], "exportOverwriteQuestion": [s.exportOverwriteQuestion],
            "exportEmptyName": [s.exportEmptyName], "exportNothing": [s.exportNothing], "exportWrittenLabel": [s.exportWrittenLabel + "x"],
            "exportWritten": [s.exportWritten("/home/asso/x.txt")],
            "exportFailed": [s.exportFailed(failure), s.exportFailed(WriteFailure(path: "/x", cause: .exists))],
            "favouritesFailed": [s.favouritesFailed(.unwritable(path: "/f", reason: "x"))],
            "favouritesUnreadableMessage": [s.favouritesUnreadableMessage(favouritesError)], "languageLocked": [s.languageLocked],
            "firmsTitle": [s.firmsTitle], "firmOffers": [s.firmOffers(1), s.firmOffers(3)], "firmHeadquarters": [s.firmHeadquarters],
            "firmContact": [s.firmContact], "firmJoined": [s.firmJoined], "firmSource": [s.firmSource],
            "verified": [s.verified(Day(year: 2026, month: 10, day: 1)!)], "firmOffersHeading": [s.firmOffersHeading],
            "field": [s.field("Cabinet") + "x"], "helpTitle": [s.helpTitle], "typographic": [],
        ]
    }

    /// The key tables' hints and the help screen's rows (their texts; keys are symbols).
    static func keys(_ l: Language) -> [String] {
        var out: [String] = []
        for section in KeyHelps.sections {
            out.append(section.title(l))
            for row in section.rows { out.append(row.help.text(l)) }
        }
        for table in ScreenKeys.all { for entry in table.entries { if let hint = entry.hint { out.append(hint.action(l)) } } }
        return out
    }

    /// The core's labels and sentences: codes, facets, sheet fields, eligibility, exports' headings,
    /// filter descriptions, why lines, what would help, dates, refusals.
    static func core(_ l: Language) -> [String] {
        var out: [String] = []
        for facet in FacetTable.coded { for v in facet.values { out += [v.label.text(l), v.shortLabel.text(l)] } }
        out += Facet.allCases.map { $0.label.text(l) } + OfferFormat.allCases.map { $0.shortLabel.text(l) }
        out.append(Place.national.name(l))
        let c = Fixture.small
        let offer = c.offers[1], firm = c.firm(of: offer)
        out += OfferSheet.fields(offer, firm, l).map { $0.label + Typography.colon(l) + "x" }
        for e in [Eligibility(), Eligibility(stages: [.creation]), Eligibility(budgets: [.moins10k], employer: [.employeuse]),
                  Eligibility(employer: [.benevole]), Eligibility(stages: Stage.allCases, budgets: BudgetBand.allCases, employer: EmployerStatus.allCases)] {
            out.append(OfferSheet.eligibility(e, l))
        }
        out.append(Fixture.small.offers[0].costText(l))  // the free one (a part-paid offer gives its own words)
        let context = ShortlistExport.Context(catalogue: c, date: Day(year: 2026, month: 12, day: 1)!, language: l, missingIDs: ["x"])
        // The catalogue's name is its own words, not the program's.
        out += ShortlistExport.heading(context).map { $0.replacingOccurrences(of: c.name, with: "NAME") }
        out += [ShortlistExport.countLine(1, l), ShortlistExport.countLine(2, l), ShortlistExport.missingLine(context)!]
        out += ShortlistExport.csvHeader(l) + [ShortlistExport.csvStatus(missing: false, l), ShortlistExport.csvStatus(missing: true, l)]
        var f = OfferFilter()
        out.append(FilterDescription.line(f, l))
        f[Purpose.self] = [.strategique]
        f[SupportKind.self] = [.miseEnReseau, .gouvernance]
        f.territories = [.department("59")]
        f.query = "strat"
        out.append(FilterDescription.line(f, l, favouritesOnly: true))
        f.onlyIDs = []
        for i in 0..<c.offers.count {
            let o = c.offers[i]
            out += WhyListed.lines(o, firm: c.firm(of: o), filter: f, isFavourite: i == 1, language: l).map(\.text)
            var g = OfferFilter()
            g[Stage.self] = [.creation]; g[BudgetBand.self] = [.moins10k]; g[EmployerStatus.self] = [.benevole]; g.query = "zzz"
            g.territories = [.region("32")]
            out += WhyListed.lines(o, firm: c.firm(of: o), filter: g, isFavourite: false, language: l).map(\.text)
        }
        var empty = OfferFilter()
        empty.query = "stratgie"
        empty.territories = [.department("75")]
        empty.onlyIDs = []
        empty[DeliveryMode.self] = [.aDistance]
        let help = Fixture.smallIndex.help(for: empty, language: l)
        out += help.lines(l) + EmptyResultHelp(suggestions: [], hadFilters: true).lines(l)
        out += [Day(year: 2026, month: 12, day: 1)!.long(l), Fixture.today.long(l)]
        var refused = CatalogueError(file: "annuaire.catalyse", diagnostics: [])
        out.append(refused.summary(l))
        refused.compiledVersion = (found: 1, expected: 2)
        out.append(refused.compiledVersionMessage(l)!)
        for e in [favouritesError, .unreadable(path: "/f", reason: "x"), .unwritable(path: "/f", reason: "x")] { out.append(e.message(l)) }
        return out
    }

    @Test("Every member of Strings is enumerated here")
    func everyStringsMemberIsCovered() throws {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let source = try String(contentsOfFile: root.path + "/Sources/CatalyseTUI/Strings.swift", encoding: .utf8)
        let names = source.matches(of: /(?m)^\s+(?:static )?(?:var|func) ([a-zA-Z]+)/).map { String($0.1) }
        #expect(names.count > 70)
        let covered = Set(Self.strings(.fr).keys)
        for name in names where name != "t" {
            #expect(covered.contains(name), "Strings.\(name) is not enumerated in WordingTests")
        }
    }

    @Test("French typography and one language at a time", arguments: Language.allCases)
    func typography(_ language: Language) {
        var all: [(String, String)] = []
        for (name, texts) in Self.strings(language) { all += texts.map { ("Strings.\(name)", $0) } }
        all += Self.keys(language).map { ("keys", $0) } + Self.core(language).map { ("core", $0) }
        #expect(all.count > 300)
        for (source, text) in all {
            let problems = Wording.problems(text, language)
            #expect(problems.isEmpty, "\(source) (\(language)): \(text.debugDescription): \(problems)")
        }
    }

    @Test("The checker itself: it finds what it looks for")
    func checkerFindsProblems() {
        for bad in ["Filtres : x", "« a »", "Exportée le 1 décembre", "a;b", "dit \"oui\"", "the list"] {
            #expect(!Wording.problems(bad, .fr).isEmpty, "\(bad)")
        }
        #expect(Wording.problems(Typography.french("Filtres : « a » ; le 1er décembre ? https://x.example.org"), .fr).isEmpty)
        #expect(!Wording.problems("Filters\u{00A0}: x", .en).isEmpty)
        #expect(!Wording.problems("la liste", .en).isEmpty)
    }

    @Test("Words that mean the same in the footer are not shown twice")
    func footerSaysEachActionOnce() {
        for screen in [Screen.list, .sheet, .filters, .help, .firms, .firm] {
            let table = ScreenKeys.table(screen)
            for language in Language.allCases {
                let actions = table.entries.compactMap { $0.hint?.action(language) }
                #expect(Set(actions).count == actions.count, "\(screen) \(language): \(actions)")
            }
        }
    }

    @Test("Running text is in lower case; « 1er »; « tous »")
    func runningText() {
        #expect(OfferSheet.eligibility(Eligibility(employer: [.employeuse]), .fr) == Typography.french("stades : tous ; budgets : tous ; associations : employeuses"))
        #expect(OfferSheet.eligibility(Eligibility(stages: [.changementEchelle], budgets: [.plus1m]), .fr)
                == Typography.french("stades : changement d'échelle ; budgets : plus de 1\u{00A0}M€ ; associations : employeuses ou bénévoles"))
        #expect(OfferSheet.eligibility(Eligibility(stages: [.developpement]), .en) == "stages: growth; budgets: all; associations: employing staff or volunteer-run")
        #expect(Day(year: 2026, month: 12, day: 1)!.long(.fr) == "1er décembre 2026")
        #expect(Day(year: 2026, month: 12, day: 1)!.long(.en) == "1 December 2026")
        #expect(Typography.inRunningText("Mécénat de compétences") == "mécénat de compétences")
        #expect(Typography.inRunningText("R32") == "R32")
        // A région with a single département is named once.
        let antilles = Offer(id: "a", firmID: "f", title: "t", summary: "s", description: "d", format: .miChemin, purpose: .strategique,
                             kinds: [.conseilStrategie], themes: [], territories: [.region("01"), .department("971")], mode: .aDistance,
                             audience: [.individuel], duration: "", apply: "")
        #expect(OfferSheet.territories(antilles, .fr) == "Guadeloupe (971)")
    }
}

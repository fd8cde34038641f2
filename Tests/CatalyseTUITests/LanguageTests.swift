import CatalyseCore
import Glibc
@testable import CatalyseTUI
import Testing

@Suite("Both languages")
struct LanguageTests {
    @Test("An error shown before L is worded in the new language (the status holds what happened, not words)")
    func errorFollowsLanguageSwitch() {
        var d = Driver(width: 120, height: 30)
        d.send(.favouritesUnreadable(.unreadable(path: "/home/asso/favourites", reason: .system(EACCES))))
        #expect(d.state.statusText == nb("Impossible de lire le fichier des favoris /home/asso/favourites : permission refusée."))
        #expect(joined(d, 27..<29).contains("Impossible de lire le fichier des favoris"))
        #expect(d.press(.char("L")) == [.saveLanguage(.en)])
        #expect(d.state.statusText == "Cannot read the favourites file /home/asso/favourites: Permission denied.")
        #expect(joined(d, 27..<29).contains("Cannot read the favourites file"))
        #expect(d.press(.char("L")) == [.saveLanguage(.fr)])
        #expect(d.state.statusText?.hasPrefix("Impossible de lire") == true)

        // An export that failed after its dialog was closed (Esc while it was written).
        var e = Driver(favourites: ["eclat-reseau"])
        e.press(.char("e"), .enter, .escape)
        e.send(.exportFailed(WriteFailure(path: "/home/asso/liste.txt", cause: .system("No space left on device"))))
        #expect(e.state.statusText == nb("Export impossible : ") + "No space left on device")
        e.press(.char("L"))
        #expect(e.state.statusText == "Export failed: No space left on device")
        // A note (not an error) goes with the next key, L included, as before.
        var f = Driver(languageLocked: true)
        f.press(.char("L"))
        #expect(f.state.statusText == "Language changed for this session only (--lang sets it).")
        f.press(.char("L"))
        #expect(f.state.statusText == nb("Langue changée pour cette session seulement (--lang la fixe)."))
    }

    @Test("English screens use the English vocabulary")
    func english() {
        var d = Driver(language: .en)
        #expect(d.lines[0].contains("Illustrative catalogue"))
        #expect(d.lines[0].hasSuffix("7 / 7 offers"))
        #expect(d.lines[1].hasPrefix("No filter"))
        #expect(d.lines[3].contains("Strategic") && d.lines[3].contains("Skills-based"))
        d.press(.char("p"), .char("2"))
        #expect(d.lines[1].contains("Filters: Purpose: Operational"))
        #expect(d.lines[1].contains("[⌫: remove · x: clear all]"))
        d.press(.char("F"))
        #expect(d.lines[1].contains("Filters: Purpose: Operational; Favourites only"))
        d.press(.char("F"), .enter)
        #expect(d.lines[1].contains("Offer sheet"))
        #expect(d.text.contains("Firm: Cabinet 🚀 Fusée"))
        #expect(d.text.contains("Free for the association"))
        d.press(.escape, .char("f"))
        #expect(d.text.contains("[x] Operational"))
        #expect(d.text.contains("[ ] Strategic\u{0020}"))
        #expect(!d.text.contains("Operational support"))
        d.press(.escape, .char("b"))
        #expect(d.lines[1].contains("Firms (4)"))
        d.press(.escape, .char("t"))
        d.type("zzz")
        #expect(d.text.contains("No place matches."))
        d.press(.escape)
        d.send(.resize(width: 30, height: 8))
        #expect(d.text.contains("terminal too small"))
    }

    @Test("French screens use the French vocabulary")
    func french() {
        var d = Driver(language: .fr)
        d.press(.enter)
        #expect(d.text.contains("Gratuit pour l'association"))
        #expect(d.text.contains(nb("Finalité : Accompagnement à finalité stratégique")))
        d.press(.escape, .char("f"))
        #expect(d.text.contains("[ ] Opérationnelle"))
    }

    @Test("Switching the language keeps the place in the list")
    func switchKeepsSelection() {
        var d = Driver()
        d.press(.down, .down, .char("L"))
        #expect(d.state.selectedID == "eclat-diagnostic")
        #expect(d.state.language == .en)
        #expect(d.lines[d.grid.cursor!.row].contains("Strategic"))
    }

    @Test("L switches French ↔ English and asks to remember it")
    func languageSwitch() {
        var d = Driver()
        let effects = d.press(.char("L"))
        #expect(effects == [.saveLanguage(.en)])
        #expect(d.lines[0].hasSuffix("7 / 7 offers"))
        #expect(d.lines[0].contains("Illustrative catalogue"))
        #expect(d.lines[2].contains("Firm") && d.lines[2].contains("Purpose"))
        #expect(d.lines[3].contains("Strategic"))
        #expect(d.lines[23].hasPrefix("↑↓ move  Enter sheet  / search"))
        #expect(d.press(.char("L")) == [.saveLanguage(.fr)])
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
    }

    @Test("L with --lang: switches for the session, saves nothing, says so")
    func languageLocked() {
        var d = Driver(languageLocked: true)
        let effects = d.press(.char("L"))
        #expect(effects.isEmpty)
        #expect(d.lines[0].hasSuffix("7 / 7 offers"))
        #expect(d.lines[23].contains("--lang"))
    }
}

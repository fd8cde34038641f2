import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The help screen (`?`).
@Suite("Help screen")
struct HelpTests {
    @Test("? shows every key of the key table, the mouse and Shift+drag")
    func help() {
        for language in Language.allCases {
            var d = Driver(language: language, width: 80, height: 24)
            d.press(.char("?"))
            #expect(d.state.screen == .help)
            var seen = ""
            for _ in 0..<6 {
                seen += d.text + "\n"
                d.press(.pageDown)
            }
            let keys = language == .fr
                ? ["↑ ↓ / k j", "PgUp PgDn", "Début Fin / g G", "Entrée", "Échap", "   /  ", "   f  ", "   p  ", "   t  ", "   x  ",
                   "Espace", "   F  ", "   e  ", "   b  ", "   L  ", "   ?  ", "   q  ", "Ctrl-C", "Ctrl-Z", "clic", "molette", "Maj + glisser"]
                : ["↑ ↓ / k j", "PgUp PgDn", "Home End / g G", "Enter", "Esc", "   /  ", "   f  ", "   p  ", "   t  ", "   x  ",
                   "Space", "   F  ", "   e  ", "   b  ", "   L  ", "   ?  ", "   q  ", "Ctrl-C", "Ctrl-Z", "click", "wheel", "Shift + drag"]
            for key in keys { #expect(seen.contains(key), "\(language): \(key)") }
            #expect(seen.contains(language == .fr ? "sélectionner du texte pour le copier" : "select text to copy it"))
            d.press(.char("q"))
            #expect(d.state.screen == .list)
            d.press(.char("?"), .escape)
            #expect(d.state.screen == .list)
        }
    }

    @Test("Help lists the prompt, panel and export keys too")
    func helpListsEveryKey() {
        for language in Language.allCases {
            var d = Driver(language: language, width: 80, height: 24)
            d.press(.char("?"))
            let text = d.state.helpLines(d.state.layout).map(\.plainText).joined(separator: "\n")
            let keys = language == .fr
                ? ["Suppr", "Ctrl-U", "Début Fin ", "Retour arrière", "Tab / Maj-Tab", "→ ←", "o / n", "← → / Espace", ".md .csv .txt"]
                : ["Delete", "Ctrl-U", "Home End ", "Backspace", "Tab / Shift-Tab", "→ ←", "y / n", "← → / Space", ".md .csv .txt"]
            for key in keys { #expect(text.contains("  " + key), "\(language): \(key)") }
            #expect(!text.contains("…"))
        }
    }

    @Test("Help: the range in the title counts the lines shown")
    func helpRange() {
        var help = Driver(width: 80, height: 24)
        help.press(.char("?"))
        let count = help.state.helpLines(help.state.layout).count
        #expect(help.lines[1].contains("(1–20 / \(count))"))
        help.press(.pageDown)
        #expect(help.lines[1].contains("(21–40 / \(count))"))
        #expect(help.trimmed(2).hasSuffix(help.state.helpLines(help.state.layout)[20].plainText.trimmingCharacters(in: .whitespaces)))
    }
}

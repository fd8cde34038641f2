import CatalyseCore
@testable import CatalyseTUI
import Foundation
import Testing

/// `y` (copy as OSC 52), the hint an unknown key gives, the territory prompt's footer, and a
/// sheet that keeps its last line in view when « ★ favori » comes.
@Suite("Copy, unknown keys, layout")
struct CopyAndKeysTests {
    @Test("y on a sheet: the id, the e-mail and the website; a letter copies at once, Enter the highlighted one, Esc nothing")
    func copyMenu() {
        var d = Driver()
        d.press(.enter, .char("y"))
        #expect(d.text.contains("─ Copier ─"))
        #expect(d.text.contains("i  Identifiant  fusee-gouvernance"))
        // Too long for the box: cut in its middle, its start and its end shown.
        #expect(d.text.contains("e  E-mail       une-adresse-tres-longue") && d.text.contains("…") && d.text.contains("fusee.example.org"))
        #expect(d.text.contains("w  Site web     https://fusee.example.org"))
        #expect(d.text.contains("OSC 52"))
        #expect(d.lines[d.grid.cursor!.row].contains("Identifiant"))
        #expect(d.press(.char("e")) == [.copyToClipboard(text: "une-adresse-tres-longue-pour-tester@fusee.example.org", target: .email)])
        #expect(!d.state.isPromptOpen)
        d.send(.copied(.email, text: "une-adresse-tres-longue-pour-tester@fusee.example.org"))
        #expect(d.state.statusText == nb("E-mail envoyé au terminal (OSC 52) : une-adresse-tres-longue-pour-tester@fusee.example.org"))
        // ↓ ↓ Enter: the website; Esc: nothing.
        d.press(.char("y"), .down, .down)
        #expect(d.press(.enter) == [.copyToClipboard(text: "https://fusee.example.org", target: .website)])
        d.press(.char("y"))
        #expect(d.press(.escape).isEmpty)
        #expect(d.state.screen == .sheet && !d.state.isPromptOpen)
        // From the list, the selected offer; a failure is an error in the footer.
        var l = Driver(language: .en)
        l.press(.down, .char("y"))
        #expect(l.text.contains("─ Copy ─") && l.text.contains("i  Offer id  fusee-relais"))
        #expect(l.press(.char("i")) == [.copyToClipboard(text: "fusee-relais", target: .id)])
        l.send(.copyFailed(.system(EIO)))
        #expect(l.state.status?.isError == true)
        #expect(l.state.statusText == "Copy failed: Input/output error")
        var f = Driver(language: .fr)
        f.press(.down, .char("y"), .char("i"))
        f.send(.copyFailed(.system(EIO)))
        #expect(f.state.statusText == nb("Copie impossible : erreur d'entrée-sortie"))
    }

    @Test("OSC 52: ESC ] 52 ; c ; base64 BEL, the text cleaned of controls first, bounded")
    func osc52() {
        let seq = OSC52.sequence("anne@jardins.example.org")
        let text = String(decoding: seq, as: UTF8.self)
        #expect(text.hasPrefix("\u{1B}]52;c;") && text.hasSuffix("\u{07}"))
        let payload = String(text.dropFirst(7).dropLast())
        #expect(payload == Data("anne@jardins.example.org".utf8).base64EncodedString())
        for sample in ["", "a", "ab", "abc", "élan €", "東京"] {
            #expect(String(decoding: OSC52.base64(Array(sample.utf8)), as: UTF8.self) == Data(sample.utf8).base64EncodedString())
        }
        // A control character never goes out, not even encoded.
        let hostile = String(decoding: OSC52.sequence("x\u{1B}]52;c;AAAA\u{07}y"), as: UTF8.self)
        let decoded = Data(base64Encoded: String(hostile.dropFirst(7).dropLast()))!
        #expect(!decoded.contains(0x1B) && !decoded.contains(0x07))
        let long = OSC52.sequence(String(repeating: "é", count: 20_000))
        #expect(long.count < OSC52.maximumBytes * 2)
        let body = Data(base64Encoded: String(decoding: long.dropFirst(7).dropLast(), as: UTF8.self))!
        #expect(String(data: body, encoding: .utf8) != nil)
    }

    @Test("A key that does nothing says so and points to ? (not in prompts, and not over an error)")
    func unknownKeys() {
        var d = Driver()
        d.press(.char("z"))
        #expect(d.trimmed(23) == nb("La touche « z » ne fait rien ici : ? pour l'aide."))
        d.press(.down)
        #expect(!d.text.contains("ne fait rien"))
        d.press(.tab)
        #expect(d.trimmed(23) == nb("La touche Tab ne fait rien ici : ? pour l'aide."))
        var en = Driver(language: .en)
        en.press(.char("b"), .ctrl("x"))
        #expect(en.trimmed(23) == "The key Ctrl-X does nothing here: ? for help.")
        // In a prompt, letters are text.
        var p = Driver()
        p.press(.char("/"))
        p.type("z")
        #expect(!p.text.contains("ne fait rien"))
        // An error stays.
        var e = Driver()
        e.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein")))
        e.press(.char("z"))
        #expect(e.text.contains("Favoris non enregistrés"))
    }

    @Test("The territory prompt keeps the footer: its keys are on the last row, under the box")
    func territoryFooter() {
        for language in Language.allCases {
            var d = Driver(language: language)
            d.press(.char("t"))
            #expect(d.trimmed(23) == ScreenKeys.territory.hintPairs(language).joined(separator: " · "))
            #expect(d.lines[22].contains("└"))
            #expect(!d.lines[21].contains(ScreenKeys.territory.hintPairs(language)[0]))
        }
    }

    @Test("Space at the bottom of a sheet: « ★ favori » comes above, the Id line stays in view; and goes, too")
    func sheetKeepsItsBottom() {
        var d = Driver(width: 80, height: 24)
        d.press(.enter, .char("G"))
        let idLine = nb("Id : fusee-gouvernance")
        #expect(d.text.contains(idLine))
        guard let row = d.rows(containing: idLine).first else { Issue.record("no Id line in the sheet"); return }
        d.press(.space)
        #expect(d.rows(containing: idLine).first == row)
        d.send(.favouritesLoaded(["fusee-gouvernance"]))
        #expect(d.rows(containing: idLine).first == row)
        d.press(.space)
        #expect(d.rows(containing: idLine).first == row)
        // At the top, the mark shows under the title (nothing scrolls).
        var t = Driver()
        t.press(.enter, .space)
        #expect(t.lines[3].contains("★ favori"))
    }
}

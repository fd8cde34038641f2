import CatalyseCore
import Glibc
@testable import CatalyseTUI
import Testing

/// The dossier key tables, as `KeyTableTests` checks the others (the help and shadowing checks
/// there cover every table of `ScreenKeys.all`, these ones included): the footer of each
/// dossier screen is its table's hints, the dialogs' lines of keys are theirs, `?` and `L` work
/// on every dossier screen, and letters are text where text is typed.
@Suite("Dossier key tables")
struct DossierKeyTableTests {
    /// The three dossier screens and how to reach them.
    static let screens: [(Screen, @Sendable (inout Driver) -> Void)] = [
        (.dossiers, { $0.openDossiers() }),
        (.dossier, { $0.openJardins() }),
        (.dossierHistory, { $0.openJardins(); $0.press(.char("h")) }),
    ]

    @Test("Every footer hint of a dossier screen has a binding there, and the footer draws exactly those")
    func footers() {
        for language in Language.allCases {
            for (screen, reach) in Self.screens {
                for withError in [false, true] {
                    var d = Driver(language: language, width: 200, height: 50)
                    reach(&d)
                    if withError { d.send(.dossierFailed(.unwritable(path: "/d", reason: .system(ENOSPC)))) }
                    #expect(d.state.screen == screen)
                    let table = ScreenKeys.table(screen)
                    let hints = d.state.footerHints
                    let allowed = table.entries.compactMap(\.hint) + (withError ? ScreenKeys.statusError.entries.compactMap(\.hint) : [])
                    for hint in hints.keys + [hints.pinned].compactMap({ $0 }) {
                        #expect(allowed.contains(hint), "\(screen): \(hint.key.en) \(hint.action.en)")
                    }
                    if withError { #expect(hints.keys.first == ScreenKeys.statusError.entries.first?.hint) }
                    let pairs = (hints.keys + [hints.pinned].compactMap { $0 }).map { $0.key(language) + " " + $0.action(language) }
                    #expect(d.trimmed(49) == pairs.joined(separator: "  "), "\(language) \(screen)")
                }
            }
        }
    }

    @Test("? and L on every dossier screen; the help is pinned in each footer")
    func commonKeys() {
        for (screen, reach) in Self.screens {
            let table = ScreenKeys.table(screen)
            #expect(table.binds(.char("?")) && table.binds(.char("L")), "\(screen)")
            #expect(table.entries.compactMap(\.hint).filter(\.pinned).count == 1, "\(screen)")
            var d = Driver()
            reach(&d)
            d.press(.char("?"))
            #expect(d.state.screen == .help)
            d.press(.escape, .char("L"))
            #expect(d.state.screen == screen && d.state.language == .en)
        }
    }

    @Test("Each dialog draws its table's hints as its line of keys")
    func dialogKeyLines() {
        for language in Language.allCases {
            func line(_ d: Driver, _ table: any DescribedKeyTable, _ pairs: [String]) {
                #expect(d.text.contains(TextFit.keys(pairs, width: 68)), "\(language) \(table.name)")
            }
            var d = Driver(language: language, width: 120, height: 30)
            d.openDossiers()
            d.press(.char("n"))
            line(d, ScreenKeys.dossierForm, ScreenKeys.dossierForm.hintPairs(language))
            d.press(.escape, .down, .char("r"))
            line(d, ScreenKeys.dossierRename, ScreenKeys.dossierRename.hintPairs(language))
            d.press(.escape, .enter, .char("s"))
            line(d, ScreenKeys.statusMenu, ScreenKeys.statusMenu.hintPairs(language))
            d.press(.escape, .char("n"))
            line(d, ScreenKeys.noteEditor, ScreenKeys.noteEditor.hintPairs(language))
            d.press(.escape, .escape, .escape, .char("A"))
            line(d, ScreenKeys.dossierChooser, ScreenKeys.dossierChooser.hintPairs(language))
        }
        #expect(ScreenKeys.statusMenu.hintPairs(.fr) == ["1–5 statut", "↑↓ choisir", "Entrée appliquer", "Échap annuler"])
        #expect(ScreenKeys.noteEditor.hintPairs(.en) == ["Ctrl-S save", "Enter new line", "Esc cancel"])
    }

    @Test("Dispatch: the dossier tables mean what they say; letters are text in the form, the name and the note")
    func dispatch() {
        #expect(ScreenKeys.list.action(for: .char("d")) == .dossiers)
        #expect(ScreenKeys.list.action(for: .char("a")) == .addToDossier && ScreenKeys.list.action(for: .char("A")) == .addToOtherDossier)
        #expect(ScreenKeys.sheet.action(for: .char("a")) == .addToDossier)
        #expect(ScreenKeys.dossiers.action(for: .delete) == .remove && ScreenKeys.dossiers.action(for: .char("d")) == .back)
        #expect(ScreenKeys.dossier.action(for: .char("s")) == .status && ScreenKeys.dossier.action(for: .char("f")) == .filter)
        #expect(ScreenKeys.statusMenu.action(for: .char("3")) == .choose(2))
        #expect(ScreenKeys.dossierRemove.action(for: .char("y")) == .remove && ScreenKeys.dossierRemove.action(for: .char("o")) == .remove)
        #expect(ScreenKeys.noteEditor.action(for: .ctrl("s")) == .save && ScreenKeys.noteEditor.action(for: .enter) == .newline)
        for table in [ScreenKeys.dossierForm.binds, ScreenKeys.dossierRename.binds, ScreenKeys.noteEditor.binds] {
            for letter in "qjkgGxfpteLFnrsvhadA?/b12345" { #expect(!table(.char(letter)), "\(letter)") }
        }
    }

    @Test("The help screen has the dossier sections, in both languages")
    func helpSections() {
        for language in Language.allCases {
            var d = Driver(language: language, width: 200, height: 50)
            d.press(.char("?"))
            let lines = d.state.helpLines(d.state.layout).map(\.plainText)
            for section in KeyHelps.dossierSections { #expect(lines.contains(section.title(language))) }
        }
        #expect(KeyHelps.dossierSections.flatMap(\.rows).allSatisfy { !$0.isNote })
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The key tables themselves (`ScreenKeys`): every binding documented in the help, every help
/// row bound, every footer hint drawn from a binding, no key bound twice in a table.
@Suite("Key tables")
struct KeyTableTests {
    static let helpRows = KeyHelps.sections.flatMap(\.rows)

    /// The six screens and the keys that open each one from the list.
    static let screens: [(Screen, [Key])] = [(.list, []), (.sheet, [.enter]), (.filters, [.char("f")]), (.help, [.char("?")]),
                                              (.firms, [.char("b")]), (.firm, [.char("b"), .enter])]

    @Test("Every binding of every table has its row in the help")
    func everyBindingIsInTheHelp() {
        let rows = Self.helpRows.filter { !$0.isNote }.map(\.help)
        for table in ScreenKeys.all {
            for entry in table.entries {
                #expect(rows.contains(entry.help), "\(table.name): \(entry.keys) → \(entry.help.keys.en) is not in the help")
            }
        }
    }

    @Test("Every help row about keys has a binding; a note (typing, the mouse) has none")
    func everyHelpRowHasABinding() {
        let bound = ScreenKeys.all.flatMap { $0.entries.map(\.help) }
        for row in Self.helpRows {
            if row.isNote {
                #expect(!bound.contains(row.help), "note \(row.help.keys.en) is bound")
            } else {
                #expect(bound.contains(row.help), "help row \(row.help.keys.en) has no binding")
            }
        }
    }

    @Test("The help screen shows every row, keys and text, in both languages")
    func helpScreenShowsEveryRow() {
        for language in Language.allCases {
            var d = Driver(language: language, width: 200, height: 50)
            d.press(.char("?"))
            let lines = d.state.helpLines(d.state.layout).map(\.plainText)
            for row in Self.helpRows {
                let keys = row.help.keys(language), text = row.help.text(language)
                #expect(lines.contains { $0.hasPrefix("  " + keys + " ") && $0.hasSuffix(text) }, "\(language): \(keys)")
            }
            for section in KeyHelps.sections { #expect(lines.contains(section.title(language))) }
        }
    }

    @Test("No key is bound twice in a table (a later binding would never act)")
    func noShadowedBinding() {
        for table in ScreenKeys.all {
            var seen: [Key: Int] = [:]
            for (n, entry) in table.entries.enumerated() {
                #expect(!entry.keys.isEmpty, "\(table.name): binding \(n) has no key")
                for key in entry.keys {
                    #expect(seen[key] == nil, "\(table.name): \(key) is bound by bindings \(seen[key] ?? -1) and \(n)")
                    seen[key] = n
                }
            }
        }
    }

    @Test("Every footer hint has a binding on its screen, and the footer draws exactly those hints")
    func footerHintsHaveBindings() {
        for language in Language.allCases {
            for (screen, keys) in Self.screens {
                for withError in [false, true] {
                    var d = Driver(language: language, width: 200, height: 50)
                    for key in keys { d.press(key) }
                    if withError { d.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein"))) }
                    #expect(d.state.screen == screen)
                    let table = ScreenKeys.table(screen)
                    let hints = d.state.footerHints
                    let allowed = table.entries.compactMap(\.hint) + (withError ? ScreenKeys.statusError.entries.compactMap(\.hint) : [])
                    for hint in hints.keys + [hints.pinned].compactMap({ $0 }) {
                        #expect(allowed.contains(hint), "\(screen): hint \(hint.key.en) \(hint.action.en) has no binding")
                    }
                    // With an error, its dismissal comes first and the screen's own Esc is not repeated.
                    if withError {
                        #expect(hints.keys.first == ScreenKeys.statusError.entries.first?.hint)
                        #expect(hints.keys.filter { $0.key == KeyHelps.escKey }.count == 1)
                    }
                    let pairs = (hints.keys + [hints.pinned].compactMap { $0 }).map { $0.key(language) + " " + $0.action(language) }
                    #expect(d.trimmed(49) == pairs.joined(separator: "  "), "\(language) \(screen)")
                }
            }
        }
    }

    @Test("The prompts' and the export dialog's lines of keys are their tables' hints")
    func promptKeyLines() {
        for language in Language.allCases {
            var search = Driver(language: language, width: 120, height: 30)
            search.press(.char("/"))
            #expect(search.lines[29].contains(ScreenKeys.search.hintPairs(language).joined(separator: " · ")))
            var territory = Driver(language: language, width: 120, height: 30)
            territory.press(.char("t"))
            #expect(territory.text.contains(ScreenKeys.territory.hintPairs(language).joined(separator: " · ")))
            var export = Driver(favourites: ["eclat-reseau"], language: language, width: 120, height: 30)
            export.press(.char("e"))
            #expect(export.text.contains(ScreenKeys.export.hintPairs(language).joined(separator: " · ")))
        }
        #expect(ScreenKeys.territory.hintPairs(.fr) == ["↑↓ choisir", "Entrée appliquer", "Échap annuler"])
        #expect(ScreenKeys.export.hintPairs(.en) == ["↑↓ field", "←→ choose", "Enter export", "Esc cancel"])
    }

    @Test("? and L are in every screen's table, and the help key is shown everywhere but in the help")
    func commonKeysOnEveryScreen() {
        for (screen, _) in Self.screens {
            let table = ScreenKeys.table(screen)
            #expect(table.binds(.char("?")) && table.binds(.char("L")), "\(screen)")
            let pinned = table.entries.compactMap(\.hint).filter(\.pinned)
            #expect(pinned.count == (screen == .help ? 0 : 1), "\(screen)")
        }
        #expect(ScreenKeys.help.action(for: .char("?")) == .back)
        #expect(ScreenKeys.list.action(for: .char("?")) == .help)
    }

    @Test("Dispatch reads the table: movement letters, Esc, Enter and q mean what the table says")
    func dispatch() {
        #expect(ScreenKeys.list.action(for: .char("j")) == .move(.down))
        #expect(ScreenKeys.list.action(for: .char("G")) == .move(.end))
        #expect(ScreenKeys.list.action(for: .escape) == .clearSearch)
        #expect(ScreenKeys.list.action(for: .char("q")) == .quit)
        #expect(ScreenKeys.sheet.action(for: .char("q")) == .back)
        #expect(ScreenKeys.panel.action(for: .enter) == .close)
        #expect(ScreenKeys.panel.action(for: .right) == .nextFacet)
        #expect(ScreenKeys.firms.action(for: .char("b")) == .back)
        // In prompts, letters are not bound: they are text.
        for table in [ScreenKeys.search.binds, ScreenKeys.territory.binds, ScreenKeys.export.binds, ScreenKeys.text.binds] {
            for letter in "qjkgGxfpteLF?/b" { #expect(!table(.char(letter)), "\(letter)") }
        }
        #expect(ScreenKeys.overwrite.action(for: .char("y")) == .replace && ScreenKeys.overwrite.action(for: .char("o")) == .replace)
        #expect(ScreenKeys.global.action(for: .ctrl("C")) == .quit && ScreenKeys.global.action(for: .ctrl("z")) == .suspend)
    }

    @Test("Words: French gets its non-breaking spaces, English is left as written")
    func words() {
        let words = Words("rechercher : la liste ; « oui » ?", "search: the list")
        #expect(words(.fr) == "rechercher\u{00A0}: la liste\u{00A0}; «\u{00A0}oui\u{00A0}»\u{00A0}?")
        #expect(words(.en) == "search: the list")
        #expect(Words("PgUp PgDn")(.en) == "PgUp PgDn")
    }
}

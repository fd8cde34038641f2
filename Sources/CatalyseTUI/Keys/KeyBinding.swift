import CatalyseCore

/// A text in French and in English. French gets its typography when read: non-breaking spaces
/// before `:` `;` `?` `!` `»` and after `«` (`Strings.typographic`).
struct Words: Sendable, Equatable {
    let fr: String
    let en: String

    init(_ fr: String, _ en: String) {
        self.fr = fr
        self.en = en
    }

    /// The same text in both languages ("PgUp PgDn", "Ctrl-C").
    init(_ both: String) { self.init(both, both) }

    func callAsFunction(_ language: Language) -> String {
        language == .fr ? Strings.typographic(fr) : en
    }
}

/// A row of the help screen: keys as the help writes them ("↑ ↓ / k j") and what they do.
struct KeyHelp: Sendable, Equatable {
    let keys: Words
    let text: Words
}

/// A footer hint: the key as the footer writes it ("↑↓") and a short action ("bouger").
/// A pinned hint (`? aide`) is drawn last and never left out.
struct KeyHint: Sendable, Equatable {
    let key: Words
    let action: Words
    var pinned = false
}

/// One key binding, as Bubble Tea's `key.Binding`: the keys, the action they mean on a screen,
/// the help row that documents them, and their footer hint when they have one.
struct KeyBinding<Action: Sendable>: Sendable {
    let keys: [Key]
    let action: Action
    let help: KeyHelp
    let hint: KeyHint?

    init(_ keys: [Key], _ action: Action, help: KeyHelp, hint: KeyHint? = nil) {
        self.keys = keys
        self.action = action
        self.help = help
        self.hint = hint
    }
}

/// What every key table says about itself, whatever its actions: for the footer, the help
/// and the tests that keep them in step.
protocol DescribedKeyTable: Sendable {
    var name: String { get }
    /// Each binding's keys, help row and hint, in table order.
    var entries: [(keys: [Key], help: KeyHelp, hint: KeyHint?)] { get }
    /// Whether a key has a binding in this table.
    func binds(_ key: Key) -> Bool
}

/// The bindings of one screen (or prompt), in footer order. The first binding that holds a
/// key decides what it does; the footer shows the hints in this order.
struct KeyTable<Action: Sendable>: DescribedKeyTable {
    let name: String
    let bindings: [KeyBinding<Action>]

    init(_ name: String, _ bindings: [KeyBinding<Action>]) {
        self.name = name
        self.bindings = bindings
    }

    /// What a key does here, if anything.
    func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    func binds(_ key: Key) -> Bool { bindings.contains { $0.keys.contains(key) } }

    var entries: [(keys: [Key], help: KeyHelp, hint: KeyHint?)] { bindings.map { ($0.keys, $0.help, $0.hint) } }

    /// The footer hints, in order (the pinned one apart, drawn last).
    var hints: [KeyBinding<Action>] { bindings.filter { $0.hint != nil && $0.hint?.pinned == false } }
    var pinnedHint: KeyHint? { bindings.lazy.compactMap(\.hint).first { $0.pinned } }

    /// The hints as "key action" texts (a prompt's or a dialog's line of keys).
    func hintPairs(_ language: Language) -> [String] {
        hints.compactMap { $0.hint.map { $0.key(language) + " " + $0.action(language) } }
    }
}

/// The movement bindings every list and scrolling view shares: ↑ ↓ / k j, PgUp PgDn,
/// Home End / g G. `hint` is the footer's "↑↓ …" for this screen.
func movementBindings<Action>(_ action: (Move) -> Action, hint: Words?) -> [KeyBinding<Action>] {
    [
        KeyBinding([.up, .char("k")], action(.up), help: KeyHelps.upDown, hint: hint.map { KeyHint(key: Words("↑↓"), action: $0) }),
        KeyBinding([.down, .char("j")], action(.down), help: KeyHelps.upDown),
        KeyBinding([.pageUp], action(.pageUp), help: KeyHelps.pages),
        KeyBinding([.pageDown], action(.pageDown), help: KeyHelps.pages),
        KeyBinding([.home, .char("g")], action(.home), help: KeyHelps.ends),
        KeyBinding([.end, .char("G")], action(.end), help: KeyHelps.ends),
    ]
}

/// The movement bindings of a prompt, where letters are text: arrows and pages only.
func promptMovementBindings<Action>(_ action: (Move) -> Action, hint: Words?) -> [KeyBinding<Action>] {
    [
        KeyBinding([.up], action(.up), help: KeyHelps.promptMoves, hint: hint.map { KeyHint(key: Words("↑↓"), action: $0) }),
        KeyBinding([.down], action(.down), help: KeyHelps.promptMoves),
        KeyBinding([.pageUp], action(.pageUp), help: KeyHelps.promptMoves),
        KeyBinding([.pageDown], action(.pageDown), help: KeyHelps.promptMoves),
    ]
}

/// `?` and `L`, on every screen (not in a prompt or the export dialog). `languageHint`: the
/// footer shows `L` (the main list only).
func commonBindings<Action>(help: Action, language: Action, languageHint: Bool, helpHint: Bool = true) -> [KeyBinding<Action>] {
    [
        KeyBinding([.char("L")], language, help: KeyHelps.language,
                   hint: languageHint ? KeyHint(key: Words("L"), action: Words("English", "Français")) : nil),
        KeyBinding([.char("?")], help, help: KeyHelps.help,
                   hint: helpHint ? KeyHint(key: Words("?"), action: Words("aide", "help"), pinned: true) : nil),
    ]
}

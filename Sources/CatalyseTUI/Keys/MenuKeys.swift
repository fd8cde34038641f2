/// The key tables of the small menus (`p`: the purposes, `y`: what to copy), as `ScreenKeys`'
/// others: dispatch, the menu's line of keys (its hints) and the help row of each binding.
extension ScreenKeys {
    private static func hint(_ key: Words, _ fr: String, _ en: String) -> KeyHint { KeyHint(key: key, action: Words(fr, en)) }
    private static func hint(_ key: String, _ fr: String, _ en: String) -> KeyHint { hint(Words(key), fr, en) }

    enum PurposeMenuAction: Sendable, Equatable { case choose(Int), up, down, next, apply, cancel }

    /// `p`: 1 every purpose, 2 operational, 3 strategic; `p` again moves down the rows.
    static let purposeMenu = KeyTable<PurposeMenuAction>("purpose menu", [
        KeyBinding([.char("1")], .choose(0), help: KeyHelps.menuDigits, hint: hint("1–3", "choisir", "choose")),
        KeyBinding([.char("2")], .choose(1), help: KeyHelps.menuDigits),
        KeyBinding([.char("3")], .choose(2), help: KeyHelps.menuDigits),
        KeyBinding([.up, .char("k")], .up, help: KeyHelps.menuMove, hint: hint("↑↓", "bouger", "move")),
        KeyBinding([.down, .char("j")], .down, help: KeyHelps.menuMove),
        KeyBinding([.char("p")], .next, help: KeyHelps.menuPurposeAgain),
        KeyBinding([.enter, .char(" ")], .apply, help: KeyHelps.menuApply, hint: hint(KeyHelps.enterKey, "appliquer", "apply")),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
        KeyBinding([.char("q")], .cancel, help: KeyHelps.quit),
    ])

    enum CopyMenuAction: Sendable, Equatable { case choose(CopyTarget), up, down, apply, cancel }

    /// The letter that copies each thing at once.
    static func copyKey(_ target: CopyTarget) -> String {
        switch target {
        case .id: "i"
        case .email: "e"
        case .website: "w"
        }
    }

    /// `y` on a sheet: i the offer's id, e the contact's e-mail, w the firm's website.
    static let copyMenu = KeyTable<CopyMenuAction>("copy menu", [
        KeyBinding([.char("i")], .choose(.id), help: KeyHelps.copyLetters, hint: hint("i e w", "copier", "copy")),
        KeyBinding([.char("e")], .choose(.email), help: KeyHelps.copyLetters),
        KeyBinding([.char("w")], .choose(.website), help: KeyHelps.copyLetters),
        KeyBinding([.up, .char("k")], .up, help: KeyHelps.menuMove, hint: hint("↑↓", "bouger", "move")),
        KeyBinding([.down, .char("j")], .down, help: KeyHelps.menuMove),
        KeyBinding([.enter, .char(" ")], .apply, help: KeyHelps.menuApply, hint: hint(KeyHelps.enterKey, "valider", "confirm")),
        KeyBinding([.escape], .cancel, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "annuler", "cancel")),
        KeyBinding([.char("q")], .cancel, help: KeyHelps.quit),
    ])

    /// The menu tables, for `ScreenKeys.all`.
    static let menuTables: [any DescribedKeyTable] = [purposeMenu, copyMenu]
}

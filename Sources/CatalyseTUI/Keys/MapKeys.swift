import CatalyseCore

/// The key tables of the map (`m`) and of a région's départements (`+`), as `ScreenKeys`'
/// others: dispatch, the footer hints (in table order) and the help row of each binding.
extension ScreenKeys {
    private static func hint(_ key: Words, _ fr: String, _ en: String) -> KeyHint { KeyHint(key: key, action: Words(fr, en)) }
    private static func hint(_ key: String, _ fr: String, _ en: String) -> KeyHint { hint(Words(key), fr, en) }

    enum MapAction: Sendable, Equatable { case move(TileMap.Direction), apply, departments, filters, purpose, back, language, help }

    static let map = KeyTable<MapAction>("map", [
        KeyBinding([.up, .char("k")], .move(.up), help: KeyHelps.mapMove, hint: hint("←↑↓→", "bouger", "move")),
        KeyBinding([.down, .char("j")], .move(.down), help: KeyHelps.mapMove),
        KeyBinding([.left, .char("h")], .move(.left), help: KeyHelps.mapMove),
        KeyBinding([.right, .char("l")], .move(.right), help: KeyHelps.mapMove),
        KeyBinding([.enter], .apply, help: KeyHelps.mapApply, hint: hint(KeyHelps.enterKey, "filtrer", "filter")),
        KeyBinding([.char("+")], .departments, help: KeyHelps.mapDepartments, hint: hint("+", "départements", "départements")),
        KeyBinding([.char("f")], .filters, help: KeyHelps.mapFilters),
        KeyBinding([.char("p")], .purpose, help: KeyHelps.mapFilters),
        KeyBinding([.escape], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "retour", "back")),
        KeyBinding([.char("q"), .char("m")], .back, help: KeyHelps.mapBack),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    enum MapDepartmentsAction: Sendable, Equatable { case move(Move), apply, back, language, help }

    static let mapDepartments = KeyTable<MapDepartmentsAction>("map départements", movementBindings(MapDepartmentsAction.move, hint: Words("choisir", "choose")) + [
        KeyBinding([.enter], .apply, help: KeyHelps.mapDepartmentApply, hint: hint(KeyHelps.enterKey, "filtrer", "filter")),
        KeyBinding([.escape], .back, help: KeyHelps.escape, hint: hint(KeyHelps.escKey, "carte", "map")),
        KeyBinding([.char("q"), .char("-")], .back, help: KeyHelps.mapBack),
    ] + commonBindings(help: .help, language: .language, languageHint: false))

    /// The map's tables, for `ScreenKeys.all`.
    static let mapTables: [any DescribedKeyTable] = [map, mapDepartments]
}

/// The help rows of the map (`m`) and of a région's départements; the key tables point to them,
/// and `KeyHelps.sections` shows them.
extension KeyHelps {
    private static func row(_ keys: Words, _ fr: String, _ en: String) -> KeyHelp { KeyHelp(keys: keys, text: Words(fr, en)) }
    private static func row(_ keys: String, _ fr: String, _ en: String) -> KeyHelp { row(Words(keys), fr, en) }

    static let mapOpen = row("m", "dans la liste : la carte de France, le nombre d'offres de chaque région pour les filtres actuels",
                             "in the list: the map of France, each région's number of offers for the current filters")
    static let mapMove = row("← ↑ ↓ → h j k l", "aller à la région voisine", "go to the neighbouring région")
    static let mapApply = row(enterKey, "filtrer sur la région choisie et revenir à la liste (u annule)",
                              "filter on the chosen région and go back to the list (u undoes it)")
    static let mapDepartments = row("+", "les départements de la région choisie, avec leurs nombres d'offres",
                                    "the chosen région's départements, with their numbers of offers")
    static let mapDepartmentApply = row(enterKey, "dans les départements : filtrer sur le département choisi et revenir à la liste",
                                        "in the départements: filter on the chosen département and go back to the list")
    static let mapFilters = row("f / p", "depuis la carte : le panneau des filtres, le menu des finalités (les nombres suivent)",
                                "from the map: the filter panel, the purpose menu (the numbers follow)")
    static let mapBack = row(Words("q / m / -"), "revenir (des départements à la carte, de la carte à la liste)",
                             "go back (from the départements to the map, from the map to the list)")
    static let mapClick = row(Words("clic", "click"), "sur la carte : choisir une région ; un second clic filtre dessus",
                              "on the map: choose a région; a second click filters on it")

    /// The map's section of the help screen.
    static let mapSections: [HelpSection] = [
        HelpSection(Words("Carte (m)", "Map (m)"),
                    [.key(mapOpen), .key(mapMove), .key(mapApply), .key(mapDepartments), .key(mapDepartmentApply), .key(mapFilters), .key(mapBack), .note(mapClick)]),
    ]
}

import CatalyseCore

/// The texts of the map (`m`) and of a région's départements, in French and English (French
/// typography through `Words`).
extension Strings {
    private func say(_ fr: String, _ en: String) -> String { Words(fr, en)(language) }

    var mapTitle: String { say("Carte des offres", "Map of the offers") }
    /// The title's second part: the selected région, its code and its count.
    func mapSelected(_ name: String, code: String, count: Int) -> String {
        name + " (" + code + ")" + say(" : ", ": ") + offersCount(count)
    }
    var mapOverseas: String { say("Outre-mer", "Overseas") }
    /// Under the map: what the numbers and the shading mean, and the marks.
    var mapLegend: String {
        say("Nombre d'offres pour les filtres actuels, sauf le territoire ; les offres nationales comptent partout. "
                + "Ombrage : · aucune, ░ jusqu'au quart du plus grand nombre, ▒ la moitié, ▓ les trois quarts, █ au-delà. ◆ filtre de territoire actuel.",
            "Number of offers for the current filters, territory aside; national offers count everywhere. "
                + "Shading: · none, ░ up to a quarter of the largest count, ▒ half, ▓ three quarters, █ above. ◆ current territory filter.")
    }
    /// The legend where room is short (80×24); in French a no-break space keeps each sign with its
    /// meaning (English has none, as everywhere in the interface).
    var mapLegendShort: String {
        say("Offres pour les filtres actuels hors territoire ; les offres nationales comptent partout. "
                + "Ombrage : ·\u{A0}0, ░\u{A0}≤\u{A0}¼ du plus grand nombre, ▒\u{A0}≤\u{A0}½, ▓\u{A0}≤\u{A0}¾, █\u{A0}au-delà ; ◆\u{A0}territoire filtré.",
            "Offers for the current filters, territory aside; national offers count everywhere. "
                + "Shading: · 0, ░ ≤ ¼ of the largest count, ▒ ≤ ½, ▓ ≤ ¾, █ above; ◆ territory filtered.")
    }
    var mapTooSmall: String { say("terminal trop petit pour la carte", "terminal too small for the map") }
    var mapTooSmallBack: String { say("Échap : retour", "Esc: back") }
    /// The side panel's heading of the départements.
    var mapDepartmentsHeading: String { say("Départements (+ pour en choisir un)", "Départements (+ to choose one)") }
    func mapDepartmentsTitle(_ region: String) -> String { say("Départements · ", "Départements · ") + region }
    var mapFiltersNone: String { say("Filtres : aucun (toutes les offres)", "Filters: none (every offer)") }
    func mapFilters(_ text: String) -> String { say("Filtres (hors territoire) : ", "Filters (territory aside): ") + text }
    func mapCurrentTerritory(_ text: String) -> String { say("Filtre de territoire actuel : ", "Current territory filter: ") + text }
    var mapDepartmentsLegend: String {
        say("Une offre compte pour un département si elle le couvre, couvre sa région ou toute la France. Entrée filtre sur le département.",
            "An offer counts for a département when it covers it, its région or the whole country. Enter filters on the département.")
    }
}

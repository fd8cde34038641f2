import CatalyseCore
@testable import CatalyseTUI
import Testing

/// Space, `F`, missing favourites, and the favourites store's errors as the interface shows them.
@Suite("Favourites in the interface")
struct FavouritesScreenTests {
    static let unreadableError = FavouritesError.corrupt(path: "/home/camille/.local/state/catalyse/favourites", line: 3,
                                                         text: "ceci n'est pas un identifiant d'offre")
    /// As `joined` reads it (non-breaking spaces as spaces).
    static let unreadable = unreadableError.message(.fr).replacingOccurrences(of: "\u{00A0}", with: " ")

    @Test("Space marks the selected offer: ★ at once, Effect.toggleFavourite, corrected by the reply")
    func spaceToggles() {
        var d = Driver()
        let effects = d.press(.space)
        #expect(effects == [.toggleFavourite(id: "fusee-gouvernance")])
        #expect(d.lines[3].hasPrefix("★ "))
        // The store's answer is what counts.
        d.send(.favouritesLoaded(["fusee-gouvernance"]))
        #expect(d.lines[3].hasPrefix("★ "))
        d.send(.favouritesLoaded([]))
        #expect(d.lines[3].hasPrefix("  "))
        // A failure restores the confirmed favourites and says so.
        d.press(.space)
        #expect(d.lines[3].hasPrefix("★ "))
        d.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein")))
        #expect(d.lines[3].hasPrefix("  "))
        #expect(d.state.statusText == nb("Favoris non enregistrés : Impossible d'enregistrer les favoris dans /f : disque plein."))
        #expect(d.text.contains(nb("Favoris non enregistrés : Impossible")))
        // An error stays after other keys, and goes with Esc.
        d.press(.down)
        #expect(d.text.contains("Favoris non enregistrés"))
        d.press(.escape)
        #expect(!d.text.contains("Favoris non enregistrés"))
        #expect(d.state.selectedID == "fusee-relais")
    }

    @Test("F shows the favourites only, missing ones listed and marked; Space on a missing one unmarks it")
    func favouritesOnly() {
        var d = Driver(favourites: ["zeta-modele", "offre-disparue", "eclat-reseau"])
        #expect(d.lines[d.rows(containing: "Transformer son modèle").first!].hasPrefix("★ "))
        d.press(.char("F"))
        #expect(d.lines[1].contains("Favoris seulement"))
        #expect(d.lines[1].contains("1 favori introuvable dans ce catalogue"))
        #expect(d.text.contains(nb("[⌫ : retirer · x : tout effacer]")))
        #expect(d.lines[0].hasSuffix("2 / 7 offres"))
        let y = d.state.layout.listY
        #expect(d.lines[y].contains("Mise en réseau régionale"))
        #expect(d.lines[y + 1].contains("Transformer son modèle"))
        #expect(d.lines[y + 2].contains("(favori introuvable)"))
        #expect(d.lines[y + 2].contains("offre-disparue — introuvable dans ce catalogue"))
        #expect(d.lines[y + 2].hasPrefix("★ "))
        #expect(d.lines[y + 3].trimmingCharacters(in: .whitespaces).isEmpty)
        d.press(.down, .down)
        #expect(d.state.selectedID == "offre-disparue")
        // Enter cannot open it, and says why.
        d.press(.enter)
        #expect(d.state.screen == .list)
        #expect(d.lines[23].contains("n'est plus dans le catalogue"))
        let effects = d.press(.space)
        #expect(effects == [.toggleFavourite(id: "offre-disparue")])
        d.send(.favouritesLoaded(["zeta-modele", "eclat-reseau"]))
        #expect(!d.lines[0..<23].joined().contains("offre-disparue"))
        #expect(d.lines[23].contains("Favori retiré") && d.lines[23].contains("offre-disparue"))
        #expect(!d.lines[1].contains("introuvable"))
        d.press(.char("F"))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
        #expect(!d.lines[1].contains("Favoris seulement"))
    }

    @Test("F with no favourites says how to mark one")
    func favouritesOnlyEmpty() {
        var d = Driver()
        d.press(.char("F"))
        #expect(d.text.contains("Aucun favori pour l'instant."))
        #expect(d.lines[0].hasSuffix("0 / 7 offres"))
    }

    @Test("An unreadable favourites file: the message is shown in full and stays until Esc")
    func unreadableFavourites() {
        for width in [60, 80] {
            var d = Driver(width: width, height: 24)
            d.send(.favouritesUnreadable(FavouritesScreenTests.unreadableError))
            let footerStart = d.state.layout.footerY
            #expect(footerStart < 23)
            let message = joined(d, footerStart..<23)
            #expect(message == FavouritesScreenTests.unreadable, "\(width): \(message)")
            #expect(d.trimmed(23).contains(nb("Échap masquer le message")) || d.trimmed(23).hasPrefix("Échap masquer"))
            // Favourites are said to be unavailable on the filters line.
            #expect(d.lines[1].contains("favoris indisponibles"))
            // Other keys leave the message; the list is shorter and the selection stays visible.
            d.press(.char("G"))
            #expect(joined(d, footerStart..<23) == FavouritesScreenTests.unreadable)
            let cursor = d.grid.cursor!.row
            #expect(cursor < footerStart && d.lines[cursor].contains("東京"))
            // Esc dismisses the message only (the search is kept).
            d.press(.char("/"))
            d.type("a")
            d.press(.enter)
            #expect(d.text.contains("ligne 3"))
            d.press(.escape)
            #expect(!d.text.contains("ligne 3"))
            #expect(d.state.filter.query == "a")
            #expect(d.lines[1...3].contains { $0.contains("favoris indisponibles") })
            #expect(d.state.favouritesUnavailable)
            // Once the store answers, favourites are available again.
            d.send(.favouritesLoaded([]))
            #expect(!d.text.contains("favoris indisponibles"))
        }
    }

    @Test("An error goes when the favourites are acted on (Space, F)")
    func errorGoesWithFavouriteAction() {
        var d = Driver()
        d.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein")))
        #expect(d.text.contains("Favoris non enregistrés"))
        d.press(.space)
        #expect(!d.text.contains("Favoris non enregistrés"))
        d.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein")))
        d.press(.char("F"))
        #expect(!d.text.contains("Favoris non enregistrés"))
    }

    @Test("F with unreadable favourites says they could not be read, not that there are none")
    func theShortlistSaysTheFavouritesCouldNotBeRead() {
        var d = Driver(width: 80, height: 24)
        _ = d.state.update(.favouritesUnreadable(.corrupt(path: "/f", line: 2, text: "?")))
        d.press(.char("F"))
        #expect(d.text.contains("Les favoris n'ont pas pu être lus."))
        #expect(!d.text.contains("Aucun favori pour l'instant."))
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// `u`: a favourite removed, `x` and ⌫ taken back, with a word in the footer; ⌫ removes the
/// filter added last.
@Suite("Undo and one-key filter removal")
struct UndoTests {
    /// The footer's hints as one text.
    func footer(_ d: Driver) -> String { d.trimmed(d.state.height - 1) }

    @Test("In the favourites view Space removes the row and says so; u puts it back at its place (file and screen)")
    func favouriteRemovedAndRestored() {
        var d = Driver(favourites: ["zeta-modele", "eclat-reseau", "tokyo-strategie"])
        d.press(.char("F"))
        #expect(d.state.rowCount == 3)
        // The selected row is « Mise en réseau régionale » (eclat-reseau), first in the list.
        #expect(d.state.selectedID == "eclat-reseau")
        let effects = d.press(.space)
        #expect(effects == [.toggleFavourite(id: "eclat-reseau")])
        #expect(d.state.rowCount == 2)
        #expect(footer(d) == nb("Favori retiré : Mise en réseau régionale · u : annuler"))
        d.send(.favouritesLoaded(["zeta-modele", "tokyo-strategie"]))
        // The message goes with the next key; the footer keeps « u annuler » while it can.
        d.press(.down)
        #expect(footer(d).contains("u annuler"))
        let undo = d.press(.char("u"))
        #expect(undo == [.restoreFavourite(id: "eclat-reseau", before: "tokyo-strategie")])
        #expect(d.state.favourites == ["zeta-modele", "eclat-reseau", "tokyo-strategie"])
        #expect(d.state.rowCount == 3)
        #expect(footer(d) == nb("Favori rétabli : Mise en réseau régionale"))
        d.send(.favouritesLoaded(["zeta-modele", "eclat-reseau", "tokyo-strategie"]))
        d.press(.down)
        #expect(!footer(d).contains("u annuler"))
        d.press(.char("u"))
        #expect(footer(d) == "Rien à annuler.")
        // In English.
        var en = Driver(favourites: ["eclat-reseau"], language: .en)
        en.press(.char("F"), .space)
        #expect(footer(en) == "Favourite removed: Mise en réseau régionale · u: undo")
        en.press(.char("u"))
        #expect(footer(en) == "Favourite restored: Mise en réseau régionale")
    }

    @Test("A removal that the store refused, or a favourite marked again by hand, is not undone twice")
    func staleFavouriteEntries() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.down, .down, .down)
        #expect(d.state.selectedID == "eclat-reseau")
        d.press(.space)
        d.send(.favouritesFailed(.unwritable(path: "/f", reason: "disque plein")))
        #expect(d.state.favourites == ["eclat-reseau"])
        d.press(.escape)
        #expect(!d.state.canUndo)
        #expect(d.press(.char("u")).isEmpty)
        #expect(footer(d) == "Rien à annuler.")
        // Removed, then marked again: nothing left to take back.
        d.press(.space)
        d.send(.favouritesLoaded([]))
        d.press(.space)
        d.send(.favouritesLoaded(["eclat-reseau"]))
        #expect(!d.state.canUndo)
    }

    @Test("x clears every filter and says u brings them back; u restores them all, the favourites view too")
    func clearAllAndUndo() {
        var d = Driver(favourites: ["tokyo-strategie", "zeta-modele"])
        d.press(.char("p"), .char("3"), .char("F"), .char("/"))
        d.type("str")
        d.press(.enter)
        let before = d.state.filter
        let count = d.lines[0]
        #expect(!count.hasSuffix("7 / 7 offres"))
        d.press(.char("x"))
        #expect(d.state.filter.isEmpty && !d.state.favouritesOnly)
        #expect(footer(d) == nb("Filtres effacés · u : annuler"))
        #expect(d.lines[0].hasSuffix("7 / 7 offres"))
        d.press(.down)
        #expect(footer(d).hasPrefix("↑↓ bouger  u annuler  "))
        d.press(.char("u"))
        #expect(d.state.filter == before && d.state.favouritesOnly)
        #expect(footer(d) == "Filtres rétablis")
        #expect(d.lines[0] == count)
        // x with nothing to clear does nothing and records nothing.
        var e = Driver()
        e.press(.char("x"))
        #expect(e.state.statusText == nil && !e.state.canUndo)
        // From the filter panel too.
        var p = Driver()
        p.press(.char("f"), .down, .space, .char("x"))
        #expect(p.state.filter.isEmpty)
        p.press(.char("u"))
        #expect(!p.state.filter.isEmpty && p.state.screen == .filters)
    }

    @Test("A filter changed after x: the clearing no longer applies, u does not throw the new filter away")
    func staleFilterEntry() {
        var d = Driver()
        d.press(.char("p"), .char("2"), .char("x"), .char("t"))
        d.type("59")
        d.press(.enter)
        #expect(d.state.filter.territories == [.department("59")])
        #expect(!d.state.canUndo)
        d.press(.char("u"))
        #expect(d.state.filter.territories == [.department("59")])
        #expect(d.state.filter[Purpose.self].isEmpty)
        #expect(footer(d) == "Rien à annuler.")
    }

    @Test("⌫ removes the filter added last, whatever its facet; u brings it back; the filters line says ⌫")
    func backspaceRemovesTheLastFilter() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("t"))
        d.type("59")
        d.press(.enter, .char("p"), .char("2"), .char("/"))
        d.type("réseau")
        d.press(.enter, .char("F"))
        #expect(d.state.undo.filterOrder == [.territory(.department("59")), .value(.purpose, code: "operationnelle"), .search, .favouritesOnly])
        #expect(d.text.contains(nb("[⌫ : retirer · x : tout effacer]")))
        d.press(.backspace)
        #expect(!d.state.favouritesOnly)
        #expect(footer(d) == nb("Filtre retiré : Favoris seulement · u : annuler"))
        d.press(.backspace)
        #expect(d.state.filter.query.isEmpty)
        #expect(footer(d) == nb("Filtre retiré : Recherche : « réseau » · u : annuler"))
        d.press(.backspace)
        #expect(d.state.filter[Purpose.self].isEmpty)
        #expect(footer(d) == nb("Filtre retiré : Finalité : Opérationnelle · u : annuler"))
        // u takes them back one at a time, newest first.
        d.press(.char("u"))
        #expect(d.state.filter[Purpose.self] == [.operationnelle])
        d.press(.char("u"))
        #expect(d.state.filter.query == "réseau")
        #expect(d.state.undo.filterOrder.last == .search)
        d.press(.backspace, .backspace, .backspace)
        #expect(d.state.filter.isEmpty && !d.state.favouritesOnly)
        d.press(.backspace)
        #expect(footer(d) == "Aucun filtre à retirer.")
        // A value ticked in the panel counts as added last.
        var p = Driver()
        p.press(.char("p"), .char("3"), .char("f"), .down, .down, .space, .escape)
        #expect(p.state.undo.filterOrder.count == 2)
        let ticked = p.state.undo.filterOrder.last!
        p.press(.backspace)
        #expect(p.state.filter[Purpose.self] == [.strategique])
        #expect(!p.state.undo.filterOrder.contains(ticked))
        // In English.
        var en = Driver(language: .en)
        en.press(.char("p"), .char("3"), .backspace)
        #expect(footer(en) == "Filter removed: Purpose: Strategic · u: undo")
        #expect(Driver(language: .en).text.contains("No filter"))
    }

    @Test("u on a sheet and on a firm's page takes back a favourite removed there")
    func undoOnOtherScreens() {
        var d = Driver(favourites: ["fusee-gouvernance"])
        d.press(.enter, .space)
        #expect(d.state.favourites.isEmpty)
        #expect(d.press(.char("u")) == [.restoreFavourite(id: "fusee-gouvernance", before: nil)])
        #expect(d.state.favourites == ["fusee-gouvernance"])
        var f = Driver(favourites: ["eclat-diagnostic"])
        f.press(.char("b"), .down, .enter)
        #expect(f.state.screen == .firm)
        f.press(.space)
        #expect(f.state.favourites.isEmpty)
        #expect(f.press(.char("u")) == [.restoreFavourite(id: "eclat-diagnostic", before: nil)])
    }

    @Test("At most 20 changes are kept; the oldest go first")
    func bounded() {
        var d = Driver()
        for _ in 0..<25 { d.press(.char("p"), .char("2"), .backspace) }
        #expect(d.state.undo.entries.count == UndoState.limit)
    }
}

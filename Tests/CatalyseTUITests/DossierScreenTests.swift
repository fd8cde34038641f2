import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The dossier screens, headless: the list (`d`), one dossier, its history, the current dossier
/// in the header and in the list, `a` and `A`, « Filtrer pour ce dossier », and a database that
/// cannot be used.
@Suite("Dossier screens")
struct DossierScreenTests {
    @Test("d asks the store and says it is reading; its answer lists the dossiers with their counts per status and follow-ups")
    func dossiersList() {
        var d = Driver()
        #expect(dossierEffects(d.press(.char("d"))) == [.loadDossiers])
        #expect(d.state.screen == .dossiers)
        #expect(d.text.contains("Lecture des dossiers…"))
        d.send(DossierFixture.loaded)
        #expect(d.trimmed(1) == " Dossiers (2)")
        #expect(d.text.contains("Horizon Corse") && d.text.contains("Corse-du-Sud (2A)"))
        let jardins = d.rows(containing: "Les Jardins partagés")[0]
        #expect(d.trimmed(jardins + 1) == "    à étudier 1 · contacté 1 · en discussion 1 · retenu 1 · 1 à relancer")
        #expect(d.grid[jardins + 1, 62].style.color == .error)
        #expect(d.trimmed(3) == "    1 offre — écarté 1")
        // The archived one is hidden until v.
        #expect(!d.text.contains("Ancien dossier"))
        d.press(.char("v"))
        #expect(d.text.contains("Ancien dossier (archivé)"))
        #expect(d.trimmed(1) == " Dossiers (3) · archivés compris")
        d.press(.char("v"), .char("d"))
        #expect(d.state.screen == .list)
        // Each d reads the dossiers again (a command may have changed them).
        #expect(dossierEffects(d.press(.char("d"))) == [.loadDossiers])
        #expect(!d.text.contains("Lecture"))
        d.press(.escape)
        #expect(d.state.screen == .list)
    }

    @Test("Wide: the selected dossier's profile and its offers per status beside the list")
    func preview() {
        var d = Driver(width: 200, height: 50)
        d.openDossiers()
        d.press(.down)
        let right = joined(d, 1..<20, columns: 120..<200)
        #expect(right.contains("Les Jardins partagés Profil Territoire : Nord (59) Stade : Création Budget annuel : 10 k€ à 50 k€"))
        #expect(right.contains("Offres (4) À étudier : 1 Contacté : 1 En discussion : 1 Retenu : 1 Écarté : 0 À relancer : 1"))
    }

    @Test("Enter opens a dossier and makes it current: the header names it, the list marks its offers")
    func currentDossier() {
        var d = Driver()
        d.openJardins()
        #expect(d.state.screen == .dossier)
        #expect(d.state.currentDossier?.name == "Les Jardins partagés")
        #expect(d.lines[0].contains("Dossier\u{00A0}: Les Jardins partagés"))
        d.press(.escape, .escape)
        #expect(d.state.screen == .list)
        #expect(d.lines[0].contains("Les Jardins partagés"))
        let marked = d.lines.indices.filter { d.lines[$0].dropFirst().hasPrefix("✓") }.map { d.trimmed($0) }
        #expect(marked.count == 3)
        #expect(marked.contains { $0.contains("Mise en réseau régionale") } && marked.contains { $0.contains("Accompagnement à distance") })
        #expect(!d.text.contains("✓Cabinet"))
        d.openDossiers()
        #expect(d.text.contains("Les Jardins partagés (courant)"))
    }

    @Test("The current dossier is remembered for the next session, and resumed once the store answers")
    func currentDossierAcrossSessions() {
        func remembered(_ effects: [Effect]) -> [Int64?] {
            effects.compactMap { if case .rememberCurrentDossier(let id) = $0 { id } else { nil as Int64?? } }
        }
        // First session: making a dossier current remembers it, once.
        var first = Driver()
        first.openJardins()
        #expect(remembered(first.effects) == [1])
        first.press(.escape, .escape)
        #expect(remembered(first.effects) == [1])
        // Next session: the store is read at start, the header names the dossier at once.
        var next = Driver()
        let reads = next.state.resumeCurrentDossier(1)
        #expect(reads)
        #expect(next.state.currentDossier == nil)
        next.send(DossierFixture.loaded)
        #expect(next.state.currentDossier?.name == "Les Jardins partagés" && next.lines[0].contains("Les Jardins partagés"))
        #expect(remembered(next.effects).isEmpty)
        #expect(next.state.screen == .list)
        // A database that fails first forgets nothing; its later answer resumes the dossier.
        var failing = Driver()
        _ = failing.state.resumeCurrentDossier(1)
        failing.send(.dossierFailed(DossierFixture.damaged))
        #expect(remembered(failing.effects).isEmpty && failing.state.currentDossier == nil)
        failing.send(DossierFixture.loaded)
        #expect(failing.state.currentDossier?.id == 1 && remembered(failing.effects).isEmpty)
        // A dossier archived (or removed) since is current no more, and forgotten.
        var archived = Driver()
        _ = archived.state.resumeCurrentDossier(3)
        archived.send(DossierFixture.loaded)
        #expect(archived.state.currentDossier == nil && remembered(archived.effects) == [nil])
        // No dossier remembered: nothing is read at start, nothing written.
        var none = Driver()
        let readsNone = none.state.resumeCurrentDossier(nil)
        #expect(!readsNone)
        none.press(.down, .char(" "))
        #expect(remembered(none.effects).isEmpty)
    }

    @Test("Inside a dossier: the profile, then its offers grouped by status, with the firm, the last note and « à relancer »")
    func dossierScreen() {
        var d = Driver()
        d.openJardins()
        #expect(d.trimmed(1) == " Dossiers › Les Jardins partagés")
        #expect(d.trimmed(2) == " Nord (59) · Création · 10\u{00A0}k€ à 50\u{00A0}k€ · Bénévole")
        #expect(d.text.contains(nb("Besoins : Mise en réseau, Coaching de dirigeants")))
        let groups = ["À étudier (1)", "Contacté (1)", "En discussion (1)", "Retenu (1)"].map { d.rows(containing: $0).first ?? -1 }
        #expect(groups.allSatisfy { $0 > 0 } && groups == groups.sorted())
        #expect(!d.text.contains("Écarté ("))
        let contacted = groups[1] + 1
        #expect(d.trimmed(contacted).hasPrefix("   Mise en réseau régionale") && d.trimmed(contacted).hasSuffix("depuis 16 jours · à relancer"))
        #expect(d.trimmed(contacted + 1) == "     Éclat Conseil")
        #expect(d.trimmed(contacted + 2) == "     " + nb("Dernière note, 2026-11-20 : ") + "Appel le 3 ; rappeler lundi.")
        #expect(d.trimmed(groups[0] + 1).hasSuffix("depuis 1 jour") && !d.trimmed(groups[0] + 1).contains("relancer"))
        #expect(d.trimmed(groups[3] + 1).hasPrefix("   offre-disparue — n'est plus dans le catalogue"))
        // The first offer is selected, its row highlighted and the cursor on it.
        #expect(d.grid.cursor?.row == groups[0] + 1)
        #expect(d.grid[groups[0] + 1, 5].style.reverse)
        d.press(.down)
        #expect(d.grid.cursor?.row == contacted)
    }

    @Test("Enter opens the sheet of the selected offer, Esc comes back; an offer gone from the catalogue says so")
    func sheetFromDossier() {
        var d = Driver(width: 120, height: 30)
        d.openJardins()
        d.press(.down, .enter)
        #expect(d.state.screen == .sheet)
        #expect(d.text.contains("Mise en réseau régionale") && d.text.contains("Fiche de l'offre"))
        // From the sheet, a adds to the current dossier (here it is already there).
        #expect(dossierEffects(d.press(.char("a"))) == [.addToDossier(DossierRef(DossierFixture.jardins), offerIDs: ["eclat-reseau"])])
        d.press(.escape)
        #expect(d.state.screen == .dossier)
        d.press(.end, .enter)
        #expect(d.state.screen == .dossier)
        #expect(d.state.statusText == "Cette offre n'est plus dans le catalogue.")
    }

    @Test("h: the history, most recent first, offers by their title")
    func history() {
        var d = Driver()
        d.openJardins()
        d.press(.char("h"))
        #expect(d.state.screen == .dossierHistory)
        #expect(d.trimmed(1) == " Historique — Les Jardins partagés (le plus récent d'abord)")
        #expect(d.trimmed(2) == " 2026-11-25 10:00  " + nb("Offre ajoutée : Diagnostic stratégique partagé"))
        #expect(d.text.contains("2026-11-10 09:30  " + nb("Mise en réseau régionale : à étudier → contacté")))
        #expect(d.text.contains(nb("Note sur Mise en réseau régionale : Appel le 3")))
        #expect(d.rows(containing: "Dossier ouvert").first == d.rows(containing: "2026-11-").last)
        d.press(.char("h"))
        #expect(d.state.screen == .dossier)
    }

    @Test("a adds the selected offer to the current dossier; the store's answer is said and marks the row")
    func addToCurrent() {
        var d = Driver()
        d.openJardins()
        d.press(.escape, .escape)
        d.press(.home)
        let effect = dossierEffects(d.press(.char("a")))
        #expect(effect == [.addToDossier(DossierRef(DossierFixture.jardins), offerIDs: ["fusee-gouvernance"])])
        var store = FakeDossiers(DossierFixture.snapshot.dossiers)
        d.send(store.perform(effect[0]))
        #expect(d.state.statusText == nb("Offre ajoutée au dossier « Les Jardins partagés »."))
        #expect(d.lines[3].hasPrefix(" ✓Cabinet 🚀 Fusée"))
        d.press(.char("a"))
        d.send(store.perform(.addToDossier(DossierRef(DossierFixture.jardins), offerIDs: ["fusee-gouvernance"])))
        #expect(d.state.statusText == nb("Cette offre est déjà dans le dossier « Les Jardins partagés »."))
    }

    @Test("a with no current dossier, and A, choose the dossier first; the chosen one becomes current when there was none")
    func chooser() {
        var d = Driver()
        #expect(dossierEffects(d.press(.char("a"))) == [.loadDossiers])
        #expect(d.text.contains("Ajouter à quel dossier\u{00A0}?"))
        #expect(d.text.contains("Lecture des dossiers…"))
        d.send(DossierFixture.loaded)
        #expect(d.text.contains("Horizon Corse") && d.text.contains("4 offres") && !d.text.contains("Ancien dossier"))
        d.press(.char("j"))
        let effect = dossierEffects(d.press(.enter))
        #expect(effect == [.addToDossier(DossierRef(DossierFixture.jardins), offerIDs: ["fusee-gouvernance"])])
        #expect(d.text.contains("Enregistrement…"))
        var store = FakeDossiers(DossierFixture.snapshot.dossiers)
        d.send(store.perform(effect[0]))
        #expect(!d.state.isPromptOpen)
        #expect(d.state.currentDossier?.id == 1)
        // A chooses another dossier and leaves the current one as it is.
        d.press(.down, .char("A"), .enter)
        #expect(d.effects.last == .addToDossier(DossierRef(DossierFixture.horizon), offerIDs: ["fusee-relais"]))
        d.send(store.perform(d.effects.last!))
        #expect(d.state.currentDossier?.id == 1)
        #expect(d.state.statusText == nb("Offre ajoutée au dossier « Horizon Corse »."))
        // Esc closes the chooser without adding anything.
        let before = d.effects.count
        d.press(.char("A"), .escape)
        #expect(dossierEffects(Array(d.effects.dropFirst(before))) == [.loadDossiers])
        #expect(!d.state.isPromptOpen)
    }

    @Test("A chooser with no active dossier says how to make one")
    func chooserWithoutDossiers() {
        var d = Driver()
        d.press(.char("A"))
        d.send(.dossiersLoaded(DossierSnapshot(dossiers: [DossierFixture.old], followUpDelay: 14, now: DossierFixture.now, times: .utc), .loaded))
        #expect(joined(d, 0..<24).contains("Aucun dossier actif : d ouvre les dossiers, n y en crée un."))
        #expect(dossierEffects(d.press(.enter)).isEmpty)
    }

    @Test("f in a dossier: its territory, stage, budget, staff and needs become the list's filters, on the filters line")
    func filterForDossier() {
        var d = Driver()
        d.press(.char("F"), .char("/"))
        d.type("mise")
        d.press(.enter, .char("p"), .char("2"))
        d.openJardins()
        d.press(.char("f"))
        #expect(d.state.screen == .list)
        #expect(!d.state.favouritesOnly)
        var expected = OfferFilter()
        expected.query = "mise"
        expected.territories = [.department("59")]
        expected[Stage.self] = [.creation]
        expected[BudgetBand.self] = [.from10kTo50k]
        expected[EmployerStatus.self] = [.benevole]
        expected[SupportKind.self] = [.miseEnReseau, .coachingDirigeants]
        #expect(d.state.filter == expected)
        let filters = joined(d, 1..<4)
        #expect(filters.hasPrefix("Filtres : Type d'accompagnement : Mise en réseau ou Coaching de dirigeants ; Territoire : Nord (59)"))
        #expect(filters.contains("Recherche : « mise »"))
        #expect(filters.contains("Création") && filters.contains("Bénévole") && filters.contains("Mise en réseau"))
        #expect(d.state.statusText == nb("Filtres du dossier « Les Jardins partagés » appliqués (x les efface)."))
        #expect(d.state.result.offers.map { Fixture.small.offers[$0].id } == ["eclat-reseau"])
        // A dossier with an empty profile filters nothing, and says so.
        var e = Driver()
        e.openDossiers(DossierSnapshot(dossiers: [DossierFixture.old], followUpDelay: 14, now: DossierFixture.now, times: .utc))
        e.press(.char("v"), .enter, .char("f"))
        #expect(e.state.screen == .dossier)
        #expect(e.state.statusText == nb("Le profil de ce dossier est vide : rien à filtrer."))
    }

    @Test("A database that cannot be used: the dossier screen says why and how to restore; R tries again; the rest works")
    func unusableDatabase() {
        var d = Driver(favourites: [])
        d.press(.char("d"))
        d.send(.dossierFailed(DossierFixture.damaged))
        let screen = joined(d, 1..<23)
        #expect(screen.contains("La base des dossiers ne peut pas être utilisée."))
        #expect(screen.contains("est endommagée (ce fichier n'est pas une base de données)"))
        #expect(screen.contains("catalyse dossier restore FICHIER"))
        #expect(screen.contains("Échap revient à la liste des offres"))
        #expect(dossierEffects(d.press(.char("R"))) == [.loadDossiers])
        #expect(dossierEffects(d.press(.char("n"))).isEmpty && !d.state.isPromptOpen)
        d.press(.escape)
        // Browsing and favourites still work; a from the list says why nothing was added.
        #expect(d.state.screen == .list)
        #expect(d.press(.char(" ")) == [.toggleFavourite(id: "fusee-gouvernance")])
        d.press(.char("a"))
        d.send(.dossierFailed(DossierFixture.damaged))
        #expect(!d.state.isPromptOpen)
        #expect(d.state.statusText?.contains("est endommagée") == true)
        d.press(.escape)
        #expect(d.state.statusText == nil)
        // Once restored, the next answer brings everything back.
        d.openDossiers()
        #expect(d.state.dossiers.problem == nil && d.text.contains("Les Jardins partagés"))
    }

    @Test("A first read that fails for another reason (the folder cannot be made) says why on the dossiers screen, in French typography")
    func firstReadFails() {
        var d = Driver()
        d.press(.char("d"))
        d.send(.dossierFailed(.unwritable(path: "/lecture-seule/catalyse.sqlite", reason: .folderNotCreated("/lecture-seule"))))
        #expect(!d.text.contains("Lecture des dossiers"))
        #expect(joined(d, 1..<23).contains("Impossible d'enregistrer dans la base des dossiers /lecture-seule/catalyse.sqlite : le dossier /lecture-seule ne peut pas être créé"))
        #expect(d.text.contains("catalyse.sqlite\u{00A0}:") && d.text.contains("créé\u{00A0};"))
        #expect(d.state.statusText == nil)
    }

    @Test("The list's selection stays on the same dossier when the store's answer adds one above it")
    func selectionFollowsTheDossier() {
        var d = Driver()
        d.openDossiers()
        d.press(.down)
        #expect(d.state.selectedListedDossier?.id == 1)
        let added = Dossier(id: 9, profile: DossierProfile(name: "Aube"), created: DossierFixture.created)
        var snapshot = DossierFixture.snapshot
        snapshot.dossiers.insert(added, at: 0)
        d.send(.dossiersLoaded(snapshot, .loaded))
        #expect(d.state.selectedListedDossier?.id == 1)
    }

    @Test("In English: every dossier text is English")
    func english() {
        var d = Driver(language: .en)
        d.openJardins()
        let text = d.text
        #expect(text.contains("Nord (59) · Creation · €10k to €50k · Volunteer-run"))
        #expect(text.contains("Needs: Networking, Leadership coaching"))
        #expect(text.contains("To review (1)") && text.contains("Contacted (1)") && text.contains("for 16 days · to follow up"))
        #expect(text.contains("Last note, 2026-11-20: Appel le 3"))
        #expect(text.contains("offre-disparue — no longer in the catalogue"))
        #expect(text.contains("Dossier: Les Jardins partagés"))
        for french in ["depuis", "relancer", "Besoins", "Dernière", "À étudier", "Stade"] { #expect(!text.contains(french), "\(french)") }
        d.press(.char("h"))
        #expect(d.text.contains("History — Les Jardins partagés (most recent first)") && d.text.contains("Offer added: Diagnostic"))
        d.press(.escape, .escape)
        #expect(d.text.contains("4 offers — to review 1 · contacted 1 · in discussion 1 · agreed 1 · 1 to follow up") || d.text.contains("to review 1 · contacted 1 · in discussion 1 · agreed 1 · 1 to follow up"))
        // L switches a dossier screen like any other.
        d.press(.enter, .char("L"))
        #expect(d.text.contains("depuis 16 jours · à relancer"))
    }

    @Test("Mouse: a click selects a dossier, a second opens it; the wheel moves in a dossier")
    func mouse() {
        var d = Driver()
        d.openDossiers()
        let jardins = d.rows(containing: "Les Jardins partagés")[0]
        d.send(.mouse(.press, row: jardins + 1, column: 10))
        #expect(d.state.selectedListedDossier?.id == 1)
        d.send(.mouse(.press, row: jardins, column: 10))
        #expect(d.state.screen == .dossier)
        d.send(.mouse(.wheelDown, row: 10, column: 10))
        #expect(d.state.selectedDossierOffer?.offerID == "eclat-reseau")
    }

    @Test("A resize keeps the selected offer on screen; a small terminal scrolls the dossier")
    func resize() {
        var d = Driver()
        d.openJardins()
        d.press(.end)
        d.send(.resize(width: 60, height: 15))
        #expect(d.grid.cursor.map { d.trimmed($0.row).contains("offre-disparue") } == true)
        #expect(d.trimmed(1).contains("/ "))
        d.press(.home)
        #expect(d.trimmed(2).hasPrefix(" Nord (59)"))
    }
}

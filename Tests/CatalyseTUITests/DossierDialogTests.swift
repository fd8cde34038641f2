import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The dossier dialogs, headless: the new-dossier form, rename, archive, delete, the status
/// menu, the note editor and the dossier export.
@Suite("Dossier dialogs")
struct DossierDialogTests {
    /// A driver on the dossiers list, with a store in memory that answers each effect.
    struct Session {
        var d: Driver
        var store = FakeDossiers(DossierFixture.snapshot.dossiers)

        init(language: Language = .fr, width: Int = 80, height: Int = 24) {
            d = Driver(language: language, width: width, height: height)
            d.openDossiers()
        }

        /// Keys, each dossier effect answered by the store.
        mutating func press(_ keys: Key...) {
            for key in keys { answer(d.press(key)) }
        }

        mutating func type(_ text: String) { for ch in text { press(.char(ch)) } }

        mutating func answer(_ effects: [Effect]) {
            for effect in dossierEffects(effects) { d.send(store.perform(effect)) }
        }
    }

    @Test("n: the form asks the name, then the profile; the territory completes as in the territory prompt")
    func createDossier() {
        var d = Driver()
        d.openDossiers()
        d.press(.char("n"))
        #expect(d.text.contains("Nouveau dossier"))
        d.type("Les Amis du Vieux-Lille")
        d.press(.tab)
        d.type("59")
        // The candidate with its count (by coverage: the fixture's remote offer does not count).
        #expect(d.text.contains("Nord (59)") && d.text.contains("2 offres"))
        d.press(.tab)
        #expect(d.text.contains(nb("Territoire :    Nord (59)")))
        d.press(.right, .right)                  // stage: émergence, création
        d.press(.down, .left)                    // budget: the last band
        d.press(.tab, .char(" "))                // staff: employeuse
        d.press(.tab, .down, .char(" "), .down, .down, .down, .char(" "))
        #expect(d.text.contains("[x] Mise en réseau") && d.text.contains("[x] Coaching de dirigeants"))
        let effect = dossierEffects(d.press(.enter))
        let expected = DossierProfile(name: "Les Amis du Vieux-Lille", territory: .department("59"), stage: .creation, budget: .plus1m,
                                      employer: .employeuse, needs: [.miseEnReseau, .coachingDirigeants])
        #expect(effect == [.createDossier(expected)])
        #expect(d.text.contains("Enregistrement…"))
        // The store's answer: the form closes, the new dossier is selected and current.
        var store = FakeDossiers(DossierFixture.snapshot.dossiers)
        d.send(store.perform(effect[0]))
        #expect(!d.state.isPromptOpen)
        #expect(d.state.currentDossier?.name == "Les Amis du Vieux-Lille")
        #expect(d.state.selectedListedDossier?.name == "Les Amis du Vieux-Lille")
        #expect(d.state.statusText == nb("Dossier « Les Amis du Vieux-Lille » créé ; c'est le dossier courant."))
    }

    @Test("The form: the name is required, an unknown place is refused, a name taken comes back from the store; Esc drops it")
    func formErrors() {
        var s = Session()
        s.press(.char("n"), .enter)
        #expect(joined(s.d, 1..<23).contains("Le nom du dossier est vide."))
        s.type("Nouveau")
        s.press(.tab)
        s.type("zzz")
        #expect(s.d.text.contains("Aucun lieu ne correspond."))
        s.press(.enter)
        #expect(joined(s.d, 1..<23).contains("Aucun lieu ne correspond à « zzz »."))
        #expect(s.d.state.isPromptOpen)
        for _ in 0..<3 { s.press(.backspace) }
        s.press(.backTab, .ctrl("u"))
        s.type("LES JARDINS PARTAGES")
        s.press(.enter)
        #expect(joined(s.d, 1..<23).contains("Un dossier s'appelle déjà « Les Jardins partagés »"))
        #expect(s.d.state.isPromptOpen)
        s.press(.escape)
        #expect(!s.d.state.isPromptOpen)
        #expect(s.store.dossiers.count == 3)
    }

    @Test("The form's letters are text: q, x, d, ? in the name do not act")
    func formLettersAreText() {
        var d = Driver()
        d.openDossiers()
        d.press(.char("n"))
        d.type("q?xd Lv")
        #expect(d.state.screen == .dossiers && d.state.isPromptOpen)
        #expect(d.text.contains(nb("Nom :           q?xd Lv")))
    }

    @Test("r renames, with the name to edit; an empty name is refused before the store is asked")
    func rename() {
        var s = Session()
        s.press(.down, .char("r"))
        #expect(s.d.text.contains("Renommer le dossier"))
        #expect(s.d.text.contains(nb("Nouveau nom : ") + "Les Jardins partagés"))
        s.press(.ctrl("u"), .enter)
        #expect(joined(s.d, 1..<23).contains("Le nom du dossier est vide."))
        s.type("Jardins du Nord")
        s.press(.enter)
        #expect(!s.d.state.isPromptOpen)
        #expect(s.d.text.contains("Jardins du Nord") && !s.d.text.contains("Les Jardins partagés"))
        #expect(s.d.state.statusText == nb("Dossier renommé « Jardins du Nord »."))
        #expect(s.store.dossiers.first { $0.id == 1 }?.history.last?.kind == .renamed(from: "Les Jardins partagés", to: "Jardins du Nord"))
    }

    @Test("a archives (hidden, no longer current) and, among the archived ones, makes active again")
    func archive() {
        var s = Session()
        s.press(.down, .enter, .escape)
        #expect(s.d.state.currentDossier?.id == 1)
        s.press(.char("a"))
        #expect(s.d.state.currentDossier == nil)
        #expect(!s.d.state.listedDossiers.contains { $0.id == 1 })
        #expect(s.d.state.statusText == nb("Dossier « Les Jardins partagés » archivé (v montre les archivés)."))
        s.press(.char("v"))
        let at = s.d.state.listedDossiers.firstIndex { $0.id == 1 }!
        s.press(.home)
        for _ in 0..<at { s.press(.down) }
        #expect(s.d.text.contains("Les Jardins partagés (archivé)"))
        s.press(.char("a"))
        #expect(s.d.state.statusText == nb("Dossier « Les Jardins partagés » de nouveau actif."))
        #expect(s.store.dossiers.first { $0.id == 1 }?.archived == false)
    }

    @Test("x asks first: n keeps the dossier, o deletes it with its offers, notes and history")
    func remove() {
        var s = Session()
        s.press(.down, .char("x"))
        #expect(joined(s.d, 1..<23).contains("Supprimer « Les Jardins partagés » avec 4 offres, ses notes et son historique ?"))
        #expect(s.d.grid.cursor.map { s.d.lines[$0.row].contains(nb("o : supprimer · n : garder")) } == true)
        s.press(.char("n"))
        #expect(!s.d.state.isPromptOpen && s.store.dossiers.count == 3)
        s.press(.delete)
        #expect(s.d.state.isPromptOpen)
        s.press(.char("q"), .char("x"))
        #expect(s.store.dossiers.count == 3)
        s.press(.char("o"))
        #expect(s.store.dossiers.count == 2)
        #expect(!s.d.state.isPromptOpen)
        #expect(s.d.state.statusText == nb("Dossier « Les Jardins partagés » supprimé."))
        #expect(s.d.text.contains("Dossiers (1)"))
    }

    @Test("A dossier deleted elsewhere while it is open: its screen closes on the next answer")
    func removedElsewhere() {
        var s = Session()
        s.press(.down, .enter, .char("h"))
        #expect(s.d.state.screen == .dossierHistory)
        s.store.dossiers.removeAll { $0.id == 1 }
        s.d.send(s.store.perform(.loadDossiers))
        #expect(s.d.state.screen == .dossiers)
        #expect(s.d.state.currentDossier == nil)
        #expect(!s.d.text.contains("Jardins"))
    }

    @Test("s: the status menu; 1–5 choose at once, ↑↓ and Enter too; the offer moves to its new group, still selected")
    func statusMenu() {
        var s = Session()
        s.press(.down, .enter)
        s.press(.char("s"))
        #expect(s.d.text.contains("Statut de l'offre"))
        #expect(s.d.text.contains("1  À étudier  (actuel)"))
        s.press(.char("2"))
        #expect(!s.d.state.isPromptOpen)
        #expect(s.d.state.statusText == nb("Statut : contacté."))
        #expect(s.d.text.contains("Contacté (2)") && !s.d.text.contains("À étudier ("))
        #expect(s.d.state.selectedDossierOffer?.offerID == "eclat-diagnostic")
        // ↓ ↓ Enter: from contacté to retenu.
        s.press(.char("s"), .down, .down, .enter)
        #expect(s.d.state.selectedDossierOffer?.offerID == "eclat-diagnostic" && s.d.state.selectedDossierOffer?.status == .retenu)
        // The status it has already: nothing asked; Esc and q close.
        let before = s.d.effects.count
        s.press(.char("s"), .char("4"))
        s.press(.char("s"), .escape, .char("s"), .char("q"))
        #expect(dossierEffects(Array(s.d.effects.dropFirst(before))).isEmpty)
        #expect(!s.d.state.isPromptOpen)
        // History keeps every change.
        let kinds = s.store.dossiers.first { $0.id == 1 }!.history.suffix(2).map(\.kind)
        #expect(kinds == [.status(offerID: "eclat-diagnostic", from: .aEtudier, to: .contacte), .status(offerID: "eclat-diagnostic", from: .contacte, to: .retenu)])
    }

    @Test("n: a note over several lines; Ctrl-S saves it, it shows as the last note; Esc drops a note; an empty one is refused")
    func note() {
        var s = Session()
        s.press(.down, .enter, .down)
        s.press(.char("n"))
        #expect(s.d.text.contains("Note sur l'offre") && s.d.text.contains("Mise en réseau régionale"))
        s.type("Rendez-vous le 2 ;")
        s.press(.enter)
        s.type("apporter le budget.")
        #expect(s.d.state.isPromptOpen)
        s.press(.ctrl("s"))
        #expect(!s.d.state.isPromptOpen)
        #expect(s.d.state.statusText == "Note ajoutée.")
        let offer = s.store.dossiers.first { $0.id == 1 }!.offers.first { $0.offerID == "eclat-reseau" }!
        #expect(offer.notes.last?.text == "Rendez-vous le 2 ;\napporter le budget.")
        #expect(s.d.text.contains(nb("Dernière note, 2026-11-26 : ") + "Rendez-vous le 2 ; apporter le budget."))
        // Esc drops what was typed.
        s.press(.char("n"))
        s.type("brouillon")
        s.press(.escape)
        #expect(!s.d.state.isPromptOpen)
        #expect(s.store.dossiers.first { $0.id == 1 }!.offers.first { $0.offerID == "eclat-reseau" }!.notes.count == 2)
        // Blank: refused in the editor.
        s.press(.char("n"), .char(" "), .enter, .ctrl("s"))
        #expect(s.d.state.isPromptOpen)
        #expect(joined(s.d, 1..<23).contains("La note est vide."))
    }

    @Test("The note survives a resize, even to a terminal too small to show it; its letters are text")
    func noteSurvivesResize() {
        var d = Driver()
        d.openJardins()
        d.press(.char("n"))
        d.type("q?hd ")
        d.type("Appeler la présidente")
        d.send(.resize(width: 40, height: 10))
        #expect(d.text.contains("terminal trop petit"))
        #expect(d.text.contains("Ctrl-C"))
        d.press(.char("x"))
        d.send(.resize(width: 200, height: 50))
        #expect(d.text.contains("q?hd Appeler la présidente"))
        d.send(.resize(width: 60, height: 15))
        guard case .note(let editor) = d.state.dossiers.dialog else { Issue.record("the editor closed"); return }
        #expect(editor.area.text == "q?hd Appeler la présidente")
        #expect(d.text.contains("Appeler la"))
        let effect = dossierEffects(d.press(.ctrl("s")))
        #expect(effect == [.addDossierNote(DossierRef(DossierFixture.jardins), offerID: "eclat-diagnostic", text: "q?hd Appeler la présidente")])
    }

    @Test("A store error while saving keeps the dialog and what was typed, and says why")
    func storeErrorKeepsTheDialog() {
        var d = Driver()
        d.openJardins()
        d.press(.char("n"))
        d.type("À garder")
        d.press(.ctrl("s"))
        d.send(.dossierFailed(.unwritable(path: "/home/asso/.local/share/catalyse/catalyse.sqlite", reason: .database(code: 10, message: "disk I/O error"))))
        guard case .note(let editor) = d.state.dossiers.dialog else { Issue.record("the editor closed"); return }
        #expect(editor.area.text == "À garder" && !editor.pending)
        #expect(joined(d, 1..<23).contains("Impossible d'enregistrer dans la base des dossiers"))
    }

    @Test("e in a dossier: the export dialog with the dossier's report; with or without the notes; the file is never replaced unasked")
    func export() {
        var s = Session()
        s.press(.down, .enter, .char("e"))
        #expect(s.d.text.contains("Exporter le dossier"))
        #expect(s.d.text.contains("(•) Avec les notes  ( ) Sans les notes"))
        #expect(s.d.text.contains("catalyse-dossier-les-jardins-partages-2026-11-26.txt"))
        #expect(s.d.text.contains(nb("Emplacement :")))
        let write = writeEffect(s.d.press(.enter))!
        #expect(write.path == "/home/asso/catalyse-dossier-les-jardins-partages-2026-11-26.txt" && !write.overwrite)
        let context = DossierReport.Context(catalogue: Fixture.small, language: .fr, date: Fixture.today, now: s.store.now, followUpDelay: 14)
        #expect(write.contents == DossierReport.text(s.store.dossiers.first { $0.id == 1 }!, context))
        #expect(write.contents.contains("Appel le 3"))
        s.d.send(.exportWritten(path: write.path))
        #expect(s.d.state.statusText == "Dossier exporté dans " + write.path)
        // Markdown, without the notes.
        s.press(.char("e"), .up, .up, .right, .down, .right)
        #expect(s.d.text.contains("( ) Avec les notes  (•) Sans les notes"))
        let md = writeEffect(s.d.press(.enter))!
        #expect(md.path.hasSuffix("-2026-11-26.md"))
        #expect(md.contents.hasPrefix("# Catalyse — dossier d'accompagnement : Les Jardins partagés"))
        #expect(!md.contents.contains("Appel le 3"))
        // The file exists: asked, as for the shortlist.
        s.d.send(.exportFailed(WriteFailure(path: md.path, cause: .exists)))
        #expect(s.d.text.contains("Le remplacer"))
    }

    @Test("The dossier file name: folded to letters, digits and hyphens")
    func fileName() {
        #expect(AppState.dossierFileName("Les Jardins partagés", Fixture.today, .csv) == "catalyse-dossier-les-jardins-partages-2026-11-26.csv")
        #expect(AppState.dossierFileName("  Œuvre « 2 » / d'Île ", Fixture.today, .text) == "catalyse-dossier-oeuvre-2-d-ile-2026-11-26.txt")
        #expect(AppState.dossierFileName("東京", Fixture.today, .markdown) == "catalyse-dossier-2026-11-26.md")
    }

    @Test("In English: the form, the menu, the question and the editor are in English")
    func english() {
        var s = Session(language: .en)
        s.press(.char("n"))
        for text in ["New dossier", "Name:", "Territory:", "Stage:", "Yearly budget:", "Staff:", "Needs:", "not stated", "Enter create"] {
            #expect(s.d.text.contains(text), "\(text)")
        }
        s.press(.escape, .down, .char("x"))
        #expect(joined(s.d, 1..<23).contains("Delete “Les Jardins partagés” with 4 offers, its notes and its history?"))
        s.press(.char("n"), .enter, .char("s"))
        #expect(s.d.text.contains("Status of the offer") && s.d.text.contains("1  To review  (current)"))
        s.press(.escape, .char("n"))
        #expect(s.d.text.contains("Note on the offer") && s.d.text.contains("Ctrl-S save"))
        for french in ["Nouveau", "Statut", "Échap", "Entrée"] { #expect(!s.d.text.contains(french), "\(french)") }
    }
}

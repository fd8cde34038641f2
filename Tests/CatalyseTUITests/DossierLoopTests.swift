import CatalyseCore
@testable import CatalyseTUI
import Glibc
import Testing

/// The dossiers through the whole event loop: keys in, the fake performer's dossiers in memory
/// (`FakeDossiers`), frames out.
@Suite("Dossiers through the event loop")
struct DossierLoopTests {
    func loop(_ backend: FakeBackend, performer: FakePerformer = FakePerformer(), language: Language = .fr) -> EventLoop<FakeBackend, FakePerformer> {
        let state = AppState(index: Fixture.smallIndex, favourites: [], language: language, languageLocked: true,
                             today: Fixture.today, noColor: false, width: backend.size.width, height: backend.size.height,
                             exportDirectory: "/home/asso")
        return EventLoop(state: state, backend: backend, performer: performer)
    }

    @Test("A catalyst's round: create a dossier, add three offers from the list, set a status, add a note, export")
    func round() throws {
        var script = keys(.char("d"), .char("n")) + typed("Les Jardins partagés") + keys(.tab) + typed("59") + keys(.enter)
        script += keys(.escape)                                             // back to the list: the new dossier is current
        script += keys(.char("a"), .down, .char("a"), .down, .down, .char("a"))
        script += keys(.char("d"), .enter)                                  // open it
        script += keys(.char("s"), .char("2"))                              // the first offer: contacté
        script += keys(.char("n")) + typed("Appel le 3 ;") + keys(.enter) + typed("rappeler lundi.") + keys(.ctrl("s"))
        script += keys(.char("e"), .enter, .char("q"), .char("q"), .char("q"))
        let backend = FakeBackend(script)
        var l = loop(backend)
        #expect(l.run() == .quit)
        #expect(!backend.ranOut)
        let dossiers = l.performer.dossiers.dossiers
        #expect(dossiers.count == 1)
        let d = try #require(dossiers.first)
        #expect(d.name == "Les Jardins partagés" && d.profile.territory == .department("59"))
        #expect(d.offers.map(\.offerID) == ["fusee-gouvernance", "fusee-relais", "eclat-reseau"])
        #expect(d.offers.map(\.status) == [.contacte, .aEtudier, .aEtudier])
        #expect(d.offers[0].notes.map(\.text) == ["Appel le 3 ;\nrappeler lundi."])
        let file = try #require(l.performer.files["/home/asso/catalyse-dossier-les-jardins-partages-2026-11-26.txt"])
        #expect(file.contains("Catalyse — dossier d'accompagnement : Les Jardins partagés"))
        #expect(file.contains("Contacté (1)") && file.contains("Appel le 3 ;"))
        // What the catalyst saw on the way.
        #expect(backend.frames.contains { $0.text.contains(nb("Dossier « Les Jardins partagés » créé ; c'est le dossier courant.")) })
        #expect(backend.frames.contains { $0.text.contains(nb("Offre ajoutée au dossier « Les Jardins partagés ».")) })
        #expect(backend.frames.contains { $0.lines[3].hasPrefix(" ✓Cabinet 🚀 Fusée") })
        #expect(backend.frames.contains { $0.text.contains("Dossier exporté dans ") && $0.text.contains("partages-2026-11-26.txt") })
        #expect(l.performer.performed.filter { if case .loadDossiers = $0 { true } else { false } }.count == 2)
    }

    @Test("A damaged database: the dossier screen says so, everything else still works, and nothing was written")
    func damagedDatabase() {
        let script = keys(.char("d")) + [.idle] + keys(.escape, .char(" "), .char("a"), .escape, .char("q"))
        let backend = FakeBackend(script)
        var performer = FakePerformer()
        performer.dossiers.failure = DossierFixture.damaged
        var l = loop(backend, performer: performer)
        #expect(l.run() == .quit)
        #expect(backend.frames.contains { $0.text.contains("La base des dossiers ne peut pas être utilisée.") })
        #expect(l.performer.favourites == ["fusee-gouvernance"])
        #expect(backend.frames.contains { $0.lines[3].hasPrefix("★ ") })
        #expect(l.state.dossiers.problem == DossierFixture.damaged)
        #expect(l.performer.dossiers.dossiers.isEmpty)
    }

    @Test("A dossier opened in English, switched with L: the outcome words follow the language")
    func languageSwitch() {
        var script = keys(.char("d"), .char("n")) + typed("Horizon") + keys(.enter)
        script += keys(.char("L"), .char("q"), .char("q"))
        let backend = FakeBackend(script)
        var l = loop(backend, language: .en)
        #expect(l.run() == .quit)
        #expect(backend.frames.contains { $0.text.contains("Dossier “Horizon” created; it is the current dossier.") })
        #expect(backend.frames.contains { $0.lines[0].contains("Dossier\u{00A0}: Horizon") })
    }
}

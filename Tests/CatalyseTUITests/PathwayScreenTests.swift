import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The pathway screen (`P`), headless: from the self-assessment's result and from a dossier,
/// saved into a dossier, exported as text or Markdown.
@Suite("Pathway screen")
struct PathwayScreenTests {
    /// Nord, « être mis en relation », « revoir sa stratégie », the rest skipped (small catalogue).
    static let answers: [Key] = [.char("n"), .char("5"), .char("9"), .enter, .enter, .enter, .enter, .down, .space, .enter, .down, .space, .enter,
                                 .enter, .enter, .enter, .enter, .enter, .enter]

    func atResult(_ language: Language = .fr) -> Driver {
        var d = Driver(language: language)
        for key in PathwayScreenTests.answers { d.press(key) }
        return d
    }

    @Test("P on the result: the steps from different firms, what stays uncovered, where else to turn")
    func fromTheResult() throws {
        var d = atResult()
        #expect(d.state.screen == .assessmentResult)
        d.press(.char("P"))
        #expect(d.state.screen == .pathway)
        let view = try #require(d.state.assessment.pathway)
        // Éclat Conseil offers both strategy (R32) and networking (59); one firm, one step.
        #expect(view.pathway.steps.map { Fixture.small.offers.id($0.offer) } == ["eclat-diagnostic"])
        #expect(view.pathway.uncovered == [.miseEnReseau])
        #expect(d.text.contains(nb("Étape 1 : Diagnostic stratégique partagé — Éclat Conseil")))
        #expect(d.text.contains(nb("Reste à couvrir : mise en réseau")))
        #expect(d.text.contains("Pour aller plus loin"))
        d.press(.escape)
        #expect(d.state.screen == .assessmentResult)
    }

    @Test("d on a pathway from the self-assessment: a new dossier filled from the answers, the steps' offers then added")
    func saveAsNewDossier() {
        var d = atResult()
        d.press(.char("P"), .char("d"))
        guard case .create(let form)? = d.state.dossiers.dialog else { Issue.record("no form"); return }
        #expect(form.name.text == "Parcours du 26 novembre 2026")
        #expect(form.territory == .department("59") && form.needs == [.conseilStrategie, .miseEnReseau])
        #expect(form.thenAdd == ["eclat-diagnostic"])
    }

    @Test("P in a dossier: its profile's pathway; d adds the steps' offers to that dossier")
    func fromADossier() throws {
        var d = Driver()
        d.openJardins()
        #expect(d.state.screen == .dossier)
        d.press(.char("P"))
        #expect(d.state.screen == .pathway)
        #expect(d.text.contains(nb("Parcours proposé pour « Les Jardins partagés »")))
        let view = try #require(d.state.assessment.pathway)
        #expect(view.needs.kinds == [.miseEnReseau, .coachingDirigeants])
        let ids = view.pathway.steps.map { Fixture.small.offers.id($0.offer) }
        #expect(ids == ["eclat-reseau"])
        #expect(d.press(.char("d")) == [.addToDossier(DossierRef(id: 1, name: "Les Jardins partagés"), offerIDs: ids)])
    }

    @Test("e exports the pathway as text or Markdown, with the list export's dialog and rules")
    func export() throws {
        var d = atResult()
        d.press(.char("P"), .char("e"))
        let dialog = try #require(d.state.export)
        #expect(dialog.scope == .pathway && dialog.name.text == "catalyse-parcours-2026-11-26.txt")
        #expect(d.text.contains("Exporter le parcours") && d.text.contains("Le parcours (1 étape)"))
        let effects = d.press(.enter)
        let written = try #require(writeEffect(effects))
        #expect(written.path == "/home/asso/catalyse-parcours-2026-11-26.txt" && !written.overwrite)
        #expect(written.contents.hasPrefix("Parcours proposé\n────────────────\n"))
        #expect(written.contents.contains("Pour aller plus loin"))
        d.send(.exportWritten(path: written.path))
        #expect(d.state.export == nil && d.state.screen == .pathway)
        // Markdown: the format row offers text and Markdown only (no CSV).
        d.press(.char("e"), .up, .up, .right)
        #expect(d.state.export?.format == .markdown)
        d.press(.right)
        #expect(d.state.export?.format == .text)
        d.press(.left, .enter)
        let md = try #require(writeEffect(d.effects.suffix(1)))
        #expect(md.path.hasSuffix(".md") && md.contents.hasPrefix("# Parcours proposé"))
    }

    @Test("In English")
    func english() {
        var d = atResult(.en)
        d.press(.char("P"))
        #expect(d.text.contains("Step 1: Diagnostic stratégique partagé — Éclat Conseil") && d.text.contains("Where else to turn"))
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

@Suite("Export dialog")
struct ExportTests {
    func writeEffect(_ effects: [Effect]) -> (path: String, contents: String, overwrite: Bool)? {
        for effect in effects { if case .writeExport(let p, let c, let o) = effect { return (p, c, o) } }
        return nil
    }

    @Test("Without favourites the current list is the default; the filter is in the heading")
    func currentListDefault() {
        var d = Driver()
        d.press(.char("p"), .char("e"))
        #expect(d.text.contains("(•) Liste affichée (3)"))
        #expect(d.text.contains("( ) Favoris (0)"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path == "/home/asso/catalyse-selection-2026-11-26.txt")
        #expect(write.contents.contains("Filtres : Finalité : Opérationnelle"))
        #expect(write.contents.contains("3 offres"))
        #expect(write.contents.contains("Mise en réseau régionale"))
        #expect(!write.contents.contains("Gouvernance partagée"))
        // Exactly what ShortlistExport gives for the same list and context.
        let offers = d.state.result.offers.map { Fixture.small.offers[$0] }
        var filter = OfferFilter()
        filter.purposes = [.operationnelle]
        let expected = ShortlistExport.render(offers, format: .text, context: .init(catalogue: Fixture.small, date: Fixture.today, language: .fr, filter: filter))
        #expect(write.contents == expected)
    }

    @Test("Format Markdown and CSV change the default name's extension")
    func formats() {
        var d = Driver(favourites: ["eclat-reseau", "gone-offer"])
        d.press(.char("e"), .right)
        #expect(d.text.contains("(•) Markdown"))
        #expect(d.text.contains("catalyse-selection-2026-11-26.md"))
        let md = writeEffect(d.press(.enter))!
        #expect(md.path.hasSuffix("/catalyse-selection-2026-11-26.md"))
        #expect(md.contents.hasPrefix("# Catalyse"))
        #expect(md.contents.contains("gone-offer"))
        d.press(.escape)
        d.press(.char("e"), .right, .right)
        #expect(d.text.contains("catalyse-selection-2026-11-26.csv"))
        let csv = writeEffect(d.press(.enter))!
        #expect(csv.path == "/home/asso/catalyse-selection-2026-11-26.csv")
        #expect(csv.contents.contains("eclat-reseau"))
        #expect(csv.contents.contains("gone-offer"))
        #expect(csv.contents.contains("missing"))
    }

    @Test("Scope: switch from the favourites to the current list")
    func scope() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"), .down, .right)
        #expect(d.text.contains("(•) Liste affichée (7)"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.contents.contains("7 offres"))
    }

    @Test("The file name is editable; letters are text in it; a relative name goes in the export folder")
    func editName() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"), .down, .down)
        for _ in 0..<"catalyse-selection-2026-11-26.txt".count { d.press(.backspace) }
        d.type("qxF?L.md")
        #expect(d.effects.isEmpty)
        #expect(d.text.contains("qxF?L.md"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path == "/home/asso/qxF?L.md")
        // An absolute name is kept as typed.
        d.send(.exportWritten(path: write.path))
        d.press(.char("e"), .down, .down)
        for _ in 0..<40 { d.press(.backspace) }
        d.type("/tmp/liste.txt")
        #expect(writeEffect(d.press(.enter))!.path == "/tmp/liste.txt")
        // An empty name is refused with a message.
        d.press(.escape, .char("e"), .down, .down)
        for _ in 0..<40 { d.press(.backspace) }
        #expect(d.press(.enter).isEmpty)
        #expect(d.text.contains("Donnez un nom de fichier."))
    }

    @Test("An existing file: asks before overwriting; o writes with overwrite, n goes back")
    func overwrite() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"))
        let first = writeEffect(d.press(.enter))!
        #expect(!first.overwrite)
        d.send(.exportFailed(WriteFailure(path: "/home/asso/catalyse-selection-2026-11-26.txt", cause: .exists)))
        #expect(d.text.contains(nb("Le fichier existe déjà : /home/asso/catalyse-selection-2026-11-26.txt")))
        #expect(d.text.contains(nb("Le remplacer ? o : oui · n : non")))
        // Other keys do nothing while asking.
        #expect(d.press(.char("q")).isEmpty)
        #expect(d.press(.enter).isEmpty)
        d.press(.char("n"))
        #expect(!d.text.contains("Le remplacer"))
        #expect(d.text.contains("Exporter la sélection"))
        _ = writeEffect(d.press(.enter))!
        d.send(.exportFailed(WriteFailure(path: "/home/asso/catalyse-selection-2026-11-26.txt", cause: .exists)))
        let second = writeEffect(d.press(.char("o")))!
        #expect(second.overwrite)
        #expect(second.path == first.path && second.contents == first.contents)
        d.send(.exportWritten(path: second.path))
        #expect(d.lines[23].contains("Sélection exportée dans /home/asso/catalyse-selection-2026-11-26.txt"))
        #expect(!d.text.contains("Exporter la sélection"))
    }

    @Test("In English, y confirms the overwrite")
    func overwriteEnglish() {
        var d = Driver(favourites: ["eclat-reseau"], language: .en)
        d.press(.char("e"), .enter)
        d.send(.exportFailed(WriteFailure(path: "/home/asso/catalyse-selection-2026-11-26.txt", cause: .exists)))
        #expect(d.text.contains("Replace it? y: yes · n: no"))
        #expect(writeEffect(d.press(.char("y")))?.overwrite == true)
    }

    @Test("Another failure is shown in the dialog, which stays open")
    func otherFailure() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"), .enter)
        d.send(.exportFailed(WriteFailure(path: "/home/asso/perdu/liste.txt", cause: .missingFolder("/home/asso/perdu"))))
        #expect(d.text.contains(nb("Export impossible : le dossier /home/asso/perdu n'existe pas")))
        #expect(d.text.contains("Exporter la sélection"))
        d.press(.escape)
        #expect(!d.text.contains("Exporter la sélection"))
    }

    @Test("Nothing to export: a message, no effect")
    func nothing() {
        var d = Driver()
        d.press(.char("/"))
        d.type("zzzz")
        d.press(.enter, .char("e"), .enter)
        #expect(d.effects.isEmpty)
        #expect(d.text.contains("Rien à exporter"))
    }
}

@testable import CatalyseCore
@testable import CatalyseTUI
import Testing

@Suite("Export dialog")
struct ExportTests {
    @Test("A write error keeps its cause (the file exists, a missing folder named, the system's words) and is worded in each language")
    func writeFailureCauses() {
        let exists = WriteFailure(AtomicFile.WriteError(path: "/home/asso/a.txt", reason: "the file already exists", kind: .exists))
        #expect(exists == WriteFailure(path: "/home/asso/a.txt", cause: .exists))
        let missing = WriteFailure(AtomicFile.WriteError(path: "/home/asso/perdu/a.txt", reason: "the folder /home/asso/perdu does not exist", kind: .missingFolder))
        #expect(missing.cause == .missingFolder("/home/asso/perdu"))
        let other = WriteFailure(AtomicFile.WriteError(path: "/home/asso/a.txt", reason: "Permission denied", kind: .other))
        #expect(other.cause == .system("Permission denied"))
        #expect(WriteFailure.folder(of: "a.txt") == "" && WriteFailure.folder(of: "/a.txt") == "/" && WriteFailure.folder(of: "x/y/") == "x")
        #expect(Strings(.fr).exportFailed(exists) == "Export impossible\u{00A0}: le fichier existe déjà")
        #expect(Strings(.en).exportFailed(exists) == "Export failed: the file already exists")
        #expect(Strings(.fr).exportFailed(missing) == "Export impossible\u{00A0}: le dossier /home/asso/perdu n'existe pas")
        #expect(Strings(.en).exportFailed(missing) == "Export failed: the folder /home/asso/perdu does not exist")
        #expect(Strings(.en).exportFailed(WriteFailure(path: "a.txt", cause: .missingFolder(""))) == "Export failed: the folder . does not exist")
        #expect(Strings(.en).exportFailed(other) == "Export failed: Permission denied")
        // Control characters in a path never reach the screen.
        #expect(!Strings(.en).exportFailed(WriteFailure(path: "x", cause: .missingFolder("/tmp/\u{1B}[2J"))).contains("\u{1B}"))
    }

    @Test("Without favourites the current list is the default; the filter is in the heading")
    func currentListDefault() {
        var d = Driver()
        d.press(.char("p"), .char("2"), .char("e"))
        #expect(d.text.contains("(•) Liste affichée (3)"))
        #expect(d.text.contains("( ) Favoris (0)"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path == "/home/asso/catalyse-selection-2026-11-26.txt")
        #expect(write.contents.contains(nb("Filtres : Finalité : Opérationnelle")))
        #expect(write.contents.contains("3 offres"))
        #expect(write.contents.contains("Mise en réseau régionale"))
        #expect(!write.contents.contains("Gouvernance partagée"))
        // Exactly what ShortlistExport gives for the same list and context.
        let offers = d.state.result.offers.map { Fixture.small.offers[$0] }
        var filter = OfferFilter()
        filter[Purpose.self] = [.operationnelle]
        let expected = ShortlistExport.render(offers, format: .text, context: .init(catalogue: Fixture.small, date: Fixture.today, language: .fr, filter: filter))
        #expect(write.contents == expected)
    }

    @Test("Format Markdown and CSV change the default name's extension")
    func formats() {
        var d = Driver(favourites: ["eclat-reseau", "gone-offer"])
        d.press(.char("e"), .up, .up, .right)
        #expect(d.text.contains("(•) Markdown"))
        #expect(d.text.contains("catalyse-selection-2026-11-26.md"))
        let md = writeEffect(d.press(.enter))!
        #expect(md.path.hasSuffix("/catalyse-selection-2026-11-26.md"))
        #expect(md.contents.hasPrefix("# Catalyse"))
        #expect(md.contents.contains("gone-offer"))
        d.press(.escape)
        d.press(.char("e"), .up, .up, .right, .right)
        #expect(d.text.contains("catalyse-selection-2026-11-26.csv"))
        let csv = writeEffect(d.press(.enter))!
        #expect(csv.path == "/home/asso/catalyse-selection-2026-11-26.csv")
        #expect(csv.contents.contains("eclat-reseau"))
        #expect(csv.contents.contains("gone-offer"))
        // A spreadsheet in French: headers in French, `;` between cells.
        #expect(csv.contents.hasPrefix("\u{FEFF}Identifiant;Identifiant du cabinet;Cabinet;"))
        #expect(csv.contents.contains(";introuvable\r\n"))
        // In English: `,` and English headers.
        var en = Driver(favourites: ["eclat-reseau"], language: .en)
        en.press(.char("e"), .up, .up, .right, .right)
        let english = writeEffect(en.press(.enter))!
        #expect(english.contents.hasPrefix("\u{FEFF}Id,Firm id,Firm,Offer,"))
    }

    @Test("Scope: switch from the favourites to the current list")
    func scope() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"), .up, .right)
        #expect(d.text.contains("(•) Liste affichée (7)"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.contents.contains("7 offres"))
    }

    @Test("The file name is editable; letters are text in it; a relative name goes in the export folder")
    func editName() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"))
        for _ in 0..<"catalyse-selection-2026-11-26.txt".count { d.press(.backspace) }
        d.type("qxF?L.md")
        #expect(d.effects.isEmpty)
        #expect(d.text.contains("qxF?L.md"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path == "/home/asso/qxF?L.md")
        // An absolute name is kept as typed.
        d.send(.exportWritten(path: write.path))
        d.press(.char("e"))
        for _ in 0..<40 { d.press(.backspace) }
        d.type("/tmp/liste.txt")
        #expect(writeEffect(d.press(.enter))!.path == "/tmp/liste.txt")
        // An empty name is refused with a message.
        d.press(.escape, .char("e"))
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
        #expect(writeEffect(d.effects) == nil)
        #expect(d.text.contains("Rien à exporter"))
    }

    @Test("e: export dialog; Enter emits writeExport with the default file name in the export folder")
    func exportDefault() {
        var d = Driver(favourites: ["tokyo-strategie"])
        d.press(.char("e"))
        #expect(d.text.contains("Exporter la sélection"))
        #expect(d.text.contains("(•) Texte"))
        #expect(d.text.contains("(•) Favoris (1)"))
        #expect(d.text.contains("catalyse-selection-2026-11-26.txt"))
        let effects = d.press(.enter)
        guard case .writeExport(let path, let contents, let overwrite)? = effects.first else {
            Issue.record("no writeExport: \(effects)")
            return
        }
        #expect(path == "/home/asso/catalyse-selection-2026-11-26.txt")
        #expect(!overwrite)
        #expect(contents.contains("Stratégie à trois ans"))
        #expect(!contents.contains("Gouvernance partagée"))
        #expect(contents.contains("Favoris seulement"))
        d.send(.exportWritten(path: path))
        #expect(!d.text.contains("Exporter la sélection"))
        #expect(d.lines[23].contains("Sélection exportée dans /home/asso/catalyse-selection-2026-11-26.txt"))
    }

    @Test("Overwrite question: the file name is whole, the folder cut in its middle")
    func overwriteShowsFileName() {
        for width in [60, 80] {
            var d = Driver(favourites: ["eclat-reseau"], width: width, height: 24,
                           exportDirectory: "/tmp/guide/work/un-dossier-assez-long/encore-un-niveau")
            d.press(.char("e"), .enter)
            d.send(.exportFailed(WriteFailure(path: "/home/asso/catalyse-selection-2026-11-26.txt", cause: .exists)))
            let text = d.text
            #expect(text.contains("catalyse-selection-2026-11-26.txt"), "\(width)")
            #expect(text.contains(nb("Le fichier existe déjà :")))
            #expect(text.contains("/tmp/…/") || text.contains("…/encore-un-niveau/"), "\(width)")
            #expect(text.contains(nb("Le remplacer ? o : oui · n : non")))
            #expect(d.lines.allSatisfy { CellWidth.of($0) == width })
        }
        #expect(TextFit.path("/tmp/guide/work/catalyse-selection-2026-11-26.txt", width: 40) == "/tmp/…/catalyse-selection-2026-11-26.txt")
        #expect(TextFit.path("/a/b.txt", width: 40) == "/a/b.txt")
        #expect(TextFit.path("/x/un-nom-de-fichier-vraiment-tres-long.csv", width: 20).hasSuffix(".csv"))
        #expect(CellWidth.of(TextFit.path("/x/un-nom-de-fichier-vraiment-tres-long.csv", width: 20)) <= 20)
    }

    @Test("After an export, the status shows the file name whole, the folder cut in its middle")
    func exportedStatusShowsFileName() {
        for width in [60, 80] {
            var d = Driver(favourites: ["eclat-reseau"], width: width, height: 24)
            let path = "/tmp/guide/work/un-dossier-assez-long/encore-un-niveau/catalyse-selection-2026-11-26.txt"
            d.send(.exportWritten(path: path))
            let footer = d.trimmed(23)
            #expect(footer.hasPrefix("Sélection exportée dans /"), "\(width): \(footer)")
            #expect(footer.hasSuffix("/catalyse-selection-2026-11-26.txt"), "\(width): \(footer)")
            #expect(footer.contains("…"))
            #expect(d.state.statusText == "Sélection exportée dans " + path)
        }
    }

    // MARK: 5. Errors

    static let unreadableError = FavouritesError.corrupt(path: "/home/camille/.local/state/catalyse/favourites", line: 3,
                                                         text: "ceci n'est pas un identifiant d'offre")
    static let unreadable = unreadableError.message(.fr)

    @Test("Export dialog: the favourites count is what will be written, missing ones apart")
    func exportCounts() {
        for width in [60, 80] {
            var d = Driver(favourites: ["eclat-reseau", "zeta-modele", "offre-disparue"], width: width, height: 24)
            d.press(.char("e"))
            #expect(d.text.contains("(•) Favoris (2, + 1 introuvable)"), "\(width)")
            #expect(d.text.contains("( ) Liste affichée (7)"), "\(width)")
            // The dialog's keys are whole too.
            #expect(d.text.contains("Échap annuler"), "\(width)")
            let write = writeEffect(d.press(.enter))!
            #expect(write.contents.contains("2 offres"))
            #expect(write.contents.contains("offre-disparue"))
        }
        var en = Driver(favourites: ["eclat-reseau", "gone"], language: .en)
        en.press(.char("F"), .char("e"))
        #expect(en.text.contains("Favourites (1, + 1 missing)"))
        #expect(en.text.contains("Current list (1, + 1 missing)"))
    }

    @Test("Export: a typed extension chooses the format; the format still changes the extension")
    func typedExtension() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"))
        for _ in 0..<3 { d.press(.backspace) }
        #expect(d.text.contains("(•) Texte"))
        d.type("md")
        #expect(d.text.contains("(•) Markdown"))
        d.press(.backspace, .backspace)
        d.type("CSV")
        #expect(d.text.contains("(•) CSV"))
        // Back to the format (over the CSV separator): → changes it, and the extension with it.
        d.press(.up, .up, .up, .right)
        #expect(d.text.contains("(•) Texte"))
        #expect(d.text.contains("catalyse-selection-2026-11-26.txt"))
        d.press(.right)
        #expect(d.text.contains("catalyse-selection-2026-11-26.md"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path.hasSuffix(".md"))
        #expect(write.contents.hasPrefix("# Catalyse"))
        // A name without a known extension leaves the format alone.
        var other = Driver(favourites: ["eclat-reseau"])
        other.press(.char("e"), .up, .up, .right, .down, .down)
        other.type(".bak")
        #expect(other.text.contains("(•) Markdown"))
    }
}

import CatalyseCore
@testable import CatalyseTUI
import Testing

/// The export dialog's paths (`~`, absolute names, the folder line), its focus at open, its
/// errors that go while typing, its edges, and the CSV separator.
@Suite("Export dialog: paths, focus, separator")
struct ExportPathTests {
    @Test("ExportPath: ~ and ~/… are the home folder; / is kept; other names go in the folder, relative to the start folder")
    func resolve() {
        let home = "/home/camille"
        #expect(ExportPath.expandingTilde("~", home: home) == home)
        #expect(ExportPath.expandingTilde("~/x.md", home: home) == "/home/camille/x.md")
        #expect(ExportPath.expandingTilde("~/x.md", home: "/home/camille/") == "/home/camille/x.md")
        #expect(ExportPath.expandingTilde("~camille/x.md", home: home) == "~camille/x.md")
        #expect(ExportPath.expandingTilde("~/x.md", home: nil) == "~/x.md")
        #expect(ExportPath.expandingTilde("a~/x.md", home: home) == "a~/x.md")
        #expect(ExportPath.resolve(name: "~/x.md", folder: "/tmp", base: "/w", home: home) == "/home/camille/x.md")
        #expect(ExportPath.resolve(name: " /tmp/a.csv ", folder: "/ailleurs", base: "/w", home: home) == "/tmp/a.csv")
        #expect(ExportPath.resolve(name: "a.txt", folder: "~/docs", base: "/w", home: home) == "/home/camille/docs/a.txt")
        #expect(ExportPath.resolve(name: "a.txt", folder: "sous", base: "/w", home: home) == "/w/sous/a.txt")
        #expect(ExportPath.resolve(name: "a.txt", folder: "", base: "/w", home: home) == "/w/a.txt")
        #expect(ExportPath.resolve(name: "a.txt", folder: "/", base: "/w", home: home) == "/a.txt")
        #expect(ExportPath.split("~/docs/a.md")! == ("~/docs", "a.md"))
        #expect(ExportPath.split("/a.md")! == ("/", "a.md"))
        #expect(ExportPath.split("~")! == ("~", ""))
        #expect(ExportPath.split("a.md") == nil)
    }

    @Test("« Fichier » has the focus at open: typing replaces nothing else, the caret is at its end")
    func nameFocusedAtOpen() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"))
        let row = d.rows(containing: "Fichier").first!
        #expect(d.lines[row].contains("›Fichier"))
        #expect(d.grid.cursor == Position(row, d.column(of: "catalyse-selection", row: row)! + "catalyse-selection-2026-11-26.txt".count))
        d.press(.backspace, .backspace, .backspace)
        d.type("md")
        #expect(d.text.contains("(•) Markdown"))
        #expect(writeEffect(d.press(.enter))!.path == "/home/asso/catalyse-selection-2026-11-26.md")
    }

    @Test("~/x.md in « Fichier » goes to the home folder; leaving the field splits it into « Dossier » and « Fichier »")
    func tildeName() {
        var d = Driver(favourites: ["eclat-reseau"], exportDirectory: "/srv/travail", homeDirectory: "/home/camille")
        d.press(.char("e"), .ctrl("u"))
        d.type("~/x.md")
        // While typing, the folder line shows where the file will go.
        let folderRow = (d.rows(containing: nb("Dossier :")).first ?? 0)
        #expect(d.lines[folderRow].contains(nb("Dossier :") + "      ~ "))
        d.press(.down)
        #expect(d.lines[folderRow].contains("›" + nb("Dossier :") + "      ~ "))
        #expect(d.lines[folderRow - 1].contains(nb("Fichier :") + "      x.md "))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path == "/home/camille/x.md")
        #expect(write.contents.hasPrefix("# Catalyse"))
    }

    @Test("An absolute name: written as typed; the folder line shows its folder (never blank)")
    func absoluteName() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"), .ctrl("u"))
        d.type("/tmp/partage/liste.csv")
        let folderRow = (d.rows(containing: nb("Dossier :")).first ?? 0)
        #expect(d.lines[folderRow].contains("/tmp/partage "))
        #expect(d.text.contains("(•) CSV"))
        #expect(!d.lines[folderRow].contains("/home/asso"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path == "/tmp/partage/liste.csv")
        // After Enter the two lines say it too.
        #expect(d.lines[folderRow].contains("/tmp/partage "))
        #expect(d.lines[folderRow - 1].contains("liste.csv"))
        // A relative name with a folder goes under the folder.
        var r = Driver(favourites: ["eclat-reseau"])
        r.press(.char("e"), .ctrl("u"))
        r.type("envois/liste.txt")
        #expect(writeEffect(r.press(.enter))!.path == "/home/asso/envois/liste.txt")
        // A name that is only a folder names no file.
        var f = Driver(favourites: ["eclat-reseau"])
        f.press(.char("e"), .ctrl("u"))
        f.type("~/docs/")
        #expect(writeEffect(f.press(.enter)) == nil)
        #expect(f.text.contains("Donnez un nom de fichier."))
    }

    @Test("« Dossier » is a field: ↓ reaches it, letters are text in it, the file goes there; a missing folder focuses it")
    func folderField() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"), .down)
        let row = (d.rows(containing: nb("Dossier :")).first ?? 0)
        #expect(d.lines[row].contains("›Dossier"))
        #expect(d.grid.cursor?.row == row)
        d.type("/envois")
        #expect(d.lines[row].contains("/home/asso/envois"))
        let write = writeEffect(d.press(.enter))!
        #expect(write.path == "/home/asso/envois/catalyse-selection-2026-11-26.txt")
        d.send(.exportFailed(WriteFailure(path: write.path, cause: .missingFolder("/home/asso/envois"))))
        #expect(d.text.contains(nb("Export impossible : le dossier /home/asso/envois n'existe pas")))
        #expect(d.lines[row].contains("›Dossier"))
        // ~ in the folder line is the home folder too.
        var t = Driver(favourites: ["eclat-reseau"], homeDirectory: "/home/camille")
        t.press(.char("e"), .down, .ctrl("u"))
        t.type("~/Documents")
        #expect(writeEffect(t.press(.enter))!.path == "/home/camille/Documents/catalyse-selection-2026-11-26.txt")
    }

    @Test("The previous error goes as soon as the name (or anything else) changes")
    func errorClearedWhileTyping() {
        var d = Driver(favourites: ["eclat-reseau"])
        d.press(.char("e"), .enter)
        d.send(.exportFailed(WriteFailure(path: "/home/asso/catalyse-selection-2026-11-26.txt", cause: .system("No space left on device"))))
        #expect(d.text.contains("No space left on device"))
        d.type("x")
        #expect(!d.text.contains("No space left on device"))
        d.press(.ctrl("u"), .enter)
        #expect(d.text.contains("Donnez un nom de fichier."))
        d.press(.up, .right)
        #expect(!d.text.contains("Donnez un nom de fichier."))
        // Moving between fields alone keeps it.
        d.press(.down, .down, .ctrl("u"), .enter)
        #expect(d.text.contains("Donnez un nom de fichier."))
        d.press(.up, .down)
        #expect(d.text.contains("Donnez un nom de fichier."))
    }

    @Test("Nothing of the screen under the dialog shows at its edges, at 80 and 200 columns")
    func edgesAreBlank() {
        for (width, height) in [(80, 24), (200, 50)] {
            var d = Driver(favourites: ["eclat-reseau"], width: width, height: height)
            if width >= 100 { d.press(.down, .down) }
            d.press(.char("e"))
            let g = d.grid
            let top = d.rows(containing: "┌─ Exporter").first!
            let bottom = d.rows(containing: "└──").last!
            let left = d.column(of: "┌", row: top)!
            for r in top...bottom {
                for c in max(0, left - 2)..<left { #expect(g[r, c].grapheme == " ", "\(width): row \(r) column \(c)") }
                let edge = left + 75
                for c in (edge + 1)..<min(width, edge + 3) { #expect(g[r, c].grapheme == " ", "\(width): row \(r) column \(c)") }
            }
            if width == 80 {
                // Two columns or fewer left beside the box: blank to the edge of the screen.
                for r in top...bottom { #expect(g[r, 0].grapheme == " " && g[r, 79].grapheme == " ") }
            }
        }
    }

    @Test("CSV separator: ; in French and , in English by default; chosen with ← →; muted and skipped unless the format is CSV")
    func separator() {
        var fr = Driver(favourites: ["eclat-reseau"])
        fr.press(.char("e"))
        let row = fr.rows(containing: "Séparateur").first!
        #expect(fr.lines[row].contains("(•) ; point-virgule  ( ) , virgule"))
        #expect(fr.grid[row, fr.column(of: "Séparateur", row: row)!].style == Palette.muted)
        // Text: ↑ from the content goes to the format, over the separator.
        fr.press(.up, .up)
        #expect(fr.lines[fr.grid.cursor!.row].contains("›Format"))
        fr.press(.right, .right)
        #expect(fr.text.contains("(•) CSV"))
        fr.press(.down)
        #expect(fr.lines[row].contains("›Séparateur"))
        #expect(fr.grid[row, fr.column(of: "Séparateur", row: row)!].style == Palette.selected)
        var write = writeEffect(fr.press(.enter))!
        #expect(write.contents.contains("Identifiant;Identifiant du cabinet;"))
        fr.press(.escape, .char("e"), .up, .up, .left, .down, .right)
        #expect(fr.text.contains("( ) ; point-virgule  (•) , virgule"))
        write = writeEffect(fr.press(.enter))!
        #expect(write.contents.contains("Identifiant,Identifiant du cabinet,"))

        var en = Driver(favourites: ["eclat-reseau"], language: .en)
        en.press(.char("e"))
        #expect(en.text.contains("Separator:") && en.text.contains("( ) ; semicolon  (•) , comma"))
        en.press(.up, .up, .left)
        #expect(en.text.contains("(•) CSV"))
        #expect(writeEffect(en.press(.enter))!.contents.contains("Id,Firm id,"))
    }
}

extension ExportPathTests {
    @Test("A missing folder with a long path: the path is shortened so that the sentence ends in view")
    func longMissingFolder() {
        let folder = "/tmp/catalyse-cli-F12B7DAD-D4AE-4C61-8CC1-4F25035297AE/un-dossier-assez-long/nulle-part"
        for language in Language.allCases {
            var d = Driver(favourites: ["eclat-reseau"], language: language)
            d.press(.char("e"), .enter)
            d.send(.exportFailed(WriteFailure(path: folder + "/x.txt", cause: .missingFolder(folder))))
            let text = joined(d, 0..<24)
            #expect(text.contains(language == .fr ? "n'existe pas" : "does not exist"), "\(language): \(d.text)")
            #expect(text.contains("…") && text.contains("/nulle-part"))
        }
    }
}

import Foundation
import Testing

/// The curator's tools through the binary: template, import, export-catalogue, diff.
@Suite("Curator's commands")
struct CurationCommandTests {
    @Test func fromTheSheetsToACheckedCatalogueAndBack() throws {
        let box = Sandbox()
        #expect(box.run("export-catalogue", "-o", "annuaire").status == 0)
        #expect(box.run("export-catalogue", "-o", "annuaire").status == 73)
        var r = box.run("import", "annuaire", "-o", "catalogue.yaml")
        #expect(r.status == 0 && r.stderr == nb("catalogue.yaml : 26 cabinets, 75 offres.\n"), "\(r.stderr)")
        let first = try #require(box.read("catalogue.yaml"))
        #expect(first.hasPrefix("# Catalyse — catalogue importé des feuilles de « annuaire »") && first.contains("ATTENTION : CE CATALOGUE EST ILLUSTRATIF"))
        #expect(box.run("import", "annuaire", "-o", "catalogue.yaml").status == 73)
        #expect(box.run("import", "annuaire", "-o", "catalogue.yaml", "--force").status == 0)
        #expect(box.read("catalogue.yaml") == first, "the import is not deterministic")
        #expect(box.run("validate", "catalogue.yaml").status == 0)
        #expect(box.run("list", "--catalogue", "annuaire").stdout == box.run("list").stdout)
        // The same catalogue in three forms: no difference.
        #expect(box.run("compile", "annuaire", "-o", "annuaire.catalyse").status == 0)
        r = box.run("diff", Spawn.packageRoot + "/data/catalogue.yaml", "annuaire.catalyse")
        #expect(r.status == 0 && r.stdout == "Les deux catalogues sont identiques.\n", "\(r.stdout)\(r.stderr)")
        // A planted change, in both languages and in JSON.
        var offres = try #require(box.read("annuaire/offres.csv"))
        let planted = try #require(offres.range(of: ";trois mois, une demi-journée par semaine;"))
        offres.replaceSubrange(planted, with: ";deux mois;")
        _ = box.write("annuaire/offres.csv", offres)
        r = box.run("diff", "catalogue.yaml", "annuaire", "--lang", "en")
        #expect(r.status == 1 && r.stdout.contains("Offers changed (1):") && r.stdout.contains("duration: “trois mois, une demi-journée par semaine” → “deux mois”"), "\(r.stdout)")
        r = box.run("diff", "catalogue.yaml", "annuaire", "--json")
        #expect(r.status == 1 && r.stdout.contains("\"field\" : \"duration\"") && r.stdout.contains("\"equal\" : false"))
        #expect(box.run("diff", "catalogue.yaml", "absent.yaml").status == 66)
    }

    /// Workbooks LibreOffice saved (Tests/CatalyseCoreTests/Fixtures/workbooks, made by
    /// scripts/make-workbook-fixtures.py): imported, listed and compared like the sheets.
    @Test func fromAWorkbookToACheckedCatalogue() throws {
        let box = Sandbox()
        let workbooks = Spawn.packageRoot + "/Tests/CatalyseCoreTests/Fixtures/workbooks/"
        #expect(box.run("export-catalogue", "-o", "annuaire").status == 0)
        #expect(box.run("import", "annuaire", "-o", "from-csv.yaml").status == 0)
        for name in ["catalogue.ods", "catalogue.xlsx"] {
            let r = box.run("import", workbooks + name, "-o", name + ".yaml")
            #expect(r.status == 0 && r.stderr == nb("\(name).yaml : 26 cabinets, 75 offres.\n"), "\(r.stderr)")
            let yaml = try #require(box.read(name + ".yaml"))
            #expect(yaml.hasPrefix("# Catalyse — catalogue importé du classeur « \(name) » (onglets catalogue, cabinets, offres)."))
            // Past the two header lines, the same bytes as the import of the CSV sheets.
            #expect(yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) == (try #require(box.read("from-csv.yaml"))).split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2))
            #expect(box.run("validate", name + ".yaml").status == 0)
            #expect(box.run("list", "--catalogue", workbooks + name).stdout == box.run("list").stdout)
            let same = box.run("diff", Spawn.packageRoot + "/data/catalogue.yaml", workbooks + name)
            #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        }
        let r = box.run("import", workbooks + "formula.xlsx", "-o", "formula.yaml", "--lang", "en")
        #expect(r.status == 65 && r.stderr.contains("formula.xlsx[offres]:2:C (Titre): the cell holds a formula") && r.stderr.hasSuffix("formula.xlsx: 1 error, catalogue refused.\n"), "\(r.stderr)")
        #expect(box.read("formula.yaml") == nil)
    }

    @Test func theTemplateImportsAndABadSheetWritesNothing() throws {
        let box = Sandbox()
        #expect(box.run("template", "-o", "vide", "--lang", "en").status == 0)
        #expect(box.run("import", "vide", "-o", "vide.yaml").status == 0)
        let offres = try #require(box.read("vide/offres.csv"))
        _ = box.write("vide/offres.csv", offres.replacingOccurrences(of: ";mecenat-competences;strategique;", with: ";gratuit;strategique;"))
        let r = box.run("import", "vide", "-o", "mauvais.yaml")
        #expect(r.status == 65)
        #expect(r.stderr.contains(nb("vide/offres.csv:3:F (Format) : valeur inconnue « gratuit » pour format")) && r.stderr.hasSuffix(nb("vide : 1 erreur, catalogue refusé.\n")), "\(r.stderr)")
        #expect(box.read("mauvais.yaml") == nil)
    }

    @Test func aPathwayFromOptionsOrADossier() throws {
        let box = Sandbox()
        var r = box.run("parcours", "--territory", "59", "--need", "gouvernance", "--need", "relais de communication")
        #expect(r.status == 0 && r.stdout.hasPrefix("Parcours proposé") && r.stdout.contains("Étape 1 : ") && r.stdout.contains("Pour aller plus loin"), "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").allSatisfy { $0.count <= 78 })
        r = box.run("parcours", "--territory", "59", "--need", "gouvernance", "--json")
        #expect(r.status == 0 && r.stdout.contains("\"steps\" : [") && r.stdout.contains("\"id\" : \"dla\""))
        #expect(box.run("parcours").status == 64)
        #expect(box.run("parcours", "--need", "inconnu").status == 64)
        #expect(box.run("dossier", "new", "Asso", "--territory", "59", "--need", "gouvernance").status == 0)
        r = box.run("parcours", "--dossier", "asso", "--add-to-dossier")
        #expect(r.status == 0 && r.stderr.hasPrefix(nb("1 offre ajoutée au dossier « Asso »")), "\(r.stderr)")
        #expect(box.run("dossier", "list").stdout.hasPrefix("Asso\t59\t1\t1"))
    }

    @Test func theMapCountsEachRegion() throws {
        let box = Sandbox()
        let r = box.run("map", "--purpose", "strategique")
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").filter { $0.hasPrefix("R") && $0.contains("\t") }
        #expect(rows.count == 18)
        // Each région's count is what the list gives for that région and the same filters.
        for row in rows.prefix(4) {
            let cells = row.split(separator: "\t")
            let listed = box.run("list", "--purpose", "strategique", "--territory", String(cells[0])).stdout.split(separator: "\n").count
            #expect(Int(cells[2]) == listed, "\(row)")
        }
        #expect(r.stdout.contains("Ombrage : vide 0") && r.stdout.contains("Outre-mer :"))
        let json = box.run("map", "--json", "--lang", "en")
        #expect(json.status == 0 && json.stdout.contains("\"code\" : \"R32\"") && json.stdout.contains("\"departments\" : ["))
    }
}

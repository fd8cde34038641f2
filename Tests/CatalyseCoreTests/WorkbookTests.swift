import Foundation
import Testing
import ZIPFoundation
@testable import CatalyseCore

/// Workbooks (`.ods`, `.xlsx`) as a catalogue source: the fixtures LibreOffice made from the
/// shipped catalogue (`scripts/make-workbook-fixtures.py`, committed) read back equal in every
/// field, and hostile workbooks built here refused with the tab, row and cell named.
@Suite("Catalogue workbooks")
struct WorkbookTests {
    static let fixtures = Fixtures.root + "/Tests/CatalyseCoreTests/Fixtures/workbooks/"

    static func problems(_ path: String) -> [String] {
        do { _ = try CatalogueLoader.load(path: path, today: Fixtures.today); return [] } catch let e as CatalogueError {
            return e.errors.map { $0.description.replacingOccurrences(of: (path as NSString).deletingLastPathComponent + "/", with: "") }
        } catch { return ["\(error)"] }
    }

    @Test(arguments: ["catalogue.ods", "catalogue.xlsx"])
    func libreOfficeWorkbooksReadAsTheShippedCatalogue(_ name: String) throws {
        let loaded = try CatalogueLoader.load(path: Self.fixtures + name, today: Fixtures.today)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        SheetTests.expectEqual(loaded.catalogue, Fixtures.shipped)
    }

    /// The same tabs saved back as CSV by LibreOffice: UTF-8 with `;`, Windows-1252 with `,`.
    @Test(arguments: [("libreoffice-utf8", Sheet.Encoding.utf8, Character(";")), ("libreoffice-windows-1252", .windows1252, ",")])
    func libreOfficeCSVReadsAsTheShippedCatalogue(_ folder: String, _ encoding: Sheet.Encoding, _ separator: Character) throws {
        let offres = try #require(FileManager.default.contents(atPath: Self.fixtures + folder + "/offres.csv"))
        let sheet = try Sheet.read([UInt8](offres), file: "offres.csv")
        #expect(sheet.encoding == encoding && sheet.separator == separator)
        let loaded = try SheetImport.load(folder: Self.fixtures + folder, today: Fixtures.today)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        SheetTests.expectEqual(loaded.catalogue, Fixtures.shipped)
    }

    @Test func formulasAreRefusedNamingTheTabRowAndCell() {
        #expect(Self.problems(Self.fixtures + "formula.ods") == ["formula.ods[offres]:2:C (Titre): the cell holds a formula: the catalogue takes values only (copy, then paste the values only)"])
        #expect(Self.problems(Self.fixtures + "formula.xlsx") == ["formula.xlsx[offres]:2:C (Titre): the cell holds a formula: the catalogue takes values only (copy, then paste the values only)"])
    }

    @Test func aMissingTabIsNamedWithTheTabsThereAre() {
        #expect(Self.problems(Self.fixtures + "no-offers-tab.xlsx") == ["no-offers-tab.xlsx: no “offres” tab (the workbook's tabs: “catalogue”, “cabinets”, “Feuille3”)"])
    }

    // MARK: Workbooks built here

    /// A zip archive of `parts` written to a new folder as `name`.
    static func archive(_ name: String, _ parts: [String: String]) throws -> String {
        let path = Fixtures.tempDirectory() + "/" + name
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (part, text) in parts.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    static func ods(_ tables: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>\(tables)</office:spreadsheet></office:body></office:document-content>
        """
    }

    static func row(_ cells: [String], repeated: Int = 1) -> String {
        "<table:table-row" + (repeated > 1 ? " table:number-rows-repeated=\"\(repeated)\"" : "") + ">"
            + cells.map { "<table:table-cell office:value-type=\"string\"><text:p>\($0)</text:p></table:table-cell>" }.joined()
            + "<table:table-cell table:number-columns-repeated=\"1020\"/></table:table-row>"
    }

    static let firmsTable = "<table:table table:name=\"cabinets\">"
        + row(["Identifiant", "Nom", "Présentation", "Siège", "Adhésion", "Contact", "Courriel", "Source", "Vérifié le"])
        + "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>eclat</text:p></table:table-cell>"
        + "<table:table-cell office:value-type=\"string\"><text:p>Éclat<text:s text:c=\"2\"/>Conseil</text:p></table:table-cell>"
        + "<table:table-cell office:value-type=\"string\"><text:p>Première ligne.</text:p><text:p>Seconde<text:line-break/>ligne.</text:p><office:annotation><text:p>un commentaire</text:p></office:annotation></table:table-cell>"
        + "<table:table-cell office:value-type=\"float\" office:value=\"59\"><text:p>59</text:p></table:table-cell>"
        + "<table:table-cell office:value-type=\"float\" office:value=\"2012\"><text:p>2012</text:p></table:table-cell>"
        + "<table:table-cell office:value-type=\"string\"><text:p>Camille Martin</text:p></table:table-cell>"
        + "<table:table-cell office:value-type=\"string\"><text:p>contact@eclat.example.org</text:p></table:table-cell>"
        + "<table:table-cell office:value-type=\"string\"><text:p>Fiche fictive</text:p></table:table-cell>"
        + "<table:table-cell office:value-type=\"date\" office:date-value=\"2026-10-01T00:00:00\"><text:p>01/10/26</text:p></table:table-cell>"
        + "</table:table-row>"
        + "<table:table-row table:number-rows-repeated=\"1048570\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row></table:table>"

    @Test func anODSCellsParagraphsSpacesDatesAndRepeatedEmptiesAreReadAsShown() throws {
        let path = try Self.archive("annuaire.ods", ["content.xml": Self.ods(Self.firmsTable + "<table:table table:name=\"Offres\">" + Self.row(["Identifiant"]) + "</table:table>")])
        let tabs = try Workbook.read(path: path, kind: .ods)
        #expect(tabs.map(\.name) == ["cabinets", "Offres"])
        let firms = try #require(tabs.first).sheet
        #expect(firms.file.hasSuffix("annuaire.ods[cabinets]"))
        #expect(firms.rows.count == 1 && firms.rows.first?.number == 2)
        #expect(firms.rows.first?.cells == ["eclat", "Éclat  Conseil", "Première ligne.\nSeconde\nligne.", "59", "2012", "Camille Martin", "contact@eclat.example.org", "Fiche fictive", "2026-10-01"])
    }

    @Test func aRowOfTwentyThousandCellsIsRefused() throws {
        let wide = "<table:table table:name=\"offres\"><table:table-row><table:table-cell table:number-columns-repeated=\"20000\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"
        let path = try Self.archive("large.ods", ["content.xml": Self.ods(wide)])
        #expect(Self.problems(path) == ["large.ods[offres]:1: too many cells (at most 16384 columns in a row and 4000000 cells in all)"])
        // A value repeated over a million rows is refused too, before it is built.
        let tall = "<table:table table:name=\"offres\"><table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell table:number-columns-repeated=\"10\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"
        let tallPath = try Self.archive("tall.ods", ["content.xml": Self.ods(tall)])
        #expect(Self.problems(tallPath) == ["tall.ods[offres]:1: too many cells (at most 16384 columns in a row and 4000000 cells in all)"])
    }

    /// Counts as large as an integer holds, in repeats and row numbers: refused or bounded,
    /// never an overflow.
    @Test func hugeRepeatsAndRowNumbersNeitherOverflowNorAreBuilt() throws {
        let huge = "9223372036854775807"
        let rows = "<table:table table:name=\"offres\"><table:table-row table:number-rows-repeated=\"\(huge)\"><table:table-cell table:number-columns-repeated=\"\(huge)\"/></table:table-row>"
            + "<table:table-row table:number-rows-repeated=\"\(huge)\"><table:table-cell table:number-columns-repeated=\"\(huge)\" office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"
        let path = try Self.archive("huge.ods", ["content.xml": Self.ods(rows)])
        #expect(Self.problems(path).first?.contains("too many cells") == true, "\(Self.problems(path))")
        #expect(Workbook.repeats(huge) == Workbook.rowLimit && Workbook.repeats("-4") == 1 && Workbook.repeats(nil) == 1)
        let xlsx = try Self.archive("huge.xlsx", [
            "xl/workbook.xml": "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"offres\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>",
            "xl/worksheets/s.xml": "<worksheet><sheetData><row r=\"\(huge)\"><c t=\"inlineStr\"><is><t>Identifiant</t></is></c></row><row><c t=\"inlineStr\"><is><t>a</t></is></c></row></sheetData></worksheet>",
        ])
        let tabs = try Workbook.read(path: xlsx, kind: .xlsx)
        #expect(tabs.first?.sheet.header == ["Identifiant"] && tabs.first?.sheet.rows.first?.number == Workbook.rowLimit)
    }

    @Test func notAWorkbookAMissingPartAndBrokenXMLAreSaid() throws {
        let dir = Fixtures.tempDirectory()
        FileManager.default.createFile(atPath: dir + "/texte.xlsx", contents: Data("Nom;Mis à jour\n".utf8))
        #expect(Self.problems(dir + "/texte.xlsx") == ["texte.xlsx: not a readable workbook (a ZIP archive is expected, as LibreOffice and Excel save them)"])
        let empty = try Self.archive("vide.ods", ["mimetype": "application/vnd.oasis.opendocument.spreadsheet"])
        #expect(Self.problems(empty) == ["vide.ods: the workbook has no “content.xml” part"])
        let broken = try Self.archive("casse.xlsx", ["xl/workbook.xml": "<workbook><sheets><sheet name=\"offres\" r:id=\"rId1\"/></sheets></wrong>", "xl/_rels/workbook.xml.rels": "<Relationships/>"])
        #expect(Self.problems(broken).first?.hasPrefix("casse.xlsx: the workbook's “xl/workbook.xml” part is not readable XML") == true, "\(Self.problems(broken))")
    }

    @Test func anXLSXSharedAndInlineStringsRichRunsDatesBooleansAndGaps() throws {
        let path = try Self.archive("annuaire.xlsx", [
            "xl/workbook.xml": "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"catalogue\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>",
            "xl/_rels/workbook.xml.rels": "<Relationships><Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/feuille.xml\"/></Relationships>",
            "xl/sharedStrings.xml": "<sst><si><t>Nom</t></si><si><r><t>Annuaire </t></r><r><t>du Nord</t></r><rPh><t>ふりがな</t></rPh></si><si><t>deux_x000D_\nlignes</t></si></sst>",
            "xl/styles.xml": "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/><numFmt numFmtId=\"165\" formatCode=\"&quot;jours &quot;0\"/></numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/></cellXfs></styleSheet>",
            "xl/worksheets/feuille.xml": "<worksheet><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>Mis à jour</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Illustratif</t></is></c><c r=\"E1\" t=\"inlineStr\"><is><t>Note</t></is></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>1</v></c><c r=\"B3\" s=\"1\"><v>46346</v></c><c r=\"C3\" t=\"b\"><v>0</v></c><c r=\"D3\" s=\"2\"><v>12</v></c><c r=\"E3\" t=\"s\"><v>2</v></c></row>"
                + "</sheetData></worksheet>",
        ])
        let tabs = try Workbook.read(path: path, kind: .xlsx)
        let sheet = try #require(tabs.first).sheet
        #expect(sheet.header == ["Nom", "Mis à jour", "Illustratif", "", "Note"])
        #expect(sheet.rows.first?.number == 3)
        #expect(sheet.rows.first?.cells == ["Annuaire du Nord", "2026-11-20", "false", "12", "deux\r\nlignes"])
        #expect(Workbook.unescapeXLSX("a_x005F_b_x41_c_x0041_") == "a_b_x41_cA")
    }

    @Test func dateSerialsAndFormats() {
        #expect(Workbook.isoDate(serial: 46346) == "2026-11-20")
        #expect(Workbook.isoDate(serial: 61) == "1900-03-01")
        #expect(Workbook.isoDate(serial: 45658.75) == "2025-01-01")
        #expect(Workbook.isoDate(serial: .nan) == nil && Workbook.isoDate(serial: -3) == nil)
        #expect(XLSXStylesReader.isDate("yyyy\\-mm\\-dd") && XLSXStylesReader.isDate("[$-40C]d mmmm yyyy"))
        #expect(!XLSXStylesReader.isDate("\"jours \"0") && !XLSXStylesReader.isDate("[Red]0.00") && !XLSXStylesReader.isDate("0%"))
    }
}

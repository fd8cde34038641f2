import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// A workbook as LibreOffice Calc (`.ods`) or Excel (`.xlsx`) saves it, read into its tabs, each
/// a `Sheet` as a CSV file gives one: ZIPFoundation opens the archive, Foundation's `XMLParser`
/// (libxml2) reads the parts; this file only walks the elements. A tab's rows are numbered as the
/// spreadsheet shows them, and its file is named `WORKBOOK[tab]`, so every diagnostic places the
/// tab, the row and the column. Cells give the text the spreadsheet shows, except dates (ISO
/// `YYYY-MM-DD`, from the cell's date value or style) and booleans (`true`, `false`); a formula
/// is refused (the catalogue takes values only). Limits: what is read out of the archive in all,
/// and the number of cells, so that a zip bomb or a row repeated a million times stops early.
public enum Workbook {
    public enum Kind: Sendable {
        case ods, xlsx

        /// From the file name's ending (`.ods`, `.xlsx`, any case).
        public init?(path: String) {
            switch (path as NSString).pathExtension.lowercased() {
            case "ods": self = .ods
            case "xlsx": self = .xlsx
            default: return nil
            }
        }
    }

    public struct Tab: Sendable {
        public var name: String
        public var sheet: Sheet
    }

    /// The most bytes read out of the archive, all parts together.
    static let byteLimit = 256 * 1_048_576
    /// The most cells kept, all tabs together (empty cells before a value count).
    static let cellLimit = 4_000_000
    /// Excel's widest row.
    static let columnLimit = 16_384
    /// Excel's and LibreOffice's most rows: a row number or a repetition is never taken beyond it.
    static let rowLimit = 1_048_576

    /// A `number-…-repeated` attribute: 1 when absent or not a number, never above `rowLimit`
    /// (a hostile count cannot overflow what is added up from it).
    static func repeats(_ attribute: String?) -> Int {
        min(max(1, attribute.flatMap { Int($0) } ?? 1), rowLimit)
    }

    typealias Problem = Sheet.ReadProblem

    static func problem(_ file: String, row: Int = 0, cell: String? = nil, _ fr: String, _ en: String) -> Problem {
        Problem(file: file, row: row, problem: Label(fr: fr, en: en), cell: cell)
    }

    /// A cell's column as diagnostics name it: its letter, and the tab's header there.
    static func cellName(_ column: Int, header: [String]) -> String {
        Sheet.columnLetter(column) + (column < header.count && !header[column].isEmpty ? " (" + TextCleaning.forDisplay(header[column]) + ")" : "")
    }

    static func tooManyCells(_ file: String, row: Int) -> Problem {
        problem(file, row: row,
                "trop de cellules (au plus \(columnLimit) colonnes par ligne et \(cellLimit) cellules en tout)",
                "too many cells (at most \(columnLimit) columns in a row and \(cellLimit) cells in all)")
    }

    static func formula(_ file: String, row: Int, column: Int, header: [String]) -> Problem {
        problem(file, row: row, cell: cellName(column, header: header),
                "la cellule contient une formule : le catalogue ne prend que des valeurs (copiez puis collez les valeurs seules)",
                "the cell holds a formula: the catalogue takes values only (copy, then paste the values only)")
    }

    /// The name of a tab's sheet in diagnostics.
    static func tabFile(_ path: String, _ tab: String) -> String { path + "[" + tab + "]" }

    /// Reads every tab of the workbook at `path`.
    public static func read(path: String, kind: Kind) throws(Sheet.ReadProblem) -> [Tab] {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw problem(path, "ce n'est pas un classeur lisible (archive ZIP attendue, comme l'enregistrent LibreOffice et Excel)",
                          "not a readable workbook (a ZIP archive is expected, as LibreOffice and Excel save them)")
        }
        var budget = byteLimit
        func part(_ name: String, required: Bool = true) throws(Problem) -> Data? {
            guard let entry = archive[name] else {
                if required { throw problem(path, "le classeur n'a pas de partie « \(name) »", "the workbook has no “\(name)” part") }
                return nil
            }
            var data = Data()
            do {
                _ = try archive.extract(entry) { chunk in
                    budget -= chunk.count
                    if budget < 0 { throw WorkbookTooLarge() }
                    data.append(chunk)
                }
            } catch is WorkbookTooLarge {
                throw problem(path, "le classeur décompressé dépasse \(byteLimit / 1_048_576) Mio", "the workbook, uncompressed, is larger than \(byteLimit / 1_048_576) MiB")
            } catch {
                throw problem(path, "la partie « \(name) » du classeur est endommagée", "the workbook's “\(name)” part is damaged")
            }
            return data
        }
        switch kind {
        case .ods:
            let content = try part("content.xml")!
            return try parse(content, part: "content.xml", path: path, ODSReader(path: path)).tabs
        case .xlsx:
            let workbook = try parse(try part("xl/workbook.xml")!, part: "xl/workbook.xml", path: path, XLSXWorkbookReader())
            let relations = try parse(try part("xl/_rels/workbook.xml.rels")!, part: "xl/_rels/workbook.xml.rels", path: path, XLSXRelationsReader())
            let strings = try part("xl/sharedStrings.xml", required: false).map { data throws(Problem) in
                try parse(data, part: "xl/sharedStrings.xml", path: path, XLSXSharedStringsReader()).strings
            } ?? []
            let dateStyles = try part("xl/styles.xml", required: false).map { data throws(Problem) in
                try parse(data, part: "xl/styles.xml", path: path, XLSXStylesReader()).dateStyles
            } ?? []
            var tabs: [Tab] = []
            var cells = 0
            for (name, id) in workbook.sheets {
                guard let target = relations.targets[id] else {
                    throw problem(path, "l'onglet « \(name) » ne renvoie à aucune feuille", "the tab “\(name)” points to no sheet")
                }
                let partName = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
                let file = tabFile(path, name)
                let reader = XLSXSheetReader(file: file, strings: strings, dateStyles: dateStyles, cellsBefore: cells)
                let parsed = try parse(try part(partName)!, part: partName, path: path, reader)
                cells = parsed.cells
                tabs.append(Tab(name: name, sheet: try Sheet.from(parsed.rows, file: file, separator: ",", encoding: .workbook)))
            }
            return tabs
        }
    }

    struct WorkbookTooLarge: Error {}

    /// Runs `reader` over `data`; the reader's own problem (a formula, too many cells) wins over
    /// the parser's.
    static func parse<R: PartReader>(_ data: Data, part: String, path: String, _ reader: R) throws(Problem) -> R {
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        let ok = parser.parse()
        if let stop = reader.stop { throw stop }
        guard ok, parser.parserError == nil else {
            throw problem(path, "la partie « \(part) » du classeur n'est pas du XML lisible (ligne \(parser.lineNumber))",
                          "the workbook's “\(part)” part is not readable XML (line \(parser.lineNumber))")
        }
        return reader
    }

    /// An element or attribute name without its namespace prefix (`table:table-cell` → `table-cell`).
    static func local(_ name: String) -> Substring {
        name.firstIndex(of: ":").map { name[name.index(after: $0)...] } ?? name[...]
    }

    static func attributes(_ dict: [String: String]) -> [Substring: String] {
        var out: [Substring: String] = [:]
        for (k, v) in dict { out[local(k)] = v }
        return out
    }

    /// Excel's escapes in strings: `_xHHHH_` is the character U+HHHH (`_x000D_`, a carriage
    /// return, is how Excel keeps line breaks), `_x005F_` an underscore.
    static func unescapeXLSX(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = text[...]
        while let start = rest.range(of: "_x") {
            out += rest[..<start.lowerBound]
            let after = rest[start.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// Column letters (`F`, `AB`) to a 0-based index.
    static func columnIndex(_ letters: Substring) -> Int? {
        var n = 0
        for c in letters.unicodeScalars {
            guard c.value >= 65, c.value <= 90 else { return nil }
            n = n * 26 + Int(c.value - 64)
            if n > columnLimit { return nil }
        }
        return n > 0 ? n - 1 : nil
    }

    /// A spreadsheet date serial (days since 1899-12-30, as Excel and LibreOffice count) as ISO.
    static func isoDate(serial: Double) -> String? {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else { return nil }
        // Serial 25,569 is 1970-01-01.
        return Day(unixTime: (Int64(serial.rounded(.down)) - 25_569) * 86_400).description
    }
}

/// A delegate that may stop the parse with a problem of its own.
/// (On Linux the protocol's methods are bound where the conformance is declared, so the base
/// class has them all and each reader overrides what it needs.)
class PartReader: NSObject, XMLParserDelegate {
    var stop: Sheet.ReadProblem?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes dict: [String: String] = [:]) {}
    func parser(_ parser: XMLParser, foundCharacters string: String) {}
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {}

    func fail(_ parser: XMLParser, _ problem: Sheet.ReadProblem) {
        if stop == nil { stop = problem }
        parser.abortParsing()
    }
}

/// Keeps a row's cells, leaving out empty cells until a value follows them (spreadsheets pad
/// rows with hundreds of repeated empty cells).
struct RowBuilder {
    var cells: [String] = []
    var pendingEmpty = 0

    var count: Int { cells.count + pendingEmpty }

    /// Adds `repeated` copies of `value`; false when the row or the workbook would hold too many.
    mutating func add(_ value: String, repeated: Int, total: inout Int) -> Bool {
        if value.isEmpty { pendingEmpty += repeated; return true }
        let added = pendingEmpty + repeated
        guard count + repeated <= Workbook.columnLimit, total + added <= Workbook.cellLimit else { return false }
        total += added
        cells += repeatElement("", count: pendingEmpty)
        pendingEmpty = 0
        cells += repeatElement(value, count: repeated)
        return true
    }

    /// Puts `value` at 0-based `column` (cells before it empty).
    mutating func put(_ value: String, at column: Int, total: inout Int) -> Bool {
        guard column >= count else { return add(value, repeated: 1, total: &total) }
        let gap = column - count
        pendingEmpty += gap
        return add(value, repeated: 1, total: &total)
    }
}

// MARK: OpenDocument (.ods)

/// `content.xml` of an OpenDocument spreadsheet: `table:table` (a tab) › `table:table-row` ›
/// `table:table-cell`, rows and cells repeated by `number-rows-repeated` and
/// `number-columns-repeated`, a cell's paragraphs (`text:p`) joined by line breaks, `text:s`
/// spaces, `text:tab`, `text:line-break`; comments (`office:annotation`) left out.
final class ODSReader: PartReader {
    let path: String
    var tabs: [Workbook.Tab] = []
    private var tabName: String?
    private var rows: [(number: Int, cells: [String])] = []
    private var rowNumber = 1
    private var rowRepeat = 1
    private var row = RowBuilder()
    private var inCell = false
    private var cellRepeat = 1
    private var cellText = ""
    private var paragraphs = 0
    private var cellValue: String?
    private var annotationDepth = 0
    private var total = 0

    init(path: String) { self.path = path }

    private var file: String { Workbook.tabFile(path, tabName ?? "?") }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes dict: [String: String] = [:]) {
        let a = Workbook.attributes(dict)
        switch Workbook.local(name) {
        case "table" where tabName == nil:
            tabName = a["name"] ?? "?"
            rows = []; rowNumber = 1
        case "table-row":
            rowRepeat = Workbook.repeats(a["number-rows-repeated"])
            row = RowBuilder()
        case "table-cell", "covered-table-cell":
            inCell = true
            cellRepeat = Workbook.repeats(a["number-columns-repeated"])
            cellText = ""; paragraphs = 0; cellValue = nil
            if a["formula"] != nil {
                fail(parser, Workbook.formula(file, row: rowNumber, column: row.count, header: rows.first?.cells ?? []))
                return
            }
            switch a["value-type"] {
            case "date": cellValue = a["date-value"].map { String($0.prefix(10)) }
            case "boolean": cellValue = a["boolean-value"]
            default: break
            }
        case "annotation": annotationDepth += 1
        case "p" where inCell && annotationDepth == 0:
            if paragraphs > 0 { cellText += "\n" }
            paragraphs += 1
        case "s" where inCell && annotationDepth == 0:
            cellText += String(repeating: " ", count: min(1000, max(1, Int(a["c"] ?? "1") ?? 1)))
        case "tab" where inCell && annotationDepth == 0: cellText += "\t"
        case "line-break" where inCell && annotationDepth == 0: cellText += "\n"
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inCell && annotationDepth == 0 { cellText += string }
    }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch Workbook.local(name) {
        case "annotation": annotationDepth -= 1
        case "table-cell", "covered-table-cell":
            inCell = false
            if !row.add(cellValue ?? cellText, repeated: cellRepeat, total: &total) { tooMany(parser) }
        case "table-row":
            if row.cells.isEmpty {
                rowNumber += rowRepeat
            } else {
                guard total + row.cells.count * (rowRepeat - 1) <= Workbook.cellLimit else { tooMany(parser); return }
                total += row.cells.count * (rowRepeat - 1)
                for _ in 0..<rowRepeat { rows.append((rowNumber, row.cells)); rowNumber += 1 }
            }
        case "table":
            guard let name = tabName else { return }
            do { tabs.append(Workbook.Tab(name: name, sheet: try Sheet.from(rows, file: file, separator: ",", encoding: .workbook))) } catch {
                // An empty tab: kept empty, so that a missing header is said as for a CSV file.
                tabs.append(Workbook.Tab(name: name, sheet: Sheet(file: file, header: [], rows: [], separator: ",", encoding: .workbook)))
            }
            tabName = nil
        default: break
        }
    }

    private func tooMany(_ parser: XMLParser) { fail(parser, Workbook.tooManyCells(file, row: rowNumber)) }
}

// MARK: Office Open XML (.xlsx)

/// `xl/workbook.xml`: the tabs in order, each with its relation id.
final class XLSXWorkbookReader: PartReader {
    var sheets: [(name: String, id: String)] = []

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes dict: [String: String] = [:]) {
        guard Workbook.local(name) == "sheet" else { return }
        // The relation id is `r:id`; `sheetId` is another attribute.
        if let tab = dict["name"], let id = dict.first(where: { $0.key != "sheetId" && Workbook.local($0.key) == "id" })?.value {
            sheets.append((tab, id))
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: relation id → part.
final class XLSXRelationsReader: PartReader {
    var targets: [String: String] = [:]

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes dict: [String: String] = [:]) {
        if Workbook.local(name) == "Relationship", let id = dict["Id"], let target = dict["Target"] { targets[id] = target }
    }
}

/// `xl/sharedStrings.xml`: every `si`, its runs' `t` joined, phonetic runs (`rPh`) left out.
final class XLSXSharedStringsReader: PartReader {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phonetic = 0

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes dict: [String: String] = [:]) {
        switch Workbook.local(name) {
        case "si": current = ""
        case "t": inText = phonetic == 0
        case "rPh": phonetic += 1
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch Workbook.local(name) {
        case "si":
            strings.append(Workbook.unescapeXLSX(current))
            if strings.count > Workbook.cellLimit { fail(parser, Workbook.problem("xl/sharedStrings.xml", "trop de textes", "too many texts")) }
        case "t": inText = false
        case "rPh": phonetic -= 1
        default: break
        }
    }
}

/// `xl/styles.xml`: which cell styles (`cellXfs`, by index) show a date.
final class XLSXStylesReader: PartReader {
    private var customDates: Set<Int> = []
    private var inCellXfs = false
    private var styles: [Int] = []
    var dateStyles: Set<Int> {
        Set(styles.indices.filter { let f = styles[$0]; return (14...22).contains(f) || (45...47).contains(f) || customDates.contains(f) })
    }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes dict: [String: String] = [:]) {
        switch Workbook.local(name) {
        case "numFmt":
            if let id = dict["numFmtId"].flatMap({ Int($0) }), let code = dict["formatCode"], XLSXStylesReader.isDate(code) { customDates.insert(id) }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: styles.append(dict["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if Workbook.local(name) == "cellXfs" { inCellXfs = false }
    }

    /// A number format that shows a date: y, m or d outside quotes and brackets (`[Red]`).
    static func isDate(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for c in code.lowercased() {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            case "y" where !quoted && !bracket, "d" where !quoted && !bracket: return true
            default: break
            }
        }
        return false
    }
}

/// One worksheet: `row` (numbered by `r`) › `c` (placed by `r`, typed by `t`, styled by `s`) ›
/// `v` (the value: an index into the shared strings for `t="s"`), `is` › `t` (an inline
/// string), `f` (a formula: refused).
final class XLSXSheetReader: PartReader {
    let file: String
    let strings: [String]
    let dateStyles: Set<Int>
    var rows: [(number: Int, cells: [String])] = []
    var cells: Int
    private var row = RowBuilder()
    private var rowNumber = 0
    private var column = 0
    private var type = "n"
    private var style = 0
    private var text = ""
    private var inValue = false

    init(file: String, strings: [String], dateStyles: Set<Int>, cellsBefore: Int) {
        self.file = file; self.strings = strings; self.dateStyles = dateStyles; self.cells = cellsBefore
    }

    override func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes dict: [String: String] = [:]) {
        switch Workbook.local(name) {
        case "row":
            rowNumber = dict["r"].flatMap { Int($0) }.map { min(max($0, 1), Workbook.rowLimit) } ?? min(rowNumber + 1, Workbook.rowLimit)
            row = RowBuilder()
        case "c":
            if let r = dict["r"] {
                let letters = r.prefix { $0.isLetter }
                guard let index = Workbook.columnIndex(letters) else { tooMany(parser); return }
                column = index
            } else {
                column = row.count
            }
            type = dict["t"] ?? "n"
            style = dict["s"].flatMap { Int($0) } ?? 0
            text = ""
        case "v", "t": inValue = true
        case "f":
            fail(parser, Workbook.formula(file, row: rowNumber, column: column, header: rows.first?.cells ?? []))
        default: break
        }
    }

    override func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { text += string } }

    override func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch Workbook.local(name) {
        case "v", "t": inValue = false
        case "c":
            let value: String
            switch type {
            case "s": value = Int(text).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
            case "inlineStr": value = Workbook.unescapeXLSX(text)
            case "b": value = text == "1" ? "true" : "false"
            case "n" where dateStyles.contains(style): value = Double(text).flatMap { Workbook.isoDate(serial: $0) } ?? text
            default: value = text
            }
            if !row.put(value, at: column, total: &cells) { tooMany(parser) }
        case "row":
            if !row.cells.isEmpty { rows.append((rowNumber, row.cells)) }
        default: break
        }
    }

    private func tooMany(_ parser: XMLParser) { fail(parser, Workbook.tooManyCells(file, row: rowNumber)) }
}

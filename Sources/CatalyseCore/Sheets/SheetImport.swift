import Foundation

/// A catalogue kept as three sheets in a folder (`catalogue.csv`, `cabinets.csv`, `offres.csv`),
/// read into the same document tree as a YAML or JSON file, so that `CatalogueReader` applies
/// every rule of `validate`. Labels become codes and place names or postal codes become
/// territories on the way; every diagnostic is then moved back to its sheet, row and column
/// (`offres.csv:14:F (Territoires): …`).
public enum SheetImport {
    /// A cell's place, as the document tree carries it: the row in `line`, and in `column` the
    /// sheet (× 10,000) and the column plus one (0: the whole row).
    static func position(_ sheet: SheetKind, row: Int, column: Int?) -> SourcePosition {
        SourcePosition(line: row, column: SheetKind.allCases.firstIndex(of: sheet)! * 10_000 + (column.map { $0 + 1 } ?? 0))
    }

    struct Located {
        var sheet: SheetKind
        var path: String
        var header: [String]
        var rows: [(number: Int, cells: [String])]
        /// Header cell index of each known column.
        var index: [String: Int]
    }

    /// Loads the three tabs of a workbook (`.ods` or `.xlsx`), found by their names as the
    /// sheets' files are (`offres` or `offers`, accents and case ignored); `today` bounds the years.
    public static func load(workbook path: String, kind: Workbook.Kind, today: Day) throws -> CatalogueLoader.Loaded {
        var info = stat()
        guard stat(path, &info) == 0 else { throw CatalogueLoader.ReadError.notFound(path) }
        let tabs: [Workbook.Tab]
        do { tabs = try Workbook.read(path: path, kind: kind) } catch {
            throw CatalogueError(file: path, diagnostics: [Diagnostic(file: error.file, position: SourcePosition(line: error.row, column: 0), field: "", message: error.problem.en, cell: error.cell)])
        }
        var diagnostics: [Diagnostic] = []
        var sheets: [SheetKind: Located] = [:]
        for kind in SheetKind.allCases {
            guard let tab = tabs.first(where: { kind.tabNames.contains(SheetColumn.headerKey($0.name)) }) else {
                let file = Workbook.tabFile(path, kind.tabNames[0])
                if kind == .catalogue {
                    diagnostics.append(Diagnostic(file: file, position: SourcePosition(line: 1, column: 0), field: "",
                                                  message: "no catalogue tab: the catalogue is named after its workbook, dated today and not marked illustrative",
                                                  severity: .warning))
                    continue
                }
                let names = tabs.map { "“" + TextCleaning.forDisplay($0.name) + "”" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(file: path, position: SourcePosition(line: 0, column: 0), field: "",
                                              message: "no “\(kind.tabNames[0])” tab (the workbook's tabs: \(names.isEmpty ? "none" : names))"))
                continue
            }
            sheets[kind] = locate(tab.sheet, kind, &diagnostics)
        }
        return try finish(sheets, diagnostics, source: path, today: today)
    }

    /// Loads the sheets of `folder`; `today` bounds the years.
    public static func load(folder: String, today: Day) throws -> CatalogueLoader.Loaded {
        var diagnostics: [Diagnostic] = []
        var sheets: [SheetKind: Located] = [:]
        for kind in SheetKind.allCases {
            let path = (folder as NSString).appendingPathComponent(kind.fileName)
            var info = stat()
            if stat(path, &info) != 0 {
                if kind == .catalogue {
                    diagnostics.append(Diagnostic(file: path, position: SourcePosition(line: 1, column: 0), field: "",
                                                  message: "no catalogue.csv: the catalogue is named after its folder, dated today and not marked illustrative",
                                                  french: "pas de catalogue.csv : le catalogue prend le nom de son dossier, la date du jour et n'est pas marqué illustratif",
                                                  severity: .warning))
                    continue
                }
                throw CatalogueLoader.ReadError.notFound(path)
            }
            let bytes: [UInt8]
            switch try FileReading.read(path, limit: CatalogueLoader.Format.yaml.sizeLimit) {
            case .empty: bytes = []
            case .tooLarge(let size): throw CatalogueLoader.tooLarge(path, .yaml, size: size)
            case .mapped(let m): bytes = Array(m.bytes.bindMemory(to: UInt8.self)); m.unmap()
            case .read(let b): bytes = b
            case .copied(_, let raw): bytes = Array(raw.bindMemory(to: UInt8.self))
            }
            do {
                let sheet = try Sheet.read(bytes, file: path)
                sheets[kind] = locate(sheet, kind, &diagnostics)
            } catch {
                diagnostics.append(Diagnostic(file: path, position: SourcePosition(line: error.row, column: 0), field: "", message: error.problem.en, french: error.problem.fr))
            }
        }
        return try finish(sheets, diagnostics, source: folder, today: today)
    }

    /// The located sheets read into a catalogue, every diagnostic placed on its sheet.
    static func finish(_ sheets: [SheetKind: Located], _ diagnostics: [Diagnostic], source folder: String, today: Day) throws -> CatalogueLoader.Loaded {
        var diagnostics = diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) { throw CatalogueError(file: folder, diagnostics: diagnostics) }
        let root = document(sheets, folder: folder, today: today, &diagnostics)
        var reader = CatalogueReader(file: folder, today: today)
        let catalogue = reader.read(root)
        diagnostics += reader.diagnostics.map { relocate($0, sheets, folder: folder) }
        diagnostics.sort { ($0.file, $0.position) < ($1.file, $1.position) }
        guard !diagnostics.contains(where: { $0.severity == .error }), let catalogue else {
            throw CatalogueError(file: folder, diagnostics: diagnostics)
        }
        return CatalogueLoader.Loaded(catalogue: catalogue, warnings: diagnostics, prebuiltIndex: nil)
    }

    /// The sheet's columns: known ones by header, unknown ones reported, missing ones refused,
    /// a help row (as `catalyse template` writes it) skipped.
    static func locate(_ sheet: Sheet, _ kind: SheetKind, _ diagnostics: inout [Diagnostic]) -> Located {
        var index: [String: Int] = [:]
        for (i, cell) in sheet.header.enumerated() {
            let shown = TextCleaning.forDisplay(cell)
            guard let column = SheetColumn.named(cell, in: kind.columns) else {
                if !cell.trimmingCharacters(in: .whitespaces).isEmpty {
                    diagnostics.append(Diagnostic(file: sheet.file, position: SourcePosition(line: 1, column: i + 1), field: "", message: "unknown column '\(shown)', ignored (the columns are listed in docs/catalogue-format.md)",
                                                  french: "colonne inconnue « \(shown) », ignorée (les colonnes sont listées dans docs/catalogue-format.md)", severity: .warning, cell: Sheet.columnLetter(i)))
                }
                continue
            }
            if let first = index[column.key] {
                diagnostics.append(Diagnostic(file: sheet.file, position: SourcePosition(line: 1, column: i + 1), field: "", message: "column '\(shown)' appears twice (first in column \(Sheet.columnLetter(first)))",
                                              french: "la colonne « \(shown) » figure deux fois (d'abord en colonne \(Sheet.columnLetter(first)))", cell: Sheet.columnLetter(i)))
                continue
            }
            index[column.key] = i
        }
        for column in kind.columns where column.required && index[column.key] == nil {
            diagnostics.append(Diagnostic(file: sheet.file, position: SourcePosition(line: 1, column: 0), field: "", message: "missing column '\(column.header.fr)' ('\(column.header.en)')",
                                          french: "colonne « \(column.header.fr) » absente"))
        }
        var rows = sheet.rows
        if let first = rows.first, isHelpRow(first.cells, kind.columns, index) { rows.removeFirst() }
        for row in rows where row.cells.count > sheet.header.count {
            diagnostics.append(Diagnostic(file: sheet.file, position: SourcePosition(line: row.number, column: sheet.header.count + 1), field: "",
                                          message: "\(row.cells.count - sheet.header.count) cell(s) after the last column (\(Sheet.columnLetter(sheet.header.count - 1))) are ignored",
                                          french: "\(row.cells.count - sheet.header.count) cellule(s) après la dernière colonne (\(Sheet.columnLetter(sheet.header.count - 1))) ignorée(s)",
                                          severity: .warning, cell: Sheet.columnLetter(sheet.header.count)))
        }
        return Located(sheet: kind, path: sheet.file, header: sheet.header, rows: rows, index: index)
    }

    static func isHelpRow(_ cells: [String], _ columns: [SheetColumn], _ index: [String: Int]) -> Bool {
        var matches = 0, filled = 0
        for column in columns {
            guard let i = index[column.key], i < cells.count, !cells[i].isEmpty else { continue }
            filled += 1
            if cells[i] == column.help.fr || cells[i] == column.help.en { matches += 1 }
        }
        return filled > 0 && matches * 2 >= filled
    }

    // MARK: The document tree

    static func scalar(_ text: String, _ at: SourcePosition) -> DocumentNode { DocumentNode(kind: .scalar(text, plain: false), position: at) }
    static func key(_ text: String, _ at: SourcePosition) -> DocumentNode { DocumentNode(kind: .scalar(text, plain: false), position: at) }
    static func null(_ at: SourcePosition) -> DocumentNode { DocumentNode(kind: .scalar("", plain: true), position: at) }

    /// A cell's text as the catalogue reads it: the `'` a spreadsheet export puts before a
    /// formula-like value removed, labels turned into codes, places into territory codes.
    static func value(_ raw: String, _ column: SheetColumn) -> String {
        var text = raw
        if text.hasPrefix("'"), let next = text.dropFirst().first, "=+-@".contains(next) { text.removeFirst() }
        if let facet = column.facet, case .found(let ordinal) = facet.coded!.resolve(text) { return facet.coded!.values[ordinal].code }
        if column.key == "territories", case .place(let place) = Territories.resolve(text) { return place.code }
        if column.key == "illustrative" {
            switch TextFolding.fold(TextCleaning.trim(text)) {
            case "oui", "vrai", "yes", "true": return "true"
            case "non", "faux", "no", "false": return "false"
            default: return text
            }
        }
        return text
    }

    /// One row as a mapping of its known columns (nested keys `contact.email` grouped);
    /// `skip` leaves a column out (the offer's firm, used for grouping).
    static func mapping(_ row: (number: Int, cells: [String]), _ sheet: Located, skip: Set<String> = []) -> DocumentNode {
        let at = position(sheet.sheet, row: row.number, column: nil)
        var top: [(key: DocumentNode, value: DocumentNode)] = []
        var nested: [String: [(key: DocumentNode, value: DocumentNode)]] = [:]
        var nestedOrder: [String] = []
        for column in sheet.sheet.columns where !skip.contains(column.key) {
            guard let i = sheet.index[column.key] else { continue }
            let cellAt = position(sheet.sheet, row: row.number, column: i)
            let raw = i < row.cells.count ? row.cells[i] : ""
            let node: DocumentNode
            if raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                guard column.required else { continue }
                node = null(cellAt)
            } else if column.multiple {
                let items = raw.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "\n" || $0 == "\r\n" })
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                node = DocumentNode(kind: .sequence(items.map { scalar(value($0, column), cellAt) }), position: cellAt)
            } else {
                node = scalar(value(raw, column), cellAt)
            }
            let parts = column.key.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                if nested[parts[0]] == nil { nestedOrder.append(parts[0]) }
                nested[parts[0], default: []].append((key(parts[1], cellAt), node))
            } else {
                top.append((key(column.key, cellAt), node))
            }
        }
        for name in nestedOrder { top.append((key(name, at), DocumentNode(kind: .mapping(nested[name]!), position: at))) }
        return DocumentNode(kind: .mapping(top), position: at)
    }

    static func document(_ sheets: [SheetKind: Located], folder: String, today: Day, _ diagnostics: inout [Diagnostic]) -> DocumentNode {
        let origin = position(.catalogue, row: 1, column: nil)
        let meta: DocumentNode
        if let sheet = sheets[.catalogue], let first = sheet.rows.first {
            meta = mapping(first, sheet)
            for extra in sheet.rows.dropFirst() {
                diagnostics.append(Diagnostic(file: sheet.path, position: SourcePosition(line: extra.number, column: 0), field: "", message: "catalogue.csv holds one row; this one is ignored",
                                              french: "catalogue.csv contient une seule ligne ; celle-ci est ignorée", severity: .warning))
            }
        } else {
            let base = (folder as NSString).lastPathComponent
            let name = Workbook.Kind(path: folder) != nil ? (base as NSString).deletingPathExtension : base
            meta = DocumentNode(kind: .mapping([(key("name", origin), scalar(name.isEmpty ? "Catalogue" : name, origin)),
                                                (key("updated", origin), scalar(today.description, origin)),
                                                (key("illustrative", origin), scalar("false", origin))]), position: origin)
        }
        // Offers grouped under their firm, in the firms' order, keeping the rows' order.
        var offersOfFirm: [String: [DocumentNode]] = [:]
        if let offers = sheets[.offers], let firmColumn = offers.index["firm"] {
            let known = Set((sheets[.firms]?.rows ?? []).compactMap { row in sheets[.firms]!.index["id"].flatMap { $0 < row.cells.count ? row.cells[$0] : nil } })
            for row in offers.rows {
                let firm = firmColumn < row.cells.count ? row.cells[firmColumn].trimmingCharacters(in: .whitespaces) : ""
                guard known.contains(firm) else {
                    diagnostics.append(Diagnostic(file: offers.path, position: SourcePosition(line: row.number, column: firmColumn + 1), field: "",
                                                  message: firm.isEmpty ? "the offer names no firm" : "no firm has the id '\(TextCleaning.forDisplay(firm))' in cabinets.csv",
                                                  french: firm.isEmpty ? "l'offre ne nomme aucun cabinet" : "aucun cabinet n'a l'identifiant « \(TextCleaning.forDisplay(firm)) » dans cabinets.csv",
                                                  cell: cellName(offers, firmColumn)))
                    continue
                }
                offersOfFirm[firm, default: []].append(mapping(row, offers, skip: ["firm"]))
            }
        }
        var firms: [DocumentNode] = []
        if let sheet = sheets[.firms] {
            for row in sheet.rows {
                var firm = mapping(row, sheet)
                let id = sheet.index["id"].flatMap { $0 < row.cells.count ? row.cells[$0].trimmingCharacters(in: .whitespaces) : nil } ?? ""
                let at = position(.firms, row: row.number, column: nil)
                if case .mapping(var pairs) = firm.kind {
                    pairs.append((key("offers", at), DocumentNode(kind: .sequence(offersOfFirm[id] ?? []), position: at)))
                    firm = DocumentNode(kind: .mapping(pairs), position: at)
                }
                firms.append(firm)
            }
        }
        return DocumentNode(kind: .mapping([(key("catalogue", origin), meta), (key("firms", origin), DocumentNode(kind: .sequence(firms), position: origin))]), position: origin)
    }

    static func cellName(_ sheet: Located, _ column: Int) -> String {
        Sheet.columnLetter(column) + (column < sheet.header.count ? " (\(TextCleaning.forDisplay(sheet.header[column])))" : "")
    }

    /// A reader diagnostic moved back to its sheet, row and column.
    static func relocate(_ d: Diagnostic, _ sheets: [SheetKind: Located], folder: String) -> Diagnostic {
        let kind = SheetKind.allCases[min(SheetKind.allCases.count - 1, max(0, d.position.column / 10_000))]
        let column = d.position.column % 10_000 - 1
        var moved = d
        if let sheet = sheets[kind] {
            moved.file = sheet.path
            moved.position = SourcePosition(line: d.position.line, column: column + 1)
            moved.cell = column >= 0 ? cellName(sheet, column) : nil
        } else {
            moved.file = (folder as NSString).appendingPathComponent(kind.fileName)
        }
        // The catalogue path of the field says which value inside a cell (`territories[1]`).
        if let bracket = d.field.lastIndex(of: "["), d.field.hasSuffix("]"), column >= 0 {
            moved.field = "value " + String(Int(d.field[d.field.index(after: bracket)..<d.field.index(before: d.field.endIndex)]).map { $0 + 1 } ?? 0)
        } else {
            moved.field = column >= 0 ? "" : d.field
        }
        return moved
    }
}

import CSV
import Foundation

/// One CSV file as a spreadsheet saves it, read into rows of cells: the encoding detected
/// (UTF-8 with or without a byte-order mark, or Windows-1252, Excel's default in France), the
/// separator detected (`;` or `,`), quoted cells with line breaks, CRLF, trailing empty columns
/// and rows. CSV.swift parses the cells; a pre-scan here finds where each row starts (to name
/// rows as the spreadsheet numbers them, header = 1) and refuses an unbalanced quote, which the
/// library would read to the end of the file.
public struct Sheet: Sendable {
    public var file: String
    /// The header row's cells.
    public var header: [String]
    /// The data rows, each with its number as the spreadsheet shows it (the header is row 1).
    public var rows: [(number: Int, cells: [String])]
    public var separator: Character
    public var encoding: Encoding

    /// How the cells were stored: a CSV file's encoding, or a workbook (XML, always Unicode).
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", windows1252 = "Windows-1252", workbook = "workbook" }

    /// A problem that stops the file from being read at all.
    public struct ReadProblem: Error, Sendable, Equatable {
        public var file: String
        public var row: Int
        public var problem: Label
        /// The cell's column, by letter and header (`C (Titre)`), when one cell is at fault.
        public var cell: String? = nil
    }

    /// Column `i` (0-based) as a spreadsheet names it: A, B, …, Z, AA, AB…
    public static func columnLetter(_ i: Int) -> String {
        var n = i + 1, s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    /// Reads a sheet from the bytes of its file.
    public static func read(_ bytes: [UInt8], file: String) throws(ReadProblem) -> Sheet {
        func fail(_ row: Int, _ fr: String, _ en: String) -> ReadProblem { ReadProblem(file: file, row: row, problem: Label(fr: fr, en: en)) }
        var body = bytes[...]
        let hadBOM = body.starts(with: [0xEF, 0xBB, 0xBF])
        if hadBOM { body = body.dropFirst(3) }
        let starts = try rowStarts(body, file: file)
        func row(ofOffset offset: Int) -> Int { (starts.lastIndex { $0 <= offset } ?? 0) + 1 }
        // The encoding: UTF-8 if the whole file is; Windows-1252 if no byte ever began a valid
        // UTF-8 sequence; a file that is UTF-8 in places and not in others is refused.
        let text: String
        let encoding: Encoding
        if let utf8 = String(validating: body, as: UTF8.self) {
            (text, encoding) = (utf8, .utf8)
        } else {
            let firstBad = firstInvalidUTF8(body)
            if hadBOM || containsMultibyteUTF8(body) {
                throw fail(row(ofOffset: firstBad), "l'encodage change en cours de fichier (de l'UTF-8, puis un octet qui n'en est pas) ; enregistrez le fichier en UTF-8",
                           "the encoding changes within the file (UTF-8, then a byte that is not); save the file as UTF-8")
            }
            if let undefined = body.firstIndex(where: { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) }) {
                throw fail(row(ofOffset: undefined - body.startIndex), "un octet (0x\(String(body[undefined], radix: 16, uppercase: true))) n'est ni de l'UTF-8 ni du Windows-1252 ; enregistrez le fichier en UTF-8",
                           "a byte (0x\(String(body[undefined], radix: 16, uppercase: true))) is neither UTF-8 nor Windows-1252; save the file as UTF-8")
            }
            guard let decoded = String(data: Data(body), encoding: .windowsCP1252) else {
                throw fail(row(ofOffset: firstBad), "encodage illisible ; enregistrez le fichier en UTF-8", "unreadable encoding; save the file as UTF-8")
            }
            (text, encoding) = (decoded, .windows1252)
        }
        let separator = detectSeparator(text)
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: separator == ";" ? ";" : ",") } catch {
            throw fail(1, "fichier CSV illisible", "unreadable CSV file")
        }
        var records: [(number: Int, cells: [String])] = []
        while let record = reader.next() { records.append((records.count + 1, record)) }
        return try from(records, file: file, separator: separator, encoding: encoding)
    }

    /// A sheet from its rows as numbered by the spreadsheet (the first one is the header):
    /// trailing empty rows, and trailing empty cells of each row, are what spreadsheets leave.
    static func from(_ records: [(number: Int, cells: [String])], file: String, separator: Character, encoding: Encoding) throws(ReadProblem) -> Sheet {
        func blank(_ cells: [String]) -> Bool { cells.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        func trimmed(_ cells: [String]) -> [String] {
            var cells = cells
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            return cells
        }
        var records = records
        while let last = records.last, blank(last.cells) { records.removeLast() }
        guard let header = records.first else {
            throw ReadProblem(file: file, row: 1, problem: Label(fr: "le fichier est vide (il faut au moins la ligne d'en-tête)", en: "the file is empty (it needs at least its header row)"))
        }
        let rows = records.dropFirst().filter { !blank($0.cells) }.map { ($0.number, trimmed($0.cells)) }
        return Sheet(file: file, header: trimmed(header.cells), rows: rows, separator: separator, encoding: encoding)
    }

    /// The byte offsets where each row starts (a line break outside quotes ends a row); an
    /// unbalanced quote is refused, naming the row where the quoted cell starts.
    static func rowStarts(_ body: ArraySlice<UInt8>, file: String) throws(ReadProblem) -> [Int] {
        var starts = [0]
        var quoted = false
        var quoteRow = 0
        var previous: UInt8 = 0
        var k = 0
        for b in body {
            if b == 0x22 {
                if !quoted { quoteRow = starts.count }
                quoted.toggle()
            } else if !quoted && (b == 0x0A || (b == 0x0D)) {
                if !(b == 0x0A && previous == 0x0D) { starts.append(k + 1) } else { starts[starts.count - 1] = k + 1 }
            }
            previous = b
            k += 1
        }
        if quoted {
            throw ReadProblem(file: file, row: quoteRow, problem: Label(
                fr: "un guillemet ouvert dans cette ligne n'est jamais fermé", en: "a quote opened in this row is never closed"))
        }
        return starts
    }

    /// `;` when the header row (outside quotes) holds more of them than commas.
    static func detectSeparator(_ text: String) -> Character {
        var semicolons = 0, commas = 0, quoted = false
        for c in text.unicodeScalars {
            if c == "\"" { quoted.toggle() } else if !quoted {
                if c == "\n" || c == "\r" { break }
                if c == ";" { semicolons += 1 } else if c == "," { commas += 1 }
            }
        }
        return semicolons > commas ? ";" : ","
    }

    static func containsMultibyteUTF8(_ body: ArraySlice<UInt8>) -> Bool {
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            let length = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            if length > 0, i + length <= body.endIndex, String(validating: body[i..<(i + length)], as: UTF8.self) != nil { return true }
            i += 1
        }
        return false
    }

    /// The offset (from the start of `body`) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ body: ArraySlice<UInt8>) -> Int {
        var i = body.startIndex
        while i < body.endIndex {
            let b = body[i]
            if b < 0x80 { i += 1; continue }
            let length = b >= 0xF0 && b < 0xF5 ? 4 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0
            guard length > 0, i + length <= body.endIndex, String(validating: body[i..<(i + length)], as: UTF8.self) != nil else { return i - body.startIndex }
            i += length
        }
        return body.count
    }
}

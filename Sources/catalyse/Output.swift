import ArgumentParser
import CatalyseCore
import Foundation
import Glibc

/// Exit statuses (sysexits.h), as documented in `catalyse --help`.
enum ExitStatus {
    static let notFound: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let unavailable: Int32 = 69
    static let software: Int32 = 70
    static let cantCreate: Int32 = 73
    static let ioError: Int32 = 74
}

/// Writing to the terminal or a pipe, and the shared error paths of the commands. Every write
/// goes through `StandardStreams`, which handles its failure (exit 74, or quietly on EPIPE).
enum Output {
    /// The language of the program's own messages, known before the options are parsed (from
    /// `--lang`, else the environment): set once by `main` before anything is written.
    nonisolated(unsafe) static var language: Language = .fr

    static func out(_ text: String) {
        StandardStreams.out(text, language: language)
    }

    /// One clear sentence on stderr, about an error: if it cannot be written, the status the
    /// error is about is kept.
    static func error(_ text: String) {
        StandardStreams.error(typeset(text.hasSuffix("\n") ? text : text + "\n"))
    }

    /// The program's French messages with French typography (a non-breaking space before
    /// `:` `;` `?` `!` `»` and after `«`), whichever command wrote them.
    static func typeset(_ text: String) -> String { language == .fr ? Typography.french(text) : text }

    /// A note on stderr (a warning, what was done): if it cannot be written, the program ends
    /// with status 74 instead of 0.
    static func note(_ text: String) {
        StandardStreams.note(typeset(text.hasSuffix("\n") ? text : text + "\n"))
    }

    /// A usage error worded by the program (in the user's language, unlike the argument
    /// parser's): the sentence on stderr, and the status 64 to throw.
    static func usage(fr: String, en: String) -> ExitCode {
        error(language == .fr ? "catalyse : " + fr : "catalyse: " + en)
        return ExitCode(ExitStatus.usage)
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Width of the terminal on stdout (COLUMNS, else 80 when unknown).
    static var terminalWidth: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return 80
    }

    /// Loads a catalogue or exits: 66 when the file cannot be read, 65 when its content is bad
    /// (every problem listed, then a summary).
    static func loadOrExit(_ source: CatalogueSource, _ language: Language, cache: CompiledCache? = nil,
                           keeping: CatalogueLoader.Keeping = .modelAndIndex) throws -> CatalogueLoader.Loaded {
        do {
            // CATALYSE_MAP_ABOVE (bytes) moves the bound below which a compiled catalogue is
            // copied into memory rather than mapped (docs/catalogue-format.md; 0 maps every file).
            let mapAbove = ProcessInfo.processInfo.environment["CATALYSE_MAP_ABOVE"].flatMap { Int($0) }
            return try source.load(today: Day.today(), mapAbove: mapAbove.map { max(0, $0) } ?? CatalogueLoader.Format.defaultMapAbove, cache: cache, keeping: keeping)
        } catch let e as CatalogueLoader.ReadError {
            switch e {
            case .notFound(let path):
                error(language == .fr ? "catalyse\u{00A0}: le catalogue \(TextCleaning.forDisplay(path)) n'existe pas." : "catalyse: the catalogue \(TextCleaning.forDisplay(path)) does not exist.")
            case .unreadable(let path, let reason):
                error(language == .fr ? "catalyse : impossible de lire le catalogue \(TextCleaning.forDisplay(path)) : \(reason.text(.fr))." : "catalyse: cannot read the catalogue \(TextCleaning.forDisplay(path)): \(reason.text(.en)).")
            }
            throw ExitCode(ExitStatus.noInput)
        } catch let e as CatalogueError {
            // A compiled file of another format version: one sentence saying to compile it again.
            if let message = e.compiledVersionMessage(language) {
                error(message)
                throw ExitCode(ExitStatus.dataError)
            }
            for d in e.errors { error(d.description(language)) }
            error(e.summary(language))
            throw ExitCode(ExitStatus.dataError)
        }
    }

    /// Reads the favourites or exits (65 corrupt, 66 unreadable).
    static func favouritesOrExit(_ store: FavouritesStore, _ language: Language) throws -> [String] {
        do {
            return try store.load()
        } catch {
            throw exit(for: error, language)
        }
    }

    static func exit(for e: FavouritesError, _ language: Language) -> ExitCode {
        let message = e.message(language)
        error(language == .fr ? "catalyse\u{00A0}: " + message.prefix(1).lowercased() + message.dropFirst() : "catalyse: " + message)
        switch e {
        case .corrupt: return ExitCode(ExitStatus.dataError)
        case .unreadable: return ExitCode(ExitStatus.noInput)
        case .unwritable: return ExitCode(ExitStatus.cantCreate)
        }
    }

    /// Prints JSON made by `make`, or exits 70 if the program could not encode its own output.
    static func json(_ language: Language, _ make: () throws(JSONOutput.EncodingError) -> String) throws {
        do {
            out(try make())
        } catch {
            self.error(language == .fr ? "catalyse\u{00A0}: erreur interne, le JSON n'a pas pu être produit (\(error.reason))."
                                       : "catalyse: internal error, the JSON could not be produced (\(error.reason)).")
            throw ExitCode(ExitStatus.software)
        }
    }

    /// A plain field for tab-separated output: tabs and every line break a reader may split a
    /// row at (LF, CR, VT, FF, NEL, U+2028, U+2029) shown as spaces. (Catalogue text is cleaned
    /// at load already; this keeps any other text from splitting a row.)
    static func tsvField(_ text: String) -> String {
        // On the UTF-8 bytes: 09–0D, NEL (C2 85), U+2028 and U+2029 (E2 80 A8/A9).
        func clean(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
            func breakLength(_ i: Int) -> Int {
                switch bytes[i] {
                case 0x09...0x0D: return 1
                case 0xC2: return i + 1 < bytes.count && bytes[i + 1] == 0x85 ? 2 : 0
                case 0xE2: return i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9) ? 3 : 0
                default: return 0
                }
            }
            var i = 0
            while i < bytes.count, breakLength(i) == 0 { i += 1 }
            if i == bytes.count { return nil }  // nothing to change
            var out = Array(bytes[..<i])
            out.reserveCapacity(bytes.count)
            while i < bytes.count {
                let n = breakLength(i)
                if n > 0 { out.append(0x20); i += n } else { out.append(bytes[i]); i += 1 }
            }
            return String(decoding: out, as: UTF8.self)
        }
        if let done = text.utf8.withContiguousStorageIfAvailable(clean) { return done ?? text }
        var copy = text
        return copy.withUTF8(clean) ?? text
    }

    /// A table that fits `width` cells: columns get their natural width, and the flexible ones
    /// (`shrink`) give up space, longest first, cut with `…`.
    static func table(_ header: [String], _ rows: [[String]], width: Int, shrink: Set<Int>) -> String {
        let columns = header.count
        var widths = (0..<columns).map { c in ([header[c]] + rows.map { $0[c] }).map(CellWidth.of).max() ?? 0 }
        let gap = 2
        var total = widths.reduce(0, +) + gap * (columns - 1)
        while total > width {
            guard let c = shrink.filter({ widths[$0] > 8 }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[c] -= 1
            total -= 1
        }
        func line(_ cells: [String]) -> String {
            var s = ""
            for c in 0..<columns {
                let cell = c == columns - 1 ? CellWidth.truncate(cells[c], to: widths[c]) : CellWidth.pad(cells[c], to: widths[c])
                s += cell + (c == columns - 1 ? "" : String(repeating: " ", count: gap))
            }
            return s
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}

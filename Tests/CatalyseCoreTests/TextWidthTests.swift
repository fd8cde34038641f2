import Foundation
import Testing
import Glibc
@testable import CatalyseCore

/// Issue 23, class 8: text widths as terminals draw them, and what never gets through.
@Suite("Text widths and cleaning")
struct TextWidthTests {
    /// The C library's `wcwidth` (what ncurses measures with), found at run time: Glibc's
    /// module does not export it without `_XOPEN_SOURCE`.
    static let wcwidth: @convention(c) (wchar_t) -> Int32 = {
        let symbol = dlsym(nil, "wcwidth")
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    @Test func scalarWidthsAgreeWithTheCLibrary() {
        var mismatches: [String] = []
        let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)
        let previous = uselocale(locale)
        defer { uselocale(previous); freelocale(locale) }
        for v in UInt32(0x20)...0x3FFFF {
            guard let scalar = Unicode.Scalar(v), scalar.properties.generalCategory != .unassigned else { continue }
            let system = Int(Self.wcwidth(wchar_t(bitPattern: v)))
            guard system >= 0 else { continue }  // controls and other non-printing scalars: cleaned at load
            let ours = CellWidth.width(scalar)
            if ours != system { mismatches.append(String(v, radix: 16) + ":\(ours)/\(system)") }
        }
        print("width mismatches: \(mismatches.count): \(mismatches.prefix(5000).joined(separator: " "))")
        #expect(mismatches.isEmpty)
    }
}

extension TextWidthTests {
    @Test func graphemesAreMeasuredAsTerminalsLayThemOut() {
        // Measured in tmux 3.3a (cursor_x after printing each): a soft hyphen takes a cell, a
        // skin-tone modifier two more, Devanagari one per consonant and spacing vowel sign;
        // scalars joined by a ZWJ take no cell of their own.
        let cases: [(String, Int)] = [("a\u{AD}b", 3), ("👍🏽", 4), ("क्षत्रिय", 6), ("👨‍👩‍👧", 2), ("🇫🇷", 2), ("e\u{301}", 1),
                                      ("👩🏽‍💻", 4), ("東京", 4), ("☺️", 2), ("a\u{200B}b", 2), ("Mécénat", 7), ("\u{301}", 0)]
        for (text, width) in cases { #expect(CellWidth.of(text) == width, "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
        #expect(CellWidth.pieces(of: "👍🏽").map(\.width) == [2, 2])
        #expect(CellWidth.pieces(of: "👨‍👩‍👧").map(\.text) == ["👨‍👩‍👧"])
        #expect(CellWidth.pieces(of: "🇫🇷").map(\.text) == ["🇫", "🇷"])
        #expect(CellWidth.pieces(of: "e\u{301}").map(\.text) == ["e\u{301}"])
        for text in ["क्षत्रिय", "👨‍👩‍👧‍👦", "🏳️‍🌈", "a\u{AD}b"] {
            for ch in text { #expect(CellWidth.pieces(of: ch).reduce(0) { $0 + $1.width } == CellWidth.of(ch)) }
            #expect(text.map { CellWidth.pieces(of: $0).map(\.text).joined() }.joined() == text)
        }
    }

    @Test func unicodeLineBreaksAndBidiMarksNeverGetThrough() throws {
        for mark in ["\u{200E}", "\u{200F}", "\u{061C}", "\u{202E}", "\u{2066}"] {
            let (text, report) = TextCleaning.clean("a\(mark)b", singleLine: true)
            #expect(text == "ab" && report.removedBidi == 1, "\(mark.unicodeScalars.first!.value)")
            #expect(TextCleaning.needsCleaning("a\(mark)b", singleLine: false))
        }
        for separator in ["\u{2028}", "\u{2029}"] {
            #expect(TextCleaning.clean("un\(separator)deux", singleLine: true).text == "un deux")
            #expect(TextCleaning.clean("un\(separator)deux", singleLine: false).text == "un\ndeux")
            #expect(TextCleaning.forDisplay("x\(separator)y") == "x y")
        }
        // Through the loader: the title, a single-line field, holds no separator nor mark.
        let yaml = Fixtures.catalogue(firms: [Fixtures.firm(offers: [Fixtures.offer(id: "o1", title: #""Avant\Laprès \u200F\u061Cfin""#)])])
        let loaded = try CatalogueLoader.load(yaml: yaml, file: "t.yaml", today: Fixtures.today)
        #expect(loaded.catalogue.offers[0].title == "Avant après fin")
        #expect(loaded.warnings.count == 1)
    }
}

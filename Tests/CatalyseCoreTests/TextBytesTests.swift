import Testing
@testable import CatalyseCore

/// The byte rules of the loader's texts (`SimpleText`: paragraphs and trimming on UTF-8 bytes,
/// issue 21 part 2) give what the `Character` rules give, on random and hostile texts.
@Suite("Text rules on bytes equal the rules on characters")
struct TextBytesTests {
    /// The `Character` trim, as written before the byte path.
    static func characterTrim(_ text: String) -> String {
        func blank(_ c: Character) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{00A0}" }
        guard let first = text.firstIndex(where: { !blank($0) }) else { return "" }
        let last = text.lastIndex(where: { !blank($0) })!
        return String(text[first...last])
    }

    /// Pieces that random texts are made of: separators, item marks, French letters and
    /// punctuation, and what joins characters (combining marks, CR LF, joiners, Hangul, emoji).
    static let pieces: [String] = [
        " ", " ", "  ", "\n", "\n", "\r\n", "\r", "\t", "\u{00A0}", "- ", "-", "* ", "• ", "•", "mot", "é", "’", "«", "»", "…", "–", "€",
        "\u{202F}", "x", "Ça", "\u{0301}", "\u{200D}", "\u{200C}", "\u{0600}", "한", "\u{1F600}", "\u{FE0F}", "\u{2028}", "\u{2060}", "a\u{0308}",
    ]

    static func randomText(_ rng: inout some RandomNumberGenerator, simpleOnly: Bool) -> String {
        let pool = simpleOnly ? pieces.filter { piece in SimpleText.withBytes(piece) { SimpleText.isSimple($0) } } : pieces
        return (0..<Int.random(in: 0...14, using: &rng)).map { _ in pool.randomElement(using: &rng)! }.joined()
    }

    @Test func paragraphsAndTrimOnBytesEqualTheCharacterRules() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<20_000 {
            let text = TextBytesTests.randomText(&rng, simpleOnly: round % 2 == 0)
            #expect(Paragraphs.normalise(text) == Paragraphs.characterBlocks(text).joined(separator: "\n"), "\(text.debugDescription)")
            #expect(Paragraphs.blocks(text) == Paragraphs.characterBlocks(text), "\(text.debugDescription)")
            #expect(TextCleaning.trim(text) == TextBytesTests.characterTrim(text), "\(text.debugDescription)")
        }
    }

    @Test func frenchTypographyOnBytesEqualsTheCharacterRule() {
        var rng = SystemRandomNumberGenerator()
        let signs = [":", ";", "?", "!", "«", "»", " : ", " « ", " » ", "« ", " »"]
        for round in 0..<20_000 {
            var text = TextBytesTests.randomText(&rng, simpleOnly: round % 2 == 0)
            // Signs among the pieces, so that most texts take the rule at all.
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = text.unicodeScalars.count
                let k = Int.random(in: 0...at, using: &rng)
                var scalars = Array(text.unicodeScalars)
                scalars.insert(contentsOf: signs.randomElement(using: &rng)!.unicodeScalars, at: k)
                text = String(String.UnicodeScalarView(scalars))
            }
            #expect(Typography.french(text) == Typography.frenchCharacters(text), "\(text.debugDescription)")
        }
        #expect(Typography.french("Titre : « mot » ; fin ?") == "Titre\u{00A0}: «\u{00A0}mot\u{00A0}»\u{00A0}; fin\u{00A0}?")
        #expect(Typography.french("a  :") == "a \u{00A0}:")
    }

    @Test func whichTextsAreSimple() {
        for simple in ["", "abc", "Été « à » l’école… 5 €", "a\u{00A0}b", "\u{202F}", "x\r\ny"] {
            #expect(SimpleText.withBytes(simple) { SimpleText.isSimple($0) }, "\(simple.debugDescription)")
        }
        for other in ["e\u{0301}", "a\u{200D}b", "\u{0600}1", "한", "\u{1F600}", "\u{2060}", "\u{2028}"] {
            #expect(!SimpleText.withBytes(other) { SimpleText.isSimple($0) }, "\(other.debugDescription)")
        }
    }
}

@Suite("Folding punctuation and currency without Foundation")
struct PunctuationFoldingTests {
    @Test func punctuationAndCurrencyFoldToThemselvesAndEndWords() {
        for v in Array(0x2000...0x206F) + Array(0x20A0...0x20CF) {
            guard let scalar = Unicode.Scalar(UInt32(v)) else { continue }
            // What the general case of `appendFolded` gives.
            let category = scalar.properties.generalCategory
            #expect(category != .nonspacingMark && category != .enclosingMark && category != .spacingMark, "U+\(String(v, radix: 16))")
            #expect(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.count == 1, "U+\(String(v, radix: 16))")
            #expect(scalar.properties.lowercaseMapping == String(scalar), "U+\(String(v, radix: 16))")
            #expect(!TextFolding.isWordScalar(scalar), "U+\(String(v, radix: 16))")
            #expect(TextFolding.fold("a\(String(scalar))b") == "a\(String(scalar))b")
            #expect(TextFolding.foldedWords("l\(String(scalar))été") == ["l", "ete"], "U+\(String(v, radix: 16))")
        }
    }
}

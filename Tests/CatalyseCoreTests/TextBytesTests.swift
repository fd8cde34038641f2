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

    /// What `CatalogueReader.text` made of a text before `TextCleaning.loaded`: the steps one by
    /// one (nil where they report a cleaning, which `loaded` never takes).
    static func steps(_ text: String, singleLine: Bool) -> String? {
        let (cleaned, report) = TextCleaning.clean(text, singleLine: singleLine)
        guard report.isEmpty else { return nil }
        let trimmed = TextCleaning.trim(cleaned)
        if trimmed.isEmpty { return "" }
        return singleLine ? cleaned : Paragraphs.normalise(trimmed)
    }

    @Test func loadedTextsInOnePassEqualTheSteps() {
        var rng = SystemRandomNumberGenerator()
        let extra = ["\u{0001}", "\u{007F}", "\u{0085}", "\u{009F}", "\u{00A0}", "\u{200E}", "\u{202A}", "\u{2066}", "\u{2000}",
                     "\u{20BF}", "\u{20C0}", "\u{2029}", "\u{02FF}", "Œuvre", "   ", "\n\n", " \u{00A0} "]
        var taken = 0
        for round in 0..<20_000 {
            let text = round % 3 == 0
                ? (0..<Int.random(in: 0...14, using: &rng)).map { _ in (TextBytesTests.pieces + extra).randomElement(using: &rng)! }.joined()
                : TextBytesTests.randomText(&rng, simpleOnly: round % 3 == 1)
            for singleLine in [true, false] {
                guard let loaded = TextCleaning.loaded(text, singleLine: singleLine) else { continue }
                taken += 1
                #expect(loaded == TextBytesTests.steps(text, singleLine: singleLine), "\(text.debugDescription) singleLine: \(singleLine)")
            }
        }
        #expect(taken > 10_000)
        #expect(TextCleaning.loaded("  Été « à » l’école…  5 €\u{00A0}", singleLine: true) == "Été « à » l’école… 5 €")
    }

    /// The one-pass test equals the two rules, scalar by scalar (U+0000–U+30FF and U+1F600).
    @Test func simpleAndCleanInOnePassEqualsTheTwoRules() {
        for v in Array(0..<0x3100) + [0x1F600, 0xFEFF, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let c = Character(scalar)
            // Short texts, and the scalar at each place of an eight-byte word (read a word at a time).
            let texts = ["a\(c)b", String(c), "\(c)\(c)"] + (0..<9).map { String(repeating: "x", count: $0) + "\(c)" + String(repeating: "y", count: 9) }
            for text in texts {
                for singleLine in [true, false] {
                    let two = SimpleText.withBytes(text) { !TextCleaning.needsCleaning(UnsafeRawBufferPointer($0), singleLine: singleLine) && SimpleText.isSimple($0) }
                    let one = SimpleText.withBytes(text) { TextCleaning.isSimpleAndClean($0, singleLine: singleLine) }
                    #expect(one == two, "U+\(String(v, radix: 16)) singleLine: \(singleLine)")
                }
            }
        }
    }

    /// The e-mail and web address rules as written before their ASCII paths.
    static func characterEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
    }

    static func characterWebAddress(_ raw: String) -> Bool {
        let lower = raw.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !raw.contains(" ")
            && raw.split(separator: "/", omittingEmptySubsequences: true).count >= 2
    }

    @Test func emailAndWebAddressOnBytesEqualTheCharacterRules() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["@", "@", ".", ".", "..", "a", "b", "contact", "exemple.fr", " ", "\r\n", "\r", "\n", "\t", "\u{000B}", "\u{001F}", "<", ">", ",", ";",
                      "http://", "https://", "HTTPS://", "Http:/", "/", "//", "x/y", "é", "\u{00A0}", "\u{0301}", "-"]
        for round in 0..<30_000 {
            var text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            if round % 97 == 0 { text = String(repeating: "a", count: 250) + "@b.fr" + (round % 2 == 0 ? "" : "x") }
            #expect(EmailAddress.isValid(text) == TextBytesTests.characterEmail(text), "\(text.debugDescription)")
            #expect(CatalogueReader.isWebAddress(text) == TextBytesTests.characterWebAddress(text), "\(text.debugDescription)")
        }
        #expect(EmailAddress.isValid("contact@cabinet-exemple.fr"))
        #expect(CatalogueReader.isWebAddress("https://cabinet-exemple.fr"))
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

import Testing
@testable import CatalyseCore

@Suite("Accent folding, words and French order")
struct TextFoldingTests {
    @Test func foldsAccentsCaseAndLigatures() {
        #expect(TextFolding.fold("Île-de-France") == "ile-de-france")
        #expect(TextFolding.fold("MÉCÉNAT") == "mecenat")
        #expect(TextFolding.fold("Œuvre cœur") == "oeuvre coeur")
        #expect(TextFolding.fold("ASCII Only") == "ascii only")
    }

    @Test func splitsOnSpacesHyphensAndApostrophes() {
        #expect(TextFolding.foldedWords("d'expertises") == ["d", "expertises"])
        #expect(TextFolding.foldedWords("d’expertises") == ["d", "expertises"])
        #expect(TextFolding.foldedWords("Île-de-France") == ["ile", "de", "france"])
        #expect(TextFolding.foldedWords("  «  Mi-chemin  »  ") == ["mi", "chemin"])
    }

    @Test(arguments: [
        ("strat", "Conseil en stratégie", true),
        ("mecenat", "Mécénat de compétences", true),
        ("ile de france", "Offre en Île-de-France", true),
        ("expert", "Apport d'expertises", true),
        ("art", "Suivi de la relation partenariale", false),
        ("strat compet", "Stratégie et compétences", true),
        ("strat xyz", "Stratégie", false),
    ])
    func wordPrefixMatching(query: String, text: String, expected: Bool) {
        #expect(TextFolding.matchesAllPrefixes(query: TextFolding.foldedWords(query), words: TextFolding.foldedWords(text)) == expected)
    }

    @Test func frenchOrderIgnoresAccentsAndCase() {
        let sorted = ["Jura", "île", "Hérault", "Isère", "Ain", "émergence", "Zèbre"].sorted(by: TextFolding.frenchLess)
        #expect(sorted == ["Ain", "émergence", "Hérault", "île", "Isère", "Jura", "Zèbre"])
    }

    @Test func cleaningRemovesControlsAndBidiAndNormalises() {
        let (text, report) = TextCleaning.clean("a\u{1B}[2Jb\u{7F}c\u{9B}d\u{202E}e\u{2066}f")
        #expect(text == "a[2Jbcdef")
        #expect(report.removedControls == 3)
        #expect(report.removedBidi == 2)
        let (nfc, r2) = TextCleaning.clean("Me\u{301}ce\u{301}nat")
        #expect(nfc == "Mécénat")
        #expect(nfc.unicodeScalars.count == 7)
        #expect(r2.normalised)
        let (kept, r3) = TextCleaning.clean("ligne 1\nligne\t2")
        #expect(kept == "ligne 1\nligne\t2")
        #expect(r3.isEmpty)
        #expect(TextCleaning.clean("  titre\nsur deux lignes ", singleLine: true).text == "titre sur deux lignes")
    }

    @Test func cellWidthPerGrapheme() {
        #expect(CellWidth.of("Mécénat") == 7)
        #expect(CellWidth.of("Me\u{301}ce\u{301}nat") == 7)
        #expect(CellWidth.of("« a »") == 5)
        #expect(CellWidth.of("東京") == 4)
        #expect(CellWidth.of("🌱") == 2)
        #expect(CellWidth.of("a\u{200B}b") == 2)
        #expect(CellWidth.truncate("Conseil en stratégie", to: 10) == "Conseil e…")
        #expect(CellWidth.of(CellWidth.truncate("東京東京東京", to: 5)) <= 5)
        #expect(TextWrap.paragraphs("un deux trois quatre", width: 9) == ["un deux", "trois", "quatre"])
        #expect(TextWrap.paragraphs("anticonstitutionnellement", width: 10).allSatisfy { CellWidth.of($0) <= 10 })
        // A line break inside a paragraph is the file's own wrapping; a blank line separates paragraphs.
        #expect(TextWrap.paragraphs("avec le\nconseil d'administration\n\nSuite", width: 40) == ["avec le conseil d'administration", "", "Suite"])
        #expect(TextWrap.paragraphs("Étapes :\n- un\n- deux", width: 40) == ["Étapes :", "- un", "- deux"])
    }
}

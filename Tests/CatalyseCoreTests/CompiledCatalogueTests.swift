import Foundation
import Testing
@testable import CatalyseCore

/// SplitMix64: the same numbers on every machine, so a failing seed can be replayed.
struct CompiledTestRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Compiled files of the tests, and tools to read and patch their bytes as the format describes.
enum CompiledFixtures {
    static let shipped = Fixtures.shipped
    static let bytes = CompiledWriter.compile(SearchIndex(catalogue: shipped))

    static func open(_ bytes: [UInt8], file: String = "test.catalyse") throws -> Catalogue {
        try CatalogueLoader.load(bytes: bytes, file: file, format: .compiled, today: Fixtures.today).catalogue
    }

    /// The error of bytes that must not open (nil if they open, or fail otherwise).
    static func error(_ bytes: [UInt8], file: String = "bad.catalyse") -> CatalogueError? {
        do { _ = try open(bytes, file: file); return nil } catch let e as CatalogueError { return e } catch { return nil }
    }

    static func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << UInt64(8 * $1) }
    }

    /// Where a section lies in the file, read from the header.
    static func range(_ bytes: [UInt8], _ s: CompiledFormat.Section) -> Range<Int> {
        let at = 16 + s.rawValue * 16
        let offset = Int(u64(bytes, at)), length = Int(u64(bytes, at + 8))
        return offset..<(offset + length)
    }

    static func sections(_ bytes: [UInt8]) -> [[UInt8]] {
        CompiledFormat.Section.allCases.map { Array(bytes[range(bytes, $0)]) }
    }

    /// A file made of these sections, laid out as the writer does.
    static func assemble(_ sections: [[UInt8]], version: UInt32 = CompiledFormat.version) -> [UInt8] {
        var out = Array("CATALYSE".utf8)
        func append<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
        append(version)
        append(UInt32(sections.count))
        var offset = 16 + sections.count * 16
        for s in sections {
            append(UInt64(offset)); append(UInt64(s.count))
            offset += s.count + (8 - s.count % 8) % 8
        }
        for s in sections { out += s + [UInt8](repeating: 0, count: (8 - s.count % 8) % 8) }
        return out
    }

    /// Where offer `i`'s record lies in the file.
    static func offerRecord(_ bytes: [UInt8], _ i: Int) -> Range<Int> {
        let records = range(bytes, .offerRecords), offsets = range(bytes, .offerOffsets)
        let start = Int(u64(bytes, offsets.lowerBound + 8 * i)), end = Int(u64(bytes, offsets.lowerBound + 8 * (i + 1)))
        return (records.lowerBound + start)..<(records.lowerBound + end)
    }

    /// Where firm `f`'s record lies in the file.
    static func firmRecord(_ bytes: [UInt8], _ f: Int) -> Range<Int> {
        let records = range(bytes, .firmRecords), offsets = range(bytes, .firmOffsets)
        let start = Int(u64(bytes, offsets.lowerBound + 8 * f)), end = Int(u64(bytes, offsets.lowerBound + 8 * (f + 1)))
        return (records.lowerBound + start)..<(records.lowerBound + end)
    }

    /// The file position of offer `i`'s purpose code (after id, title, summary, description, format).
    static func purposeByte(_ bytes: [UInt8], _ i: Int) -> Int {
        let record = offerRecord(bytes, i)
        return Array(bytes[record]).withUnsafeBytes { raw in
            var r = RecordReader(raw)
            for _ in 0..<4 { _ = try! r.textBytes() }
            _ = try! r.code(RecordReader.formats)
            return record.lowerBound + r.at
        }
    }

    /// The problems of a catalogue's text that must never reach a terminal, by field.
    static func unsafeText(_ c: Catalogue, offers: Bool = true) -> [String] {
        var problems: [String] = []
        func check(_ text: String?, _ field: @autoclosure () -> String, multiLine: Bool = false) {
            guard let text else { return }
            let bad = TerminalSafety.unsafeScalars(text, allowing: multiLine ? [0x0A, 0x09] : [])
            if !bad.isEmpty { problems.append("\(field()): \(bad.joined(separator: " "))") }
        }
        check(c.name, "name"); check(c.note, "note", multiLine: true)
        for (f, firm) in c.firms.enumerated() {
            check(firm.id, "firms[\(f)].id"); check(firm.name, "firms[\(f)].name")
            check(firm.presentation, "firms[\(f)].presentation", multiLine: true); check(firm.headquarters, "firms[\(f)].headquarters")
            check(firm.website, "firms[\(f)].website"); check(firm.contact.name, "firms[\(f)].contact.name")
            check(firm.contact.email, "firms[\(f)].contact.email"); check(firm.contact.phone, "firms[\(f)].contact.phone")
            check(firm.provenance.source, "firms[\(f)].provenance.source", multiLine: true)
        }
        if offers {
            for (i, o) in c.offers.enumerated() {
                check(o.id, "offers[\(i)].id"); check(o.firmID, "offers[\(i)].firmID"); check(o.title, "offers[\(i)].title")
                check(o.summary, "offers[\(i)].summary"); check(o.description, "offers[\(i)].description", multiLine: true)
                check(o.duration, "offers[\(i)].duration"); check(o.cost, "offers[\(i)].cost", multiLine: true)
                check(o.apply, "offers[\(i)].apply", multiLine: true)
            }
        }
        return problems
    }

    /// A filter drawn from `random`, over every facet, sometimes with favourites.
    static func randomFilter(_ random: inout CompiledTestRandom, ids: [String]) -> OfferFilter {
        let vocabulary = ["strat", "compet", "mecenat", "ile", "reseau", "gouv", "nord", "innov", "d", "a", "model",
                          "coach", "xyz", "é", "Île-de", "mi-chemin", "asso", "benevol", "numerique", "financ", "cabinet"]
        func some<T>(_ all: [T], max: Int = 2) -> [T] { (0..<Int.random(in: 1...max, using: &random)).map { _ in all.randomElement(using: &random)! } }
        var f = OfferFilter()
        f.query = (0..<Int.random(in: 0...3, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
        if Int.random(in: 0..<3, using: &random) == 0 { f[Purpose.self] = Set(some(Purpose.allCases)) }
        if Int.random(in: 0..<4, using: &random) == 0 { f[OfferFormat.self] = Set(some(OfferFormat.allCases)) }
        if Int.random(in: 0..<3, using: &random) == 0 { f[SupportKind.self] = Set(some(SupportKind.allCases, max: 3)) }
        if Int.random(in: 0..<4, using: &random) == 0 { f[Theme.self] = Set(some(Theme.allCases)) }
        if Int.random(in: 0..<4, using: &random) == 0 { f[Stage.self] = Set(some(Stage.allCases)) }
        if Int.random(in: 0..<4, using: &random) == 0 { f[BudgetBand.self] = Set(some(BudgetBand.allCases)) }
        if Int.random(in: 0..<4, using: &random) == 0 { f[DeliveryMode.self] = Set(some(DeliveryMode.allCases)) }
        if Int.random(in: 0..<5, using: &random) == 0 { f[EmployerStatus.self] = Set(some(EmployerStatus.allCases)) }
        if Int.random(in: 0..<5, using: &random) == 0 { f[Audience.self] = Set(some(Audience.allCases)) }
        if Int.random(in: 0..<2, using: &random) == 0 { f.territories = some(Territories.allPlaces) }
        if Int.random(in: 0..<4, using: &random) == 0 {
            var only = Set(some(ids, max: 12))
            if Bool.random(using: &random) { only.insert("offre-disparue") }
            if Bool.random(using: &random) { only.insert(String(ids.randomElement(using: &random)!.dropLast())) }
            f.onlyIDs = only
        }
        return f
    }
}

@Suite("The compiled catalogue format (.catalyse)")
struct CompiledCatalogueTests {
    typealias F = CompiledFixtures

    /// Everything a catalogue holds, compared field by field (offers decoded one by one).
    static func expectSame(_ c: Catalogue, _ original: Catalogue, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(c.name == original.name, sourceLocation: sourceLocation)
        #expect(c.updated == original.updated, sourceLocation: sourceLocation)
        #expect(c.illustrative == original.illustrative, sourceLocation: sourceLocation)
        #expect(c.note == original.note, sourceLocation: sourceLocation)
        #expect(c.firms == original.firms, sourceLocation: sourceLocation)
        #expect(c.firms.map(\.offerIndices) == original.firms.map(\.offerIndices), sourceLocation: sourceLocation)
        #expect(c.offers.count == original.offers.count, sourceLocation: sourceLocation)
        #expect(Array(c.offers) == Array(original.offers), sourceLocation: sourceLocation)
        for i in 0..<min(c.offers.count, original.offers.count) where c.offers[i] != original.offers[i] {
            Issue.record("offer \(i) (\(original.offers[i].id)) differs after compiling", sourceLocation: sourceLocation)
        }
        #expect((0..<c.offers.count).map(c.firmIndex(of:)) == (0..<original.offers.count).map(original.firmIndex(of:)), sourceLocation: sourceLocation)
    }

    // 1.
    @Test func shippedCatalogueRoundTrips() throws {
        let original = F.shipped
        #expect(original.note != nil && original.offers.count == 75, "the shipped catalogue changed: adapt the test")
        let c = try F.open(F.bytes)
        Self.expectSame(c, original)
        // The source file itself, loaded again, and the compiled form of the compiled form.
        let yaml = try CatalogueLoader.load(path: Fixtures.root + "/data/catalogue.yaml", today: Fixtures.today).catalogue
        Self.expectSame(try F.open(CompiledWriter.compile(SearchIndex(catalogue: yaml))), yaml)
        #expect(CompiledWriter.compile(SearchIndex(catalogue: c)) == F.bytes)
        // The test's own reading of the layout agrees with the writer's.
        #expect(F.assemble(F.sections(F.bytes)) == F.bytes)
    }

    /// Optional fields absent and present, long texts (multi-byte lengths), a firm without
    /// offers, offers given out of firm order, and the empty catalogue.
    @Test func edgeCasesRoundTrip() throws {
        let day = Day(year: 2024, month: 2, day: 29)!
        let long = String(repeating: "Accompagnement « stratégique » des bénévoles — ", count: 40)
        func firm(_ id: String, phone: String?, website: String?) -> Firm {
            Firm(id: id, name: "Cabinet \(id)", presentation: "Ligne 1\nLigne 2\tfin", headquarters: "2A", website: website,
                 contact: Contact(name: "Zoé Œuvre", email: "z@\(id).example.org", phone: phone), joined: 1999,
                 provenance: Provenance(source: "Fiche\nvérifiée", verified: day))
        }
        func offer(_ id: String, _ firmID: String, capacity: Int?, cost: String?, places: [Place]) -> Offer {
            Offer(id: id, firmID: firmID, title: "Titre \(id)", summary: "Résumé", description: long, format: .miChemin,
                  purpose: .strategique, kinds: SupportKind.allCases, themes: [], territories: places, mode: .aDistance,
                  audience: Audience.allCases, duration: "", capacity: capacity,
                  eligibility: Eligibility(stages: Stage.allCases, budgets: [], employer: [EmployerStatus.allCases.last!]),
                  cost: cost, apply: "Écrire.\nOu appeler.")
        }
        let firms = [firm("b-cabinet", phone: "01 02 03 04 05", website: nil), firm("a-vide", phone: nil, website: "https://a.example.org"),
                     firm("c-cabinet", phone: nil, website: nil)]
        let offers = [offer("z-1", "c-cabinet", capacity: 0, cost: "", places: [.national]),
                      offer("a-2", "b-cabinet", capacity: nil, cost: nil, places: Territories.allPlaces),
                      offer("m-3", "c-cabinet", capacity: 1_000_000, cost: "50 € par séance", places: [.department("976"), .region("94")]),
                      offer("a-1", "b-cabinet", capacity: 127, cost: nil, places: [])]
        let original = Catalogue(name: "Édition « test »", updated: day, illustrative: false, note: nil, firms: firms, offers: offers)
        let c = try F.open(CompiledWriter.compile(SearchIndex(catalogue: original)))
        Self.expectSame(c, original)
        #expect(c.firms[1].offerIndices.isEmpty)
        #expect(c.index(ofOffer: "a-1") == original.index(ofOffer: "a-1"))

        let empty = Catalogue(name: "Vide", updated: day, illustrative: true, note: "Rien\nencore.", firms: [], offers: [])
        let e = try F.open(CompiledWriter.compile(SearchIndex(catalogue: empty)))
        Self.expectSame(e, empty)
        #expect(SearchIndex(catalogue: e).run(OfferFilter()).offers.isEmpty)
        #expect(e.index(ofOffer: "x") == nil)
    }

    // 2.
    @Test func sameQueryResultsAsTheYAMLCatalogue() throws {
        let reference = SearchIndex(catalogue: F.shipped)
        let compiled = SearchIndex(catalogue: try F.open(F.bytes))
        let ids = F.shipped.offers.map(\.id)
        let seed: UInt64 = 0x00C0_FFEE
        var random = CompiledTestRandom(seed: seed)
        var differences = 0
        for n in 0..<400 {
            let f = F.randomFilter(&random, ids: ids)
            let a = reference.run(f), b = compiled.run(f)
            if a.offers != b.offers || a.counts != b.counts {
                differences += 1
                if differences <= 5 { Issue.record("seed \(seed), filter \(n): \(f): offers equal \(a.offers == b.offers), counts equal \(a.counts == b.counts)") }
            }
            let quick = compiled.run(f, counts: false)
            if quick.offers != a.offers {
                differences += 1
                if differences <= 5 { Issue.record("seed \(seed), filter \(n) without counts: \(f)") }
            }
        }
        #expect(differences == 0)
        withExtendedLifetime((compiled, reference)) {
            #expect(compiled.defaultOrder.map { $0 } == reference.defaultOrder.map { $0 })
        }
    }

    // 3.
    @Test func indexOfOfferFindsEveryIDAndNothingElse() throws {
        let c = try F.open(F.bytes)
        for (i, o) in F.shipped.offers.enumerated() {
            #expect(c.index(ofOffer: o.id) == i, "\(o.id)")
            #expect(c.offer(id: o.id) == o)
        }
        let ids = Set(F.shipped.offers.map(\.id))
        let longest = ids.max { $0.utf8.count < $1.utf8.count }!
        var unknown = ["", "a", "z", "zzzz", "-", "0", "\u{0}", "é", longest + "x", longest + longest,
                       String(repeating: "z", count: longest.utf8.count + 1), F.shipped.offers[0].id.uppercased(),
                       " " + F.shipped.offers[0].id, F.shipped.offers[0].id + " "]
        for id in ids { unknown.append(String(id.dropLast())); unknown.append(String(id.dropFirst())); unknown.append(id + "-") }
        for id in unknown where !ids.contains(id) {
            #expect(c.index(ofOffer: id) == nil, "\(id)")
            #expect(c.offer(id: id) == nil)
        }
        // The first and last ids in byte order (the ends of the binary search).
        let sorted = ids.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(c.index(ofOffer: sorted.first!) != nil && c.index(ofOffer: sorted.last!) != nil)
    }

    /// Every offer and firm of a catalogue opened from damaged bytes can be used: decoded, found
    /// by its id, searched; and none of its text can reach a terminal unfiltered.
    static func problemsOfDamaged(_ c: Catalogue) -> [String] {
        var problems = F.unsafeText(c)
        var total = 0
        for (f, firm) in c.firms.enumerated() {
            if firm.offerIndices.lowerBound != total { problems.append("firms[\(f)].offerIndices does not follow the previous firm's") }
            total = firm.offerIndices.upperBound
            if c.firm(id: firm.id) != firm { problems.append("firms[\(f)]: firm(id:) finds another firm") }
        }
        if total != c.offers.count { problems.append("the firms hold \(total) offers, the catalogue \(c.offers.count)") }
        for (i, offer) in c.offers.enumerated() {
            if c.index(ofOffer: offer.id) != i { problems.append("offers[\(i)]: index(ofOffer: \(offer.id.debugDescription)) is \(String(describing: c.index(ofOffer: offer.id)))") }
            if c.firm(of: offer).id != offer.firmID || c.firms[c.firmIndex(of: i)].id != offer.firmID { problems.append("offers[\(i)]: wrong firm") }
            _ = OfferSheet.fields(offer, c.firm(of: offer), .fr)
        }
        let index = SearchIndex(catalogue: c)
        var filters = [OfferFilter()]
        var f = OfferFilter(); f.query = "é strat"; f.territories = [.department("59"), .region("11"), .national]; filters.append(f)
        f = OfferFilter(); f.onlyIDs = Set(c.offers.prefix(5).map(\.id) + ["offre-disparue"]); f[SupportKind.self] = [.coachingDirigeants]; filters.append(f)
        for f in filters {
            let r = index.run(f)
            if Set(r.offers).count != r.offers.count || r.offers.contains(where: { $0 < 0 || $0 >= c.offers.count }) {
                problems.append("run(\(f)) lists offers twice or out of range")
            }
        }
        return problems
    }

    // 4.
    @Test func truncatedFilesAreRefused() throws {
        let bytes = F.bytes
        let lengths = Array(0..<min(200, bytes.count)) + Array(stride(from: 200, to: bytes.count, by: 97))
            + Array(max(0, bytes.count - 16)..<bytes.count)
        for n in Set(lengths).sorted() {
            do {
                _ = try F.open(Array(bytes[0..<n]))
                Issue.record("a file cut to \(n) of \(bytes.count) bytes opens")
            } catch is CatalogueError {
            } catch {
                Issue.record("cut to \(n): \(error)")
            }
        }
        _ = try F.open(bytes)
    }

    @Test func damagedBytesNeverCrash() {
        let original = F.bytes
        let seed: UInt64 = 20_261_126
        var random = CompiledTestRandom(seed: seed)
        let header = CompiledFormat.headerSize
        let hostile: [[UInt8]] = [[0x1B, 0x5B, 0x32, 0x4A], [0xC2, 0x9B], [0xE2, 0x80, 0xAE], [0x07], [0x7F], [0x00], [0xFF],
                                  [0x80], [0xC3], [0xE2, 0x81, 0xA6], [0x0A], [0x0D], [0x09]]
        var opened = 0, refused = 0, failures = 0
        for trial in 0..<2000 {
            var bytes = original
            let kind = trial % 6
            switch kind {
            case 0:  // one byte anywhere
                bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 1:  // one bit anywhere
                bytes[Int.random(in: 0..<bytes.count, using: &random)] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 2:  // a few bytes anywhere
                for _ in 0..<Int.random(in: 2...8, using: &random) {
                    bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
                }
            case 3:  // the header and the first sections
                bytes[Int.random(in: 0..<min(bytes.count, header + 256), using: &random)] = UInt8.random(in: 0...255, using: &random)
            case 4:  // a run of random bytes
                let at = Int.random(in: 0..<bytes.count, using: &random)
                for k in at..<min(bytes.count, at + Int.random(in: 2...24, using: &random)) { bytes[k] = UInt8.random(in: 0...255, using: &random) }
            default:  // a terminal control sequence written over whatever was there
                let sequence = hostile.randomElement(using: &random)!
                let at = Int.random(in: 0..<(bytes.count - sequence.count), using: &random)
                bytes.replaceSubrange(at..<(at + sequence.count), with: sequence)
            }
            do {
                let c = try F.open(bytes)
                opened += 1
                let problems = Self.problemsOfDamaged(c)
                if !problems.isEmpty {
                    failures += 1
                    if failures <= 5 { Issue.record("seed \(seed), trial \(trial) (kind \(kind)): \(problems.prefix(3).joined(separator: "; "))") }
                }
            } catch let e as CatalogueError {
                refused += 1
                if e.errors.isEmpty || e.errors.contains(where: { $0.position.line != 0 || $0.field.isEmpty }) {
                    failures += 1
                    if failures <= 5 { Issue.record("seed \(seed), trial \(trial): malformed error \(e.errors)") }
                }
            } catch {
                failures += 1
                if failures <= 5 { Issue.record("seed \(seed), trial \(trial): \(error)") }
            }
        }
        #expect(failures == 0)
        // Both outcomes are exercised (most damage lands in text, which still opens).
        #expect(opened > 200 && refused > 200, "opened \(opened), refused \(refused)")
    }

    // 5.
    static let hostileTexts: [String] = [
        "Titre \u{1B}[2J\u{1B}[H\u{1B}]0;pwned\u{07}fin", "\u{9B}31mrouge\u{9B}0m", "cloche\u{07}\u{07}", "\u{202E}enrevèr\u{202C} texte",
        "isolé \u{2066}x\u{2069} \u{2067}y\u{2068}", "nul\u{0}\u{7F}\u{85}\u{9D}", "retour\r\nligne\ttab\u{1B}P+q\u{1B}\\", "e\u{301}tude",
    ]

    @Test func hostileTextInCompiledBytesIsCleanedOnDecode() throws {
        let day = Day(year: 2026, month: 11, day: 20)!
        let h = Self.hostileTexts
        func hostile(_ k: Int) -> String { h[k % h.count] + " " + h[(k + 3) % h.count] }
        let firms = (0..<3).map { f in
            Firm(id: "cabinet-\(f)", name: "Cabinet " + hostile(f), presentation: hostile(f + 1), headquarters: "59",
                 website: "https://x.example.org/" + hostile(f + 2), contact: Contact(name: hostile(f + 3), email: "a@b.fr" + h[3], phone: h[2]),
                 joined: 2012, provenance: Provenance(source: hostile(f + 4), verified: day))
        }
        var offers: [Offer] = []
        for k in 0..<12 {
            offers.append(Offer(id: "offre-\(k)", firmID: "cabinet-\(k % 3)", title: hostile(k), summary: hostile(k + 1), description: hostile(k + 2),
                                format: .mecenatCompetences, purpose: .operationnelle, kinds: [.coachingDirigeants], themes: [], territories: [.department("59")],
                                mode: .presentiel, audience: [.collectif], duration: hostile(k + 3), cost: k % 2 == 0 ? hostile(k + 4) : nil, apply: hostile(k + 5)))
        }
        let raw = Catalogue(name: "Catalogue " + h[0], updated: day, illustrative: true, note: h[1] + "\n" + h[4], firms: firms, offers: offers)
        // The hostile text really is in the compiled bytes.
        let bytes = CompiledWriter.compile(SearchIndex(catalogue: raw))
        #expect(bytes.firstRange(of: Array("\u{1B}[2J".utf8)) != nil && bytes.firstRange(of: [0xC2, 0x9B]) != nil && bytes.firstRange(of: [0xE2, 0x80, 0xAE]) != nil)
        #expect(!F.unsafeText(raw).isEmpty)

        let c = try F.open(bytes)
        #expect(F.unsafeText(c) == [])
        // Cleaned as the loader cleans what it reads.
        func clean(_ s: String, _ singleLine: Bool) -> String { TextCleaning.clean(s, singleLine: singleLine).text }
        #expect(c.name == clean(raw.name, true) && c.note == clean(raw.note!, false))
        for (a, b) in zip(c.firms, raw.firms) {
            #expect(a.name == clean(b.name, true) && a.presentation == clean(b.presentation, false) && a.website == clean(b.website!, true))
            #expect(a.contact.name == clean(b.contact.name, true) && a.contact.email == clean(b.contact.email, true) && a.contact.phone == clean(b.contact.phone!, true))
            #expect(a.provenance.source == clean(b.provenance.source, false))
        }
        for (a, b) in zip(c.offers, raw.offers) {
            #expect(a.title == clean(b.title, true) && a.summary == clean(b.summary, true) && a.description == clean(b.description, false))
            #expect(a.duration == clean(b.duration, true) && a.cost == b.cost.map { clean($0, false) } && a.apply == clean(b.apply, false))
            #expect(a.id == b.id && a.firmID == b.firmID)
        }
        #expect(c.offers[0].title.hasPrefix("Titre fin") || c.offers[0].title.contains("Titre"))
        #expect(c.offers.contains { $0.description.contains("étude") }, "normalised to NFC")
        // The shown sheet of each offer is clean as well.
        for o in c.offers {
            for field in OfferSheet.fields(o, c.firm(of: o), .fr) {
                #expect(TerminalSafety.unsafeScalars(field.value) == [], "\(field.key)")
            }
        }
    }

    /// Ids are looked up by their bytes: one that cleaning would change, or that is not a valid
    /// id, would be found under no name (or under another offer's), so such a file is refused.
    @Test func idsThatAreNotValidIDsAreRefused() {
        let day = Day(year: 2026, month: 11, day: 20)!
        let firm = Firm(id: "cabinet", name: "Cabinet", presentation: "P", headquarters: "59", website: nil,
                        contact: Contact(name: "N", email: "n@x.fr"), joined: 2012, provenance: Provenance(source: "S", verified: day))
        func offer(_ id: String, firmID: String = "cabinet") -> Offer {
            Offer(id: id, firmID: firmID, title: "T", summary: "S", description: "D", format: .miChemin, purpose: .strategique, kinds: [],
                  themes: [], territories: [.national], mode: .presentiel, audience: [], duration: "", apply: "A")
        }
        for bad in ["offre\u{1B}[31m", "", "offre b", "Offre", "offre\u{202E}", "off\u{0}re", "-offre", "offre--b", "é"] {
            let c = Catalogue(name: "C", updated: day, illustrative: true, firms: [firm], offers: [offer("a-premiere"), offer(bad)])
            let e = F.error(CompiledWriter.compile(SearchIndex(catalogue: c)))
            #expect(e?.errors.first?.field == "firms[0].offers[1]", "\(bad.debugDescription): \(String(describing: e?.errors))")
        }
        // Two offers whose ids differ only by a control character (the same id once cleaned).
        let twins = Catalogue(name: "C", updated: day, illustrative: true, firms: [firm], offers: [offer("offre"), offer("offre\u{7}")])
        #expect(F.error(CompiledWriter.compile(SearchIndex(catalogue: twins))) != nil)
        // Firm ids: invalid, or twice the same.
        var hostileFirm = firm
        hostileFirm.id = "cabinet\u{1B}[0m"
        let c = Catalogue(name: "C", updated: day, illustrative: true, firms: [hostileFirm], offers: [offer("o", firmID: hostileFirm.id)])
        #expect(F.error(CompiledWriter.compile(SearchIndex(catalogue: c)))?.errors.first?.field == "firms[0]")
        let again = Catalogue(name: "C", updated: day, illustrative: true, firms: [firm, firm], offers: [offer("o")])
        #expect(F.error(CompiledWriter.compile(SearchIndex(catalogue: again)))?.errors.first?.field == "firms[1]")
    }

    // 6.
    @Test("The parallel walk of offer records finds the first damaged one", arguments: [1, 2, 3, 7])
    func parallelCheckFindsTheFirstDamagedRecord(parts: Int) {
        let c = F.shipped
        var bytes = F.bytes
        func firstDamaged() -> Int? {
            bytes.withUnsafeBytes { raw in
                let records = UnsafeRawBufferPointer(rebasing: raw[F.range(bytes, .offerRecords)])
                let offsets = F.range(bytes, .offerOffsets)
                let values = stride(from: offsets.lowerBound, to: offsets.upperBound, by: 8).map { F.u64(bytes, $0) }
                return values.withUnsafeBufferPointer { column in
                    CompiledReader.checkOffers(records, Column(base: column.baseAddress, count: column.count), parts: parts)?.0
                }
            }
        }
        #expect(firstDamaged() == nil)
        // Damage two records, one late and one early: the early one is reported, whichever
        // part of the walk finds it.
        let late = c.offers.count - 2, early = c.offers.count / 3
        bytes[F.purposeByte(bytes, late)] = 0x2A
        #expect(firstDamaged() == late)
        bytes[F.purposeByte(bytes, early)] = 0x2A
        #expect(firstDamaged() == early)
    }

    @Test func listRowsAreTheOffersFields() throws {
        let compiled = try F.open(F.bytes)
        #expect(compiled.offers.count == F.shipped.offers.count)
        for i in compiled.offers.indices {
            #expect(compiled.offers.row(i) == OfferRow(F.shipped.offers[i]))
            #expect(compiled.offers.id(i) == F.shipped.offers[i].id)
            #expect(F.shipped.offers.row(i) == OfferRow(F.shipped.offers[i]))
        }
    }

    @Test("Index offsets too large for an Int are refused, not trapped", arguments: [
        CompiledFormat.Section.wordPostingStarts, .titlePostingStarts, .offerOffsets, .firmOffsets,
    ])
    func hugeIndexOffsetsAreRefused(section: CompiledFormat.Section) {
        for position in [0, -1] {
            var sections = F.sections(F.bytes)
            let at = position == 0 ? 0 : sections[section.rawValue].count - 8
            for k in 0..<8 { sections[section.rawValue][at + k] = 0xFF }
            let e = F.error(F.assemble(sections))
            #expect(e != nil, "\(section) at \(position)")
        }
    }

    @Test func errorsNameTheRecord() throws {
        let c = F.shipped
        let f = (0..<c.firms.count).first { c.firms[$0].offerIndices.count >= 2 && $0 >= 3 }!
        let i = c.firms[f].offerIndices.lowerBound + 1
        var bytes = F.bytes
        let at = F.purposeByte(bytes, i)
        #expect(bytes[at] == UInt8(c.offers[i].purpose.ordinal))
        bytes[at] = 0x2A
        let e = try #require(F.error(bytes, file: "annuaire.catalyse"))
        #expect(e.errors.count == 1)
        let d = try #require(e.errors.first)
        #expect(d.field == "firms[\(f)].offers[1]")
        #expect(d.position.line == 0)
        #expect(d.message.contains("42"))
        #expect(d.description == "annuaire.catalyse: firms[\(f)].offers[1]: \(d.message)")
        #expect(!d.description.contains(":0:0"))

        // A text length running past the end of a firm's record.
        bytes = F.bytes
        bytes[F.firmRecord(bytes, 2).lowerBound] = 0x7F
        let firmError = try #require(F.error(bytes)?.errors.first)
        #expect(firmError.field == "firms[2]")
        #expect(firmError.description.hasPrefix("bad.catalyse: firms[2]: "))

        // The metadata.
        bytes = F.bytes
        bytes[F.range(bytes, .meta).lowerBound] = 0xFF
        #expect(F.error(bytes)?.errors.first?.field == "catalogue")
        var sections = F.sections(F.bytes)
        sections[CompiledFormat.Section.meta.rawValue] += [0]
        #expect(F.error(F.assemble(sections))?.errors.first?.field == "catalogue")
    }

    @Test func signatureVersionAndEmptyFile() throws {
        var bytes = F.bytes
        bytes[0] = UInt8(ascii: "K")
        let magic = try #require(F.error(bytes)?.errors.first)
        #expect(magic.field == "file" && magic.message.contains("catalyse compile"))
        // A YAML file given the extension.
        let yaml = try #require(F.error(Array("catalogue:\n  name: x\n".utf8))?.errors.first)
        #expect(yaml.message.contains("catalyse compile"))

        for version: UInt32 in [0, 2, 0xFFFF_FFFF] {
            var other = F.bytes
            withUnsafeBytes(of: version.littleEndian) { other.replaceSubrange(8..<12, with: $0) }
            let e = try #require(F.error(other)?.errors.first)
            #expect(e.message.contains("compile it again"), "\(e.message)")
            #expect(e.message.contains("\(version)"))
        }
        #expect(F.error([])?.errors.isEmpty == false)
        #expect(F.error(Array(F.bytes.prefix(16)))?.errors.isEmpty == false)
        // Another section count.
        var sections = F.bytes
        sections[12] = 3
        #expect(F.error(sections)?.errors.first?.message.contains("header") == true)
    }

    /// A section count or offer count that would make the reader allocate before it has checked
    /// the file (a few bytes claiming two billion offers) is refused from the sizes alone.
    @Test func hugeCountsAreRefusedWithoutAllocating() throws {
        let c = F.shipped
        for (firms, offers) in [(c.firms.count, Int(Int32.max) - 1), (Int(Int32.max) - 1, c.offers.count), (c.firms.count, 1 << 28)] {
            var meta = RecordWriter()
            meta.text(c.name); meta.day(c.updated); meta.varint(1); meta.optionalText(c.note)
            meta.varint(firms); meta.varint(offers)
            var sections = F.sections(F.bytes)
            sections[CompiledFormat.Section.meta.rawValue] = meta.bytes
            let e = try #require(F.error(F.assemble(sections))?.errors.first)
            #expect(e.field == (firms == c.firms.count ? "offers" : "firms"), "\(e)")
        }
        // A firm claiming more offers than the catalogue has (its last field, the offer count).
        let bytes = F.bytes
        let firms = F.range(bytes, .firmRecords), first = F.firmRecord(bytes, 0)
        #expect(bytes[first.upperBound - 1] < 0x80)
        var w = RecordWriter(bytes: Array(bytes[first.lowerBound..<(first.upperBound - 1)]))
        w.varint(Int(Int32.max) - 1)
        var sections = F.sections(bytes)
        sections[CompiledFormat.Section.firmRecords.rawValue] = w.bytes + Array(bytes[first.upperBound..<firms.upperBound])
        let shift = UInt64(w.bytes.count - first.count)
        let offsets = [UInt64(0)] + (1...c.firms.count).map { F.u64(bytes, F.range(bytes, .firmOffsets).lowerBound + 8 * $0) + shift }
        sections[CompiledFormat.Section.firmOffsets.rawValue] = offsets.withUnsafeBytes { Array($0) }
        #expect(F.error(F.assemble(sections))?.errors.first?.field == "firms[0]")
    }

    // 7.
    @Test func formatFollowsTheExtensionAndFilesAreMapped() throws {
        #expect(CatalogueLoader.Format(path: "x.catalyse") == .compiled)
        #expect(CatalogueLoader.Format(path: "X.CATALYSE") == .compiled)
        #expect(CatalogueLoader.Format(path: "a/b.c/annuaire.Catalyse") == .compiled)
        #expect(CatalogueLoader.Format(path: "x.catalyse.yaml") == .yaml)
        #expect(CatalogueLoader.Format(path: "catalyse") == .yaml)

        let folder = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/annuaire.CATALYSE"
        try Data(F.bytes).write(to: URL(fileURLWithPath: path))
        var loaded: CatalogueLoader.Loaded? = try CatalogueLoader.load(path: path, today: Fixtures.today)
        #expect(loaded?.warnings.isEmpty == true)
        let index = SearchIndex(catalogue: loaded!.catalogue)
        loaded = nil  // the index keeps the mapping alive
        Self.expectSame(index.catalogue, F.shipped)
        var f = OfferFilter(); f.query = "strat compet"; f.territories = [.department("59")]
        #expect(index.run(f).offers == SearchIndex(catalogue: F.shipped).run(f).offers)

        // Damaged and empty files, through a path.
        let cut = folder + "/coupe.catalyse"
        try Data(F.bytes.prefix(F.bytes.count / 2)).write(to: URL(fileURLWithPath: cut))
        #expect(throws: CatalogueError.self) { try CatalogueLoader.load(path: cut, today: Fixtures.today) }
        let empty = folder + "/vide.catalyse"
        try Data().write(to: URL(fileURLWithPath: empty))
        do {
            _ = try CatalogueLoader.load(path: empty, today: Fixtures.today)
            Issue.record("an empty .catalyse file opens")
        } catch let e as CatalogueError {
            #expect(e.file == empty && e.errors.first?.description.hasPrefix(empty + ": file: ") == true)
        }
    }
}


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
        try load(bytes, file: file).catalogue
    }

    static func load(_ bytes: [UInt8], file: String = "test.catalyse") throws -> CatalogueLoader.Loaded {
        try CatalogueLoader.load(bytes: bytes, file: file, format: .compiled, today: Fixtures.today)
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

extension CompiledFixtures {
    /// Every offer and firm of a catalogue opened from damaged bytes can be used: decoded, found
    /// by its id, searched; and none of its text can reach a terminal unfiltered.
    static func problemsOfDamaged(_ loaded: CatalogueLoader.Loaded) -> [String] {
        let c = loaded.catalogue
        var problems = unsafeText(c)
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
        // The index the file carried, as the program uses it.
        let index = loaded.searchIndex()
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
}

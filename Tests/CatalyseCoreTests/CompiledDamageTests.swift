import Foundation
import Testing
@testable import CatalyseCore

/// Compiled files that are truncated, damaged or hand-made: refused with the record named, never a crash.
@Suite("Damaged compiled catalogues")
struct CompiledDamageTests {
    typealias F = CompiledFixtures

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
                let loaded = try F.load(bytes)
                opened += 1
                let problems = F.problemsOfDamaged(loaded)
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
        // The French says the same thing, in French (not only "damaged").
        #expect(d.french ?? "" == "le fichier compilé est endommagé (code 42 inconnu pour purpose) ; compilez-le de nouveau depuis sa source avec « catalyse compile »", "\(d.french)")
        #expect(d.description == "annuaire.catalyse: firms[\(f)].offers[1]: \(d.message)")
        #expect(!d.description.contains(":0:0"))

        // A text length running past the end of a firm's record.
        bytes = F.bytes
        bytes[F.firmRecord(bytes, 2).lowerBound] = 0x7F
        let firmError = try #require(F.error(bytes)?.errors.first)
        #expect(firmError.field == "firms[2]")
        #expect(firmError.description.hasPrefix("bad.catalyse: firms[2]: "))
        #expect((firmError.french ?? "").hasPrefix("le fichier compilé est endommagé (") && !(firmError.french ?? "").contains("record"), "\(firmError.french)")

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

        // Version 1 (a remote offer matched every territory) and any other: compile it again.
        for version: UInt32 in [0, 1, CompiledFormat.version + 1, 0xFFFF_FFFF] {
            var other = F.bytes
            withUnsafeBytes(of: version.littleEndian) { other.replaceSubrange(8..<12, with: $0) }
            let refused = try #require(F.error(other))
            let e = try #require(refused.errors.first)
            #expect(e.message.contains("compile it again"), "\(e.message)")
            #expect(e.message.contains("\(version)"))
            #expect(refused.compiledVersion?.found == Int(version))
            let french = try #require(refused.compiledVersionMessage(.fr))
            #expect(french.contains("recompilez-le") && french.contains("catalyse compile"), "\(french)")
            #expect(french.contains(version < CompiledFormat.version ? "version antérieure" : "version plus récente"))
            #expect(refused.compiledVersionMessage(.en)?.contains("compile it again") == true)
        }
        #expect(CompiledFormat.version == 2)
        #expect(F.error([])?.errors.isEmpty == false)
        #expect(F.error(Array(F.bytes.prefix(16)))?.errors.isEmpty == false)
        // Another section count.
        var sections = F.bytes
        sections[12] = 3
        #expect(F.error(sections)?.errors.first?.message.contains("header") == true)
    }
}

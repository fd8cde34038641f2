import Foundation
import Testing
@testable import CatalyseCore

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

    /// The writer hands the form over part after part (`catalyse compile` writes each to the
    /// file as it comes): the same bytes whatever the size of the offer records' parts, and
    /// nothing more once a part is refused.
    @Test func theCompiledFormIsWrittenInPartsAndStopsWhenOneIsRefused() throws {
        let index = SearchIndex(catalogue: F.shipped)
        var small: [[UInt8]] = []
        #expect(CompiledWriter.write(index, chunk: 1) { small.append(Array($0)); return true })
        // One part per offer record, at least.
        #expect(small.count > F.shipped.offers.count)
        #expect(Array(small.joined()) == F.bytes)
        #expect(CompiledWriter.parts(index).count < small.count)
        #expect(Array(CompiledWriter.parts(index).joined()) == F.bytes)
        var seen = 0
        #expect(!CompiledWriter.write(index, chunk: 1) { _ in seen += 1; return seen < 5 })
        #expect(seen == 5)
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


    // 4.


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


    @Test func listRowsAreTheOffersFields() throws {
        let compiled = try F.open(F.bytes)
        #expect(compiled.offers.count == F.shipped.offers.count)
        for i in compiled.offers.indices {
            #expect(compiled.offers.row(i) == OfferRow(F.shipped.offers[i]))
            #expect(compiled.offers.id(i) == F.shipped.offers[i].id)
            #expect(F.shipped.offers.row(i) == OfferRow(F.shipped.offers[i]))
        }
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

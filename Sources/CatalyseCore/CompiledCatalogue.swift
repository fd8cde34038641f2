import Foundation

/// The compiled catalogue format (`.catalyse`): a validated catalogue and its search index,
/// written once by `catalyse compile` and memory-mapped at start, so a large catalogue opens
/// without parsing text or rebuilding the index. Offers are decoded only when shown.
///
/// Layout (little-endian, every section 8-byte aligned; `docs/catalogue-format.md`):
/// `CATALYSE`, version (u32), section count (u32), then per section its offset and length
/// (u64, u64), then the sections in `Section` order. Records are sequences of fields: a varint,
/// a text (varint length + UTF-8), an optional text (varint 0, or length + 1 then UTF-8), a code
/// (one byte: the value's ordinal), a list (varint count + items), a place (varint: 0 national,
/// 1–18 the régions, then the départements in `Territories` order), a day (3 varints).
///
/// The file is not trusted: opening it checks every section bound, offset, count, code and
/// record before anything is used, and an error names the record (`firms[3].offers[1]`).
/// Text is cleaned again when decoded, so nothing from the file reaches a terminal unfiltered.
public enum CompiledCatalogue {
    static let magic: [UInt8] = Array("CATALYSE".utf8)
    static let version: UInt32 = 1

    enum Section: Int, CaseIterable {
        case meta, firmRecords, firmOffsets, offerRecords, offerOffsets, idOrder
        case facetMasks, regionMasks, departmentMasks, national
        case wordOffsets, wordBytes, wordPostingStarts, wordPostings
        case titleOffsets, titleBytes, titlePostingStarts, titlePostings
        case defaultOrder
    }

    static var headerSize: Int { 16 + Section.allCases.count * 16 }

    /// What is wrong with a compiled file, and where (a record path, or `file`).
    struct Failure: Error {
        var field: String
        var message: String
    }

    // MARK: Writing

    /// The compiled form of `catalogue`.
    public static func compile(_ catalogue: Catalogue) -> [UInt8] {
        Array(compiledParts(catalogue).joined())
    }

    /// The compiled form as consecutive parts (header, then each section and its padding), to
    /// be written one after the other without joining them in memory.
    public static func compiledParts(_ catalogue: Catalogue) -> [[UInt8]] {
        let columns = catalogue.compiledColumns ?? IndexColumns.build(catalogue)
        var sections = [[UInt8]](repeating: [], count: Section.allCases.count)
        func put<T: BitwiseCopyable>(_ section: Section, _ values: [T]) {
            sections[section.rawValue] = values.withUnsafeBytes { Array($0) }
        }
        func put<T: BitwiseCopyable>(_ section: Section, _ values: Column<T>) {
            sections[section.rawValue] = Array(UnsafeRawBufferPointer(values.buffer))
        }

        var meta = RecordWriter()
        meta.text(catalogue.name)
        meta.day(catalogue.updated)
        meta.varint(catalogue.illustrative ? 1 : 0)
        meta.optionalText(catalogue.note)
        meta.varint(catalogue.firms.count)
        meta.varint(catalogue.offers.count)
        sections[Section.meta.rawValue] = meta.bytes

        var firms = RecordWriter()
        var firmOffsets: [UInt64] = [0]
        for firm in catalogue.firms {
            firms.text(firm.id); firms.text(firm.name); firms.text(firm.presentation); firms.text(firm.headquarters)
            firms.optionalText(firm.website)
            firms.text(firm.contact.name); firms.text(firm.contact.email); firms.optionalText(firm.contact.phone)
            firms.varint(firm.joined)
            firms.text(firm.provenance.source); firms.day(firm.provenance.verified)
            firms.varint(firm.offerIndices.count)
            firmOffsets.append(UInt64(firms.bytes.count))
        }
        sections[Section.firmRecords.rawValue] = firms.bytes
        put(.firmOffsets, firmOffsets)

        var offers = RecordWriter()
        var offerOffsets: [UInt64] = [0]
        offerOffsets.reserveCapacity(catalogue.offers.count + 1)
        for offer in catalogue.offers {
            offers.offer(offer)
            offerOffsets.append(UInt64(offers.bytes.count))
        }
        sections[Section.offerRecords.rawValue] = offers.bytes
        put(.offerOffsets, offerOffsets)

        let ids = catalogue.offers.map { Array($0.id.utf8) }
        put(.idOrder, ids.indices.sorted { ids[$0].lexicographicallyPrecedes(ids[$1]) }.map { Int32($0) })

        put(.facetMasks, columns.facetMasks)
        put(.regionMasks, columns.regionMasks)
        put(.departmentMasks, columns.departmentMasks)
        put(.national, columns.coversNational)
        put(.wordOffsets, columns.words.offsets)
        put(.wordBytes, columns.words.bytes)
        put(.wordPostingStarts, columns.words.postingStarts)
        put(.wordPostings, columns.words.postings)
        put(.titleOffsets, columns.titleWords.offsets)
        put(.titleBytes, columns.titleWords.bytes)
        put(.titlePostingStarts, columns.titleWords.postingStarts)
        put(.titlePostings, columns.titleWords.postings)
        put(.defaultOrder, columns.defaultOrder)
        // The columns point into `columns.storage`: keep it until they are copied.
        withExtendedLifetime(columns) {}

        var header = magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { header += $0 } }
        append(version)
        append(UInt32(sections.count))
        var offset = UInt64(headerSize)
        for section in sections {
            append(offset)
            append(UInt64(section.count))
            offset += UInt64(section.count + padding(section.count))
        }
        var parts = [header]
        for section in sections {
            parts.append(section)
            if padding(section.count) > 0 { parts.append([UInt8](repeating: 0, count: padding(section.count))) }
        }
        return parts
    }

    static func padding(_ n: Int) -> Int { (8 - n % 8) % 8 }

    // MARK: Reading

    /// Opens compiled bytes owned by `storage` (a file mapping or a heap copy).
    static func open(_ bytes: UnsafeRawBufferPointer, storage: ColumnStorage) throws(Failure) -> Catalogue {
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else {
            throw Failure(field: "file", message: "not a compiled catalogue (no CATALYSE signature); compile one with `catalyse compile`")
        }
        let version = bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        guard version == CompiledCatalogue.version else {
            throw Failure(field: "file", message: "compiled with format version \(version); this catalyse reads version \(CompiledCatalogue.version): compile it again")
        }
        let sectionCount = Int(bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian)
        guard sectionCount == Section.allCases.count, bytes.count >= headerSize else {
            throw Failure(field: "file", message: "damaged header (\(sectionCount) sections, expected \(Section.allCases.count))")
        }
        var ranges: [Range<Int>] = []
        for s in Section.allCases {
            let at = 16 + s.rawValue * 16
            let offset = bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian
            let length = bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self).littleEndian
            // The padding after a section is part of the file: a file cut there is truncated too.
            guard offset % 8 == 0, offset >= UInt64(headerSize), offset <= UInt64(bytes.count),
                  length <= UInt64(bytes.count) - offset, (length + 7) & ~7 <= UInt64(bytes.count) - offset else {
                throw Failure(field: "file", message: "section \(s) lies outside the file (the file is truncated or damaged)")
            }
            ranges.append(Int(offset)..<Int(offset + length))
        }
        func column<T: BitwiseCopyable>(_ s: Section, _: T.Type) throws(Failure) -> Column<T> {
            let range = ranges[s.rawValue]
            guard range.count % MemoryLayout<T>.stride == 0 else { throw Failure(field: "file", message: "section \(s) has a partial element") }
            let count = range.count / MemoryLayout<T>.stride
            guard count > 0 else { return .empty }
            let pointer = (bytes.baseAddress! + range.lowerBound).bindMemory(to: T.self, capacity: count)
            return Column(base: UnsafePointer(pointer), count: count)
        }
        func raw(_ s: Section) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[ranges[s.rawValue]]) }

        // Metadata.
        var meta = RecordReader(raw(.meta))
        let name: String, updated: Day, illustrative: Bool, note: String?, firmCount: Int, offerCount: Int
        do throws(RecordReader.Failure) {
            name = try meta.text(singleLine: true)
            updated = try meta.day()
            illustrative = try meta.varint(below: 2) == 1
            note = try meta.optionalText(singleLine: false)
            firmCount = try meta.varint(below: Int(Int32.max))
            offerCount = try meta.varint(below: Int(Int32.max))
            try meta.end()
        } catch { throw Failure(field: "catalogue", message: error.message) }

        // The offer count bounds what the firms may claim: check it against the offer offsets
        // (whose size the file bounds) before anything is allocated from it.
        let offerOffsets = try column(.offerOffsets, UInt64.self)
        guard offerOffsets.count == offerCount + 1 else { throw Failure(field: "offers", message: "\(offerOffsets.count) record offsets for \(offerCount) offers") }

        // Firms, decoded now (a few per hundred offers).
        let firmOffsets = try column(.firmOffsets, UInt64.self)
        let firmRecords = raw(.firmRecords)
        guard firmOffsets.count == firmCount + 1 else { throw Failure(field: "firms", message: "\(firmOffsets.count) record offsets for \(firmCount) firms") }
        var firms: [Firm] = []
        firms.reserveCapacity(firmCount)
        var owner: [Int32] = []
        owner.reserveCapacity(offerCount)
        var firmIDs = Set<String>()
        for f in 0..<firmCount {
            do throws(RecordReader.Failure) {
                var r = try RecordReader(firmRecords, firmOffsets[f], firmOffsets[f + 1])
                let idBytes = try r.textBytes()
                guard Slug.isValid(utf8: idBytes) else { throw RecordReader.Failure(message: CompiledCatalogue.invalidID) }
                let id = String(decoding: idBytes, as: UTF8.self), name = try r.text(singleLine: true)
                guard firmIDs.insert(id).inserted else { throw RecordReader.Failure(message: "duplicate firm id '\(id)'") }
                let presentation = try r.text(singleLine: false), hq = try r.text(singleLine: true)
                guard Territories.departmentByCode[hq] != nil else { throw RecordReader.Failure(message: "headquarters: unknown département '\(hq)'") }
                let website = try r.optionalText(singleLine: true)
                let contact = Contact(name: try r.text(singleLine: true), email: try r.text(singleLine: true), phone: try r.optionalText(singleLine: true))
                let joined = try r.varint(below: 10_000)
                let provenance = Provenance(source: try r.text(singleLine: false), verified: try r.day())
                let count = try r.varint(below: offerCount - owner.count + 1)
                try r.end()
                var firm = Firm(id: id, name: name, presentation: presentation, headquarters: hq, website: website,
                                contact: contact, joined: joined, provenance: provenance)
                firm.offerIndices = owner.count..<(owner.count + count)
                owner += repeatElement(Int32(f), count: count)
                firms.append(firm)
            } catch { throw Failure(field: "firms[\(f)]", message: error.message) }
        }
        guard owner.count == offerCount else { throw Failure(field: "firms", message: "the firms hold \(owner.count) offers, the catalogue \(offerCount)") }

        // Offers: every record is walked once (bounds, codes, places, ids), without building text.
        let offerRecords = raw(.offerRecords)
        func path(_ i: Int) -> String {
            let f = Int(owner[i])
            return "firms[\(f)].offers[\(i - firms[f].offerIndices.lowerBound)]"
        }
        if let (i, message) = checkOffers(offerRecords, offerOffsets) { throw Failure(field: path(i), message: message) }
        let storage = storage
        let firmOfOffer = storage.column(owner)
        let idOrder = try column(.idOrder, Int32.self)
        let offers = CompiledOffers(storage: storage, records: offerRecords, recordOffsets: offerOffsets,
                                    firmOfOffer: firmOfOffer, idOrder: idOrder, firmIDs: firms.map(\.id))
        try checkPermutation(idOrder, offerCount, "idOrder")
        for k in idOrder.indices.dropFirst() where offers.compareIDs(Int(idOrder[k - 1]), Int(idOrder[k])) >= 0 {
            throw Failure(field: path(Int(idOrder[k])), message: "offer ids are not sorted and distinct in the id table")
        }

        // Index columns.
        func words(_ o: Section, _ b: Section, _ s: Section, _ p: Section) throws(Failure) -> WordList {
            let list = WordList(offsets: try column(o, UInt32.self), bytes: try column(b, UInt8.self),
                                postingStarts: try column(s, UInt64.self), postings: try column(p, Int32.self))
            guard list.offsets.count >= 1, list.postingStarts.count == list.offsets.count,
                  list.offsets[0] == 0, list.postingStarts[0] == 0,
                  Int(list.offsets[list.offsets.count - 1]) == list.bytes.count,
                  list.postingStarts[list.postingStarts.count - 1] == UInt64(list.postings.count),
                  zip(list.offsets, list.offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
                  zip(list.postingStarts, list.postingStarts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw Failure(field: "index", message: "damaged word list (\(o))")
            }
            guard list.postings.allSatisfy({ $0 >= 0 && Int($0) < offerCount }) else {
                throw Failure(field: "index", message: "a posting list names an offer that does not exist (\(p))")
            }
            return list
        }
        let columns = IndexColumns(
            storage: storage,
            facetMasks: try column(.facetMasks, UInt64.self), regionMasks: try column(.regionMasks, UInt32.self),
            departmentMasks: try column(.departmentMasks, UInt64.self), coversNational: try column(.national, UInt8.self),
            words: try words(.wordOffsets, .wordBytes, .wordPostingStarts, .wordPostings),
            titleWords: try words(.titleOffsets, .titleBytes, .titlePostingStarts, .titlePostings),
            defaultOrder: try column(.defaultOrder, Int32.self))
        guard columns.facetMasks.count == offerCount, columns.regionMasks.count == offerCount,
              columns.departmentMasks.count == 2 * offerCount, columns.coversNational.count == offerCount else {
            throw Failure(field: "index", message: "the facet columns do not have one entry per offer")
        }
        guard columns.regionMasks.allSatisfy({ $0 & ~IndexColumns.allRegions == 0 }),
              stride(from: 1, to: columns.departmentMasks.count, by: 2).allSatisfy({ columns.departmentMasks[$0] & ~IndexColumns.allDepartments.1 == 0 }) else {
            throw Failure(field: "index", message: "a territory mask names a région or département that does not exist")
        }
        try checkPermutation(columns.defaultOrder, offerCount, "defaultOrder")

        return Catalogue(name: name, updated: updated, illustrative: illustrative, note: note, firms: firms, offers: offers, columns: columns)
    }

    /// Walks every offer record (in parallel on large files: it is most of the opening time) and
    /// returns the first one that is damaged, with what is wrong.
    /// `parts` is for tests; by default one per core above 20,000 offers.
    static func checkOffers(_ records: UnsafeRawBufferPointer, _ offsets: Column<UInt64>, parts: Int? = nil) -> (Int, String)? {
        func check(_ range: Range<Int>) -> (Int, String)? {
            for i in range {
                do throws(RecordReader.Failure) {
                    var r = try RecordReader(records, offsets[i], offsets[i + 1], decode: false)
                    var id = r
                    guard Slug.isValid(utf8: try id.textBytes()) else { throw RecordReader.Failure(message: invalidID) }
                    _ = try r.offer(firmID: "")
                } catch { return (i, error.message) }
            }
            return nil
        }
        let n = offsets.count - 1
        // Each part stops at its first damaged record; the first part that found one has the
        // first overall.
        return Parallel.map(n, parts: parts ?? Parallel.parts(for: n), check).lazy.compactMap { $0 }.first
    }

    static let invalidID = "the id is not a valid id (lower-case letters, digits and single hyphens)"

    /// Whether `column` holds each of 0..<n exactly once.
    static func checkPermutation(_ column: Column<Int32>, _ n: Int, _ name: String) throws(Failure) {
        guard column.count == n else { throw Failure(field: "index", message: "\(name) has \(column.count) entries for \(n) offers") }
        var seen = Bitset(count: n)
        for v in column {
            guard v >= 0, Int(v) < n, !seen.contains(Int(v)) else { throw Failure(field: "index", message: "\(name) is not an order of the offers") }
            seen.insert(Int(v))
        }
    }
}

/// The offers of a compiled catalogue: records decoded on access.
struct CompiledOffers: @unchecked Sendable {
    let storage: ColumnStorage
    let records: UnsafeRawBufferPointer
    let recordOffsets: Column<UInt64>
    let firmOfOffer: Column<Int32>
    /// Offer indices sorted by id (UTF-8 byte order), for look-ups by id.
    let idOrder: Column<Int32>
    let firmIDs: [String]

    var count: Int { firmOfOffer.count }

    func reader(_ i: Int, decode: Bool = true) -> RecordReader {
        // Bounds were checked when the file was opened.
        (try? RecordReader(records, recordOffsets[i], recordOffsets[i + 1], decode: decode)) ?? RecordReader(UnsafeRawBufferPointer(start: nil, count: 0))
    }

    func offer(_ i: Int) -> Offer {
        var r = reader(i)
        let firmID = firmIDs[Int(firmOfOffer[i])]
        // Every record was walked when the file was opened, so this does not fail.
        return (try? r.offer(firmID: firmID)) ?? Offer(id: "", firmID: firmID, title: "", summary: "", description: "", format: .mecenatCompetences,
                                                       purpose: .operationnelle, kinds: [], themes: [], territories: [], mode: .presentiel,
                                                       audience: [], duration: "", apply: "")
    }

    func row(_ i: Int) -> OfferRow {
        var r = reader(i)
        return (try? r.row()) ?? OfferRow(id: "", title: "", purpose: .operationnelle, format: .mecenatCompetences, territories: [])
    }

    /// The raw id bytes of offer `i` (the first field of its record).
    func idBytes(_ i: Int) -> UnsafeRawBufferPointer {
        var r = reader(i, decode: false)
        return (try? r.textBytes()) ?? UnsafeRawBufferPointer(start: nil, count: 0)
    }

    func compareIDs(_ a: Int, _ b: Int) -> Int { compare(idBytes(a), idBytes(b)) }

    func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        if n > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
    }

    func index(ofID id: String) -> Int? {
        var key = id
        return key.withUTF8 { utf8 in
            let target = UnsafeRawBufferPointer(utf8)
            var low = 0, high = idOrder.count
            while low < high {
                let mid = (low + high) / 2
                let c = compare(idBytes(Int(idOrder[mid])), target)
                if c == 0 { return Int(idOrder[mid]) }
                if c < 0 { low = mid + 1 } else { high = mid }
            }
            return nil
        }
    }
}

/// Appends the fields of compiled records.
struct RecordWriter {
    var bytes: [UInt8] = []

    mutating func varint(_ value: Int) {
        var v = UInt64(max(0, value))
        while v >= 0x80 { bytes.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        bytes.append(UInt8(v))
    }
    mutating func text(_ s: String) { varint(s.utf8.count); bytes += s.utf8 }
    mutating func optionalText(_ s: String?) {
        if let s { varint(s.utf8.count + 1); bytes += s.utf8 } else { varint(0) }
    }
    mutating func day(_ d: Day) { varint(d.year); varint(d.month); varint(d.day) }
    mutating func code<T: CodedValue>(_ v: T) { bytes.append(UInt8(v.ordinal)) }
    mutating func codes<T: CodedValue>(_ values: [T]) { varint(values.count); for v in values { code(v) } }
    mutating func places(_ places: [Place]) {
        varint(places.count)
        for place in places { varint(RecordReader.number(of: place)) }
    }

    mutating func offer(_ o: Offer) {
        text(o.id); text(o.title); text(o.summary); text(o.description)
        code(o.format); code(o.purpose); codes(o.kinds); codes(o.themes); places(o.territories); code(o.mode)
        codes(o.audience); text(o.duration); varint(o.capacity.map { $0 + 1 } ?? 0)
        codes(o.eligibility.stages); codes(o.eligibility.budgets); codes(o.eligibility.employer)
        optionalText(o.cost); text(o.apply)
    }
}

/// Reads the fields of one compiled record, checking every bound. With `decode` false it only
/// checks (texts come back empty and lists empty), which is how a file is verified when opened.
struct RecordReader {
    let bytes: UnsafeRawBufferPointer
    var at = 0
    var decode: Bool

    struct Failure: Error { var message: String }

    init(_ bytes: UnsafeRawBufferPointer, decode: Bool = true) { self.bytes = bytes; self.decode = decode }

    /// The record `start..<end` of `records`.
    init(_ records: UnsafeRawBufferPointer, _ start: UInt64, _ end: UInt64, decode: Bool = true) throws(Failure) {
        guard start <= end, end <= UInt64(records.count) else { throw Failure(message: "record lies outside its section") }
        self.init(UnsafeRawBufferPointer(rebasing: records[Int(start)..<Int(end)]), decode: decode)
    }

    mutating func varint() throws(Failure) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard at < bytes.count else { throw Failure(message: "record truncated") }
            let b = bytes[at]
            at += 1
            guard shift < 63 else { throw Failure(message: "number too large") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        guard value <= UInt64(Int.max) else { throw Failure(message: "number too large") }
        return Int(value)
    }

    mutating func varint(below limit: Int) throws(Failure) -> Int {
        let v = try varint()
        guard v < limit else { throw Failure(message: "value \(v) out of range") }
        return v
    }

    mutating func textBytes(length: Int? = nil) throws(Failure) -> UnsafeRawBufferPointer {
        let n: Int
        if let length { n = length } else { n = try varint() }
        guard n <= bytes.count - at else { throw Failure(message: "text runs past the end of its record") }
        defer { at += n }
        return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
    }

    /// Text is cleaned as the loader cleans it: the file may have been made by something else.
    /// (`catalyse compile` wrote it cleaned; only a damaged or hand-made file needs the work.)
    static func string(_ raw: UnsafeRawBufferPointer, singleLine: Bool) -> String {
        let s = String(decoding: raw, as: UTF8.self)
        return TextCleaning.needsCleaning(raw, singleLine: singleLine) ? TextCleaning.clean(s, singleLine: singleLine).text : s
    }

    mutating func text(singleLine: Bool) throws(Failure) -> String {
        let raw = try textBytes()
        return decode ? RecordReader.string(raw, singleLine: singleLine) : ""
    }

    mutating func optionalText(singleLine: Bool) throws(Failure) -> String? {
        let n = try varint()
        if n == 0 { return nil }
        let raw = try textBytes(length: n - 1)
        return decode ? RecordReader.string(raw, singleLine: singleLine) : ""
    }

    mutating func day() throws(Failure) -> Day {
        let y = try varint(below: 10_000), m = try varint(below: 13), d = try varint(below: 32)
        guard let day = Day(year: y, month: m, day: d) else { throw Failure(message: "invalid date") }
        return day
    }

    // Each code list once (`allCases` builds a new array at every call).
    static let formats = Array(OfferFormat.allCases), purposes = Array(Purpose.allCases), kinds = Array(SupportKind.allCases)
    static let themes = Array(Theme.allCases), modes = Array(DeliveryMode.allCases), audiences = Array(Audience.allCases)
    static let stages = Array(Stage.allCases), budgets = Array(BudgetBand.allCases), employers = Array(EmployerStatus.allCases)

    /// A code: one byte, the value's rank in `all`.
    mutating func code<T: CodedValue>(_ all: [T]) throws(Failure) -> T {
        guard at < bytes.count else { throw Failure(message: "record truncated") }
        let v = Int(bytes[at])
        at += 1
        guard v < all.count else { throw Failure(message: "unknown \(T.facet) code \(v)") }
        return all[v]
    }

    mutating func codes<T: CodedValue>(_ all: [T]) throws(Failure) -> [T] {
        let n = try varint(below: 256)
        var values: [T] = []
        if decode { values.reserveCapacity(n) }
        for _ in 0..<n {
            let v = try code(all)
            if decode { values.append(v) }
        }
        return values
    }

    static let places: [Place] = [.national] + Territories.regionCodes.map { .region($0) } + Territories.departments.map { .department($0.code) }
    static let placeNumbers: [Place: Int] = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1, $0) })
    static func number(of place: Place) -> Int { placeNumbers[place] ?? 0 }

    mutating func places() throws(Failure) -> [Place] {
        let n = try varint(below: 1024)
        var values: [Place] = []
        if decode { values.reserveCapacity(n) }
        for _ in 0..<n {
            let p = try varint(below: RecordReader.places.count)
            if decode { values.append(RecordReader.places[p]) }
        }
        return values
    }

    func end() throws(Failure) {
        guard at == bytes.count else { throw Failure(message: "\(bytes.count - at) unexpected bytes at the end of the record") }
    }

    /// The fields of a list row; the texts in between are skipped, not decoded.
    mutating func row() throws(Failure) -> OfferRow {
        let id = try text(singleLine: true), title = try text(singleLine: true)
        let wasDecoding = decode
        decode = false
        _ = try textBytes(); _ = try textBytes()
        decode = wasDecoding
        let format = try code(RecordReader.formats), purpose = try code(RecordReader.purposes)
        decode = false
        _ = try codes(RecordReader.kinds); _ = try codes(RecordReader.themes)
        decode = wasDecoding
        return OfferRow(id: id, title: title, purpose: purpose, format: format, territories: try places())
    }

    mutating func offer(firmID: String) throws(Failure) -> Offer {
        let id = try text(singleLine: true), title = try text(singleLine: true)
        let summary = try text(singleLine: true), description = try text(singleLine: false)
        let format = try code(RecordReader.formats), purpose = try code(RecordReader.purposes)
        let kinds = try codes(RecordReader.kinds), themes = try codes(RecordReader.themes), territories = try places()
        let mode = try code(RecordReader.modes), audience = try codes(RecordReader.audiences)
        let duration = try text(singleLine: true)
        let capacity = try varint(below: Int(Int32.max))
        let eligibility = Eligibility(stages: try codes(RecordReader.stages), budgets: try codes(RecordReader.budgets), employer: try codes(RecordReader.employers))
        let cost = try optionalText(singleLine: false), apply = try text(singleLine: false)
        try end()
        return Offer(id: id, firmID: firmID, title: title, summary: summary, description: description, format: format,
                     purpose: purpose, kinds: kinds, themes: themes, territories: territories, mode: mode, audience: audience,
                     duration: duration, capacity: capacity == 0 ? nil : capacity - 1, eligibility: eligibility, cost: cost, apply: apply)
    }
}

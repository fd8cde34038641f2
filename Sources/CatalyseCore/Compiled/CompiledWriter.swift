/// Writes the compiled form (`CompiledFormat`) of a catalogue and its search index: what
/// `catalyse compile` puts in a `.catalyse` file. Same catalogue, same bytes.
public enum CompiledWriter {
    typealias Section = CompiledFormat.Section
    /// The size of the parts the offer records are written in.
    static let chunk = 4 << 20

    /// The compiled form of a catalogue and its index.
    public static func compile(_ index: SearchIndex) -> [UInt8] {
        var bytes: [UInt8] = []
        _ = write(index) { bytes += $0; return true }
        return bytes
    }

    /// The compiled form as consecutive parts (header, then each section and its padding).
    public static func parts(_ index: SearchIndex) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        _ = write(index) { parts.append(Array($0)); return true }
        return parts
    }

    /// What a section is made of: bytes worked out here, the bytes of one of the index's
    /// columns (written as they lie, never copied), or the offer records (encoded again as they
    /// are written, in parts of about `chunk` bytes).
    private enum Body {
        case bytes([UInt8])
        case column(UnsafeRawBufferPointer)
        case offerRecords
    }

    /// Writes the compiled form through `emit`, part after part (header, then each section and
    /// its padding), stopping at the first part `emit` refuses (returns false); true if all were
    /// taken. The whole form is never in memory: the offer records, most of it, are encoded
    /// once to learn where each ends (the header gives every section's size before the
    /// sections) and again as they are written, about `chunk` bytes at a time; the index's
    /// columns are written from where they lie.
    public static func write(_ index: SearchIndex, _ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        write(index, chunk: CompiledWriter.chunk, emit)
    }

    /// The same, in parts of `chunk` bytes of offer records (tests).
    static func write(_ index: SearchIndex, chunk: Int, _ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        // The columns point into the index's storage: keep it until they are written.
        withExtendedLifetime(index) { write(index.catalogue, index.columns, chunk: chunk, emit) }
    }

    private static func write(_ catalogue: Catalogue, _ columns: IndexColumns, chunk: Int, _ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        // Where each offer record ends: each is encoded into the same scratch bytes, which
        // are dropped (the records are encoded again as they are written).
        var scratch = RecordWriter()
        var recordsSize: UInt64 = 0
        var offerOffsets: [UInt64] = [0]
        offerOffsets.reserveCapacity(catalogue.offers.count + 1)
        for offer in catalogue.offers {
            scratch.bytes.removeAll(keepingCapacity: true)
            scratch.offer(offer)
            recordsSize += UInt64(scratch.bytes.count)
            offerOffsets.append(recordsSize)
        }
        scratch = RecordWriter()
        // The ids side by side in one array (not an array each).
        var idBytes: [UInt8] = [], idEnds: [Int] = [0]
        idEnds.reserveCapacity(catalogue.offers.count + 1)
        for offer in catalogue.offers {
            idBytes += offer.id.utf8
            idEnds.append(idBytes.count)
        }
        let records: ((UnsafeRawBufferPointer) -> Bool) -> Bool = { emit in
            var offers = RecordWriter()
            offers.bytes.reserveCapacity(min(chunk, CompiledWriter.chunk) + 65_536)
            for offer in catalogue.offers {
                offers.offer(offer)
                if offers.bytes.count >= chunk {
                    guard offers.bytes.withUnsafeBytes(emit) else { return false }
                    offers.bytes.removeAll(keepingCapacity: true)
                }
            }
            return offers.bytes.withUnsafeBytes(emit)
        }
        return write(catalogue, firms: catalogue.firms, offerCount: catalogue.offers.count, offerOffsets: &offerOffsets,
                     records: records, idBytes: &idBytes, idEnds: &idEnds, columns, emit)
    }

    /// The compiled form of a catalogue whose offers were encoded as its firms were read
    /// (`catalyse compile` of a large file): the same bytes as `write(_: SearchIndex, …)` gives
    /// for the same catalogue (`FirmPipelineTests`), the records read back from the spool.
    public static func write(_ streamed: StreamedCatalogue, _ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        withExtendedLifetime(streamed) {
            var offerOffsets = streamed.records.ends
            var idBytes = streamed.ids, idEnds = streamed.idEnds
            return write(streamed.catalogue, firms: streamed.firms, offerCount: streamed.offerCount, offerOffsets: &offerOffsets,
                         records: { streamed.records.forEachPart($0) }, idBytes: &idBytes, idEnds: &idEnds, streamed.columns, emit)
        }
    }

    /// The sections, given the catalogue's metadata (`catalogue`: its name, date, flag and
    /// note), its firms, where each offer record ends, the records (handed over part after part
    /// by `records`), the offers' ids side by side, and the index's columns.
    private static func write(_ catalogue: Catalogue, firms firmList: [Firm], offerCount: Int, offerOffsets: inout [UInt64],
                              records: ((UnsafeRawBufferPointer) -> Bool) -> Bool,
                              idBytes: inout [UInt8], idEnds: inout [Int],
                              _ columns: IndexColumns, _ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var bodies = [Body](repeating: .bytes([]), count: Section.allCases.count)
        var sizes = [Int](repeating: 0, count: Section.allCases.count)
        func put(_ section: Section, bytes: [UInt8]) {
            bodies[section.rawValue] = .bytes(bytes)
            sizes[section.rawValue] = bytes.count
        }
        func put<T: BitwiseCopyable>(_ section: Section, _ values: [T]) {
            put(section, bytes: values.withUnsafeBytes { Array($0) })
        }
        func put<T: BitwiseCopyable>(_ section: Section, _ values: Column<T>) {
            let raw = UnsafeRawBufferPointer(values.buffer)
            bodies[section.rawValue] = .column(raw)
            sizes[section.rawValue] = raw.count
        }

        var meta = RecordWriter()
        meta.text(catalogue.name)
        meta.day(catalogue.updated)
        meta.varint(catalogue.illustrative ? 1 : 0)
        meta.optionalText(catalogue.note)
        meta.varint(firmList.count)
        meta.varint(offerCount)
        put(.meta, bytes: meta.bytes)

        var firms = RecordWriter()
        var firmOffsets: [UInt64] = [0]
        for firm in firmList {
            firms.firm(firm)
            firmOffsets.append(UInt64(firms.bytes.count))
        }
        put(.firmRecords, bytes: firms.bytes)
        firms = RecordWriter()
        put(.firmOffsets, firmOffsets)

        bodies[Section.offerRecords.rawValue] = .offerRecords
        sizes[Section.offerRecords.rawValue] = Int(offerOffsets.last ?? 0)
        put(.offerOffsets, offerOffsets)
        offerOffsets = []

        // The ids sorted in byte order.
        do {
            let ends = idEnds
            let order = idBytes.withUnsafeBufferPointer { all in
                (0..<offerCount).sorted { a, b in
                    let x = UnsafeBufferPointer(rebasing: all[ends[a]..<ends[a + 1]])
                    let y = UnsafeBufferPointer(rebasing: all[ends[b]..<ends[b + 1]])
                    return x.lexicographicallyPrecedes(y)
                }
            }
            idBytes = []; idEnds = []
            put(.idOrder, order.map { Int32($0) })
        }

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

        var header = CompiledFormat.magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { header += $0 } }
        append(CompiledFormat.version)
        append(UInt32(sizes.count))
        var offset = UInt64(CompiledFormat.headerSize)
        for size in sizes {
            append(offset)
            append(UInt64(size))
            offset += UInt64(size + CompiledFormat.padding(size))
        }
        guard header.withUnsafeBytes(emit) else { return false }

        let zeros = [UInt8](repeating: 0, count: 8)
        for k in bodies.indices {
            switch bodies[k] {
            case .bytes(let bytes):
                guard bytes.withUnsafeBytes(emit) else { return false }
                bodies[k] = .bytes([])  // freed once written
            case .column(let raw):
                guard emit(raw) else { return false }
            case .offerRecords:
                var written = 0
                guard withoutActuallyEscaping(emit, do: { emit in records { part in written += part.count; return emit(part) } }) else { return false }
                // The same offers encode to the same bytes: the header's size holds.
                precondition(written == sizes[k], "offer records changed size while written")
            }
            let padding = CompiledFormat.padding(sizes[k])
            if padding > 0 {
                guard zeros.withUnsafeBytes({ emit(UnsafeRawBufferPointer(rebasing: $0[0..<padding])) }) else { return false }
            }
        }
        return true
    }
}

/// A catalogue read for `catalyse compile` with its offers encoded as records while its firms
/// were read (`CatalogueLoader.Keeping.records`): the metadata, the firms, the records (in a
/// `RecordSpool`), the offers' ids and the index's columns, without the offers as values.
public final class StreamedCatalogue: @unchecked Sendable {
    /// The metadata; its firms have no offers here (see `firms`).
    let catalogue: Catalogue
    /// The firms, each with the range of its offers.
    public let firms: [Firm]
    public let offerCount: Int
    let records: RecordSpool
    let columns: IndexColumns
    let ids: [UInt8], idEnds: [Int]

    init(catalogue: Catalogue, offerCounts: [Int], records: RecordSpool, columns: IndexColumns, ids: [UInt8], idEnds: [Int]) {
        var firms = catalogue.firms
        var start = 0
        for f in firms.indices {
            firms[f].offerIndices = start..<(start + offerCounts[f])
            start += offerCounts[f]
        }
        precondition(start == records.count && records.count == idEnds.count - 1, "records, ids and firms disagree")
        self.catalogue = catalogue
        self.firms = firms
        self.offerCount = start
        self.records = records
        self.columns = columns
        self.ids = ids
        self.idEnds = idEnds
    }
}

/// Writes the compiled form (`CompiledFormat`) of a catalogue and its search index: what
/// `catalyse compile` puts in a `.catalyse` file. Same catalogue, same bytes.
public enum CompiledWriter {
    typealias Section = CompiledFormat.Section
    /// The size of the parts the offer records are written in.
    static let chunk = 4 << 20

    /// The compiled form of a catalogue and its index.
    public static func compile(_ index: SearchIndex) -> [UInt8] {
        Array(parts(index).joined())
    }

    /// The compiled form as consecutive parts (header, then each section and its padding), to
    /// be written one after the other without joining them in memory.
    public static func parts(_ index: SearchIndex) -> [[UInt8]] {
        let catalogue = index.catalogue, columns = index.columns
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
            firms.firm(firm)
            firmOffsets.append(UInt64(firms.bytes.count))
        }
        sections[Section.firmRecords.rawValue] = firms.bytes
        put(.firmOffsets, firmOffsets)

        // The offer records in chunks of about 4 MiB, one after the other in the file: never
        // one array of all of them, which would be copied (twice its size) as it grows.
        var offers = RecordWriter()
        var offerChunks: [[UInt8]] = []
        var written: UInt64 = 0
        var offerOffsets: [UInt64] = [0]
        offerOffsets.reserveCapacity(catalogue.offers.count + 1)
        for offer in catalogue.offers {
            offers.offer(offer)
            offerOffsets.append(written + UInt64(offers.bytes.count))
            if offers.bytes.count >= CompiledWriter.chunk {
                written += UInt64(offers.bytes.count)
                offerChunks.append(offers.bytes)
                offers.bytes = []
                offers.bytes.reserveCapacity(CompiledWriter.chunk + 65_536)
            }
        }
        offerChunks.append(offers.bytes)
        offers = RecordWriter()
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
        // The columns point into the index's storage: keep it until they are copied.
        withExtendedLifetime(index) {}

        var header = CompiledFormat.magic
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { header += $0 } }
        append(CompiledFormat.version)
        append(UInt32(sections.count))
        var offset = UInt64(CompiledFormat.headerSize)
        func size(_ k: Int) -> Int { k == Section.offerRecords.rawValue ? offerChunks.reduce(0) { $0 + $1.count } : sections[k].count }
        for k in sections.indices {
            append(offset)
            append(UInt64(size(k)))
            offset += UInt64(size(k) + CompiledFormat.padding(size(k)))
        }
        var parts = [header]
        for k in sections.indices {
            if k == Section.offerRecords.rawValue { parts += offerChunks } else { parts.append(sections[k]) }
            if CompiledFormat.padding(size(k)) > 0 { parts.append([UInt8](repeating: 0, count: CompiledFormat.padding(size(k)))) }
        }
        return parts
    }
}

/// Opens a compiled catalogue (`CompiledFormat`) in named steps — header, metadata, firms,
/// offer records, id table, index columns — each checking what it reads before anything is
/// allocated from it or used; the first failure names the record or section.
enum CompiledReader {
    typealias Section = CompiledFormat.Section
    typealias Failure = CompiledFormat.Failure

    /// The catalogue's metadata record.
    struct Meta {
        var name: String, updated: Day, illustrative: Bool, note: String?
        var firmCount: Int, offerCount: Int
    }

    /// The sections of a file whose header was checked.
    struct Sections {
        let bytes: UnsafeRawBufferPointer
        let ranges: [Range<Int>]

        func raw(_ s: Section) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[ranges[s.rawValue]]) }

        /// A section as a column of `T` (its bounds and alignment were checked with the header).
        func column<T: BitwiseCopyable>(_ s: Section, _: T.Type) throws(Failure) -> Column<T> {
            let range = ranges[s.rawValue]
            guard range.count % MemoryLayout<T>.stride == 0 else { throw Failure(field: "file", message: "section \(s) has a partial element", french: "la section \(s) se termine au milieu d'un élément") }
            let count = range.count / MemoryLayout<T>.stride
            guard count > 0 else { return .empty }
            let pointer = (bytes.baseAddress! + range.lowerBound).bindMemory(to: T.self, capacity: count)
            return Column(base: UnsafePointer(pointer), count: count)
        }
    }

    /// Opens compiled bytes owned by `storage` (a file mapping or a heap copy).
    static func open(_ bytes: UnsafeRawBufferPointer, storage: ColumnStorage) throws(Failure) -> (Catalogue, PrebuiltIndex) {
        let sections = try header(bytes)
        let meta = try self.meta(sections.raw(.meta))
        // The offer count bounds what the firms may claim: check it against the offer offsets
        // (whose size the file bounds) before anything is allocated from it.
        let offerOffsets = try sections.column(.offerOffsets, UInt64.self)
        guard offerOffsets.count == meta.offerCount + 1 else { throw Failure(field: "offers", message: "\(offerOffsets.count) record offsets for \(meta.offerCount) offers", french: "\(offerOffsets.count) positions d'enregistrement pour \(meta.offerCount) offres") }
        let (firms, owner) = try self.firms(sections, meta)
        let offerRecords = sections.raw(.offerRecords)
        func path(_ i: Int) -> String {
            let f = Int(owner[i])
            return "firms[\(f)].offers[\(i - firms[f].offerIndices.lowerBound)]"
        }
        if let (i, failure) = checkOffers(offerRecords, offerOffsets) { throw Failure(field: path(i), message: failure.message, french: failure.french) }
        let offers = CompiledOffers(storage: storage, records: offerRecords, recordOffsets: offerOffsets,
                                    firmOfOffer: storage.column(owner), idOrder: try sections.column(.idOrder, Int32.self),
                                    firmIDs: firms.map(\.id))
        try checkIDOrder(offers, meta.offerCount, path)
        let columns = try indexColumns(sections, storage: storage, offerCount: meta.offerCount)
        let catalogue = Catalogue(name: meta.name, updated: meta.updated, illustrative: meta.illustrative, note: meta.note,
                                  firms: firms, storage: offers)
        return (catalogue, PrebuiltIndex(columns: columns))
    }

    /// The signature, the version and every section's bounds.
    static func header(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> Sections {
        guard bytes.count >= 16, Array(bytes[0..<8]) == CompiledFormat.magic else {
            throw Failure(field: "file", message: "not a compiled catalogue (no CATALYSE signature); compile one with `catalyse compile`", french: "ce n'est pas un catalogue compilé (pas de signature CATALYSE) ; compilez-en un avec « catalyse compile »")
        }
        let version = bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self).littleEndian
        guard version == CompiledFormat.version else {
            throw Failure(field: "file", message: "compiled with format version \(version); this catalyse reads version \(CompiledFormat.version): compile it again", french: "compilé avec la version \(version) du format ; ce catalyse lit la version \(CompiledFormat.version) : compilez-le de nouveau avec « catalyse compile »",
                          otherVersion: version)
        }
        let sectionCount = Int(bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self).littleEndian)
        guard sectionCount == Section.allCases.count, bytes.count >= CompiledFormat.headerSize else {
            throw Failure(field: "file", message: "damaged header (\(sectionCount) sections, expected \(Section.allCases.count))", french: "en-tête endommagé (\(sectionCount) sections au lieu de \(Section.allCases.count))")
        }
        var ranges: [Range<Int>] = []
        for s in Section.allCases {
            let at = 16 + s.rawValue * 16
            let offset = bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian
            let length = bytes.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self).littleEndian
            // The padding after a section is part of the file: a file cut there is truncated too.
            guard offset % 8 == 0, offset >= UInt64(CompiledFormat.headerSize), offset <= UInt64(bytes.count),
                  length <= UInt64(bytes.count) - offset, (length + 7) & ~7 <= UInt64(bytes.count) - offset else {
                throw Failure(field: "file", message: "section \(s) lies outside the file (the file is truncated or damaged)", french: "la section \(s) sort du fichier (il est tronqué ou endommagé)")
            }
            ranges.append(Int(offset)..<Int(offset + length))
        }
        return Sections(bytes: bytes, ranges: ranges)
    }

    static func meta(_ record: UnsafeRawBufferPointer) throws(Failure) -> Meta {
        var r = RecordReader(record)
        do throws(RecordReader.Failure) {
            let meta = Meta(name: try r.text(singleLine: true), updated: try r.day(), illustrative: try r.varint(below: 2) == 1,
                            note: try r.optionalText(singleLine: false),
                            firmCount: try r.varint(below: Int(Int32.max)), offerCount: try r.varint(below: Int(Int32.max)))
            try r.end()
            return meta
        } catch { throw Failure(field: "catalogue", message: error.message, french: error.french) }
    }

    /// The firms, decoded now (a few per hundred offers), and the firm of each offer.
    static func firms(_ sections: Sections, _ meta: Meta) throws(Failure) -> ([Firm], [Int32]) {
        let firmOffsets = try sections.column(.firmOffsets, UInt64.self)
        let records = sections.raw(.firmRecords)
        guard firmOffsets.count == meta.firmCount + 1 else { throw Failure(field: "firms", message: "\(firmOffsets.count) record offsets for \(meta.firmCount) firms", french: "\(firmOffsets.count) positions d'enregistrement pour \(meta.firmCount) cabinets") }
        var firms: [Firm] = []
        firms.reserveCapacity(meta.firmCount)
        var owner: [Int32] = []
        owner.reserveCapacity(meta.offerCount)
        var ids = Set<String>()
        for f in 0..<meta.firmCount {
            do throws(RecordReader.Failure) {
                var r = try RecordReader(records, firmOffsets[f], firmOffsets[f + 1])
                var firm = try r.firm(offersLeft: meta.offerCount - owner.count, seen: &ids)
                let count = firm.offerIndices.count
                firm.offerIndices = owner.count..<(owner.count + count)
                owner += repeatElement(Int32(f), count: count)
                firms.append(firm)
            } catch { throw Failure(field: "firms[\(f)]", message: error.message, french: error.french) }
        }
        guard owner.count == meta.offerCount else { throw Failure(field: "firms", message: "the firms hold \(owner.count) offers, the catalogue \(meta.offerCount)", french: "les cabinets comptent \(owner.count) offres, le catalogue \(meta.offerCount)") }
        return (firms, owner)
    }

    /// Walks every offer record (in parallel on large files: it is most of the opening time) and
    /// returns the first one that is damaged, with what is wrong.
    /// `parts` is for tests; by default one per core above 20,000 offers.
    static func checkOffers(_ records: UnsafeRawBufferPointer, _ offsets: Column<UInt64>, parts: Int? = nil) -> (Int, RecordReader.Failure)? {
        func check(_ range: Range<Int>) -> (Int, RecordReader.Failure)? {
            for i in range {
                do throws(RecordReader.Failure) {
                    var r = try RecordReader(records, offsets[i], offsets[i + 1])
                    var id = r
                    guard Slug.isValid(utf8: try id.textBytes()) else { throw RecordReader.Failure(message: CompiledFormat.invalidID, french: CompiledFormat.invalidIDFrench) }
                    try r.checkOffer()
                } catch { return (i, error) }
            }
            return nil
        }
        let n = offsets.count - 1
        // Each part stops at its first damaged record; the first part that found one has the
        // first overall.
        return Parallel.map(n, parts: parts ?? Parallel.parts(for: n), check).lazy.compactMap { $0 }.first
    }

    /// The id table: an order of the offers, by id, with no id twice.
    static func checkIDOrder(_ offers: CompiledOffers, _ n: Int, _ path: (Int) -> String) throws(Failure) {
        try checkPermutation(offers.idOrder, n, "idOrder")
        for k in offers.idOrder.indices.dropFirst() where offers.compareIDs(Int(offers.idOrder[k - 1]), Int(offers.idOrder[k])) >= 0 {
            throw Failure(field: path(Int(offers.idOrder[k])), message: "offer ids are not sorted and distinct in the id table", french: "les identifiants des offres ne sont pas triés et distincts dans leur table")
        }
    }

    /// The search index's columns, with their sizes, word lists, postings and masks checked.
    static func indexColumns(_ sections: Sections, storage: ColumnStorage, offerCount: Int) throws(Failure) -> IndexColumns {
        func words(_ o: Section, _ b: Section, _ s: Section, _ p: Section) throws(Failure) -> WordList {
            let list = WordList(offsets: try sections.column(o, UInt32.self), bytes: try sections.column(b, UInt8.self),
                                postingStarts: try sections.column(s, UInt64.self), postings: try sections.column(p, Int32.self))
            guard list.offsets.count >= 1, list.postingStarts.count == list.offsets.count,
                  list.offsets[0] == 0, list.postingStarts[0] == 0,
                  Int(list.offsets[list.offsets.count - 1]) == list.bytes.count,
                  list.postingStarts[list.postingStarts.count - 1] == UInt64(list.postings.count),
                  zip(list.offsets, list.offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
                  zip(list.postingStarts, list.postingStarts.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw Failure(field: "index", message: "damaged word list (\(o))", french: "liste de mots endommagée (\(o))")
            }
            guard list.postings.allSatisfy({ $0 >= 0 && Int($0) < offerCount }) else {
                throw Failure(field: "index", message: "a posting list names an offer that does not exist (\(p))", french: "une liste d'occurrences désigne une offre qui n'existe pas (\(p))")
            }
            return list
        }
        let columns = IndexColumns(
            storage: storage,
            facetMasks: try sections.column(.facetMasks, UInt64.self), regionMasks: try sections.column(.regionMasks, UInt32.self),
            departmentMasks: try sections.column(.departmentMasks, UInt64.self), coversNational: try sections.column(.national, UInt8.self),
            words: try words(.wordOffsets, .wordBytes, .wordPostingStarts, .wordPostings),
            titleWords: try words(.titleOffsets, .titleBytes, .titlePostingStarts, .titlePostings),
            defaultOrder: try sections.column(.defaultOrder, Int32.self))
        guard columns.facetMasks.count == offerCount, columns.regionMasks.count == offerCount,
              columns.departmentMasks.count == 2 * offerCount, columns.coversNational.count == offerCount else {
            throw Failure(field: "index", message: "the facet columns do not have one entry per offer", french: "les colonnes des facettes n'ont pas une entrée par offre")
        }
        guard columns.regionMasks.allSatisfy({ $0 & ~IndexColumns.allRegions == 0 }),
              stride(from: 1, to: columns.departmentMasks.count, by: 2).allSatisfy({ columns.departmentMasks[$0] & ~IndexColumns.allDepartments.1 == 0 }) else {
            throw Failure(field: "index", message: "a territory mask names a région or département that does not exist", french: "un masque de territoire désigne une région ou un département qui n'existe pas")
        }
        try checkPermutation(columns.defaultOrder, offerCount, "defaultOrder")
        return columns
    }

    /// Whether `column` holds each of 0..<n exactly once.
    static func checkPermutation(_ column: Column<Int32>, _ n: Int, _ name: String) throws(Failure) {
        guard column.count == n else { throw Failure(field: "index", message: "\(name) has \(column.count) entries for \(n) offers", french: "\(name) compte \(column.count) entrées pour \(n) offres") }
        var seen = Bitset(universe: n)
        for v in column {
            guard v >= 0, Int(v) < n, !seen.contains(Int(v)) else { throw Failure(field: "index", message: "\(name) is not an order of the offers", french: "\(name) n'est pas un ordre des offres") }
            seen.insert(Int(v))
        }
    }
}

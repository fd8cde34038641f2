import Glibc

/// The offers of a compiled catalogue: records decoded on access.
struct CompiledOffers: OfferStorage, @unchecked Sendable {
    let storage: ColumnStorage
    let records: UnsafeRawBufferPointer
    let recordOffsets: Column<UInt64>
    let firmOfOffer: Column<Int32>
    /// Offer indices sorted by id (UTF-8 byte order), for look-ups by id.
    let idOrder: Column<Int32>
    let firmIDs: [String]

    var count: Int { firmOfOffer.count }

    /// Every record was checked when the file was opened, and a file up to
    /// `CatalogueLoader.Format.defaultMapAbove` is a copy in memory, so decoding one fails only
    /// if a larger, mapped file was rewritten in place under the mapping. That is reported by
    /// `MappingGuard` (« le fichier a changé pendant la lecture », then the program exits),
    /// rather than shown as an empty offer.
    func decoded<T>(_ i: Int, _ body: (inout RecordReader) throws(RecordReader.Failure) -> T) -> T {
        do {
            var r = try RecordReader(records, recordOffsets[i], recordOffsets[i + 1])
            return try body(&r)
        } catch {
            let detail = "offer record \(i) can no longer be read: \(error.message)"
            if let path = storage.mappedPath { MappingGuard.fileChanged(path, detail: detail) }
            fatalError("catalyse: \(detail)")
        }
    }

    func offer(_ i: Int) -> Offer {
        let firmID = firmIDs[Int(firmOfOffer[i])]
        return decoded(i) { (r: inout RecordReader) throws(RecordReader.Failure) in try r.offer(firmID: firmID) }
    }

    func row(_ i: Int) -> OfferRow { decoded(i) { (r: inout RecordReader) throws(RecordReader.Failure) in try r.row() } }

    func id(_ i: Int) -> String { RecordReader.string(idBytes(i), singleLine: true) }

    func firmIndex(of i: Int) -> Int { Int(firmOfOffer[i]) }

    func fingerprint(_ i: Int) -> OfferFingerprint {
        let firmID = firmIDs[Int(firmOfOffer[i])]
        return decoded(i) { (r: inout RecordReader) throws(RecordReader.Failure) in try r.fingerprint(firmID: firmID) }
    }

    func indicesByID() -> [Int] { (0..<idOrder.count).map { Int(idOrder[$0]) } }

    /// The raw id bytes of offer `i` (the first field of its record).
    func idBytes(_ i: Int) -> UnsafeRawBufferPointer { decoded(i) { (r: inout RecordReader) throws(RecordReader.Failure) in try r.textBytes() } }

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


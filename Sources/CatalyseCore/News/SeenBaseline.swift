import Foundation

/// What the user has seen of one catalogue, in the form it is kept in (table `news_baseline`,
/// migration `v3-news-baseline`): for every offer seen, the hash of its id
/// (`OfferFingerprint.idHash`), its digest and its field hashes, **sorted by id hash, then
/// digest**, in two blobs of one row:
///
/// - `entries`: 16 bytes an offer, the id hash then the digest (two little-endian `UInt64`);
/// - `fields`: `field_count` (`OfferFingerprint.fieldCount`, 18) little-endian `UInt32` an
///   offer, in the same order.
///
/// At 1,000,000 offers that is 16 MB and 72 MB, written by one statement (the rows of
/// `v2-news`, one an offer, took 19 s to insert) and compared with the catalogue by one merge of
/// two sorted lists. This layout is fixed by `v3-news-baseline`: a version that changes it (or
/// the number of fields) adds a migration.
///
/// An offer is found by the 64-bit hash of its id, not by its id. Two ids of one catalogue
/// with the same hash (odds of about 3 in 100 million at 1,000,000 offers) are both kept (the
/// entries are sorted by digest within a hash) and each is compared with every entry of its hash:
/// at worst such an offer is marked « modifié » when it was not.
struct BaselineBytes {
    static let entryBytes = 16
    let count: Int
    let fieldCount: Int
    let entries: UnsafeRawBufferPointer
    let fields: UnsafeRawBufferPointer

    static var empty: BaselineBytes { BaselineBytes(unchecked: 0, OfferFingerprint.fieldCount, UnsafeRawBufferPointer(start: nil, count: 0), UnsafeRawBufferPointer(start: nil, count: 0)) }

    private init(unchecked count: Int, _ fieldCount: Int, _ entries: UnsafeRawBufferPointer, _ fields: UnsafeRawBufferPointer) {
        self.count = count
        self.fieldCount = fieldCount
        self.entries = entries
        self.fields = fields
    }

    /// The blobs as read, checked: their sizes against the counts, the field count against
    /// this version's, and the order of the entries. `catalogue`: its name, for the message.
    init(count: Int, fieldCount: Int, entries: UnsafeRawBufferPointer, fields: UnsafeRawBufferPointer, catalogue: String) throws(BaselineDamage) {
        func damaged(_ en: String, _ fr: String) -> BaselineDamage {
            BaselineDamage(reason: Label(fr: "news_baseline du catalogue \(catalogue) : \(fr)", en: "news_baseline of the catalogue \(catalogue): \(en)"))
        }
        guard count >= 0 else { throw damaged("offers is \(count)", "offers vaut \(count)") }
        guard fieldCount == OfferFingerprint.fieldCount else {
            throw damaged("field_count is \(fieldCount), this version has \(OfferFingerprint.fieldCount) fields",
                          "field_count vaut \(fieldCount), cette version a \(OfferFingerprint.fieldCount) champs")
        }
        guard entries.count == count * BaselineBytes.entryBytes else {
            throw damaged("entries has \(entries.count) bytes for \(count) offers (\(BaselineBytes.entryBytes) each)",
                          "entries compte \(entries.count) octets pour \(count) offres (\(BaselineBytes.entryBytes) chacune)")
        }
        guard fields.count == count * fieldCount * 4 else {
            throw damaged("fields has \(fields.count) bytes for \(count) offers (\(fieldCount * 4) each)",
                          "fields compte \(fields.count) octets pour \(count) offres (\(fieldCount * 4) chacune)")
        }
        self.init(unchecked: count, fieldCount, entries, fields)
        var previous: (UInt64, UInt64) = (0, 0)
        for k in 0..<count {
            let here = (key(k), digest(k))
            guard k == 0 || previous <= here else { throw damaged("entries are not in order at offer \(k)", "entries n'est pas dans l'ordre à l'offre \(k)") }
            previous = here
        }
    }

    @inline(__always) func key(_ k: Int) -> UInt64 {
        UInt64(littleEndian: entries.loadUnaligned(fromByteOffset: k * BaselineBytes.entryBytes, as: UInt64.self))
    }

    @inline(__always) func digest(_ k: Int) -> UInt64 {
        UInt64(littleEndian: entries.loadUnaligned(fromByteOffset: k * BaselineBytes.entryBytes + 8, as: UInt64.self))
    }

    func fieldHashes(_ k: Int) -> [UInt32] {
        (0..<fieldCount).map { UInt32(littleEndian: fields.loadUnaligned(fromByteOffset: (k * fieldCount + $0) * 4, as: UInt32.self)) }
    }
}

/// A baseline that cannot be read as written: the database is damaged (or was written by
/// something else); what is new is then not worked out rather than guessed.
struct BaselineDamage: Error, Sendable, Equatable {
    var reason: Label
}

/// Entries sorted by id hash then digest, as merged into a baseline.
protocol SortedSeenEntries {
    var count: Int { get }
    func key(_ k: Int) -> UInt64
    func digest(_ k: Int) -> UInt64
    /// Writes entry `k`'s field hashes (`OfferFingerprint.fieldCount` little-endian `UInt32`) at `to`.
    func writeFields(_ k: Int, to: UnsafeMutableRawPointer)
}

extension BaselineBytes: SortedSeenEntries {
    func writeFields(_ k: Int, to: UnsafeMutableRawPointer) {
        let size = fieldCount * 4
        to.copyMemory(from: fields.baseAddress! + k * size, byteCount: size)
    }
}

/// Rows seen one at a time (`news_seen`), sorted.
struct SeenRows: SortedSeenEntries {
    struct Row {
        var id: String
        var key: UInt64
        var digest: UInt64
        var fields: [UInt32]
    }

    var rows: [Row]

    init(_ rows: [Row]) { self.rows = rows.sorted { ($0.key, $0.digest) < ($1.key, $1.digest) } }

    var count: Int { rows.count }
    func key(_ k: Int) -> UInt64 { rows[k].key }
    func digest(_ k: Int) -> UInt64 { rows[k].digest }
    func writeFields(_ k: Int, to: UnsafeMutableRawPointer) {
        for (j, f) in rows[k].fields.enumerated() { to.storeBytes(of: f.littleEndian, toByteOffset: j * 4, as: UInt32.self) }
    }
}

/// Every offer's fingerprint in a catalogue as opened: the id hashes and digests by offer
/// index, the field hashes too when asked (a first opening, which records them all), worked out
/// on every core.
struct CatalogueFingerprints {
    let keys: [UInt64]
    let digests: [UInt64]
    /// `OfferFingerprint.fieldCount` an offer, by offer index; empty unless asked for.
    let fields: [UInt32]
    var count: Int { keys.count }
    var hasFields: Bool { fields.count == keys.count * OfferFingerprint.fieldCount }

    init(_ offers: OfferList, fields withFields: Bool) {
        let n = offers.count, width = OfferFingerprint.fieldCount
        var keys = [UInt64](repeating: 0, count: n), digests = [UInt64](repeating: 0, count: n)
        var fields = [UInt32](repeating: 0, count: withFields ? n * width : 0)
        keys.withUnsafeMutableBufferPointer { k in
            digests.withUnsafeMutableBufferPointer { d in
                fields.withUnsafeMutableBufferPointer { f in
                    // Each part writes only its own offers' slots.
                    let shared = UncheckedSendable((k, d, f))
                    _ = Parallel.map(n, parts: Parallel.parts(for: n)) { range in
                        let (k, d, f) = shared.value
                        for i in range {
                            let print = offers.fingerprint(i)
                            k[i] = print.idHash
                            d[i] = print.digest
                            if withFields { for j in 0..<width { f[i * width + j] = print.fields[j] } }
                        }
                        return 0
                    }
                }
            }
        }
        self.keys = keys
        self.digests = digests
        self.fields = fields
    }

    /// Given fingerprints (tests).
    init(keys: [UInt64], digests: [UInt64], fields: [UInt32]) {
        self.keys = keys
        self.digests = digests
        self.fields = fields
    }

    /// The catalogue's digest, whatever the offers' order (`DossierStore.combine`).
    var whole: UInt64 { DossierStore.combine(digests) }

    /// The offer indices sorted by id hash then digest: a radix sort on the hashes (uniform, so
    /// four passes of 16 bits), then the rare equal hashes by digest.
    func sortedOrder() -> [Int32] {
        let n = count
        var order = [Int32](repeating: 0, count: n)
        for i in 0..<n { order[i] = Int32(i) }
        if n < 1 << 16 {
            order.sort { (keys[Int($0)], digests[Int($0)]) < (keys[Int($1)], digests[Int($1)]) }
            return order
        }
        var other = [Int32](repeating: 0, count: n)
        var starts = [Int](repeating: 0, count: 1 << 16)
        keys.withUnsafeBufferPointer { keys in
            for pass in 0..<4 {
                let shift = UInt64(16 * pass)
                order.withUnsafeBufferPointer { from in
                    other.withUnsafeMutableBufferPointer { to in
                        starts.withUnsafeMutableBufferPointer { starts in
                            for k in 0..<starts.count { starts[k] = 0 }
                            for i in from { starts[Int((keys[Int(i)] >> shift) & 0xFFFF)] += 1 }
                            var sum = 0
                            for k in 0..<starts.count { let c = starts[k]; starts[k] = sum; sum += c }
                            for i in from {
                                let digit = Int((keys[Int(i)] >> shift) & 0xFFFF)
                                to[starts[digit]] = i
                                starts[digit] += 1
                            }
                        }
                    }
                }
                swap(&order, &other)
            }
        }
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && keys[Int(order[end])] == keys[Int(order[start])] { end += 1 }
            if end - start > 1 { order[start..<end].sort { digests[Int($0)] < digests[Int($1)] } }
            start = end
        }
        return order
    }

    /// The offers in that order, as entries to merge (they need their field hashes).
    func sorted() -> Sorted {
        precondition(hasFields, "the field hashes were not worked out")
        return Sorted(prints: self, order: sortedOrder())
    }

    struct Sorted: SortedSeenEntries {
        let prints: CatalogueFingerprints
        let order: [Int32]
        var count: Int { order.count }
        func key(_ k: Int) -> UInt64 { prints.keys[Int(order[k])] }
        func digest(_ k: Int) -> UInt64 { prints.digests[Int(order[k])] }
        func writeFields(_ k: Int, to: UnsafeMutableRawPointer) {
            let width = OfferFingerprint.fieldCount, at = Int(order[k]) * width
            prints.fields.withUnsafeBufferPointer { f in
                for j in 0..<width { to.storeBytes(of: f[at + j].littleEndian, toByteOffset: j * 4, as: UInt32.self) }
            }
        }
    }
}

/// A baseline written: its blobs and how many offers they hold.
struct BaselineBlobs {
    var count: Int
    var entries: Data
    var fields: Data

    /// `base` with `updates` in place of every entry of the same id hashes (both sorted): a
    /// merge, in order. With an empty base, the updates alone (a first opening).
    static func merge(_ base: BaselineBytes, _ updates: some SortedSeenEntries) -> BaselineBlobs {
        let width = OfferFingerprint.fieldCount * 4
        let bound = base.count + updates.count
        var entries = Data(count: bound * BaselineBytes.entryBytes)
        var fields = Data(count: bound * width)
        var n = 0
        entries.withUnsafeMutableBytes { (e: UnsafeMutableRawBufferPointer) in
            fields.withUnsafeMutableBytes { (f: UnsafeMutableRawBufferPointer) in
                func emitEntry(_ key: UInt64, _ digest: UInt64) {
                    e.storeBytes(of: key.littleEndian, toByteOffset: n * BaselineBytes.entryBytes, as: UInt64.self)
                    e.storeBytes(of: digest.littleEndian, toByteOffset: n * BaselineBytes.entryBytes + 8, as: UInt64.self)
                }
                var b = 0, u = 0
                while b < base.count || u < updates.count {
                    if u < updates.count && (b >= base.count || updates.key(u) <= base.key(b)) {
                        let key = updates.key(u)
                        while u < updates.count && updates.key(u) == key {
                            emitEntry(key, updates.digest(u))
                            updates.writeFields(u, to: f.baseAddress! + n * width)
                            n += 1
                            u += 1
                        }
                        while b < base.count && base.key(b) == key { b += 1 }
                    } else {
                        emitEntry(base.key(b), base.digest(b))
                        base.writeFields(b, to: f.baseAddress! + n * width)
                        n += 1
                        b += 1
                    }
                }
            }
        }
        entries.count = n * BaselineBytes.entryBytes
        fields.count = n * width
        return BaselineBlobs(count: n, entries: entries, fields: fields)
    }
}

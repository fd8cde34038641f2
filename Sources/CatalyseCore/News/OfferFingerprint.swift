/// A fingerprint of an offer's fields as the catalogue gives them once read and cleaned: one
/// 64-bit digest of the whole offer (its id included) and a 32-bit hash per field, in the order
/// of `CatalogueDiff`'s offer fields (`firm`, `title`, … `apply`), so the fields that changed
/// are named with the keys `catalyse diff` uses.
///
/// The hashes are taken over each field's bytes in the compiled record coding
/// (`RecordWriter`), which is the parsed value, not the source: a YAML file whose keys are
/// reordered or whose folded text is reflowed gives the same fingerprint. A compiled catalogue
/// is fingerprinted straight from its records, without decoding them, and gives the same
/// fingerprint as the YAML or JSON it was compiled from.
public struct OfferFingerprint: Sendable, Equatable {
    public var digest: UInt64
    /// The hash of the offer's id alone (`OfferFingerprint.idHash(_:)`): the key an offer is
    /// found under in what was seen of its catalogue (`SeenBaseline`).
    public var idHash: UInt64
    /// One hash per key of `OfferFingerprint.fieldKeys`.
    public var fields: [UInt32]

    /// The field keys, those of `CatalogueDiff.fields(_: Offer)`.
    public static let fieldKeys: [String] = CatalogueDiff.fields(Offer.blank).map(\.0)

    /// How many field hashes a fingerprint has.
    public static var fieldCount: Int { OfferField.all.count }

    /// The hash of an offer id, as `idHash` holds it (the same as from the id's bytes in a record).
    public static func idHash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { StableHash.of(UnsafeRawBufferPointer($0)) }
    }

    /// The fields stored as bytes (little-endian, 4 per field).
    public var fieldBytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(fields.count * 4)
        for f in fields { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: f >> (8 * UInt32(k)))) } }
        return out
    }

    public static func fields(fromBytes bytes: [UInt8]) -> [UInt32] {
        stride(from: 0, to: bytes.count - 3, by: 4).map { at in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) }
        }
    }

    /// The keys of the fields whose hashes differ, compared by `CatalogueDiff.changes` (the
    /// comparison `catalyse diff` makes, here on hashes rather than values).
    public static func changedFields(old: [UInt32], new: [UInt32]) -> [String] {
        guard old.count == new.count else { return fieldKeys }
        func pairs(_ hashes: [UInt32]) -> [(String, String)] { zip(fieldKeys, hashes.map { String($0) }).map { ($0, $1) } }
        return CatalogueDiff.changes(pairs(old), pairs(new)).map(\.field)
    }

    /// The fingerprint of the fields of a record: `idBytes` its id, `firmID` its firm's id, and
    /// `fieldBytes` the bytes of every other field of `OfferField`, in order.
    static func make(firmID: String, idBytes: UnsafeRawBufferPointer, fieldBytes: (Int, (UnsafeRawBufferPointer) -> Void) -> Void) -> OfferFingerprint {
        var fields = [UInt32](repeating: 0, count: OfferField.all.count)
        var firm = firmID
        var whole = StableHash.seed
        let idHash = StableHash.of(idBytes)
        whole = StableHash.mix(whole, idHash)
        firm.withUTF8 { fields[0] = StableHash.short(StableHash.of(UnsafeRawBufferPointer($0))) }
        whole = StableHash.mix(whole, UInt64(fields[0]))
        for k in 1..<OfferField.all.count {
            fieldBytes(k) { bytes in
                let h = StableHash.of(bytes)
                fields[k] = StableHash.short(h)
                whole = StableHash.mix(whole, h)
            }
        }
        return OfferFingerprint(digest: StableHash.finish(whole), idHash: idHash, fields: fields)
    }

    /// The fingerprint of an offer held in memory: its record written, then hashed field by field.
    public static func of(_ offer: Offer) -> OfferFingerprint {
        var writer = RecordWriter()
        var ends: [Int] = []
        ends.reserveCapacity(OfferField.all.count)
        writer.offer(offer, fieldEnds: &ends)
        var id = offer.id
        return id.withUTF8 { idBytes in
            writer.bytes.withUnsafeBytes { all in
                make(firmID: offer.firmID, idBytes: UnsafeRawBufferPointer(idBytes)) { k, body in
                    body(UnsafeRawBufferPointer(rebasing: all[ends[k - 1]..<ends[k]]))
                }
            }
        }
    }
}

/// A hash that is the same in every run and on every machine (Swift's `Hasher` is seeded per
/// process): 8 bytes at a time, multiply and rotate, then a final avalanche.
enum StableHash {
    static let seed: UInt64 = 0x243F_6A88_85A3_08D3
    private static let k1: UInt64 = 0x9E37_79B9_7F4A_7C15, k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always) static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var x = (h ^ (v &* k2))
        x = (x << 31) | (x >> 33)
        return x &* k1
    }

    @inline(__always) static func finish(_ h: UInt64) -> UInt64 {
        var x = h
        x ^= x >> 33; x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33; x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var h = mix(seed, UInt64(bytes.count))
        var at = 0
        let n = bytes.count
        while at + 8 <= n {
            h = mix(h, UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
            at += 8
        }
        if at < n {
            var tail: UInt64 = 0
            for k in 0..<(n - at) { tail |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            h = mix(h, tail)
        }
        return finish(h)
    }

    static func short(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h ^ (h >> 32)) }
}

extension Offer {
    /// An offer with every field empty (the field keys are read from it).
    static var blank: Offer {
        Offer(id: "", firmID: "", title: "", summary: "", description: "", format: .mecenatCompetences,
              purpose: .operationnelle, kinds: [], themes: [], territories: [], mode: .presentiel,
              audience: [], duration: "", apply: "")
    }
}

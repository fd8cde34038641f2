/// The coding of compiled records: `RecordWriter` appends fields, `RecordReader` reads them
/// back checking every bound. An offer record's fields are `OfferField`, in order.

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

    /// A firm record: its fields, then the number of its offers (which follow it in the offers).
    mutating func firm(_ firm: Firm) {
        text(firm.id); text(firm.name); text(firm.presentation); text(firm.headquarters)
        optionalText(firm.website)
        text(firm.contact.name); text(firm.contact.email); optionalText(firm.contact.phone)
        varint(firm.joined)
        text(firm.provenance.source); day(firm.provenance.verified)
        varint(firm.offerIndices.count)
    }

    /// An offer record: its fields in `OfferField` order.
    mutating func offer(_ o: Offer) {
        for field in OfferField.all { self.field(field, of: o) }
    }

    /// An offer record, with where each field ends in `bytes` (for its fingerprint).
    mutating func offer(_ o: Offer, fieldEnds: inout [Int]) {
        for field in OfferField.all {
            self.field(field, of: o)
            fieldEnds.append(bytes.count)
        }
    }

    /// One field of an offer record.
    mutating func field(_ field: OfferField, of o: Offer) {
            switch field {
            case .id: text(o.id)
            case .title: text(o.title)
            case .summary: text(o.summary)
            case .description: text(o.description)
            case .format: code(o.format)
            case .purpose: code(o.purpose)
            case .kinds: codes(o.kinds)
            case .themes: codes(o.themes)
            case .territories: places(o.territories)
            case .mode: code(o.mode)
            case .audience: codes(o.audience)
            case .duration: text(o.duration)
            case .capacity: varint(o.capacity.map { $0 + 1 } ?? 0)
            case .stages: codes(o.eligibility.stages)
            case .budgets: codes(o.eligibility.budgets)
            case .employer: codes(o.eligibility.employer)
            case .cost: optionalText(o.cost)
            case .apply: text(o.apply)
            }
    }
}

/// Reads the fields of one compiled record, checking every bound; `skip` checks a field
/// without decoding it, which is how a file is verified when opened.
struct RecordReader {
    let bytes: UnsafeRawBufferPointer
    var at = 0

    struct Failure: Error { var message: String; var french: String }

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The record `start..<end` of `records`.
    init(_ records: UnsafeRawBufferPointer, _ start: UInt64, _ end: UInt64) throws(Failure) {
        guard start <= end, end <= UInt64(records.count) else { throw Failure(message: "record lies outside its section", french: "l'enregistrement sort de sa section") }
        self.init(UnsafeRawBufferPointer(rebasing: records[Int(start)..<Int(end)]))
    }

    mutating func varint() throws(Failure) -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard at < bytes.count else { throw Failure(message: "record truncated", french: "enregistrement tronqué") }
            let b = bytes[at]
            at += 1
            guard shift < 63 else { throw Failure(message: "number too large", french: "nombre trop grand") }
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { break }
            shift += 7
        }
        guard value <= UInt64(Int.max) else { throw Failure(message: "number too large", french: "nombre trop grand") }
        return Int(value)
    }

    mutating func varint(below limit: Int) throws(Failure) -> Int {
        let v = try varint()
        guard v < limit else { throw Failure(message: "value \(v) out of range", french: "valeur \(v) hors limites") }
        return v
    }

    mutating func textBytes(length: Int? = nil) throws(Failure) -> UnsafeRawBufferPointer {
        let n: Int
        if let length { n = length } else { n = try varint() }
        guard n <= bytes.count - at else { throw Failure(message: "text runs past the end of its record", french: "un texte dépasse la fin de son enregistrement") }
        defer { at += n }
        return UnsafeRawBufferPointer(rebasing: bytes[at..<(at + n)])
    }

    /// Text is cleaned as the loader cleans it: the file may have been made by something else.
    /// (`catalyse compile` wrote it cleaned; only a damaged or hand-made file needs the work.)
    /// Its paragraphs are as the loader laid them out (`Paragraphs`) when it was compiled.
    static func string(_ raw: UnsafeRawBufferPointer, singleLine: Bool) -> String {
        let s = String(decoding: raw, as: UTF8.self)
        return TextCleaning.needsCleaning(raw, singleLine: singleLine) ? TextCleaning.clean(s, singleLine: singleLine).text : s
    }

    mutating func text(singleLine: Bool) throws(Failure) -> String {
        let raw = try textBytes()
        return RecordReader.string(raw, singleLine: singleLine)
    }

    mutating func optionalText(singleLine: Bool) throws(Failure) -> String? {
        let n = try varint()
        if n == 0 { return nil }
        let raw = try textBytes(length: n - 1)
        return RecordReader.string(raw, singleLine: singleLine)
    }

    mutating func day() throws(Failure) -> Day {
        let y = try varint(below: 10_000), m = try varint(below: 13), d = try varint(below: 32)
        guard let day = Day(year: y, month: m, day: d) else { throw Failure(message: "invalid date", french: "date invalide") }
        return day
    }

    // Each code list once (`allCases` builds a new array at every call).
    static let formats = Array(OfferFormat.allCases), purposes = Array(Purpose.allCases), kinds = Array(SupportKind.allCases)
    static let themes = Array(Theme.allCases), modes = Array(DeliveryMode.allCases), audiences = Array(Audience.allCases)
    static let stages = Array(Stage.allCases), budgets = Array(BudgetBand.allCases), employers = Array(EmployerStatus.allCases)

    /// A code of `facet`: one byte, the value's ordinal (below `width`, the facet's size).
    mutating func ordinal(below width: Int, _ facet: Facet) throws(Failure) -> Int {
        guard at < bytes.count else { throw Failure(message: "record truncated", french: "enregistrement tronqué") }
        let v = Int(bytes[at])
        at += 1
        guard v < width else { throw Failure(message: "unknown \(facet) code \(v)", french: "code \(v) inconnu pour \(facet)") }
        return v
    }

    mutating func code<T: CodedValue>(_ all: [T]) throws(Failure) -> T { all[try ordinal(below: all.count, T.facet)] }

    mutating func codes<T: CodedValue>(_ all: [T]) throws(Failure) -> [T] {
        let n = try varint(below: 256)
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            values.append(all[try ordinal(below: all.count, T.facet)])
        }
        return values
    }

    static let places: [Place] = [.national] + Territories.regionCodes.map { .region($0) } + Territories.departments.map { .department($0.code) }
    static let placeNumbers: [Place: Int] = Dictionary(uniqueKeysWithValues: places.enumerated().map { ($1, $0) })
    static func number(of place: Place) -> Int { placeNumbers[place] ?? 0 }

    mutating func places() throws(Failure) -> [Place] {
        let n = try varint(below: 1024)
        var values: [Place] = []
        values.reserveCapacity(n)
        for _ in 0..<n {
            let p = try varint(below: RecordReader.places.count)
            values.append(RecordReader.places[p])
        }
        return values
    }

    func end() throws(Failure) {
        guard at == bytes.count else { throw Failure(message: "\(bytes.count - at) unexpected bytes at the end of the record", french: "\(bytes.count - at) octets inattendus à la fin de l'enregistrement") }
    }

    /// A firm record (as `RecordWriter.firm` writes it), checking its id (valid, not in `seen`),
    /// its head office and its offer count (at most `offersLeft`); `offerIndices` holds
    /// `0..<count` until the caller places it.
    mutating func firm(offersLeft: Int, seen: inout Set<String>) throws(Failure) -> Firm {
        let idBytes = try textBytes()
        guard Slug.isValid(utf8: idBytes) else { throw Failure(message: CompiledFormat.invalidID, french: CompiledFormat.invalidIDFrench) }
        let id = String(decoding: idBytes, as: UTF8.self), name = try text(singleLine: true)
        guard seen.insert(id).inserted else { throw Failure(message: "duplicate firm id '\(id)'", french: "identifiant de cabinet « \(id) » en double") }
        let presentation = try text(singleLine: false), hq = try text(singleLine: true)
        guard Territories.departmentByCode[hq] != nil else { throw Failure(message: "headquarters: unknown département '\(hq)'", french: "siège : département « \(hq) » inconnu") }
        let website = try optionalText(singleLine: true)
        let contact = Contact(name: try text(singleLine: true), email: try text(singleLine: true), phone: try optionalText(singleLine: true))
        let joined = try varint(below: 10_000)
        let provenance = Provenance(source: try text(singleLine: false), verified: try day())
        let count = try varint(below: offersLeft + 1)
        try end()
        var firm = Firm(id: id, name: name, presentation: presentation, headquarters: hq, website: website,
                        contact: contact, joined: joined, provenance: provenance)
        firm.offerIndices = 0..<count
        return firm
    }

    /// Passes over one field, checking it (its bounds, codes and places) without decoding it.
    mutating func skip(_ coding: FieldCoding) throws(Failure) {
        switch coding {
        case .text: _ = try textBytes()
        case .optionalText: let n = try varint(); if n > 0 { _ = try textBytes(length: n - 1) }
        case .code(let facet, let width): _ = try ordinal(below: width, facet)
        case .codes(let facet, let width): for _ in 0..<(try varint(below: 256)) { _ = try ordinal(below: width, facet) }
        case .places: for _ in 0..<(try varint(below: 1024)) { _ = try varint(below: RecordReader.places.count) }
        case .number: _ = try varint(below: Int(Int32.max))
        }
    }

    /// The fingerprint of an offer record, hashing its fields' bytes as they lie (nothing decoded).
    mutating func fingerprint(firmID: String) throws(Failure) -> OfferFingerprint {
        let idBytes = try textBytes()
        var failure: Failure? = nil
        let result = OfferFingerprint.make(firmID: firmID, idBytes: idBytes) { k, body in
            guard failure == nil else { return }
            let start = at
            do throws(Failure) { try skip(OfferField.codings[k]) } catch { failure = error; return }
            body(UnsafeRawBufferPointer(rebasing: bytes[start..<at]))
        }
        if let failure { throw failure }
        return result
    }

    /// Checks a whole offer record, decoding nothing.
    mutating func checkOffer() throws(Failure) {
        for coding in OfferField.codings { try skip(coding) }
        try end()
    }

    /// The fields of a list row; the others are skipped, not decoded.
    mutating func row() throws(Failure) -> OfferRow {
        var row = OfferRow(id: "", title: "", purpose: .operationnelle, format: .mecenatCompetences, territories: [])
        for (k, field) in OfferField.all.enumerated() {
            switch field {
            case .id: row.id = try text(singleLine: true)
            case .title: row.title = try text(singleLine: true)
            case .format: row.format = try code(RecordReader.formats)
            case .purpose: row.purpose = try code(RecordReader.purposes)
            case .territories: row.territories = try places()
            default: try skip(OfferField.codings[k])
            }
        }
        return row
    }

    /// A whole offer record.
    mutating func offer(firmID: String) throws(Failure) -> Offer {
        var o = Offer(id: "", firmID: firmID, title: "", summary: "", description: "", format: .mecenatCompetences,
                      purpose: .operationnelle, kinds: [], themes: [], territories: [], mode: .presentiel,
                      audience: [], duration: "", apply: "")
        for field in OfferField.all {
            switch field {
            case .id: o.id = try text(singleLine: true)
            case .title: o.title = try text(singleLine: true)
            case .summary: o.summary = try text(singleLine: true)
            case .description: o.description = try text(singleLine: false)
            case .format: o.format = try code(RecordReader.formats)
            case .purpose: o.purpose = try code(RecordReader.purposes)
            case .kinds: o.kinds = try codes(RecordReader.kinds)
            case .themes: o.themes = try codes(RecordReader.themes)
            case .territories: o.territories = try places()
            case .mode: o.mode = try code(RecordReader.modes)
            case .audience: o.audience = try codes(RecordReader.audiences)
            case .duration: o.duration = try text(singleLine: true)
            case .capacity: let c = try varint(below: Int(Int32.max)); o.capacity = c == 0 ? nil : c - 1
            case .stages: o.eligibility.stages = try codes(RecordReader.stages)
            case .budgets: o.eligibility.budgets = try codes(RecordReader.budgets)
            case .employer: o.eligibility.employer = try codes(RecordReader.employers)
            case .cost: o.cost = try optionalText(singleLine: false)
            case .apply: o.apply = try text(singleLine: false)
            }
        }
        try end()
        return o
    }
}

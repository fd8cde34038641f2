/// The compiled catalogue format (`.catalyse`): a validated catalogue and its search index,
/// written once by `catalyse compile` (`CompiledWriter`) and memory-mapped at start
/// (`CompiledReader`), so a large catalogue opens without parsing text or rebuilding the
/// index. Offers are decoded only when shown (`CompiledOffers`).
///
/// Layout (little-endian, every section 8-byte aligned; `docs/catalogue-format.md`):
/// `CATALYSE`, version (u32), section count (u32), then per section its offset and length
/// (u64, u64), then the sections in `Section` order. Records are sequences of fields
/// (`RecordCoding.swift`): a varint, a text (varint length + UTF-8), an optional text (varint 0,
/// or length + 1 then UTF-8), a code (one byte: the value's ordinal), a list (varint count +
/// items), a place (varint: 0 national, 1–18 the régions, then the départements in
/// `Territories` order), a day (3 varints). An offer record's fields are `OfferField`, in order.
///
/// The file is not trusted: opening it checks every section bound, offset, count, code and
/// record before anything is used, and an error names the record (`firms[3].offers[1]`).
/// Text is cleaned again when decoded, so nothing from the file reaches a terminal unfiltered.
enum CompiledFormat {
    static let magic: [UInt8] = Array("CATALYSE".utf8)
    /// 2: the territory masks follow coverage only (version 1 gave a remote offer every place);
    /// multi-line texts are laid out in paragraphs.
    static let version: UInt32 = 2

    enum Section: Int, CaseIterable {
        case meta, firmRecords, firmOffsets, offerRecords, offerOffsets, idOrder
        case facetMasks, regionMasks, departmentMasks, national
        case wordOffsets, wordBytes, wordPostingStarts, wordPostings
        case titleOffsets, titleBytes, titlePostingStarts, titlePostings
        case defaultOrder
    }

    static var headerSize: Int { 16 + Section.allCases.count * 16 }

    /// Zero bytes after a section of `n` bytes, up to the next multiple of 8.
    static func padding(_ n: Int) -> Int { (8 - n % 8) % 8 }

    /// What is wrong with a compiled file, and where (a record path, or `file`).
    struct Failure: Error {
        var field: String
        var message: String
        /// The same, in French.
        var french: String
        /// The format version the file says it has, when that is the problem.
        var otherVersion: UInt32? = nil
    }

    static let invalidID = "the id is not a valid id (lower-case letters, digits and single hyphens)"
    static let invalidIDFrench = "l'identifiant n'est pas valable (minuscules, chiffres et tirets simples)"
}

/// How one field of a record is coded.
enum FieldCoding {
    case text(singleLine: Bool)
    case optionalText(singleLine: Bool)
    /// One value of a coded facet (a byte: its ordinal, below `width`).
    case code(Facet, width: Int)
    /// A list of values of a coded facet.
    case codes(Facet, width: Int)
    case places
    /// A whole number, here the capacity plus one (0: none).
    case number
}

/// The fields of an offer record, in the order they are written: the one description the
/// writer, the reader, the list-row reader and the opening check all follow.
enum OfferField: CaseIterable {
    case id, title, summary, description, format, purpose, kinds, themes, territories, mode, audience
    case duration, capacity, stages, budgets, employer, cost, apply

    var coding: FieldCoding {
        func code(_ f: Facet) -> FieldCoding { .code(f, width: f.coded!.width) }
        func codes(_ f: Facet) -> FieldCoding { .codes(f, width: f.coded!.width) }
        switch self {
        case .id, .title, .summary, .duration: return .text(singleLine: true)
        case .description, .apply: return .text(singleLine: false)
        case .cost: return .optionalText(singleLine: false)
        case .format: return code(.format)
        case .purpose: return code(.purpose)
        case .mode: return code(.mode)
        case .kinds: return codes(.kind)
        case .themes: return codes(.theme)
        case .audience: return codes(.audience)
        case .stages: return codes(.stage)
        case .budgets: return codes(.budget)
        case .employer: return codes(.employer)
        case .territories: return .places
        case .capacity: return .number
        }
    }

    /// What a list row needs (the other fields are skipped, not decoded).
    var inRow: Bool {
        switch self {
        case .id, .title, .format, .purpose, .territories: true
        default: false
        }
    }

    static let all = Array(allCases)
    /// `all`'s codings, worked out once (the record loops read them for every field).
    static let codings = all.map(\.coding)
}

/// Reading a firm apart from the others, so that firms can be read on several threads
/// (`FirmPipeline`) with exactly the result of reading them one after the other.
///
/// A firm's reading depends on the firms before it only through the duplicate-id checks (firm
/// ids across the catalogue, offer ids across the catalogue). Read apart, a firm records each id
/// it would check and where its diagnostics then stood (`IDCheck`); `CatalogueReader.add` then
/// runs those checks in the file's order against the ids seen so far and inserts their errors at
/// the recorded places, so the diagnostics come out in the order the sequential reader makes.
struct IDCheck: Sendable {
    /// How many diagnostics the firm's reading had made when it met the id.
    var at: Int
    var offer: Bool
    var id: String
    var position: SourcePosition
    var field: String
}

/// A firm read apart: the firm and its offers (nil when it has errors), its diagnostics, and
/// the id checks still to run; and what the pipeline worked out from it on the same thread
/// (`FirmPipeline.Keeping`): its share of the index, and when compiling its offers' records
/// (the offers are then dropped from `result`, `offerCount` says how many there were).
struct FirmRead: Sendable {
    var result: (Firm, [Offer])?
    var diagnostics: [Diagnostic]
    var checks: [IDCheck]
    var index: FirmIndexPart? = nil
    var records: [UInt8] = []
    var recordEnds: [Int] = []
    var offerCount = 0
}

extension CatalogueReader {
    /// Checks an id against those seen before (now, or later when the firm is read apart).
    mutating func checkID(_ check: IDCheck, _ seen: inout [String: SourcePosition]) {
        if deferredChecks != nil { deferredChecks!.append(check); return }
        runCheck(check, &seen)
    }

    mutating func runCheck(_ check: IDCheck, _ seen: inout [String: SourcePosition]) {
        guard let first = seen[check.id] else { seen[check.id] = check.position; return }
        let id = check.id
        if check.offer {
            diagnostics.append(Diagnostic(file: file, position: check.position, field: check.field, message: "duplicate offer id '\(id)' (first at line \(first.line))",
                                          french: "identifiant d'offre « \(id) » en double (d'abord à la ligne \(first.line))"))
        } else {
            diagnostics.append(Diagnostic(file: file, position: check.position, field: check.field, message: "duplicate firm id '\(id)' (first at line \(first.line))",
                                          french: "identifiant de cabinet « \(id) » en double (d'abord à la ligne \(first.line))"))
        }
    }

    /// Reads element `index` of `firms` apart from the others.
    static func readApart(_ node: DocumentNode, index: Int, file: String, today: Day) -> FirmRead {
        var reader = CatalogueReader(file: file, today: today)
        reader.deferredChecks = []
        var firmSeen: [String: SourcePosition] = [:], offerSeen: [String: SourcePosition] = [:]
        let result = reader.readFirm(node, "firms[\(index)]", firmSeen: &firmSeen, offerSeen: &offerSeen)
        return FirmRead(result: result, diagnostics: reader.diagnostics, checks: reader.deferredChecks ?? [])
    }

    /// Adds the next firm, read apart: what `addFirm` would have done with it.
    mutating func add(_ read: FirmRead) {
        firmItems += 1
        var next = 0
        var firmSeen = self.firmSeen, offerSeen = self.offerSeen
        self.firmSeen = [:]
        self.offerSeen = [:]
        for check in read.checks {
            while next < check.at { diagnostics.append(read.diagnostics[next]); next += 1 }
            if check.offer { runCheck(check, &offerSeen) } else { runCheck(check, &firmSeen) }
        }
        self.firmSeen = firmSeen
        self.offerSeen = offerSeen
        diagnostics.append(contentsOf: read.diagnostics[next...])
        if let (firm, firmOffers) = read.result {
            firms.append(firm)
            offers.append(contentsOf: firmOffers)
        }
    }
}

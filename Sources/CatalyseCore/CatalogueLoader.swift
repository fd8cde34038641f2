import Foundation

/// Reads a catalogue file into the model, checking every rule of `docs/catalogue-format.md`.
/// A file with any error is never half-loaded: `load` throws a `CatalogueError` listing every
/// problem found, each with its file, line, column and field.
public enum CatalogueLoader {
    /// The file formats, chosen by extension: `.json` for large machine-made catalogues,
    /// `.catalyse` for a catalogue compiled by `catalyse compile`, YAML for everything else.
    public enum Format: Sendable {
        case yaml, json, compiled

        public init(path: String) {
            let lower = path.lowercased()
            self = lower.hasSuffix(".json") ? .json : lower.hasSuffix(".catalyse") ? .compiled : .yaml
        }

        /// Files larger than this are refused before they are parsed.
        public var sizeLimit: Int {
            switch self {
            case .yaml: 64 * 1024 * 1024
            case .json: 1024 * 1024 * 1024
            case .compiled: 4 * 1024 * 1024 * 1024
            }
        }

        var name: String {
            switch self {
            case .yaml: "YAML"
            case .json: "JSON"
            case .compiled: "compiled"
            }
        }
    }

    public static let yamlSizeLimit = Format.yaml.sizeLimit
    public static let jsonSizeLimit = Format.json.sizeLimit

    /// The result of a successful load: the catalogue and the warnings (text cleanings).
    public struct Loaded: Sendable {
        public var catalogue: Catalogue
        public var warnings: [Diagnostic]
    }

    /// Why a file could not be read at all (as opposed to a file with bad content).
    public enum ReadError: Error, Sendable, Equatable {
        case notFound(String)
        case unreadable(String, reason: String)
    }

    static func tooLarge(_ path: String, _ format: Format, size: Int?) -> CatalogueError {
        let what = size.map { "the file is \($0 / 1_048_576) MiB; " } ?? "the file is larger than the limit; "
        return CatalogueError(file: path, diagnostics: [Diagnostic(
            file: path, position: SourcePosition(line: 1, column: 1), field: "file",
            message: what + "the limit for a \(format.name) catalogue is \(format.sizeLimit / 1_048_576) MiB")])
    }

    /// Loads the catalogue at `path` (JSON when it ends in `.json`, compiled when it ends in
    /// `.catalyse`, YAML otherwise). Throws
    /// `ReadError` if the file cannot be read, and `CatalogueError` if its content is not a
    /// valid catalogue.
    public static func load(path: String, today: Day? = nil) throws -> Loaded {
        let format = Format(path: path)
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw ReadError.notFound(path) }
            throw ReadError.unreadable(path, reason: String(cString: strerror(code)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ReadError.unreadable(path, reason: "it is a directory") }
        if (info.st_mode & S_IFMT) == S_IFREG {
            // Mapped, not copied: a large catalogue is read straight from the page cache, and the
            // JSON reader hands back the pages it has passed (see `JSONTree.releasePassedPages`).
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw ReadError.unreadable(path, reason: String(cString: strerror(errno))) }
            // The size of the file opened (it may have changed since `stat`): never map past its end.
            guard fstat(fd, &info) == 0 else { close(fd); throw ReadError.unreadable(path, reason: String(cString: strerror(errno))) }
            if Int(info.st_size) > format.sizeLimit { close(fd); throw tooLarge(path, format, size: Int(info.st_size)) }
            let size = Int(info.st_size)
            if size == 0 {
                close(fd)
                return try load(bytes: UnsafeBufferPointer(start: nil, count: 0), file: path, format: format, today: today)
            }
            let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
            close(fd)
            guard let mapped, mapped != MAP_FAILED else { throw ReadError.unreadable(path, reason: String(cString: strerror(errno))) }
            if format == .compiled {
                // The catalogue keeps reading the mapping: it owns it from here.
                let storage = ColumnStorage(mapping: mapped, length: size)
                return try openCompiled(UnsafeRawBufferPointer(start: mapped, count: size), storage: storage, file: path)
            }
            defer { munmap(mapped, size) }
            let bytes = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: size)
            return try load(bytes: bytes, file: path, format: format, today: today, fileMapped: true)
        }
        // A pipe or a device: read at most one byte past the limit.
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ReadError.unreadable(path, reason: String(cString: strerror(errno)))
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: format.sizeLimit + 1) ?? Data() } catch {
            throw ReadError.unreadable(path, reason: "read error")
        }
        if data.count > format.sizeLimit { throw tooLarge(path, format, size: nil) }
        return try data.withUnsafeBytes { raw in
            try load(bytes: raw.bindMemory(to: UInt8.self), file: path, format: format, today: today)
        }
    }

    /// Loads a catalogue from YAML text (the embedded catalogue, tests).
    public static func load(yaml: String, file: String, today: Day? = nil) throws -> Loaded {
        try load(bytes: Array(yaml.utf8), file: file, today: today)
    }

    public static func load(bytes: [UInt8], file: String, format: Format = .yaml, today: Day? = nil) throws -> Loaded {
        try bytes.withUnsafeBufferPointer { try load(bytes: $0, file: file, format: format, today: today) }
    }

    /// With `fileMapped`, `bytes` is a private read-only mapping of a file, whose pages the JSON
    /// reader may drop once parsed (never pass it for memory the program owns).
    public static func load(bytes: UnsafeBufferPointer<UInt8>, file: String, format: Format, today: Day? = nil, fileMapped: Bool = false) throws -> Loaded {
        if bytes.count > format.sizeLimit { throw tooLarge(file, format, size: bytes.count) }
        if format == .compiled {
            // A heap copy, 8-byte aligned, owned by the catalogue.
            let storage = ColumnStorage()
            let copy = storage.copy(UnsafeRawBufferPointer(bytes))
            return try openCompiled(copy, storage: storage, file: file)
        }
        var diagnostics: [Diagnostic] = []
        var reader = CatalogueReader(file: file, today: today ?? Day.today(environment: ProcessInfo.processInfo.environment))
        var catalogue: Catalogue? = nil
        switch format {
        case .yaml:
            let root = YAMLTree.parse(bytes, file: file, diagnostics: &diagnostics)
            if let root, !diagnostics.contains(where: { $0.severity == .error && $0.message.hasPrefix("YAML syntax") }) {
                catalogue = reader.read(root)
            }
        case .json:
            var parser = JSONTree(bytes: bytes, file: file)
            parser.releasePassedPages = fileMapped
            let root = parser.parseCatalogue(into: &reader)
            diagnostics.append(contentsOf: parser.diagnostics)
            if let root, parser.diagnostics.isEmpty { catalogue = reader.finish(root) }
        case .compiled:
            break
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        diagnostics.sort { $0.position < $1.position }
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty || catalogue == nil {
            if errors.isEmpty {
                diagnostics.append(Diagnostic(file: file, position: SourcePosition(line: 1, column: 1), field: format == .yaml ? "yaml" : "json", message: "the file holds no catalogue"))
            }
            throw CatalogueError(file: file, diagnostics: diagnostics)
        }
        return Loaded(catalogue: catalogue!, warnings: diagnostics)
    }
}

extension CatalogueLoader {
    /// Opens a compiled catalogue; its errors name the record (`firms[3].offers[1]`), not a line.
    static func openCompiled(_ bytes: UnsafeRawBufferPointer, storage: ColumnStorage, file: String) throws -> Loaded {
        do {
            return Loaded(catalogue: try CompiledCatalogue.open(bytes, storage: storage), warnings: [])
        } catch {
            throw CatalogueError(file: file, diagnostics: [Diagnostic(file: file, position: SourcePosition(line: 0, column: 0), field: error.field, message: error.message)])
        }
    }
}

/// Turns a YAML tree into the model, collecting every problem on the way.
struct CatalogueReader {
    let file: String
    let today: Day
    var diagnostics: [Diagnostic] = []

    init(file: String, today: Day) { self.file = file; self.today = today }

    mutating func error(_ node: YAMLNode, _ field: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, position: node.position, field: field, message: message))
    }

    mutating func warning(_ node: YAMLNode, _ field: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, position: node.position, field: field, message: message, severity: .warning))
    }

    // MARK: Mappings

    /// A mapping's entries by key, after checking its keys against `allowed`.
    struct Fields {
        var node: YAMLNode
        var path: String
        var entries: [String: YAMLNode]
        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    mutating func fields(_ node: YAMLNode, _ path: String, allowed: [String]) -> Fields? {
        guard case .mapping(let pairs) = node.kind else {
            if case .invalid = node.kind { return nil }
            error(node, path.isEmpty ? "catalogue" : path, "expected a mapping (key: value lines), found \(node.typeName)")
            return nil
        }
        var entries: [String: YAMLNode] = [:]
        for (key, value) in pairs {
            guard case .scalar(let name, _) = key.kind else { continue }
            if !allowed.contains(name) {
                let where_ = path.isEmpty ? "at the top level" : "in \(path)"
                let shown = TextCleaning.forDisplay(name)
                error(key, path.isEmpty ? shown : "\(path).\(shown)", "unknown key '\(TextCleaning.forDisplay(name))' \(where_) (expected one of: \(allowed.joined(separator: ", ")))")
                continue
            }
            if entries[name] == nil { entries[name] = value }
        }
        return Fields(node: node, path: path, entries: entries)
    }

    /// The value of a required key, or an error at the mapping.
    mutating func required(_ f: Fields, _ key: String) -> YAMLNode? {
        guard let value = f.entries[key] else {
            error(f.node, f.path(key), "missing required field")
            return nil
        }
        if value.isNull {
            error(value, f.path(key), "is empty (null); a value is required")
            return nil
        }
        return value
    }

    func optional(_ f: Fields, _ key: String) -> YAMLNode? {
        guard let value = f.entries[key], !value.isNull else { return nil }
        return value
    }

    // MARK: Scalars

    /// The text of a scalar (cleaned, NFC), or an error.
    mutating func text(_ node: YAMLNode, _ field: String, singleLine: Bool, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let raw, _) = node.kind else {
            if case .invalid = node.kind { return nil }
            error(node, field, "expected a text, found \(node.typeName)")
            return nil
        }
        let (cleaned, report) = TextCleaning.clean(raw, singleLine: singleLine)
        if !report.isEmpty { warning(node, field, "text cleaned: \(report.describe())") }
        let trimmed = TextCleaning.trim(cleaned)
        if trimmed.isEmpty && !allowEmpty {
            error(node, field, "is empty")
            return nil
        }
        return singleLine ? cleaned : trimmed
    }

    mutating func requiredText(_ f: Fields, _ key: String, singleLine: Bool = true) -> String? {
        guard let node = required(f, key) else { return nil }
        return text(node, f.path(key), singleLine: singleLine)
    }

    mutating func optionalText(_ f: Fields, _ key: String, singleLine: Bool = true) -> String? {
        guard let node = optional(f, key) else { return nil }
        return text(node, f.path(key), singleLine: singleLine)
    }

    /// The raw text of a scalar used as a code (never interpreted as a number).
    mutating func scalarText(_ node: YAMLNode, _ field: String) -> String? {
        guard case .scalar(let raw, _) = node.kind else {
            if case .invalid = node.kind { return nil }
            error(node, field, "expected a single value, found \(node.typeName)")
            return nil
        }
        return TextCleaning.trim(raw)
    }

    mutating func code<T: CodedValue>(_ node: YAMLNode, _ field: String, as _: T.Type) -> T? {
        guard let raw = scalarText(node, field) else { return nil }
        guard let value = T(code: raw) else {
            error(node, field, "unknown \(T.facet.label.en.lowercased()) '\(TextCleaning.forDisplay(raw))' (expected one of: \(T.codeList))")
            return nil
        }
        return value
    }

    /// A list of scalars (a single scalar is accepted as a one-element list).
    mutating func list(_ node: YAMLNode, _ field: String) -> [(Int, YAMLNode)]? {
        switch node.kind {
        case .sequence(let items): return Array(items.enumerated())
        case .scalar: return [(0, node)]
        case .invalid: return nil
        case .mapping:
            error(node, field, "expected a list, found a mapping")
            return nil
        }
    }

    mutating func codeList<T: CodedValue>(_ node: YAMLNode, _ field: String, as type: T.Type, allowEmpty: Bool) -> [T]? {
        guard let items = list(node, field) else { return nil }
        var result: [T] = []
        var ok = true
        for (i, item) in items {
            let itemField = items.count > 1 || node.isSequence ? "\(field)[\(i)]" : field
            if item.isNull { error(item, itemField, "is empty (null)"); ok = false; continue }
            guard let value = code(item, itemField, as: type) else { ok = false; continue }
            if result.contains(value) { error(item, itemField, "'\(value.code)' is listed twice") } else { result.append(value) }
        }
        if result.isEmpty && ok && !allowEmpty { error(node, field, "needs at least one value"); return nil }
        return ok ? result : nil
    }

    mutating func integer(_ node: YAMLNode, _ field: String) -> Int? {
        guard let raw = scalarText(node, field) else { return nil }
        guard !raw.isEmpty, raw.count <= 9, raw.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(raw) else {
            error(node, field, "expected a whole number, found '\(TextCleaning.forDisplay(raw))'")
            return nil
        }
        return value
    }

    mutating func day(_ node: YAMLNode, _ field: String) -> Day? {
        guard let raw = scalarText(node, field) else { return nil }
        guard let day = Day(iso: raw) else {
            error(node, field, "expected a date written YYYY-MM-DD, found '\(TextCleaning.forDisplay(raw))'")
            return nil
        }
        return day
    }

    mutating func bool(_ node: YAMLNode, _ field: String) -> Bool? {
        guard let raw = scalarText(node, field) else { return nil }
        switch raw.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error(node, field, "expected true or false, found '\(TextCleaning.forDisplay(raw))'")
            return nil
        }
    }

    mutating func slug(_ node: YAMLNode, _ field: String) -> String? {
        guard let raw = scalarText(node, field) else { return nil }
        guard Slug.isValid(raw) else {
            error(node, field, "'\(TextCleaning.forDisplay(raw))' is not a valid id (lower-case letters, digits and single hyphens, such as 'cabinet-exemple')")
            return nil
        }
        return raw
    }

    mutating func email(_ node: YAMLNode, _ field: String) -> String? {
        guard let raw = text(node, field, singleLine: true) else { return nil }
        guard EmailAddress.isValid(raw) else {
            error(node, field, "'\(TextCleaning.forDisplay(raw))' is not a valid e-mail address")
            return nil
        }
        return raw
    }

    mutating func url(_ node: YAMLNode, _ field: String) -> String? {
        guard let raw = text(node, field, singleLine: true) else { return nil }
        let lower = raw.lowercased()
        guard (lower.hasPrefix("https://") || lower.hasPrefix("http://")), !raw.contains(" "),
              raw.split(separator: "/", omittingEmptySubsequences: true).count >= 2 else {
            error(node, field, "'\(TextCleaning.forDisplay(raw))' is not a web address (expected http:// or https://)")
            return nil
        }
        return raw
    }

    mutating func department(_ node: YAMLNode, _ field: String) -> String? {
        guard let raw = scalarText(node, field) else { return nil }
        guard case .department(let code)? = Place(code: raw) else {
            error(node, field, "unknown département code '\(TextCleaning.forDisplay(raw))' (INSEE code such as 59, 2A, 971)")
            return nil
        }
        return code
    }

    mutating func places(_ node: YAMLNode, _ field: String) -> [Place]? {
        guard let items = list(node, field) else { return nil }
        var result: [Place] = []
        var ok = true
        for (i, item) in items {
            let itemField = node.isSequence ? "\(field)[\(i)]" : field
            guard let raw = scalarText(item, itemField) else { ok = false; continue }
            guard let place = Place(code: raw) else {
                error(item, itemField, "unknown territory '\(TextCleaning.forDisplay(raw))' (expected national, a région written R + INSEE code such as R32, or a département code such as 59, 2A, 971)")
                ok = false
                continue
            }
            if result.contains(place) { error(item, itemField, "'\(place.code)' is listed twice") } else { result.append(place) }
        }
        if result.isEmpty && ok { error(node, field, "needs at least one territory"); return nil }
        return ok ? result : nil
    }

    // MARK: The document

    // Firms read so far (the JSON reader streams them in one at a time).
    var firms: [Firm] = []
    var offers: [Offer] = []
    var firmItems = 0
    var firmSeen: [String: SourcePosition] = [:]
    var offerSeen: [String: SourcePosition] = [:]

    /// Reads one element of `firms`.
    mutating func addFirm(_ node: YAMLNode) {
        let i = firmItems
        firmItems += 1
        var firmSeen = self.firmSeen, offerSeen = self.offerSeen
        self.firmSeen = [:]
        self.offerSeen = [:]
        let read = readFirm(node, "firms[\(i)]", firmSeen: &firmSeen, offerSeen: &offerSeen)
        self.firmSeen = firmSeen
        self.offerSeen = offerSeen
        if let (firm, firmOffers) = read {
            firms.append(firm)
            offers.append(contentsOf: firmOffers)
        }
    }

    mutating func read(_ root: YAMLNode) -> Catalogue? {
        if root.isNull {
            error(root, "catalogue", "the file holds no data (only comments or an empty document)")
            return nil
        }
        if case .mapping(let pairs) = root.kind, let firmsNode = pairs.first(where: { if case .scalar("firms", _) = $0.key.kind { true } else { false } })?.value,
           case .sequence(let items) = firmsNode.kind {
            for item in items { addFirm(item) }
        }
        return finish(root)
    }

    /// Reads the top level and the metadata, after the firms were added with `addFirm`.
    mutating func finish(_ root: YAMLNode) -> Catalogue? {
        guard let top = fields(root, "", allowed: ["catalogue", "firms"]) else { return nil }
        var name: String?, updated: Day?, illustrative: Bool?, note: String?
        if let metaNode = required(top, "catalogue"), let meta = fields(metaNode, "catalogue", allowed: ["name", "updated", "illustrative", "note"]) {
            name = requiredText(meta, "name")
            updated = required(meta, "updated").flatMap { day($0, meta.path("updated")) }
            illustrative = required(meta, "illustrative").flatMap { bool($0, meta.path("illustrative")) }
            note = optionalText(meta, "note", singleLine: false)
        }
        if let firmsNode = required(top, "firms") {
            switch firmsNode.kind {
            case .sequence:
                if firmItems == 0 { error(firmsNode, "firms", "needs at least one firm") }
            case .invalid:
                break
            default:
                error(firmsNode, "firms", "expected a list of firms, found \(firmsNode.typeName)")
            }
        }
        guard diagnostics.allSatisfy({ $0.severity != .error }), let name, let updated, let illustrative else { return nil }
        return Catalogue(name: name, updated: updated, illustrative: illustrative, note: note, firms: firms, offers: offers)
    }

    mutating func readFirm(_ node: YAMLNode, _ path: String, firmSeen: inout [String: SourcePosition], offerSeen: inout [String: SourcePosition]) -> (Firm, [Offer])? {
        guard let f = fields(node, path, allowed: ["id", "name", "presentation", "headquarters", "website", "contact", "joined", "provenance", "offers"]) else { return nil }
        let idNode = required(f, "id")
        let id = idNode.flatMap { slug($0, f.path("id")) }
        if let id, let idNode {
            if let first = firmSeen[id] { error(idNode, f.path("id"), "duplicate firm id '\(id)' (first at line \(first.line))") } else { firmSeen[id] = idNode.position }
        }
        let name = requiredText(f, "name")
        let presentation = requiredText(f, "presentation", singleLine: false)
        let hq = required(f, "headquarters").flatMap { department($0, f.path("headquarters")) }
        let website = optional(f, "website").flatMap { url($0, f.path("website")) }
        var contact: Contact?
        if let c = required(f, "contact").flatMap({ fields($0, f.path("contact"), allowed: ["name", "email", "phone"]) }) {
            let cname = requiredText(c, "name")
            let cmail = required(c, "email").flatMap { email($0, c.path("email")) }
            let phone = optionalText(c, "phone")
            if let cname, let cmail { contact = Contact(name: cname, email: cmail, phone: phone) }
        }
        var joined: Int?
        if let jn = required(f, "joined"), let year = integer(jn, f.path("joined")) {
            if year < 2008 || year > today.year {
                error(jn, f.path("joined"), "year \(year) is outside 2008–\(today.year) (the programme started in 2008)")
            } else { joined = year }
        }
        var provenance: Provenance?
        if let p = required(f, "provenance").flatMap({ fields($0, f.path("provenance"), allowed: ["source", "verified"]) }) {
            let source = requiredText(p, "source", singleLine: false)
            let verified = required(p, "verified").flatMap { day($0, p.path("verified")) }
            if let source, let verified { provenance = Provenance(source: source, verified: verified) }
        }
        var offers: [Offer] = []
        var offersOK = true
        if let offersNode = required(f, "offers") {
            if case .sequence(let items) = offersNode.kind {
                if items.isEmpty { error(offersNode, f.path("offers"), "needs at least one offer") }
                for (i, item) in items.enumerated() {
                    if let offer = readOffer(item, "\(f.path("offers"))[\(i)]", firmID: id ?? "", offerSeen: &offerSeen) {
                        offers.append(offer)
                    } else { offersOK = false }
                }
            } else {
                error(offersNode, f.path("offers"), "expected a list of offers, found \(offersNode.typeName)")
                offersOK = false
            }
        } else { offersOK = false }
        guard offersOK, let id, let name, let presentation, let hq, let contact, let joined, let provenance else { return nil }
        let firm = Firm(id: id, name: name, presentation: presentation, headquarters: hq, website: website,
                        contact: contact, joined: joined, provenance: provenance)
        return (firm, offers)
    }

    mutating func readOffer(_ node: YAMLNode, _ path: String, firmID: String, offerSeen: inout [String: SourcePosition]) -> Offer? {
        guard let f = fields(node, path, allowed: ["id", "title", "summary", "description", "format", "purpose", "kinds", "themes", "territories", "mode", "audience", "duration", "capacity", "eligibility", "cost", "apply"]) else { return nil }
        let idNode = required(f, "id")
        let id = idNode.flatMap { slug($0, f.path("id")) }
        if let id, let idNode {
            if let first = offerSeen[id] { error(idNode, f.path("id"), "duplicate offer id '\(id)' (first at line \(first.line))") } else { offerSeen[id] = idNode.position }
        }
        let title = requiredText(f, "title")
        let summary = requiredText(f, "summary")
        let description = requiredText(f, "description", singleLine: false)
        let format = required(f, "format").flatMap { code($0, f.path("format"), as: OfferFormat.self) }
        let purpose = required(f, "purpose").flatMap { code($0, f.path("purpose"), as: Purpose.self) }
        var kinds: [SupportKind]?
        if let kn = required(f, "kinds") {
            kinds = codeList(kn, f.path("kinds"), as: SupportKind.self, allowEmpty: false)
            if let kinds, let purpose, let items = list(kn, f.path("kinds")) {
                for ((i, item), kind) in zip(items, kinds) where kind.purpose != purpose {
                    error(item, kn.isSequence ? "\(f.path("kinds"))[\(i)]" : f.path("kinds"),
                          "support kind '\(kind.code)' belongs to the purpose '\(kind.purpose.code)', not to this offer's purpose '\(purpose.code)' (allowed: \(purpose.kinds.map(\.code).joined(separator: ", ")))")
                }
            }
        }
        let themes = required(f, "themes").flatMap { codeList($0, f.path("themes"), as: Theme.self, allowEmpty: false) }
        let territories = required(f, "territories").flatMap { places($0, f.path("territories")) }
        let mode = required(f, "mode").flatMap { code($0, f.path("mode"), as: DeliveryMode.self) }
        let audience = required(f, "audience").flatMap { codeList($0, f.path("audience"), as: Audience.self, allowEmpty: false) }
        let duration = requiredText(f, "duration")
        var capacity: Int?
        var capacityOK = true
        if let cn = optional(f, "capacity") {
            if let value = integer(cn, f.path("capacity")) {
                if value < 1 { error(cn, f.path("capacity"), "must be at least 1"); capacityOK = false } else { capacity = value }
            } else { capacityOK = false }
        }
        var eligibility = Eligibility()
        var eligibilityOK = true
        if let en = optional(f, "eligibility") {
            if let e = fields(en, f.path("eligibility"), allowed: ["stages", "budgets", "employer"]) {
                if let n = optional(e, "stages") {
                    if let v = codeList(n, e.path("stages"), as: Stage.self, allowEmpty: true) { eligibility.stages = v } else { eligibilityOK = false }
                }
                if let n = optional(e, "budgets") {
                    if let v = codeList(n, e.path("budgets"), as: BudgetBand.self, allowEmpty: true) { eligibility.budgets = v } else { eligibilityOK = false }
                }
                if let n = optional(e, "employer") {
                    if let v = codeList(n, e.path("employer"), as: EmployerStatus.self, allowEmpty: true) { eligibility.employer = v } else { eligibilityOK = false }
                }
            } else { eligibilityOK = false }
        }
        let cost = optionalText(f, "cost", singleLine: false)
        if format == .miChemin && cost == nil && optional(f, "cost") == nil {
            error(f.node, f.path("cost"), "a mi-chemin offer must say what the association pays, in its own words")
        }
        let apply = requiredText(f, "apply", singleLine: false)
        guard let id, let title, let summary, let description, let format, let purpose, let kinds, let themes,
              let territories, let mode, let audience, let duration, let apply, capacityOK, eligibilityOK,
              kinds.allSatisfy({ $0.purpose == purpose }) else { return nil }
        return Offer(id: id, firmID: firmID, title: title, summary: summary, description: description,
                     format: format, purpose: purpose, kinds: kinds, themes: themes, territories: territories,
                     mode: mode, audience: audience, duration: duration, capacity: capacity,
                     eligibility: eligibility, cost: cost, apply: apply)
    }
}

extension YAMLNode {
    var isSequence: Bool { if case .sequence = kind { true } else { false } }
}

/// Ids of firms and offers: lower-case ASCII letters, digits and single hyphens.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// The rule on UTF-8 bytes (how a compiled catalogue checks its ids): 1 to 120 lower-case
    /// ASCII letters, digits and single hyphens, no hyphen at either end.
    static func isValid(utf8 raw: UnsafeRawBufferPointer) -> Bool {
        guard !raw.isEmpty, raw.count <= 120, raw[0] != 0x2D, raw[raw.count - 1] != 0x2D else { return false }
        var previous: UInt8 = 0
        for b in raw {
            guard (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || (b == 0x2D && previous != 0x2D) else { return false }
            previous = b
        }
        return true
    }
}

/// A deliberately simple e-mail check: one `@`, a local part, a domain with a dot, no spaces.
public enum EmailAddress {
    public static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, text.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" })
    }
}

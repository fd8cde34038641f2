import Glibc

/// Reads a catalogue into the model, checking every rule of `docs/catalogue-format.md`.
/// A file with any error is never half-loaded: `load` throws a `CatalogueError` listing every
/// problem found, each with its file, line, column and field.
///
/// The steps: `FileReading` gets the bytes (mapped, or read from a pipe); the format chooses
/// the parser (`YAMLTree` or `JSONTree`, both giving `DocumentNode`s, or the compiled reader);
/// `CatalogueReader` turns the document into the model with the value rules of
/// `ValueRules.swift`.
public enum CatalogueLoader {
    /// The file formats, chosen by extension: `.json` for large machine-made catalogues,
    /// `.catalyse` for a catalogue compiled by `catalyse compile`, YAML for everything else.
    public enum Format: Sendable {
        case yaml, json, compiled

        public init(path: String) {
            let lower = path.lowercased()
            self = lower.hasSuffix(".json") ? .json : lower.hasSuffix(".catalyse") ? .compiled : .yaml
        }

        /// Compiled catalogues up to this size are read into memory rather than mapped, so that
        /// a file truncated or rewritten while the program runs cannot affect it (larger ones
        /// are mapped and guarded: `MappingGuard`). 256 MiB is about 290,000 offers.
        public static let defaultMapAbove = 256 * 1024 * 1024

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

    /// The result of a successful load: the catalogue, the warnings (text cleanings), and the
    /// search index when the file carried one (a compiled catalogue) or it was numbered while
    /// the firms were read (`FirmPipeline`).
    public struct Loaded: Sendable {
        public var catalogue: Catalogue
        public var warnings: [Diagnostic]
        public var prebuiltIndex: PrebuiltIndex?
        /// With `Keeping.records`, when the firms were read while the file was parsed: the
        /// catalogue as records, to be written with `CompiledWriter.write(_: StreamedCatalogue, …)`;
        /// `catalogue` then holds the metadata and firms but no offers.
        public var streamed: StreamedCatalogue? = nil

        /// The search index of the catalogue: the one the file carried or the loader built, else built now.
        public func searchIndex() -> SearchIndex {
            precondition(streamed == nil, "a catalogue loaded as records has no offers to index")
            return SearchIndex(catalogue: catalogue, prebuilt: prebuiltIndex)
        }
    }

    /// What a load keeps besides the model, when the firms are read while the file is parsed
    /// (YAML and JSON from `pipelineFrom`; smaller files, sheets and compiled files load as before).
    public enum Keeping: Sendable {
        /// The model alone (`validate`: no index is asked for).
        case model
        /// The model and the search index, numbered firm by firm as the firms are read.
        case modelAndIndex
        /// For `catalyse compile`: the offers encoded as compiled records as their firms are read,
        /// kept in a temporary file beside `beside` (`RecordSpool`), and the index; the offers
        /// are not kept as values (`Loaded.streamed`).
        case records(beside: String)
    }

    /// Why a file could not be read at all (as opposed to a file with bad content).
    public enum ReadError: Error, Sendable, Equatable {
        case notFound(String)
        case unreadable(String, reason: FileProblem)
    }

    /// Loads the catalogue at `path` (JSON when it ends in `.json`, compiled when it ends in
    /// `.catalyse`, the sheets of a folder, YAML otherwise); `today` bounds the years it may name. Throws `ReadError`
    /// if the file cannot be read, and `CatalogueError` if its content is not a valid catalogue.
    /// A compiled catalogue up to `mapAbove` bytes is read into memory, a larger one mapped.
    public static func load(path: String, today: Day, mapAbove: Int = Format.defaultMapAbove, keeping: Keeping = .modelAndIndex) throws -> Loaded {
        // A folder is a catalogue kept in a spreadsheet: its three sheets (`Sheets/`).
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return try SheetImport.load(folder: path, today: today) }
        // A workbook (`.ods`, `.xlsx`) holds the same three sheets as tabs.
        if let kind = Workbook.Kind(path: path) { return try SheetImport.load(workbook: path, kind: kind, today: today) }
        let format = Format(path: path)
        switch try FileReading.read(path, limit: format.sizeLimit, copyBelow: format == .compiled ? mapAbove : nil) {
        case .empty:
            return try load(bytes: UnsafeBufferPointer(start: nil, count: 0), file: path, format: format, today: today, keeping: keeping)
        case .tooLarge(let size):
            throw tooLarge(path, format, size: size)
        case .mapped(let mapping):
            if format == .compiled {
                // The catalogue keeps reading the mapping: it owns it from here.
                return try openCompiled(mapping.bytes, storage: ColumnStorage(mapping: mapping), file: path)
            }
            defer { mapping.unmap() }
            let bytes = mapping.bytes.bindMemory(to: UInt8.self)
            return try load(bytes: bytes, file: path, format: format, today: today, fileMapped: true, keeping: keeping)
        case .copied(let storage, let bytes):
            if format == .compiled { return try openCompiled(bytes, storage: storage, file: path) }
            return try load(bytes: bytes.bindMemory(to: UInt8.self), file: path, format: format, today: today, keeping: keeping)
        case .read(let data):
            return try data.withUnsafeBufferPointer { try load(bytes: $0, file: path, format: format, today: today, keeping: keeping) }
        }
    }

    /// Loads a catalogue from YAML text (tests).
    public static func load(yaml: String, file: String, today: Day) throws -> Loaded {
        try load(bytes: Array(yaml.utf8), file: file, today: today)
    }

    public static func load(bytes: [UInt8], file: String, format: Format = .yaml, today: Day, keeping: Keeping = .modelAndIndex) throws -> Loaded {
        try bytes.withUnsafeBufferPointer { try load(bytes: $0, file: file, format: format, today: today, keeping: keeping) }
    }

    /// YAML and JSON files from this size have their firms read on a second thread while the
    /// parser runs (`FirmPipeline`); below it, starting the thread would cost more than it saves.
    static let pipelineFrom = 128 * 1024

    /// With `fileMapped`, `bytes` is a private read-only mapping of a file, whose pages the JSON
    /// reader may drop once parsed (never pass it for memory the program owns).
    public static func load(bytes: UnsafeBufferPointer<UInt8>, file: String, format: Format, today: Day, fileMapped: Bool = false, keeping: Keeping = .modelAndIndex) throws -> Loaded {
        try load(bytes: bytes, file: file, format: format, today: today, fileMapped: fileMapped, pipelineFrom: pipelineFrom, keeping: keeping)
    }

    /// `pipelineFrom` is for tests (0: always on two threads; `Int.max`: never).
    static func load(bytes: UnsafeBufferPointer<UInt8>, file: String, format: Format, today: Day, fileMapped: Bool, pipelineFrom: Int,
                     keeping: Keeping = .modelAndIndex) throws -> Loaded {
        if bytes.count > format.sizeLimit { throw tooLarge(file, format, size: bytes.count) }
        var diagnostics: [Diagnostic] = []
        var reader = CatalogueReader(file: file, today: today)
        var catalogue: Catalogue? = nil
        // Each firm goes to the reader as soon as it is parsed: on a thread of its own for a
        // large file, else here.
        let pipelineKeeping: FirmPipeline.Keeping = switch keeping {
        case .model: .model
        case .modelAndIndex: .index
        case .records(let beside): .records(RecordSpool(beside: beside))
        }
        let pipeline = format != .compiled && bytes.count >= pipelineFrom ? FirmPipeline(reader: reader, keeping: pipelineKeeping) : nil
        var assembly: IndexAssembly? = nil, offerCounts: [Int] = []
        let readFirm: (DocumentNode) -> Void = { node in
            if let pipeline { pipeline.send(node) } else { reader.addFirm(node) }
        }
        switch format {
        case .compiled:
            // A heap copy, 8-byte aligned, owned by the catalogue.
            let storage = ColumnStorage()
            let copy = storage.copy(UnsafeRawBufferPointer(bytes))
            return try openCompiled(copy, storage: storage, file: file)
        case .yaml:
            let root = YAMLTree.parse(bytes, file: file, diagnostics: &diagnostics, firms: readFirm)
            if let pipeline { (reader, assembly, offerCounts) = pipeline.finish() }
            if let root, !diagnostics.contains(where: { $0.severity == .error && $0.message.hasPrefix("YAML syntax") }) {
                catalogue = reader.read(root)  // the firms were read already; the rest of the document now
            } else {
                // A document that cannot be used is not read: what its first firms said is dropped.
                reader.diagnostics.removeAll()
            }
        case .json:
            var parser = JSONTree(bytes: bytes, file: file)
            parser.releasePassedPages = fileMapped
            let root = parser.parseCatalogue(firms: readFirm)
            if let pipeline { (reader, assembly, offerCounts) = pipeline.finish() }
            diagnostics.append(contentsOf: parser.diagnostics)
            if let root, parser.diagnostics.isEmpty { catalogue = reader.finish(root) }
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        diagnostics.sort { $0.position < $1.position }
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, let catalogue else {
            if errors.isEmpty {
                diagnostics.append(Diagnostic(file: file, position: SourcePosition(line: 1, column: 1), field: format == .yaml ? "yaml" : "json", message: "the file holds no catalogue", french: "le fichier ne contient aucun catalogue"))
            }
            throw CatalogueError(file: file, diagnostics: diagnostics)
        }
        var loaded = Loaded(catalogue: catalogue, warnings: diagnostics, prebuiltIndex: nil)
        if var assembly {
            // The firms kept, their index parts merged in order as they were added.
            let columns = assembly.columns()
            if case .records(let spool) = pipelineKeeping {
                loaded.streamed = StreamedCatalogue(catalogue: catalogue, offerCounts: offerCounts, records: spool, columns: columns,
                                                    ids: assembly.ids, idEnds: assembly.idEnds)
            } else {
                loaded.prebuiltIndex = PrebuiltIndex(columns: columns)
            }
        }
        return loaded
    }

    /// Opens a compiled catalogue; its errors name the record (`firms[3].offers[1]`), not a line.
    static func openCompiled(_ bytes: UnsafeRawBufferPointer, storage: ColumnStorage, file: String) throws -> Loaded {
        do {
            let (catalogue, index) = try CompiledReader.open(bytes, storage: storage)
            return Loaded(catalogue: catalogue, warnings: [], prebuiltIndex: index)
        } catch {
            var refused = CatalogueError(file: file, diagnostics: [Diagnostic(file: file, position: SourcePosition(line: 0, column: 0), field: error.field, message: error.message,
                                                                      french: compiledDamageFR(error))])
            refused.compiledVersion = error.otherVersion.map { (found: Int($0), expected: Int(CompiledFormat.version)) }
            throw refused
        }
    }

    /// "the file is 67,108,865 bytes; the limit for a YAML catalogue is 67,108,864 bytes (64 MiB)":
    /// sizes in MiB only when that tells them apart.
    static func tooLarge(_ path: String, _ format: Format, size: Int?) -> CatalogueError {
        let limit = format.sizeLimit, mib = 1_048_576
        let exact = size.map { $0 / mib == limit / mib } ?? false
        func bytes(_ n: Int, _ language: Language = .en) -> String { FileProblem.size(n, language, exact: true) }
        let what = size.map { "the file is \(exact ? bytes($0) : "\($0 / mib) MiB"); " } ?? "the file is larger than the limit; "
        let limitText = exact ? "\(bytes(limit)) (\(limit / mib) MiB)" : "\(limit / mib) MiB"
        let whatFR = size.map { "le fichier fait \(exact ? bytes($0, .fr) : "\($0 / mib) Mio") ; " } ?? "le fichier dépasse la limite ; "
        let limitFR = exact ? "\(bytes(limit, .fr)) (\(limit / mib) Mio)" : "\(limit / mib) Mio"
        return CatalogueError(file: path, diagnostics: [Diagnostic(
            file: path, position: SourcePosition(line: 1, column: 1), field: "file",
            message: what + "the limit for a \(format.name) catalogue is \(limitText)",
            french: whatFR + "la limite pour un catalogue \(format.name) est de \(limitFR)")])
    }

    /// A damaged compiled file, in French: what to do, without the English detail of which
    /// check failed (the field says where; `--lang en` gives the detail).
    /// The French of a compiled file's problem: what is wrong, and what to do.
    static func compiledDamageFR(_ failure: CompiledFormat.Failure) -> String {
        if failure.message.hasPrefix("not a compiled catalogue") || failure.otherVersion != nil { return failure.french }
        return "le fichier compilé est endommagé (\(failure.french)) ; compilez-le de nouveau depuis sa source avec « catalyse compile »"
    }
}

import Foundation
import Testing
@testable import CatalyseCore

/// Reading the firms on a second thread while the file is parsed (`FirmPipeline`, issue 21
/// part 2) gives exactly what reading them on the parser's thread gives: the same catalogue, or
/// the same diagnostics in the same order, for YAML and JSON, on the shipped catalogue, the
/// hostile corpus and random damage of both.
@Suite("Firms read on a second thread: the same result")
struct FirmPipelineTests {
    /// The outcome of a load, comparable: the catalogue's content and the warnings, or the
    /// diagnostics of the refusal.
    static func outcome(_ bytes: [UInt8], _ format: CatalogueLoader.Format, pipeline: Bool) -> String {
        do {
            let loaded = try bytes.withUnsafeBufferPointer {
                try CatalogueLoader.load(bytes: $0, file: "c", format: format, today: Fixtures.today, fileMapped: false,
                                         pipelineFrom: pipeline ? 0 : Int.max)
            }
            let c = loaded.catalogue
            // The pipeline numbers the index while it reads; the sequential reader leaves it
            // to be built from the catalogue, the old way.
            if pipeline != (loaded.prebuiltIndex != nil) { return "index \(pipeline ? "missing" : "unexpected")" }
            let index = loaded.prebuiltIndex?.columns ?? IndexColumns.build(c)
            return "ok \(c.name) \(c.updated) \(c.illustrative) \(c.note ?? "-")\n\(c.firms)\n\(Array(c.offers))\n\(loaded.warnings)\n"
                + QueryTests.columnsText(index)
        } catch let error as CatalogueError {
            return "refused\n" + error.diagnostics.map { "\($0.position.line):\($0.position.column) \($0.field) \($0.severity) \($0.message) | \($0.french)" }.joined(separator: "\n")
        } catch {
            return "other \(error)"
        }
    }

    /// The outcome of compiling: the compiled bytes with the warnings, or the diagnostics. With
    /// `streamed`, the offers are encoded as records while the firms are read
    /// (`Keeping.records`, what `catalyse compile` does); else the whole catalogue is loaded
    /// and compiled from its index.
    static func compiledOutcome(_ bytes: [UInt8], _ format: CatalogueLoader.Format, streamed: Bool) -> String {
        do {
            let loaded = try bytes.withUnsafeBufferPointer {
                try CatalogueLoader.load(bytes: $0, file: "c", format: format, today: Fixtures.today, fileMapped: false,
                                         pipelineFrom: streamed ? 0 : Int.max,
                                         keeping: streamed ? .records(beside: NSTemporaryDirectory() + "/c.catalyse") : .modelAndIndex)
            }
            var compiled: [UInt8] = []
            if streamed {
                guard let records = loaded.streamed else { return "not streamed" }
                #expect(loaded.catalogue.offers.isEmpty)
                guard CompiledWriter.write(records, { compiled += $0; return true }) else { return "not written" }
            } else {
                if loaded.streamed != nil { return "streamed" }
                compiled = CompiledWriter.compile(loaded.searchIndex())
            }
            return "ok \(compiled)\n\(loaded.warnings)"
        } catch let error as CatalogueError {
            return "refused\n" + error.diagnostics.map { "\($0.position.line):\($0.position.column) \($0.field) \($0.severity) \($0.message) | \($0.french)" }.joined(separator: "\n")
        } catch {
            return "other \(error)"
        }
    }

    static func expectSame(_ bytes: [UInt8], _ format: CatalogueLoader.Format, _ what: String) {
        let one = outcome(bytes, format, pipeline: false), two = outcome(bytes, format, pipeline: true)
        #expect(one == two, "\(what)")
        let compiled = compiledOutcome(bytes, format, streamed: false), streamed = compiledOutcome(bytes, format, streamed: true)
        #expect(compiled == streamed, "\(what), compiled")
        #expect(one.hasPrefix("ok ") == compiled.hasPrefix("ok "), "\(what)")
    }

    /// The shipped catalogue as JSON (every scalar a string, as the reader keeps them).
    static func json(_ node: DocumentNode, into out: inout String) {
        func quoted(_ s: String) -> String {
            var r = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": r += "\\\""
                case "\\": r += "\\\\"
                case "\n": r += "\\n"
                default: if u.value < 0x20 { r += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16) } else { r.unicodeScalars.append(u) }
                }
            }
            return r + "\""
        }
        switch node.kind {
        case .scalar(let s, _): out += quoted(s)
        case .sequence(let items):
            out += "[\n"
            for (i, item) in items.enumerated() { if i > 0 { out += ",\n" }; json(item, into: &out) }
            out += "]"
        case .mapping(let pairs):
            out += "{\n"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += ",\n" }
                if case .scalar(let k, _) = pair.key.kind { out += quoted(k) }
                out += ": "
                json(pair.value, into: &out)
            }
            out += "}"
        case .invalid: out += "null"
        }
    }

    static let shippedYAML: [UInt8] = EmbeddedCatalogue.bytes
    static let shippedJSON: [UInt8] = {
        var diagnostics: [Diagnostic] = []
        let root = shippedYAML.withUnsafeBufferPointer { YAMLTree.parse($0, file: "c", diagnostics: &diagnostics) }
        var out = ""
        if let root { json(root, into: &out) }
        return Array(out.utf8)
    }()

    /// A random change of a few lines: removed, repeated (duplicate keys and ids), swapped, a
    /// byte changed, or the file cut short.
    static func damaged(_ bytes: [UInt8], _ rng: inout some RandomNumberGenerator) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard lines.count > 2 else { break }
            let i = Int.random(in: 0..<lines.count, using: &rng), j = Int.random(in: 0..<lines.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: j)
            case 2: lines.swapAt(i, j)
            case 3: if !lines[i].isEmpty { lines[i][Int.random(in: 0..<lines[i].count, using: &rng)] = [0x3A, 0x2D, 0x22, 0x7B, 0x5D, 0x20, 0x41, 0x09].randomElement(using: &rng)! }
            case 4: lines = Array(lines.prefix(i))
            default: lines.insert(lines[i...].prefix(Int.random(in: 1...40, using: &rng)).flatMap { $0 + [0x0A] }.dropLast().map { $0 }, at: j)
            }
        }
        return Array(lines.joined(separator: [0x0A]))
    }

    @Test func theShippedCatalogueAsYAMLAndJSON() {
        FirmPipelineTests.expectSame(FirmPipelineTests.shippedYAML, .yaml, "shipped YAML")
        FirmPipelineTests.expectSame(FirmPipelineTests.shippedJSON, .json, "shipped JSON")
        #expect(FirmPipelineTests.outcome(FirmPipelineTests.shippedJSON, .json, pipeline: true).hasPrefix("ok "))
        #expect(FirmPipelineTests.compiledOutcome(FirmPipelineTests.shippedYAML, .yaml, streamed: true).hasPrefix("ok "))
    }

    /// Records kept in the spool's file (parts written out, then read back) or in memory come
    /// back the same, in order, whatever the part size.
    @Test(arguments: [7, 64, 4096]) func theRecordSpool(_ part: Int) throws {
        var rng = SystemRandomNumberGenerator()
        let inFile = RecordSpool(beside: NSTemporaryDirectory() + "/out.catalyse", part: part), inMemory = RecordSpool(part: part)
        #expect(inFile.usesFile && !inMemory.usesFile)
        var all: [UInt8] = [], ends: [UInt64] = [0]
        for _ in 0..<200 {
            let records = (0..<Int.random(in: 0..<300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var recordEnds = [0, records.count / 3, records.count].sorted()
            recordEnds.removeFirst()
            for spool in [inFile, inMemory] { spool.append(records, ends: recordEnds) }
            for end in recordEnds { ends.append(UInt64(all.count + end)) }
            all += records
        }
        for spool in [inFile, inMemory] {
            var back: [UInt8] = []
            #expect(spool.forEachPart { back += $0; return true })
            #expect(back == all)
            #expect(spool.ends == ends && spool.size == all.count)
        }
    }

    @Test(arguments: HostileCorpus.files) func theHostileCorpus(_ file: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: HostileCorpus.folder + "/" + file)).map { $0 }
        FirmPipelineTests.expectSame(bytes, .yaml, file)
    }

    @Test func randomDamage() {
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let yaml = round % 2 == 0
            let source = yaml ? FirmPipelineTests.shippedYAML : FirmPipelineTests.shippedJSON
            let bytes = FirmPipelineTests.damaged(source, &rng)
            FirmPipelineTests.expectSame(bytes, yaml ? .yaml : .json, "round \(round)")
        }
    }
}

@Suite("Duplicate keys in small and large mappings")
struct DuplicateKeyTests {
    /// The duplicate-key diagnostics of a YAML mapping of `n` keys in which some repeat.
    @Test(arguments: [3, 15, 16, 17, 40]) func duplicatesAreReportedAtTheirSecondOccurrence(_ n: Int) {
        // Keys k0…k(n-1), then k0 and k(n-1) again, then k1 a third time, and a non-text key.
        var yaml = (0..<n).map { "k\($0): v" }
        yaml += ["k0: again", "k\(n - 1): again", "? [a]\n: list key", "k\(min(1, n - 1)): third"]
        var diagnostics: [Diagnostic] = []
        let bytes = Array(yaml.joined(separator: "\n").utf8)
        _ = bytes.withUnsafeBufferPointer { YAMLTree.parse($0, file: "m.yaml", diagnostics: &diagnostics) }
        let shown = diagnostics.map { "\($0.position.line): \($0.message)" }
        #expect(shown == [
            "\(n + 1): duplicate key 'k0' (first at line 1)",
            "\(n + 2): duplicate key 'k\(n - 1)' (first at line \(n))",
            "\(n + 3): a mapping key must be a plain text, not a list",
            "\(n + 5): duplicate key 'k\(min(1, n - 1))' (first at line \(min(1, n - 1) + 1))",
        ], "\(n) keys")
    }
}

import CatalyseCore
import Foundation

// Fuzz targets over the catalogue loader (YAML, JSON and compiled) and the search-text folding
// and tokenising. Built normally, this program replays inputs (files or folders) through the same
// targets, which is how the ordinary tests replay the saved corpus. Built with libFuzzer:
//   swift build --scratch-path .build-fuzz --product catalyse-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
//   CATALYSE_FUZZ_TARGET=yaml .build-fuzz/debug/catalyse-fuzz -max_total_time=600 corpus/yaml
// (see docs/reliability.md).

/// The date the loader checks years against (fixed, so a finding replays the same way).
let fuzzToday = Day(year: 2026, month: 11, day: 26)!

/// One input through one target. Never crashes on any bytes: that is the property fuzzed.
func fuzzOne(_ target: String, _ bytes: UnsafeBufferPointer<UInt8>) {
    switch target {
    case "json":
        _ = try? CatalogueLoader.load(bytes: bytes, file: "fuzz.json", format: .json, today: fuzzToday)
    case "compiled":
        // Bytes that open must then work: every offer and row decodes, ids are found where they
        // are, queries list existing offers once, and no decoded text carries a control.
        guard let loaded = try? CatalogueLoader.load(bytes: bytes, file: "fuzz.catalyse", format: .compiled, today: fuzzToday) else { return }
        let c = loaded.catalogue
        for firm in c.firms { check([firm.id, firm.name, firm.presentation, firm.contact.name, firm.provenance.source]) }
        for i in c.offers.indices {
            let offer = c.offers[i]
            check([offer.id, offer.title, offer.summary, offer.description, offer.duration, offer.apply, offer.cost ?? ""])
            if c.offers.row(i) != OfferRow(offer) { fatalError("row \(i) differs from its offer") }
            if c.index(ofOffer: offer.id) != i { fatalError("offer \(i) not found by its id") }
        }
        let index = loaded.searchIndex()
        for query in ["", "a", "strat compet", "é"] {
            var filter = OfferFilter()
            filter.query = query
            let listed = index.run(filter).offers
            if Set(listed).count != listed.count || listed.contains(where: { $0 < 0 || $0 >= c.offers.count }) { fatalError("query \(query) lists bad offers") }
        }
    case "folding":
        let text = String(decoding: bytes, as: UTF8.self)
        let words = TextFolding.foldedWords(text)
        let folded = TextFolding.fold(text)
        // The fast tokeniser and the reference path agree.
        let reference = TextFolding.words(ofFolded: folded).map(String.init)
        if words != reference { fatalError("foldedWords \(words) != words(fold) \(reference) for \(Array(bytes))") }
        _ = TextCleaning.clean(text)
        _ = TextCleaning.clean(text, singleLine: true)
        _ = CellWidth.of(text)
        _ = TextWrap.paragraphs(text, width: 1 + bytes.count % 40)
        _ = Territories.resolve(text)
        _ = Territories.candidates(for: text)
    default:
        _ = try? CatalogueLoader.load(bytes: bytes, file: "fuzz.yaml", format: .yaml, today: fuzzToday)
    }
}

/// Stops (a finding) if a decoded text holds a C0 control other than newline and tab, DEL, a C1
/// control or a bidi control.
func check(_ texts: [String]) {
    for text in texts {
        for v in text.unicodeScalars.map(\.value) where (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) {
            fatalError("decoded text holds U+\(String(v, radix: 16)): \(Array(text.utf8))")
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(fuzzTarget, UnsafeBufferPointer(start: data, count: size))
    return 0
}

let fuzzTarget = ProcessInfo.processInfo.environment["CATALYSE_FUZZ_TARGET"] ?? "yaml"

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM names an executable's entry point after its module; hand it to libFuzzer's driver.
@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzerTestOneInput(data, size) })
    }
}
#else
/// Replay: `catalyse-fuzz TARGET PATH…` runs every file (or every file in every folder).
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let target = arguments.first else {
            FileHandle.standardError.write(Data("usage: catalyse-fuzz yaml|json|compiled|folding FILE-OR-FOLDER…\n".utf8))
            exit(64)
        }
        var count = 0
        for path in arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files = isDirectory.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { fuzzOne(target, $0.bindMemory(to: UInt8.self)) }
                count += 1
            }
        }
        print("replayed \(count) inputs through \(target)")
    }
}
#endif

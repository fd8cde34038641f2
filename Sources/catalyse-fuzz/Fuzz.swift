import CatalyseCore
import Foundation

// Fuzz targets over the catalogue loader (YAML and JSON) and the search-text folding and
// tokenising. Built normally, this program replays inputs (files or folders) through the same
// targets, which is how the ordinary tests replay the saved corpus. Built with libFuzzer:
//   swift build --scratch-path .build-fuzz --product catalyse-fuzz \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
//   CATALYSE_FUZZ_TARGET=yaml .build-fuzz/debug/catalyse-fuzz -max_total_time=600 corpus/yaml
// (see docs/reliability.md).

/// One input through one target. Never crashes on any bytes: that is the property fuzzed.
func fuzzOne(_ target: String, _ bytes: UnsafeBufferPointer<UInt8>) {
    switch target {
    case "json":
        _ = try? CatalogueLoader.load(bytes: bytes, file: "fuzz.json", format: .json, today: Day(year: 2026, month: 11, day: 26))
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
        _ = CellWidth.wrap(text, width: 1 + bytes.count % 40)
        _ = Territories.resolve(text)
        _ = Territories.candidates(for: text)
    default:
        _ = try? CatalogueLoader.load(bytes: bytes, file: "fuzz.yaml", format: .yaml, today: Day(year: 2026, month: 11, day: 26))
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
            FileHandle.standardError.write(Data("usage: catalyse-fuzz yaml|json|folding FILE-OR-FOLDER…\n".utf8))
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

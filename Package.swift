// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Catalyse",
    products: [
        .executable(name: "catalyse", targets: ["catalyse"]),
        .library(name: "CatalyseCore", targets: ["CatalyseCore"]),
    ],
    dependencies: [
        // Exact: the help and errors are reworded on this version's internals (Sources/catalyse/Localisation/).
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // libyaml from the system (Debian's libyaml-dev), for the YAML reader's event parser.
        .systemLibrary(name: "CLibYAML", path: "Sources/CLibYAML"),
        // libcurl, loaded with dlopen when `catalyse update` downloads rather than at process start
        // (it declares the few numbers of curl's ABI it uses: no curl headers to build).
        .target(name: "CCurlLoader", linkerSettings: [.linkedLibrary("dl")]),
        // Pure catalogue core: models, loading, validation, search, stores, presentation.
        // The dossiers database is SQLite through GRDB (Debian's libsqlite3-dev).
        // Spreadsheet sheets (CSV) are parsed by CSV.swift, workbooks (.ods, .xlsx) unzipped by
        // ZIPFoundation and read with Foundation's XMLParser (libxml2); publications are signed (Ed25519) and
        // hashed (SHA-256) with swift-crypto; `catalyse update` downloads through CCurlLoader.
        .target(name: "CatalyseCore", dependencies: ["CLibYAML", "CCurlLoader", .product(name: "GRDB", package: "GRDB.swift"),
                                                    .product(name: "CSV", package: "CSV.swift"),
                                                    .product(name: "Crypto", package: "swift-crypto"),
                                                    .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Pure interface layer: state, events -> state + effects, render -> grid of cells.
        .target(name: "CatalyseTUI", dependencies: ["CatalyseCore"]),
        // The ncursesw system library (wide API through a shim header).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Thin ncurses backend: reads events, draws the grid. The only code that calls curses.
        .target(name: "CatalyseTerminal", dependencies: ["CatalyseTUI", "CNcursesw"]),
        // Thin executable: command line parsing and wiring.
        .executableTarget(
            name: "catalyse",
            dependencies: [
                "CatalyseCore", "CatalyseTUI", "CatalyseTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Synthetic catalogues and the performance benchmark (docs/performance.md).
        .executableTarget(
            name: "catalyse-bench",
            dependencies: [
                "CatalyseCore", "CatalyseTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fuzz targets (libFuzzer when built with -DFUZZING; a corpus replayer otherwise).
        .executableTarget(name: "catalyse-fuzz", dependencies: ["CatalyseCore"]),
        .testTarget(name: "CatalyseCoreTests", dependencies: ["CatalyseCore", .product(name: "GRDB", package: "GRDB.swift"),
                                                           .product(name: "ZIPFoundation", package: "ZIPFoundation")], exclude: ["Fixtures/hostile", "Fixtures/workbooks"]),
        .testTarget(name: "CatalyseTUITests", dependencies: ["CatalyseTUI"], exclude: ["Golden"]),
        .testTarget(name: "CatalyseCLITests", dependencies: ["CatalyseCore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

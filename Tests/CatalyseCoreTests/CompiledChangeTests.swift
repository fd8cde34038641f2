import Foundation
import Testing
import Glibc
@testable import CatalyseCore

/// Issue 23, class 10 in the core: a compiled catalogue changed while the program has it open.
/// Up to the bound (`CatalogueLoader.Format.defaultMapAbove`) the file is copied into memory,
/// so nothing done to it afterwards changes what the program reads; above it, the file is
/// mapped and `MappingGuard` sees the change (the command line then reports it and exits).
@Suite("Compiled files changed while open", .serialized)
struct CompiledChangeTests {
    static func write(_ bytes: [UInt8]) throws -> String {
        let dir = Fixtures.tempDirectory()
        let path = dir + "/c.catalyse"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aCopiedFileIsImmuneToTruncationAndRewriting() throws {
        let path = try Self.write(CompiledFixtures.bytes)
        defer { try? FileManager.default.removeItem(atPath: FilePath.folder(of: path)) }
        let loaded = try CatalogueLoader.load(path: path, today: Fixtures.today)
        let expected = CompiledFixtures.shipped.offers.map(\.id)
        // Truncated, then rewritten in place with other bytes: the open catalogue is unchanged.
        truncate(path, 100)
        let fd = open(path, O_WRONLY)
        _ = AtomicFile.writeAll(fd, [UInt8](repeating: 0xA5, count: CompiledFixtures.bytes.count))
        close(fd)
        let catalogue = loaded.catalogue
        #expect(catalogue.offers.map(\.id) == expected)
        for i in 0..<catalogue.offers.count { _ = catalogue.offers[i]; _ = catalogue.offers.row(i) }
        #expect(loaded.searchIndex().run(OfferFilter(), counts: true).offers.count == expected.count)
        #expect(MappingGuard.changedFile() == nil)
    }

    @Test func aMappedFileThatChangesIsSeen() throws {
        let path = try Self.write(CompiledFixtures.bytes)
        defer { try? FileManager.default.removeItem(atPath: FilePath.folder(of: path)) }
        var loaded: CatalogueLoader.Loaded? = try CatalogueLoader.load(path: path, today: Fixtures.today, mapAbove: 0)
        #expect(loaded?.catalogue.offers.count == CompiledFixtures.shipped.offers.count)
        #expect(MappingGuard.changedFile() == nil)
        usleep(20_000)
        // Rewritten in place, same size (the pages are not read again here: that would SIGBUS
        // after a truncation, which the command line's handler reports).
        let fd = open(path, O_WRONLY)
        _ = AtomicFile.writeAll(fd, [UInt8](repeating: 0, count: 64))
        close(fd)
        let changed = MappingGuard.changedFile().map { String(cString: $0) }
        #expect(changed == path)
        loaded = nil
        #expect(MappingGuard.changedFile() == nil, "the guard outlived its mapping")
    }

    @Test func yamlAndJSONFilesAreGuardedWhileParsedOnly() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/c.yaml"
        try FileManager.default.copyItem(atPath: Fixtures.root + "/data/catalogue.yaml", toPath: path)
        _ = try CatalogueLoader.load(path: path, today: Fixtures.today)
        truncate(path, 10)
        #expect(MappingGuard.changedFile() == nil, "the YAML mapping is released once parsed")
    }
}

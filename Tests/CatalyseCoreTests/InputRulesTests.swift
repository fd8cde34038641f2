import Foundation
import Testing
import Glibc
@testable import CatalyseCore

/// Issue 23, classes 5 and 6: the favourites file (CRLF, linear reading, a lock another user
/// left), and inputs that are FIFOs or devices (never waited on, never read), with the size
/// limit applied before reading.
@Suite("Input rules")
struct InputRulesTests {
    /// Runs `body` and fails if it took longer than `seconds` (a hang guard, not a benchmark).
    static func within<T>(_ seconds: Double, _ what: String, _ body: () throws -> T) rethrows -> T {
        let started = Date()
        let result = try body()
        let took = Date().timeIntervalSince(started)
        #expect(took < seconds, "\(what) took \(took) s")
        return result
    }

    // MARK: Class 5: the favourites file

    @Test func crlfFavouritesAreRead() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/favourites"
        try "# mes favoris\r\na\r\n\r\nb\r\n".write(toFile: path, atomically: false, encoding: .utf8)
        let store = FavouritesStore(path: path)
        #expect(try store.load() == ["a", "b"])
        try store.add("c")
        #expect(try store.load() == ["a", "b", "c"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# mes favoris\na\n\nb\nc\n")
        // A CR alone inside a line is still not an id.
        try "a\rb\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: FavouritesError.self) { try store.load() }
        try Data([0x61, 0x0A, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        #expect(throws: FavouritesError.corrupt(path: path, line: 2, text: "(not UTF-8 text)")) { try store.load() }
    }

    @Test func readingIsLinear() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/favourites"
        // 200,000 lines (the quadratic reading took 30 s at 20,000).
        let ids = (0..<200_000).map { "offre-\($0)" }
        try (ids.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let store = FavouritesStore(path: path)
        let loaded = try Self.within(10, "reading 200,000 favourites") { try store.load() }
        #expect(loaded.count == 200_000)
        try Self.within(10, "adding to 200,000 favourites") { try store.add("une-de-plus") }
        #expect(try store.load().last == "une-de-plus")
    }

    @Test func aFileOverTheLimitIsRefusedUnread() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/favourites"
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        ftruncate(fd, off_t(FavouritesStore.sizeLimit + 1))
        close(fd)
        let error = FavouritesError.unreadable(path: path, reason: .tooLarge(size: FavouritesStore.sizeLimit + 1, limit: FavouritesStore.sizeLimit))
        #expect(throws: error) { try FavouritesStore(path: path).load() }
        #expect(error.message(.fr).contains("il fait 67\u{202F}108\u{202F}865 octets ; la limite est de 67\u{202F}108\u{202F}864 octets"))
        #expect(error.message(.en).contains("it is 67,108,865 bytes; the limit is 67,108,864 bytes"))
    }

    // MARK: Class 6: FIFOs and devices

    @Test func favouritesThatAreAFIFOOrADeviceAreRefusedAtOnce() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/favourites"
        mkfifo(path, 0o644)
        let store = FavouritesStore(path: path)
        Self.within(2, "a FIFO as the favourites") {
            #expect(throws: FavouritesError.unreadable(path: path, reason: .notAFile(.namedPipe))) { try store.load() }
            #expect(throws: FavouritesError.self) { try store.add("a") }
        }
        #expect(FavouritesError.unreadable(path: path, reason: .notAFile(.namedPipe)).message(.fr)
            == "Impossible de lire le fichier des favoris \(path)\u{00A0}: c'est un tube nommé (FIFO), pas un fichier ordinaire.")
        unlink(path)
        symlink("/dev/zero", path)
        Self.within(2, "a link to /dev/zero as the favourites") {
            #expect(throws: FavouritesError.unreadable(path: path, reason: .notAFile(.symbolicLink))) { try store.load() }
        }
    }

    @Test(arguments: ["c.catalyse", "c.json", "c.yaml"])
    func aCatalogueThatIsAFIFOOrADeviceIsRefusedAtOnce(name: String) throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/fifo-" + name
        mkfifo(fifo, 0o644)
        Self.within(2, "a FIFO catalogue") {
            #expect(throws: CatalogueLoader.ReadError.unreadable(fifo, reason: .notAFile(.namedPipe))) {
                try CatalogueLoader.load(path: fifo, today: Fixtures.today)
            }
        }
        for device in ["/dev/zero", "/dev/urandom"] {
            let link = dir + "/" + (device as NSString).lastPathComponent + "-" + name
            symlink(device, link)
            Self.within(2, "\(device) as a catalogue") {
                #expect(throws: CatalogueLoader.ReadError.unreadable(link, reason: .notAFile(.characterDevice))) {
                    try CatalogueLoader.load(path: link, today: Fixtures.today)
                }
            }
        }
    }

    @Test func aPipeTheUserGaveIsRead() throws {
        var ends: [Int32] = [0, 0]
        try #require(pipe(&ends) == 0)
        let yaml = try String(contentsOfFile: Fixtures.root + "/data/catalogue.yaml", encoding: .utf8)
        let writeEnd = ends[1]
        let writer = Thread {
            _ = AtomicFile.writeAll(writeEnd, Array(yaml.utf8))
            close(writeEnd)
        }
        writer.start()
        defer { close(ends[0]) }
        let loaded = try CatalogueLoader.load(path: "/proc/self/fd/\(ends[0])", today: Fixtures.today)
        #expect(loaded.catalogue.offers.count == 75)
    }

    @Test func theSizeLimitMessageTellsTheSizesApart() throws {
        let dir = Fixtures.tempDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/big.yaml"
        let fd = open(path, O_WRONLY | O_CREAT, 0o644)
        ftruncate(fd, off_t(64 * 1024 * 1024 + 1))
        close(fd)
        do {
            _ = try CatalogueLoader.load(path: path, today: Fixtures.today)
            Issue.record("a file over the limit was loaded")
        } catch let e as CatalogueError {
            #expect(e.errors.first?.message == "the file is 67,108,865 bytes; the limit for a YAML catalogue is 67,108,864 bytes (64 MiB)")
        }
        ftruncate(open(path, O_WRONLY), off_t(100 * 1024 * 1024))
        do {
            _ = try CatalogueLoader.load(path: path, today: Fixtures.today)
        } catch let e as CatalogueError {
            #expect(e.errors.first?.message == "the file is 100 MiB; the limit for a YAML catalogue is 64 MiB")
        }
    }
}

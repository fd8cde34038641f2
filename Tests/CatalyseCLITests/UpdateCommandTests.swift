import Foundation
import Glibc
import Testing

/// Publishing and `catalyse update` against a real HTTP server on 127.0.0.1 (Python's
/// http.server with a handler for ETag and the failures of `Fixtures/update-server.py`). In every
/// failing case the catalogue in effect afterwards is the previous one, byte for byte.
@Suite("Signed updates", .serialized)
struct UpdateCommandTests {
    /// A server over `root`, stopped with the returned closure.
    static func server(_ root: String) throws -> (port: Int, stop: () -> Void) {
        let portFile = root + "/.port"
        let script = Spawn.packageRoot + "/Tests/CatalyseCLITests/Fixtures/update-server.py"
        let pid = try #require(Spawn.start("/usr/bin/env", ["python3", script, root, portFile], environment: ["PATH": "/usr/bin:/bin"]))
        let deadline = Date().addingTimeInterval(20)
        while !FileManager.default.fileExists(atPath: portFile) {
            if Date() > deadline { kill(pid, SIGKILL); Issue.record("the test server did not start"); throw CancellationError() }
            usleep(20_000)
        }
        let port = Int(try String(contentsOfFile: portFile, encoding: .utf8)) ?? 0
        return (port, { kill(pid, SIGTERM); var s: Int32 = 0; waitpid(pid, &s, 0) })
    }

    static let timeouts = ["CATALYSE_UPDATE_TIMEOUTS": "2,4"]

    @Test func publishUpdateAndEveryFailureKeepsTheCopyInUse() throws {
        let box = Sandbox()
        box.extraEnvironment = Self.timeouts
        let sites = box.directory + "/sites"
        #expect(box.run("keygen", "-o", "keys").status == 0)
        #expect(box.run("keygen", "-o", "other").status == 0)
        var info = stat()
        #expect(stat(box.directory + "/keys/catalyse-publication.key", &info) == 0 && info.st_mode & 0o777 == 0o600)
        let shipped = Spawn.packageRoot + "/data/catalogue.yaml"
        #expect(box.run("publish", shipped, "--key", "keys/catalyse-publication.key", "-o", "sites/v1").status == 0)
        let (port, stop) = try Self.server(sites)
        defer { stop() }
        let base = "http://127.0.0.1:\(port)"
        let copy = box.directory + "/.local/share/catalyse/catalogue.catalyse"

        // First download, then nothing new (304).
        var r = box.run("update", "\(base)/ok/v1/manifest.json", "--key", "keys/catalyse-publication.pub")
        #expect(r.status == 0 && r.stderr.hasPrefix(nb("Catalogue mis à jour : publication n° 1")), "\(r.stderr)")
        r = box.run("update")
        #expect(r.status == 0 && r.stderr.hasPrefix("Déjà à jour"), "\(r.stderr)")
        #expect(box.run("list").stdout == box.run("list", "--catalogue", shipped).stdout)
        // A saved search: the next update says how many offers it newly lists (issue 20).
        #expect(box.run("search", "save", "Tout").status == 0)

        // A new version: the summary says what changed; the previous copy is kept for --rollback.
        let v2 = box.write("v2.yaml", try String(contentsOfFile: shipped, encoding: .utf8).replacingOccurrences(of: "trois mois, une demi-journée par semaine", with: "deux mois"))
        #expect(box.run("publish", v2, "--key", "keys/catalyse-publication.key", "-o", "sites/v1").status == 0)
        r = box.run("update")
        #expect(r.status == 0 && r.stderr.contains("publication n° 2") && r.stderr.contains(nb("offres : 0 ajoutée, 0 retirée, 2 modifiées.")), "\(r.stderr)")
        #expect(r.stderr.hasSuffix(nb("modifiées.\nTout : 2 nouvelles offres\n")), "\(r.stderr)")
        #expect(box.run("list", "--new").stdout.split(separator: "\n").count == 2)
        let good = try #require(FileManager.default.contents(atPath: copy))

        // Every failure: a message, a status, and the copy in use unchanged.
        func refused(_ url: String, key: String = "keys/catalyse-publication.pub", _ status: Int32, _ words: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let r = box.run("update", url, "--key", key)
            #expect(r.status == status && r.stderr.contains(words) && r.stderr.contains("le catalogue utilisé n'a pas changé"), "\(url): \(r.status) \(r.stderr)", sourceLocation: sourceLocation)
            #expect(FileManager.default.contents(atPath: copy) == good, "\(url): the copy in use changed", sourceLocation: sourceLocation)
        }
        // A forged signature, a foreign key, a downgrade (an older publication, rightly signed).
        try FileManager.default.copyItem(atPath: sites + "/v1", toPath: sites + "/forged")
        let forged = try String(contentsOfFile: sites + "/forged/manifest.json", encoding: .utf8).replacingOccurrences(of: "\"serial\" : 2", with: "\"serial\" : 9")
        try forged.write(toFile: sites + "/forged/manifest.json", atomically: true, encoding: .utf8)
        refused("\(base)/ok/forged/manifest.json", 65, "ne correspond pas à la clé de l'éditeur")
        refused("\(base)/ok/v1/manifest.json", key: "other/catalyse-publication.pub", 65, "ne correspond pas à la clé de l'éditeur")
        #expect(box.run("publish", shipped, "--key", "keys/catalyse-publication.key", "-o", "sites/old", "--serial", "1").status == 0)
        refused("\(base)/ok/old/manifest.json", 65, "plus ancienne que la copie utilisée")
        // Transfers that go wrong: truncated, a server that trickles, too large, closed midway,
        // a redirect loop, an HTTP error, nobody listening.
        #expect(box.run("publish", shipped, "--key", "keys/catalyse-publication.key", "-o", "sites/v3", "--serial", "3").status == 0)
        refused("\(base)/short/v3/manifest.json", 65, "octets au lieu de")
        refused("\(base)/trickle/v3/manifest.json", 69, "délai dépassé")
        refused("\(base)/big/v3/manifest.json", 69, "plus grande que")
        refused("\(base)/close/v3/manifest.json", 69, "impossible")
        refused("\(base)/loop/v3/manifest.json", 69, "trop de redirections")
        refused("\(base)/status500/v3/manifest.json", 69, "le serveur répond 500")
        refused("http://127.0.0.1:1/manifest.json", 69, "injoignable")
        // After all that, a good update still works, and --rollback goes back.
        r = box.run("update", "\(base)/ok/v3/manifest.json", "--key", "keys/catalyse-publication.pub")
        #expect(r.status == 0 && r.stderr.contains("publication n° 3"), "\(r.stderr)")
        #expect(box.run("update", "--rollback").status == 0)
        #expect(FileManager.default.contents(atPath: copy) == good)
        // The key given once is the key used: never one from the server.
        #expect(try String(contentsOfFile: box.directory + "/.config/catalyse/update.json", encoding: .utf8).contains(try String(contentsOfFile: box.directory + "/keys/catalyse-publication.pub", encoding: .utf8).split(separator: "\n")[1]))
    }

    @Test func publishingRefusesAnOlderSerialAndUpdateNeedsAnAddress() {
        let box = Sandbox()
        #expect(box.run("keygen", "-o", "keys").status == 0)
        #expect(box.run("keygen", "-o", "keys").status == 73)
        #expect(box.run("publish", Spawn.packageRoot + "/data/catalogue.yaml", "--key", "keys/catalyse-publication.key", "-o", "site").status == 0)
        let r = box.run("publish", Spawn.packageRoot + "/data/catalogue.yaml", "--key", "keys/catalyse-publication.key", "-o", "site", "--serial", "1")
        #expect(r.status == 64 && r.stderr.contains("n'est pas supérieur"), "\(r.stderr)")
        #expect(box.run("publish", Spawn.packageRoot + "/data/catalogue.yaml", "--key", "keys/catalyse-publication.pub", "-o", "site").status == 65)
        let none = box.run("update", "--lang", "en")
        #expect(none.status == 64 && none.stderr.contains("catalyse: no update address is known yet"), "\(none.stderr)")
        #expect(box.run("update", "--rollback").status == 1)
    }

    /// The interface's header says which catalogue is in effect: the updated copy (with its
    /// publication number), a file given with --catalogue, or the built-in one.
    @Test(.enabled(if: TmuxSession.tmux != nil)) func theHeaderNamesTheCatalogueInEffect() throws {
        let box = Sandbox()
        box.extraEnvironment = Self.timeouts
        let env = ["SOURCE_DATE_EPOCH": "1764115200"]
        let builtIn = try TmuxSession(sandbox: box, env: env, width: 200)
        builtIn.waitFor(text: "catalogue intégré")
        builtIn.send("q")
        #expect(builtIn.exitStatus() == 0)

        #expect(box.run("keygen", "-o", "keys").status == 0)
        let shipped = Spawn.packageRoot + "/data/catalogue.yaml"
        #expect(box.run("publish", shipped, "--key", "keys/catalyse-publication.key", "-o", "sites/v1", "--serial", "4").status == 0)
        let (port, stop) = try Self.server(box.directory + "/sites")
        defer { stop() }
        let r = box.run("update", "http://127.0.0.1:\(port)/ok/v1/manifest.json", "--key", "keys/catalyse-publication.pub")
        #expect(r.status == 0, "\(r.stderr)")
        let updated = try TmuxSession(sandbox: box, env: env, width: 200)
        updated.waitFor(text: "copie mise à jour, n° 4")
        updated.send("q")
        #expect(updated.exitStatus() == 0)

        let file = try TmuxSession(["--catalogue", shipped, "--lang", "en"], sandbox: box, env: env, width: 200)
        file.waitFor(text: "file catalogue.yaml")
        file.send("q")
        #expect(file.exitStatus() == 0)
    }
}

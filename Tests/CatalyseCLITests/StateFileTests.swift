import Foundation
import Testing
import Glibc

/// Issue 23, classes 4–6 through the binary: the modes of the files written (the umask, the
/// mode of a replaced file), links never followed for the state files, a lock another user
/// left, FIFOs and devices as inputs. The permission cases run as an unprivileged user.
@Suite("State files and inputs", .serialized)
struct StateFileTests {
    static let id = "lanterne-boussole-diagnostic-strategique"

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    /// `catalyse ARGUMENTS` under `umask 077`.
    static func underUmask077(_ box: Sandbox, _ arguments: [String]) -> Spawn.Result {
        Spawn.run("/bin/sh", ["-c", "umask 077; exec \"$0\" \"$@\"", Spawn.catalyse] + arguments,
                  environment: Spawn.environment([:], state: box.directory), directory: box.directory)
    }

    @Test func theUmaskIsRespectedAndAReplacedFileKeepsItsMode() throws {
        let box = Sandbox()
        #expect(Self.underUmask077(box, ["favourites", "add", Self.id]).status == 0)
        #expect(Self.underUmask077(box, ["export", "-o", "private.txt"]).status == 0)
        #expect(Self.underUmask077(box, ["compile", "-o", "private.catalyse"]).status == 0)
        for path in ["state/catalyse/favourites", "private.txt", "private.catalyse"] {
            #expect(Self.mode(box.directory + "/" + path) == 0o600, "\(path): \(String(Self.mode(box.directory + "/" + path), radix: 8))")
        }
        // The usual umask: 0644 for a new file; a file made 0600 (or 0640) stays so.
        #expect(box.run("export", "-o", "shared.txt").status == 0)
        #expect(Self.mode(box.directory + "/shared.txt") == 0o644)
        let favourites = box.directory + "/state/catalyse/favourites"
        chmod(favourites, 0o640)
        #expect(box.run("favourites", "remove", Self.id).status == 0)
        #expect(Self.mode(favourites) == 0o640)
        chmod(box.directory + "/shared.txt", 0o600)
        #expect(box.run("export", "-o", "shared.txt", "--force").status == 0)
        #expect(Self.mode(box.directory + "/shared.txt") == 0o600)
    }

    @Test(.enabled(if: AsUser.unavailable == nil)) func aLinkToAnotherUsersFileIsNeverCopied() throws {
        // As root (after `sudo -E`), favourites that are a link to another user's private file.
        let box = Sandbox()
        let state = box.directory + "/state/catalyse"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        _ = box.write("secret", "\(Self.id)\n")
        AsUser.give(box.directory + "/secret")
        chmod(box.directory + "/secret", 0o600)
        symlink(box.directory + "/secret", state + "/favourites")
        for arguments in [["favourites", "add", Self.id], ["favourites", "list"], ["list", "--favourites"]] {
            let r = box.run(arguments)
            #expect(r.status == 66, "\(arguments): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains("c'est un lien symbolique, pas un fichier ordinaire"), "\(r.stderr)")
        }
        var info = stat()
        #expect(lstat(state + "/favourites", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(Self.mode(box.directory + "/secret") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: state).filter { $0 != "favourites.lock" } == ["favourites"])
    }

    @Test(.enabled(if: AsUser.unavailable == nil)) func aLockAnotherUserLeftNamesTheLock() throws {
        let box = Sandbox()
        let state = box.directory + "/state/catalyse"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        AsUser.give(box.directory + "/state")
        // A lock made by root (one `sudo -E` run), readable by all: changes still work.
        let lock = state + "/favourites.lock"
        close(open(lock, O_WRONLY | O_CREAT, 0o644))
        chmod(lock, 0o644)
        let ok = AsUser.run(["favourites", "add", Self.id], box: box)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(AsUser.run(["favourites", "list"], box: box).stdout.hasPrefix(Self.id))
        // The same lock made private: refused with a message naming the lock, not the file.
        chmod(lock, 0o600)
        let refused = AsUser.run(["favourites", "remove", Self.id], box: box)
        #expect(refused.status == 73)
        #expect(refused.stderr == nb("catalyse : impossible d'enregistrer les favoris dans \(state)/favourites : le verrou \(lock) ne peut pas être ouvert (il appartient sans doute à un autre utilisateur, après un `sudo`) ; supprimez-le.\n"))
        #expect(AsUser.run(["favourites", "list"], box: box).stdout.hasPrefix(Self.id))
    }

    @Test(.enabled(if: AsUser.unavailable == nil)) func anUnwritableStateFolderIsReportedAsTheUser() throws {
        let box = Sandbox()
        let state = box.directory + "/state/catalyse"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        AsUser.give(box.directory + "/state")
        chmod(state, 0o555)
        let r = AsUser.run(["favourites", "add", Self.id], box: box)
        #expect(r.status == 73)
        #expect(r.stderr == nb("catalyse : impossible d'enregistrer les favoris dans \(state)/favourites : permission refusée.\n"))
        let export = AsUser.run(["export", "-o", state + "/x.txt"], box: box)
        #expect(export.status == 73 && export.stderr.hasSuffix(": permission refusée.\n"), "\(export.stderr)")
        chmod(state, 0o755)
    }

    @Test func fifosAndDevicesAreRefusedAtOnce() throws {
        let box = Sandbox()
        let dir = box.directory
        mkfifo(dir + "/fifo.yaml", 0o644)
        mkfifo(dir + "/fifo.catalyse", 0o644)
        symlink("/dev/zero", dir + "/zero.catalyse")
        symlink("/dev/zero", dir + "/zero.json")
        symlink("/dev/urandom", dir + "/random.yaml")
        for (file, what) in [("fifo.yaml", "un tube nommé (FIFO)"), ("fifo.catalyse", "un tube nommé (FIFO)"),
                             ("zero.catalyse", "un périphérique"), ("zero.json", "un périphérique"), ("random.yaml", "un périphérique")] {
            for arguments in [["list", "--catalogue", file], ["compile", file, "-o", "out.catalyse"], ["validate", file]] {
                let started = Date()
                let r = box.run(arguments, timeout: 10)
                #expect(Date().timeIntervalSince(started) < 5, "\(arguments) hung")
                #expect(r.status == 66, "\(arguments): \(r.status)")
                #expect(r.stderr == nb("catalyse : impossible de lire le catalogue \(file) : c'est \(what), pas un fichier ordinaire.\n"), "\(r.stderr)")
            }
        }
        // A FIFO as the favourites file.
        try FileManager.default.createDirectory(atPath: dir + "/state/catalyse", withIntermediateDirectories: true)
        mkfifo(dir + "/state/catalyse/favourites", 0o644)
        let r = box.run(["favourites", "list"], timeout: 10)
        #expect(r.status == 66)
        #expect(r.stderr == nb("catalyse : impossible de lire le fichier des favoris \(dir)/state/catalyse/favourites : c'est un tube nommé (FIFO), pas un fichier ordinaire.\n"))
        // Standard input is a catalogue when named so.
        let piped = box.run(["list", "--catalogue", "/dev/stdin"], streams: .init(stdin: Spawn.packageRoot + "/data/catalogue.yaml"))
        #expect(piped.status == 0 && piped.stdout.split(separator: "\n").count == 75)
    }

    @Test func aFIFOInPlaceOfTheLanguageLeavesTheInterfaceUsable() throws {
        let box = Sandbox()
        try FileManager.default.createDirectory(atPath: box.directory + "/state/catalyse", withIntermediateDirectories: true)
        mkfifo(box.directory + "/state/catalyse/language", 0o644)
        let t = try TmuxSession(sandbox: box)
        t.waitFor(text: "75 / 75 offres")
        t.send("L")
        t.waitFor(text: "75 / 75 offers")
        t.send("q")
        #expect(t.exitStatus() == 0)
        var info = stat()
        #expect(lstat(box.directory + "/state/catalyse/language", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
    }
}

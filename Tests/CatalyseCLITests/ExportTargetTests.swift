import Foundation
import Testing
import Glibc

/// Issue 23, classes 2 and 3: every kind of name `export -o` (and `compile -o`) can be given.
/// `-o -` is standard output; a one-character name is a file; a folder (or a name ending in
/// `/`) is refused; only a regular file is replaced (with --force); a link, a FIFO or a socket
/// is refused; a character device or one of the program's descriptors is written into, never
/// replaced. Never a trap.
@Suite("Export targets")
struct ExportTargetTests {
    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
    }

    @Test func shortNamesDashAndFolders() throws {
        let box = Sandbox()
        try FileManager.default.createDirectory(atPath: box.directory + "/d", withIntermediateDirectories: true)
        for name in ["a", "b.md", "é"] {
            let r = box.run("export", "-o", name)
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect((box.read(name) ?? "").contains("Catalyse"), "\(name)")
        }
        #expect(box.read("b.md")?.hasPrefix("# ") == true)
        let dash = box.run("export", "-o", "-", "--as", "markdown")
        #expect(dash.status == 0 && dash.stdout.hasPrefix("# ") && dash.stderr.isEmpty)
        #expect(box.read("-") == nil)
        for name in [".", "d/", "d", "./", "..", "d/.", "missing/"] {
            let r = box.run("export", "-o", name, "--force")
            #expect(r.status == 73, "\(name): \(r.status) \(r.stderr)")
            #expect(r.stderr.hasPrefix(nb("catalyse : impossible d'écrire \(name) : ")), "\(name): \(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        #expect(box.run("export", "-o", "d/", env: ["LANG": "en_GB.UTF-8"]).stderr == "catalyse: cannot write d/: that name is a folder's; give a file name.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: box.directory + "/d").isEmpty)
        let empty = box.run("export", "-o", "")
        #expect(empty.status == 64 && empty.stderr == nb("catalyse : -o attend un nom de fichier (ou - pour la sortie standard).\n"))
        for name in ["a", "."] { #expect(box.run("compile", "-o", name).status == 64, "\(name)") }
        #expect(box.run("compile", "-o", "d/x.catalyse").status == 0)
        #expect(box.run("compile", "-o", "missing/.catalyse").status == 73)
    }

    @Test func onlyARegularFileIsReplaced() throws {
        let box = Sandbox()
        let dir = box.directory
        _ = box.write("target.txt", "garder")
        symlink(dir + "/target.txt", dir + "/link.txt")
        symlink(dir + "/nowhere.txt", dir + "/dangling.txt")
        mkfifo(dir + "/fifo.txt", 0o644)
        FileRulesSocket.make(dir + "/socket.txt")
        for name in ["link.txt", "dangling.txt", "fifo.txt", "socket.txt"] {
            let before = Self.kind(dir + "/" + name)
            for force in [false, true] {
                let r = box.run(["export", "-o", name] + (force ? ["--force"] : []), timeout: 10)
                #expect(r.status == 73, "\(name) force \(force): \(r.status) \(r.stderr)")
                #expect(r.stderr.contains("pas un fichier ordinaire"), "\(name): \(r.stderr)")
            }
            #expect(Self.kind(dir + "/" + name) == before, "\(name) was replaced")
        }
        #expect(box.read("target.txt") == "garder")
        #expect(!FileManager.default.fileExists(atPath: dir + "/nowhere.txt"))
        // A regular file: refused without --force, replaced with it.
        #expect(box.run("export", "-o", "target.txt").status == 73)
        #expect(box.run("export", "-o", "target.txt", "--force").status == 0)
        #expect(box.read("target.txt")?.contains("Catalyse") == true)
    }

    @Test func devicesAndDescriptorsAreWrittenIntoNeverReplaced() throws {
        let box = Sandbox()
        // /dev/stdout whatever standard output is (here a file), /dev/stderr, /dev/null.
        let out = box.run("export", "-o", "/dev/stdout", "--force", "--as", "csv")
        #expect(out.status == 0, "\(out.stderr)")
        #expect(out.stdout.hasPrefix("\u{FEFF}Identifiant;"))
        let err = box.run("export", "-o", "/dev/stderr")
        #expect(err.status == 0 && err.stderr.contains("Catalyse — sélection"))
        for force in [false, true] {
            #expect(box.run(["export", "-o", "/dev/null"] + (force ? ["--force"] : [])).status == 0)
        }
        #expect(Self.kind("/dev/null") == S_IFCHR)
        symlink("/dev/null", box.directory + "/to-null")
        #expect(box.run("export", "-o", "to-null", "--force").status == 0)
        #expect(Self.kind(box.directory + "/to-null") == S_IFLNK)
        if getuid() == 0 {
            // A device node of the test's own, as root: still a device after --force.
            let device = box.directory + "/null"
            try #require(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
            #expect(box.run("export", "-o", "null", "--force").status == 0)
            #expect(Self.kind(device) == S_IFCHR)
        }
        // A full device: the write fails, nothing is replaced.
        let full = box.run("export", "-o", "/dev/full", "--force")
        #expect(full.status == 73 && full.stderr == nb("catalyse : impossible d'écrire /dev/full : plus de place sur le disque.\n"))
        #expect(Self.kind("/dev/full") == S_IFCHR)
    }
}

/// A Unix socket at a path (for the kinds of files tests make).
enum FileRulesSocket {
    static func make(_ path: String) {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in raw.copyBytes(from: Array(path.utf8.prefix(raw.count - 1))) }
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
    }
}

import Foundation
import Testing
import Glibc

/// Runs the built binary as an unprivileged user, for the permission cases (root ignores
/// permissions, and the suite runs as root here): `setpriv` to `catalyse-test` (made by
/// `.ci/run`), else `nobody`, on a copy of the binary in a folder that user can reach. The
/// files a case needs are made first as root (another user's lock, a foreign file), which is
/// how the faults the issue describes come about (`sudo -E` runs).
enum AsUser {
    struct Account { let name: String; let uid: uid_t; let gid: gid_t }

    static let setpriv = "/usr/bin/setpriv"

    /// The unprivileged account, when running as root with `setpriv` available.
    static let account: Account? = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { return nil }
        for name in [ProcessInfo.processInfo.environment["CATALYSE_TEST_USER"], "catalyse-test", "nobody"].compactMap({ $0 }) {
            if let pw = getpwnam(name), pw.pointee.pw_uid != 0 { return Account(name: name, uid: pw.pointee.pw_uid, gid: pw.pointee.pw_gid) }
        }
        return nil
    }()

    /// Why the cases cannot run as another user, if they cannot.
    static var unavailable: String? {
        if getuid() != 0 { return "not root: these cases need root to make another user's files" }
        if account == nil { return "no unprivileged user (catalyse-test or nobody) or no \(setpriv)" }
        return nil
    }

    /// A copy of the binary the account can run. Written through a close-on-exec descriptor:
    /// a file still open for writing in some process cannot be executed (ETXTBSY), and the
    /// other suites spawn processes in parallel, which would inherit a plain descriptor.
    static let binary: String? = {
        let folder = Spawn.tempDirectory()
        let copy = folder + "/catalyse"
        guard let bytes = FileManager.default.contents(atPath: Spawn.catalyse) else { return nil }
        let fd = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o755)
        guard fd >= 0 else { return nil }
        let complete = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
        close(fd)
        guard complete else { return nil }
        chmod(folder, 0o755)
        chmod(copy, 0o755)
        return copy
    }()

    /// Gives `path` (and what is in it) to the account.
    static func give(_ path: String) {
        guard let account else { return }
        chown(path, account.uid, account.gid)
        for item in FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [] {
            chown(path + "/" + item, account.uid, account.gid)
        }
    }

    /// Runs `catalyse ARGUMENTS` as the account, in `box` (its folder belongs to the account).
    static func run(_ arguments: [String], box: Sandbox, env: [String: String] = [:]) -> Spawn.Result {
        guard let account, let binary else { return Spawn.Result(status: -1, stdout: "", stderr: "no unprivileged user", stdoutBytes: []) }
        let environment = Spawn.environment(env, state: box.directory)
        // Between a parallel spawn's fork and its exec the copy's descriptor may still be open
        // there for an instant: « Text file busy » is retried, anything else is returned.
        var result = Spawn.Result(status: -1, stdout: "", stderr: "", stdoutBytes: [])
        for _ in 0..<50 {
            result = Spawn.run(setpriv, ["--reuid=\(account.uid)", "--regid=\(account.gid)", "--clear-groups", "--", binary] + arguments,
                               environment: environment, directory: box.directory)
            guard result.status == 126, result.stderr.contains("Text file busy") else { return result }
            usleep(20_000)
        }
        return result
    }
}

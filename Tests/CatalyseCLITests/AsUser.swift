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

    /// A copy of the binary the account can run.
    static let binary: String? = {
        let folder = Spawn.tempDirectory()
        let copy = folder + "/catalyse"
        guard (try? FileManager.default.copyItem(atPath: Spawn.catalyse, toPath: copy)) != nil else { return nil }
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
        return Spawn.run(setpriv, ["--reuid=\(account.uid)", "--regid=\(account.gid)", "--clear-groups", "--", binary] + arguments,
                         environment: environment, directory: box.directory)
    }
}

import Foundation
import Glibc
import Testing

/// Runs the built `catalyse` binary (or any program) with `posix_spawn`, not `Foundation.Process`:
/// children of a test runner inherit a blocked signal mask, and `Process` can hang on a daemon
/// (tmux) that keeps its pipe open. The child gets default signal handlers, an empty mask,
/// stdin from /dev/null and its output in files.
struct Spawn {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var stdoutBytes: [UInt8]
    }

    /// The package's build folder: the test bundle sits beside the `catalyse` binary.
    static let buildDirectory: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return (exe as NSString).deletingLastPathComponent
    }()

    static let catalyse = buildDirectory + "/catalyse"

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A clean environment for the program: no locale, a private state folder.
    static func environment(_ extra: [String: String] = [:], state: String) -> [String: String] {
        var env: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": state, "XDG_STATE_HOME": state + "/state",
        ]
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// How the child's standard streams are set up, beyond the defaults.
    struct Streams {
        /// Standard input (a file path).
        var stdin = "/dev/null"
        /// Descriptors closed in the child (`>&-`).
        var closed: [Int32] = []
        /// Standard output is a pipe whose reader has gone (`| head` after it exits).
        var brokenPipe = false
        /// SIGPIPE is ignored in the child (as after `trap '' PIPE`), instead of its default.
        var ignoreSIGPIPE = false
        static let standard = Streams()
    }

    /// Starts `program` without waiting: stdin from /dev/null, stdout and stderr to the given
    /// files (or /dev/null), default signal handlers and an empty signal mask. Returns the pid,
    /// or nil if it could not start.
    static func start(_ program: String, _ arguments: [String], environment: [String: String], directory: String? = nil,
                      stdout: String = "/dev/null", stderr: String = "/dev/null", streams: Streams = .standard) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, streams.stdin, O_RDONLY, 0)
        var pipeEnds: [Int32] = [-1, -1]
        if streams.brokenPipe, pipe(&pipeEnds) == 0 {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
            // The reader goes away before the child writes anything.
            close(pipeEnds[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        defer { if pipeEnds[1] >= 0 { close(pipeEnds[1]) } }
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        for fd in streams.closed { posix_spawn_file_actions_addclose(&actions, fd) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigfillset(&defaults)
        if streams.ignoreSIGPIPE {
            // An ignored signal stays ignored across exec unless it is reset: ignore it here.
            signal(SIGPIPE, SIG_IGN)
            sigdelset(&defaults, SIGPIPE)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        // `env -C DIR` starts the program in DIR (posix_spawn's chdir action is not exported here).
        let command = directory.map { ["/usr/bin/env", "-C", $0, program] } ?? [program]
        let argv = (command + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }
        var pid: pid_t = 0
        return posix_spawn(&pid, command[0], &actions, &attributes, argv, envp) == 0 ? pid : nil
    }

    /// Runs `program` with `arguments`, waiting at most `timeout` seconds.
    /// `stdout`/`stderr`: a path to write to instead of capturing (`/dev/full`).
    static func run(_ program: String, _ arguments: [String], environment: [String: String], directory: String? = nil, timeout: Double = 60,
                    stdout: String? = nil, stderr: String? = nil, streams: Streams = .standard) -> Result {
        let tmp = NSTemporaryDirectory() + "catalyse-spawn-" + UUID().uuidString
        let outPath = stdout ?? tmp + ".out", errPath = stderr ?? tmp + ".err"
        defer { if stdout == nil { unlink(outPath) }; if stderr == nil { unlink(errPath) } }
        guard let pid = start(program, arguments, environment: environment, directory: directory, stdout: outPath, stderr: errPath, streams: streams) else {
            return Result(status: -1, stdout: "", stderr: "spawn failed", stdoutBytes: [])
        }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if Date() > deadline { kill(pid, SIGKILL); waitpid(pid, &status, 0); break }
            usleep(2000)
        }
        let code: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let out = stdout == nil ? (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data() : Data()
        let err = stderr == nil ? (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data() : Data()
        return Result(status: code, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self), stdoutBytes: [UInt8](out))
    }

    /// A new temporary folder (mkdtemp: no `try!`; a failure shows as a missing folder).
    static func tempDirectory() -> String {
        var template = Array((NSTemporaryDirectory() + "catalyse-cli-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            return NSTemporaryDirectory() + "catalyse-cli-" + UUID().uuidString
        }
        chmod(made, 0o755)
        return String(cString: made)
    }
}

/// A temporary folder with the program's environment, removed at the end.
final class Sandbox: @unchecked Sendable {
    let directory = Spawn.tempDirectory()
    var extraEnvironment: [String: String] = [:]

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func run(_ arguments: String..., env: [String: String] = [:]) -> Spawn.Result {
        run(arguments, env: env)
    }

    func run(_ arguments: [String], env: [String: String] = [:], stdout: String? = nil, stderr: String? = nil,
             streams: Spawn.Streams = .standard, timeout: Double = 60) -> Spawn.Result {
        Spawn.run(Spawn.catalyse, arguments, environment: Spawn.environment(extraEnvironment.merging(env) { $1 }, state: directory),
                  directory: directory, timeout: timeout, stdout: stdout, stderr: stderr, streams: streams)
    }

    /// Writes a file in the sandbox and returns its path (a failure records an issue).
    func write(_ name: String, _ text: String) -> String {
        let path = directory + "/" + name
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch { Issue.record("cannot write \(path): \(error)") }
        return path
    }

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)
    }
}

import Foundation
import Testing
import Glibc

/// A private tmux server running the real binary in an 80×24 window, as fzf's own tests do:
/// type with `send-keys`, read the screen with `capture-pane -p`, and wait for a condition with
/// a timeout, printing the last screen when it gives up.
final class TmuxSession {
    let socket: String
    let sandbox: Sandbox
    static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Starts `catalyse ARGS` in a shell so that the exit status stays readable (`EXIT=n`).
    /// With `shell`, the pane runs an interactive shell instead (for job control and `stty`).
    init(_ arguments: [String] = [], sandbox: Sandbox = Sandbox(), env: [String: String] = [:], width: Int = 80, height: Int = 24, prefix: [String] = [], shell: Bool = false) throws {
        self.sandbox = sandbox
        socket = sandbox.directory + "/tmux.sock"
        let tmux = try #require(TmuxSession.tmux, "tmux is not installed")
        _ = tmux
        var environment = Spawn.environment(sandbox.extraEnvironment.merging(env) { $1 }, state: sandbox.directory)
        environment["TERM"] = "xterm-256color"
        if environment["LANG"] == nil { environment["LANG"] = "C.UTF-8" }
        let quoted = (prefix + [Spawn.catalyse] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let command = "\(quoted); echo EXIT=$?; exec sleep 600"
        var args = ["-S", socket, "-f", "/dev/null", "new-session", "-d", "-x", String(width), "-y", String(height), "-c", sandbox.directory]
        for (k, v) in environment where k != "PATH" { args += ["-e", "\(k)=\(v)"] }
        args += shell ? ["/bin/bash", "--norc", "--noprofile", "-i"] : ["sh", "-c", command]
        let r = run(args)
        try #require(r.status == 0, "tmux new-session failed: \(r.stderr)")
        _ = run(["-S", socket, "set-option", "-g", "status", "off"])
    }

    deinit {
        _ = run(["-S", socket, "kill-server"])
        unlink(socket)
    }

    @discardableResult
    func run(_ args: [String]) -> Spawn.Result {
        Spawn.run(TmuxSession.tmux ?? "/usr/bin/tmux", args, environment: ["PATH": "/usr/bin:/bin", "HOME": sandbox.directory, "TMUX_TMPDIR": sandbox.directory], timeout: 20)
    }

    /// Types keys (tmux key names such as `Enter`, `Escape`, `Up`, `C-c`, or text with `-l`).
    func send(_ keys: String...) { run(["-S", socket, "send-keys", "-t", "0"] + keys) }
    func type(_ text: String) { run(["-S", socket, "send-keys", "-t", "0", "-l", text]) }

    func resize(width: Int, height: Int) {
        run(["-S", socket, "resize-window", "-t", "0", "-x", String(width), "-y", String(height)])
    }

    /// The visible screen.
    var screen: String { run(["-S", socket, "capture-pane", "-p", "-t", "0"]).stdout }
    /// The whole pane history (for the exit line after the program stopped).
    var history: String { run(["-S", socket, "capture-pane", "-p", "-J", "-S", "-", "-t", "0"]).stdout }

    /// Waits until `condition` holds on the screen (every 50 ms, up to `timeout` seconds);
    /// records the last screen as a test issue when it does not.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if condition(last) { return true }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); last screen:\n\(last)", sourceLocation: sourceLocation)
        return false
    }

    @discardableResult
    func waitFor(text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        waitFor("«\(text)»", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Waits for the program to exit and returns its status.
    func exitStatus(timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = history.split(separator: "\n").last(where: { $0.hasPrefix("EXIT=") }) {
                return Int(line.dropFirst(5))
            }
            usleep(50_000)
        }
        Issue.record("the program did not exit; last screen:\n\(screen)", sourceLocation: sourceLocation)
        return nil
    }

    /// The process id of the program (the shell's child).
    var programPID: pid_t? {
        let shell = run(["-S", socket, "display-message", "-p", "-t", "0", "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return children.split(separator: " ").first.flatMap { pid_t($0) }
    }
}

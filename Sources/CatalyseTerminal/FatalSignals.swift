import CatalyseCore
import CNcursesw
import Glibc

/// What happens on a fatal signal (SIGBUS, SIGSEGV, SIGILL, SIGABRT, SIGFPE, SIGTRAP — a crash,
/// a Swift trap, a file truncated under a mapping):
/// 1. the terminal is given back if the interface had it (`TerminalRestore`: the saved terminal
///    modes with `tcsetattr`, and the sequences that leave the alternate screen, stop mouse
///    reporting, show the cursor — bytes prepared when curses started, written with `write`);
/// 2. if a mapped catalogue changed under the program (`MappingGuard.changedFile`), that is
///    said in one sentence and the program exits with status 74;
/// 3. otherwise the handler that was there before runs (Swift's backtrace, when it is on), then
///    the signal is raised again with its default action, so a crash stays a crash, with its
///    status (128 + the signal) and its core.
/// Everything the handler does is async-signal-safe: `write`, `tcsetattr`, `fstat`,
/// `sigaction`, `raise`, `_exit`, and reads of memory prepared beforehand.
public enum FatalSignals {
    static let signals: [Int32] = [SIGBUS, SIGSEGV, SIGILL, SIGABRT, SIGFPE, SIGTRAP]
    /// The handlers that were there before, by signal number.
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        p.initialize(repeating: sigaction(), count: 65)
        return p
    }()
    nonisolated(unsafe) static var changedPrefix: UnsafeMutablePointer<CChar>? = nil
    nonisolated(unsafe) static var changedSuffix: UnsafeMutablePointer<CChar>? = nil

    /// Installs the handlers; `language` words the message about a changed file.
    public static func install(language: Language) {
        changedPrefix = strdup(language == .fr ? "catalyse : le fichier " : "catalyse: the file ")
        changedSuffix = strdup(language == .fr
            ? " a changé pendant la lecture (tronqué ou réécrit par un autre programme) ; relancez catalyse.\n"
            : " changed while it was read (truncated or rewritten by another program); start catalyse again.\n")
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { number, info, context in FatalSignals.handle(number, info, context) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_SIGINFO | SA_ONSTACK)
            sigaction(signal, &action, previous + Int(signal))
        }
        MappingGuard.reporter = { path in FatalSignals.reportChanged(path) }
    }

    static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        TerminalRestore.restore()
        if let path = MappingGuard.changedFile() { writeChanged(path); _exit(74) }
        // The handler that was there (Swift's backtracer prints where it crashed), called as
        // the kernel would have called it; it may return, as it does for a signal sent by kill.
        let old = previous[Int(signal)]
        if old.sa_flags & Int32(SA_SIGINFO) != 0, let handler = old.__sigaction_handler.sa_sigaction {
            handler(signal, info, context)
        } else if unsafeBitCast(old.__sigaction_handler.sa_handler, to: Int.self) > 1, let handler = old.__sigaction_handler.sa_handler {
            handler(signal)  // (0 is SIG_DFL, 1 SIG_IGN)
        }
        // Then die of the signal, with its default action.
        var byDefault = sigaction()
        byDefault.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&byDefault.sa_mask)
        sigaction(signal, &byDefault, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        _exit(128 + signal)
    }

    static func writeChanged(_ path: UnsafePointer<CChar>) {
        for piece in [UnsafePointer(changedPrefix), path, UnsafePointer(changedSuffix)] {
            guard let piece else { continue }
            _ = write(STDERR_FILENO, piece, strlen(piece))
        }
    }

    /// A record of a mapped file no longer decodes (outside a signal handler).
    static func reportChanged(_ path: String) -> Never {
        TerminalRestore.restore()
        let cleaned = TextCleaning.forDisplay(path)
        cleaned.withCString { writeChanged($0) }
        _exit(74)
    }
}

/// The bytes and terminal modes that give the terminal back, prepared while curses starts so
/// that a signal handler can use them.
enum TerminalRestore {
    static let capacity = 512
    nonisolated(unsafe) static let sequence = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    nonisolated(unsafe) static var length = 0
    nonisolated(unsafe) static var modes = termios()
    nonisolated(unsafe) static var haveModes = false
    nonisolated(unsafe) static var armed = false

    /// Before curses starts: the terminal's modes as the shell left them.
    static func saveModes() {
        haveModes = tcgetattr(STDIN_FILENO, &modes) == 0
    }

    /// After curses started: the sequences that undo what it did, from terminfo.
    static func prepare(mouse: Bool) {
        var bytes: [UInt8] = []
        // Stop every kind of mouse reporting ncurses may have asked for (xterm protocols).
        if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        for name in ["rmkx", "sgr0", "cnorm", "rmcup"] {
            guard let value = tigetstr(name), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        length = min(bytes.count, capacity)
        bytes.withUnsafeBufferPointer { sequence.update(from: $0.baseAddress!, count: length) }
        armed = true
    }

    static func disarm() { armed = false }

    /// Gives the terminal back (async-signal-safe); does nothing when curses is not running.
    static func restore() {
        guard armed else { return }
        armed = false
        if length > 0 { _ = write(STDOUT_FILENO, sequence, length) }
        if haveModes { tcsetattr(STDIN_FILENO, TCSANOW, &modes) }
    }
}

import CatalyseCore
import Glibc
import Synchronization

/// Standard output and standard error, written with `write(2)` and every failure handled (no
/// `FileHandle.write`, which traps on a full disk or a closed stream):
/// - output that cannot be written (a full disk, a closed stream, an I/O error) ends the
///   program with status 74 (EX_IOERR) and one sentence on standard error, or quietly when
///   standard error does not work either;
/// - a reader that went away (EPIPE, as in `catalyse list | head -1` with SIGPIPE ignored) ends
///   it quietly, as SIGPIPE ends other Unix tools: the status is the one SIGPIPE gives (141);
/// - an error message that cannot be written is dropped: the status it was about is kept;
/// - a note (a warning, "exported to…") that cannot be written turns a success into 74.
/// At start, a standard descriptor that is closed is opened on /dev/null read-only, so that no
/// file the program opens can take its number (and receive its messages), and a write to it
/// still fails (EBADF), as it would have.
enum StandardStreams {
    /// Whether a note could not be written on standard error.
    private static let noteLost = Atomic<Bool>(false)

    /// Reopens closed standard descriptors (see above). Call first.
    static func prepare() {
        for fd in Int32(0)...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
    }

    enum Outcome { case written, brokenPipe, failed(Int32) }

    static func write(_ fd: Int32, _ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno == EPIPE ? .brokenPipe : .failed(errno)
                }
                done += n
            }
            return .written
        }
    }

    /// Standard output; never returns when it fails.
    static func out(_ text: String, language: Language) {
        switch write(STDOUT_FILENO, text) {
        case .written:
            return
        case .brokenPipe:
            endOnBrokenPipe()
        case .failed(let code):
            let reason = FileProblem.system(code).text(language)
            _ = write(STDERR_FILENO, language == .fr
                ? "catalyse : impossible d'écrire sur la sortie standard : \(reason).\n"
                : "catalyse: cannot write to standard output: \(reason).\n")
            exit(ExitStatus.ioError)
        }
    }

    /// An error message on standard error: if it cannot be written, nothing else happens.
    static func error(_ text: String) {
        if case .brokenPipe = write(STDERR_FILENO, text) { return }
    }

    /// A note on standard error: if it cannot be written, the program will end with 74.
    static func note(_ text: String) {
        switch write(STDERR_FILENO, text) {
        case .written: return
        case .brokenPipe, .failed: noteLost.store(true, ordering: .relaxed)
        }
    }

    /// The reader of standard output went away: end as SIGPIPE ends a program, quietly.
    static func endOnBrokenPipe() -> Never {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&action.sa_mask)
        sigaction(SIGPIPE, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }

    /// The status the program ends with: `status`, or 74 when it was a success but a note
    /// could not be written.
    static func finalStatus(_ status: Int32) -> Int32 {
        status == 0 && noteLost.load(ordering: .relaxed) ? ExitStatus.ioError : status
    }
}

import Synchronization
import Glibc

/// The signal that asked the interface to stop (0: none). Set by the handlers, read by the loop.
private let pendingSignal = Atomic<Int32>(0)

/// SIGINT, SIGTERM and SIGHUP handling for the interface: the handlers only record the signal;
/// the event loop (which wakes at least every 100 ms) restores the terminal and exits.
/// Installed before curses starts, so ncurses leaves these signals to us.
public enum Signals {
    public static func install() {
        // A process started by a test runner may inherit blocked signals: unblock them.
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in pendingSignal.store(number, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0  // no SA_RESTART: a blocking read returns at once
            sigaction(signal, &action, nil)
        }
    }

    /// The signal received, if any.
    public static var pending: Int32? {
        let value = pendingSignal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }
}

/// What a read from the terminal gives the loop.
public enum BackendInput: Sendable, Equatable {
    /// A key, a click, a resize.
    case event(Event)
    /// Several inputs that were waiting together (a paste, keys typed faster than a frame):
    /// the loop handles them all before it draws, and gives the state a run of typed
    /// characters as one `.text` event (one search for a 2,000-character paste, not 2,000).
    case events([Event])
    /// Nothing happened within the read's timeout (the loop reads again).
    case idle
    /// A signal asked the program to stop (SIGINT, SIGTERM, SIGHUP): its number.
    case signal(Int32)
}

/// The terminal as the event loop sees it, as ratatui's `Backend` or fzf's `Renderer`: input
/// in, frames out. The ncurses `Terminal` is one; tests use a fake that replays keys and keeps
/// every frame.
public protocol TerminalBackend: AnyObject {
    /// The size in cells.
    var size: (width: Int, height: Int) { get }
    /// The next input, waiting a short while at most (so that signals are seen); with what
    /// else is already waiting, as `.events`, when there is more.
    func nextInput() -> BackendInput
    /// Shows a frame (whole: the backend may send only what changed).
    func draw(_ grid: Grid)
    /// Gives the terminal back to the shell until the user resumes the program (Ctrl-Z, `fg`).
    func suspend()
}

/// Performs the effects the interface asks for (favourites, files, the remembered language) and
/// says how each went, as an event for the interface. `quit` and `suspend` are the loop's own
/// and never reach a performer.
public protocol EffectPerformer {
    /// Performs one effect; returns the event that reports its outcome, if it has one.
    mutating func perform(_ effect: Effect) -> Event?
}

/// Why the loop stopped.
public enum LoopExit: Sendable, Equatable {
    /// The user quit (`q`, Ctrl-C).
    case quit
    /// A signal asked the program to stop: its number.
    case signal(Int32)
}

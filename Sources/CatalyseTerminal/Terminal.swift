import CatalyseTUI
import CNcursesw
import Glibc

/// The ncurses backend: the only code that calls curses. It reads keys, mouse and resize events,
/// and copies a `Grid` to the screen (ncurses itself sends only what changed). It is the
/// interface's `TerminalBackend`.
public final class Terminal: TerminalBackend {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let useColor: Bool
    private var stopped = false

    /// Whether the interface can run: stdin and stdout are terminals and `TERM` names a
    /// terminal that terminfo knows (not unset, not `dumb`).
    public static func isUsable(environment: [String: String]) -> Bool {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { return false }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else { return false }
        var status: Int32 = 0
        // setupterm with a nil TERM reads the environment; it must not print or exit.
        guard setupterm(term, STDOUT_FILENO, &status) == OK, status == 1 else { return false }
        catalyse_del_cur_term()
        return true
    }

    /// Makes sure ncursesw draws UTF-8: the user's locale, or C.UTF-8 when it is not UTF-8
    /// (`LANG=C`, a locale that is not generated).
    public static func setUTF8Locale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_ALL, "C.utf8") }
        }
    }

    /// Starts curses on the terminal; nil if it cannot.
    public init?(noColor: Bool) {
        Terminal.setUTF8Locale()
        set_escdelay(25)
        TerminalRestore.saveModes()
        guard let screen = catalyse_newterm() else { return nil }
        self.screen = screen
        set_term(screen)
        window = catalyse_stdscr()
        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        leaveok(window, false)
        useColor = !noColor && has_colors()
        if useColor {
            start_color()
            use_default_colors()
            let pairs: [(ThemeColor, Int16)] = [
                (.accent, Int16(COLOR_CYAN)), (.muted, Int16(COLOR_BLUE)), (.badge, Int16(COLOR_YELLOW)),
                (.favourite, Int16(COLOR_YELLOW)), (.strategic, Int16(COLOR_MAGENTA)),
                (.operational, Int16(COLOR_GREEN)), (.error, Int16(COLOR_RED)),
            ]
            for (color, fg) in pairs { init_pair(Int16(color.rawValue), fg, -1) }
        }
        let mouse = mousemask(catalyse_mouse_mask(), nil) != 0
        mouseinterval(0)
        // What a fatal signal needs to give the terminal back (FatalSignals).
        TerminalRestore.prepare(mouse: mouse)
        wtimeout(window, 100)
    }

    deinit { shutdown() }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) {
        (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// At most this many inputs are read at once (a longer paste comes in several batches).
    static let batchLimit = 4096

    /// The next input for the event loop: a signal recorded by `Signals`, else the next event
    /// within 100 ms, with every other input already waiting (a paste) as one batch.
    public func nextInput() -> BackendInput {
        if let signal = Signals.pending { return .signal(signal) }
        guard let event = nextEvent() else {
            if let signal = Signals.pending { return .signal(signal) }
            return .idle
        }
        var batch = [event]
        while batch.count < Terminal.batchLimit, Signals.pending == nil, let more = nextEvent(timeout: 0) { batch.append(more) }
        return batch.count == 1 ? .event(event) : .events(batch)
    }

    /// The next event, or nil after `timeout` milliseconds without one (or on a signal).
    public func nextEvent(timeout: Int32 = 100) -> Event? {
        wtimeout(window, timeout)
        var wch: wint_t = 0
        let status = wget_wch(window, &wch)
        if status == ERR { return nil }
        if status == KEY_CODE_YES {
            switch Int32(wch) {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            case KEY_RESIZE:
                let (w, h) = size
                return .resize(width: w, height: h)
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                if event.bstate & catalyse_button4_pressed() != 0 { return .mouse(.wheelUp, row: Int(event.y), column: Int(event.x)) }
                if event.bstate & catalyse_button5_pressed() != 0 { return .mouse(.wheelDown, row: Int(event.y), column: Int(event.x)) }
                if event.bstate & (catalyse_button1_pressed() | catalyse_button1_clicked()) != 0 {
                    return .mouse(.press, row: Int(event.y), column: Int(event.x))
                }
                return nil
            default:
                return nil
            }
        }
        switch wch {
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 127, 8: return .key(.backspace)
        case 9: return .key(.tab)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(UInt8(wch) + 96))))
        case 0, 28...31: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(wch)) else { return nil }
            // C1 controls and other non-printing input are ignored.
            if scalar.value >= 0x80 && scalar.value < 0xA0 { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    private func attributes(_ style: CellStyle) -> (attr_t, Int16) {
        var a = catalyse_a_normal()
        if style.bold { a |= catalyse_a_bold() }
        if style.reverse { a |= catalyse_a_reverse() }
        if style.underline { a |= catalyse_a_underline() }
        if style.dim { a |= catalyse_a_dim() }
        let pair: Int16 = useColor ? Int16(style.color.rawValue) : 0
        return (a, pair)
    }

    /// The scalars of one cell, as one `cchar_t` holds them: all of them up to `CCHARW_MAX`
    /// (5 in Debian's ncurses). Beyond that (a family of four is 7 scalars), the documented
    /// fallback: the longest prefix that fits and does not end in a zero-width joiner, so a ZWJ
    /// sequence is drawn as a shorter one (👨‍👩‍👧 for 👨‍👩‍👧‍👦), never with a stray joiner.
    static func cellScalars(_ content: String) -> [wchar_t] {
        var scalars = content.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        if scalars.isEmpty { return [32] }
        let limit = Int(catalyse_ccharw_max())
        if scalars.count > limit {
            scalars.removeSubrange(limit...)
            while scalars.count > 1, scalars.last == 0x200D { scalars.removeLast() }
        }
        return scalars
    }

    /// Copies a frame to the screen and parks the cursor where the frame says.
    public func draw(_ grid: Grid) {
        let (width, height) = size
        werase(window)
        var cell = cchar_t()
        let rows = min(height, grid.height), columns = min(width, grid.width)
        for r in 0..<rows {
            var c = 0
            while c < columns {
                let source = grid[r, c]
                if source.isContinuation { c += 1; continue }
                let (attr, pair) = attributes(source.style)
                var scalars = Terminal.cellScalars(source.grapheme)
                // A wide grapheme that would hang over the right edge is drawn as a space.
                if c == columns - 1, grid.width > c + 1, grid[r, c + 1].isContinuation { scalars = [32] }
                _ = scalars.withUnsafeBufferPointer { catalyse_setcchar_all(&cell, $0.baseAddress, Int32($0.count), attr, pair) }
                _ = mvwadd_wch(window, Int32(r), Int32(c), &cell)
                c += 1
            }
        }
        if let cursor = grid.cursor, cursor.row < height, cursor.column < width, cursor.row >= 0, cursor.column >= 0 {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Ctrl-Z: gives the terminal back to the shell, stops, and takes it again on `fg`.
    public func suspend() {
        endwin()
        var action = sigaction()
        var previous = sigaction()
        action.__sigaction_handler.sa_handler = SIG_DFL
        sigaction(SIGTSTP, &action, &previous)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTSTP)
        sigprocmask(SIG_UNBLOCK, &set, nil)
        kill(getpid(), SIGTSTP)
        // Execution resumes here after SIGCONT.
        sigaction(SIGTSTP, &previous, nil)
        reset_prog_mode()
        clearok(catalyse_curscr(), true)
        wrefresh(window)
    }

    /// Restores the terminal to its normal mode. Safe to call more than once.
    public func shutdown() {
        guard !stopped else { return }
        stopped = true
        TerminalRestore.disarm()
        curs_set(1)
        endwin()
        delscreen(screen)
    }
}

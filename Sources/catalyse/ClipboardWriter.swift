import CatalyseCore
import CatalyseTUI
import Glibc

/// Sends OSC 52 sequences to the terminal the interface draws on (standard output), between
/// two frames: curses has flushed its own output by then, and the sequence moves no cursor and
/// shows nothing. A terminal does not say whether it accepted it.
struct ClipboardWriter {
    /// Writes `text` as an OSC 52 sequence; nil when every byte went out, else the reason.
    func copy(_ text: String) -> FileProblem? {
        let bytes = OSC52.sequence(text)
        fflush(nil)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in Glibc.write(STDOUT_FILENO, raw.baseAddress! + written, raw.count - written) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .current
            }
            written += n
        }
        return nil
    }
}

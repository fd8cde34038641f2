import CatalyseCore

/// The OSC 52 sequence that asks a terminal to put text on its clipboard:
/// `ESC ] 52 ; c ; BASE64 BEL`. The text is cleaned first (no control or bidirectional
/// character is sent) and bounded; the base64 alphabet keeps the sequence itself inert. A
/// terminal does not answer it, so the interface only says it was sent. Inside tmux, the
/// sequence reaches the clipboard when tmux has `set -g set-clipboard on`.
public enum OSC52 {
    /// The longest text sent (the e-mails, ids and addresses copied are far shorter; some
    /// terminals drop sequences over about 100 kB).
    public static let maximumBytes = 16 * 1024

    public static func sequence(_ text: String) -> [UInt8] {
        var bytes = Array(TextCleaning.forDisplay(text).utf8)
        if bytes.count > maximumBytes {
            bytes = Array(bytes.prefix(maximumBytes))
            // Never cut a character in two.
            while let last = bytes.last, last & 0xC0 == 0x80 { bytes.removeLast() }
            if let last = bytes.last, last >= 0xC0 { bytes.removeLast() }
        }
        return Array("\u{1B}]52;c;".utf8) + base64(bytes) + [0x07]
    }

    /// Standard base64 with padding (RFC 4648).
    static func base64(_ bytes: [UInt8]) -> [UInt8] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], 61, 61]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], 61]
        }
        return out
    }
}

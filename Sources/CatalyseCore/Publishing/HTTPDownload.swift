import CCurlLoader
import Foundation

/// One HTTP GET, bounded: a timeout between bytes and one for the whole transfer (a server
/// that trickles bytes is cut off), a size limit checked as bytes arrive, at most five
/// redirections, http and https only, no cache. libcurl, loaded with dlopen on the first download
/// (`Sources/CCurlLoader`): starting the program never loads it nor the libraries it needs.
/// One request at a time, on the calling thread; conditional headers are sent by the caller.
public enum HTTPDownload {
    public struct Response: Sendable {
        public var status: Int
        public var headers: [String: String]
        public var body: [UInt8]
        public func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    /// Timeouts in seconds: between bytes, and for the whole transfer. `CATALYSE_UPDATE_TIMEOUTS`
    /// (`IDLE,TOTAL`) sets them (the tests use short ones).
    public struct Timeouts: Sendable {
        public var idle: Double
        public var total: Double
        public init(idle: Double = 20, total: Double = 300) { self.idle = idle; self.total = total }
        public init(environment: [String: String]) {
            self.init()
            if let parts = environment["CATALYSE_UPDATE_TIMEOUTS"]?.split(separator: ",").compactMap({ Double($0) }), parts.count == 2, parts.allSatisfy({ $0 > 0 }) {
                idle = parts[0]; total = parts[1]
            }
        }
    }

    /// What libcurl hands over during one transfer, on the thread that called `get`.
    final class Transfer {
        let limit: Int
        var body: [UInt8] = []
        /// The current response's header fields; a status line (a new response, after a
        /// redirection or a 100 Continue) starts them again.
        var headers: [String: String] = [:]
        var lastName: String?
        var cutForSize = false

        init(limit: Int) { self.limit = limit }

        func header(_ bytes: UnsafeRawBufferPointer) {
            // Without its line end (bytes: "\r\n" is one Character to a String).
            var end = bytes.count
            while end > 0 && (bytes[end - 1] == 10 || bytes[end - 1] == 13) { end -= 1 }
            let line = String(decoding: bytes[..<end], as: UTF8.self)
            if line.hasPrefix("HTTP/") {
                headers = [:]; lastName = nil; body = []
            } else if let first = line.first, first == " " || first == "\t" {
                // A folded line continues the previous field.
                if let name = lastName { headers[name, default: ""] += " " + line.trimmingCharacters(in: .whitespaces) }
            } else if let colon = line.firstIndex(of: ":") {
                let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
                let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { return }
                // A repeated field: its values joined, as HTTP allows.
                if let key = headers.keys.first(where: { $0.lowercased() == name.lowercased() }) {
                    headers[key] = headers[key]! + ", " + value
                    lastName = key
                } else {
                    headers[name] = value
                    lastName = name
                }
            }
        }

        /// false: more than `limit` bytes, the transfer is stopped.
        func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
            if body.count + bytes.count > limit {
                cutForSize = true
                return false
            }
            body.append(contentsOf: bytes)
            return true
        }
    }

    /// GETs `url` with `headers`; at most `limit` bytes of body.
    public static func get(_ url: URL, headers: [String: String] = [:], limit: Int, timeouts: Timeouts) throws(PublicationError) -> Response {
        let address = url.absoluteString
        let transfer = Transfer(limit: limit)
        // "Name: value" ("Name;" sends a field with no value); line breaks never reach the request.
        let lines = headers.sorted { $0.key < $1.key }.map { name, value in
            let clean = { (s: String) in String(String.UnicodeScalarView(s.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })) }
            return value.isEmpty ? clean(name) + ";" : clean(name) + ": " + clean(value)
        }
        var result = ccurl_result()
        let onHeader: ccurl_chunk = { context, data, length in
            let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
            transfer.header(UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: length))
            return 0
        }
        let onBody: ccurl_chunk = { context, data, length in
            let transfer = Unmanaged<Transfer>.fromOpaque(context!).takeUnretainedValue()
            return transfer.append(UnsafeRawBufferPointer(start: UnsafeRawPointer(data), count: length)) ? 0 : 1
        }
        withExtendedLifetime(transfer) {
            let context = Unmanaged.passUnretained(transfer).toOpaque()
            let cLines = lines.compactMap { strdup($0) }
            defer { cLines.forEach { free($0) } }
            let pointers: [UnsafePointer<CChar>?] = cLines.map { UnsafePointer($0) }
            pointers.withUnsafeBufferPointer { list in
                _ = ccurl_get(address, list.baseAddress, list.count, milliseconds(timeouts.idle), milliseconds(timeouts.total),
                              Int64(limit), onHeader, onBody, context, &result)
            }
        }
        let expected: Int? = result.content_length >= 0 ? Int(result.content_length) : nil
        if result.code != 0 {
            throw .network(url: address, problem: problem(curlCode: result.code, cutForSize: transfer.cutForSize, limit: limit,
                                                          expected: expected, received: transfer.body.count))
        }
        let status = result.status
        guard status > 0 else { throw .network(url: address, problem: .unreachable(Label(fr: "pas de réponse", en: "no response"))) }
        // Redirections are followed (five at most): one still here had no usable Location.
        if (300..<400).contains(status) && status != 304 { throw .network(url: address, problem: .redirectLoop) }
        let response = Response(status: status, headers: transfer.headers, body: transfer.body)
        // The announced length counts the bytes as sent: compared only when they were not encoded
        // (libcurl decodes gzip and the like; it reports a compressed body cut short itself).
        let encoding = response.header("Content-Encoding")?.lowercased() ?? "identity"
        if status == 200, encoding == "identity", let expected, expected > 0, response.body.count != expected {
            throw .network(url: address, problem: .truncated(expected: expected, got: response.body.count))
        }
        return response
    }

    static func milliseconds(_ seconds: Double) -> Int {
        seconds >= Double(Int32.max) / 1000 ? Int(Int32.max) : max(1, Int((seconds * 1000).rounded(.up)))
    }
}

extension HTTPDownload {
    /// What a transfer libcurl ended with `code` (not 0) means. `cutForSize`: the body passed
    /// `limit` and was stopped here; `expected` and `received`: the body's announced length and the
    /// bytes received. (Public for the localisation tests, which word every code.)
    public static func problem(curlCode code: Int32, cutForSize: Bool = false, limit: Int = 0, expected: Int? = nil, received: Int = 0) -> PublicationError.NetworkProblem {
        switch code {
        case CCURL_NOT_LOADED: return .libcurlMissing
        case 23 where cutForSize, 63: return .tooLarge(limit: limit)   // CURLE_WRITE_ERROR from our stop, CURLE_FILESIZE_EXCEEDED
        case 28: return .timeout                                       // CURLE_OPERATION_TIMEDOUT (the total, or idle: < 1 byte/s)
        case 47: return .redirectLoop                                  // CURLE_TOO_MANY_REDIRECTS
        case 18:                                                       // CURLE_PARTIAL_FILE: closed before the announced length
            if let expected, expected > received { return .truncated(expected: expected, got: received) }
            return .unreachable(words(curlCode: 56))
        default: return .unreachable(words(curlCode: code))
        }
    }

    /// Why a transfer failed, in either language, from libcurl's code (libcurl's own messages are English).
    static func words(curlCode code: Int32) -> Label {
        switch code {
        case 7: Label(fr: "connexion refusée", en: "connection refused")                          // COULDNT_CONNECT
        case 6: Label(fr: "nom d'hôte introuvable", en: "host name not found")                    // COULDNT_RESOLVE_HOST
        case 5: Label(fr: "nom du proxy introuvable", en: "proxy name not found")                 // COULDNT_RESOLVE_PROXY
        case 18, 55, 56: Label(fr: "connexion interrompue", en: "connection lost")                // PARTIAL_FILE, SEND_ERROR, RECV_ERROR
        case 52: Label(fr: "le serveur n'a rien répondu", en: "empty reply from the server")       // GOT_NOTHING
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98:                     // SSL_*, PEER_FAILED_VERIFICATION…
            Label(fr: "connexion sécurisée impossible (certificat refusé ?)", en: "secure connection failed (certificate refused?)")
        case 8, 16, 61, 92, 95: Label(fr: "réponse du serveur illisible", en: "unreadable answer from the server") // WEIRD_SERVER_REPLY, HTTP2, BAD_CONTENT_ENCODING…
        case 1, 3: Label(fr: "adresse non prise en charge", en: "unsupported address")           // UNSUPPORTED_PROTOCOL, URL_MALFORMAT
        case 27: Label(fr: "mémoire insuffisante", en: "out of memory")                           // OUT_OF_MEMORY
        default: Label(fr: "erreur réseau n° \(code)", en: "network error \(code)")
        }
    }
}

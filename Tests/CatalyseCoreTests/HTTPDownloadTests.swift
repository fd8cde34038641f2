import Foundation
import Glibc
import Testing
@testable import CatalyseCore

/// The bounded GET on libcurl (loaded with dlopen), against a scripted server on 127.0.0.1:
/// what `catalyse update`'s tests (Tests/CatalyseCLITests/UpdateCommandTests.swift) do not reach —
/// a body with no announced length cut as it arrives, the idle timeout alone, the headers of the
/// last response after a redirection, a redirection to another protocol — and the curl codes' wording.
@Suite("HTTP download", .serialized)
struct HTTPDownloadTests {
    /// Answers each connection's request with `reply`'s parts (bytes, pauses), then closes it.
    final class ScriptedServer: @unchecked Sendable {
        enum Part: Sendable { case text(String), bytes([UInt8]), pause(Double) }
        private let listener: Int32
        let port: Int
        private let lock = NSLock()
        private var received: [String] = []
        private var stopped = false
        var requests: [String] { lock.withLock { received } }
        var base: String { "http://127.0.0.1:\(port)" }

        init(_ reply: @escaping @Sendable (String) -> [Part]) throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var size = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, size) == 0 && listen(fd, 8) == 0 && getsockname(fd, $0, &size) == 0
                }
            }
            listener = fd
            port = Int(UInt16(bigEndian: address.sin_port))
            try #require(bound, "the test server cannot listen")
            Thread { [self] in serve(reply) }.start()
        }

        private func serve(_ reply: @Sendable (String) -> [Part]) {
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 { return }
                defer { close(connection) }
                var request: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 4096)
                while !request.suffix(4).elementsEqual("\r\n\r\n".utf8) {
                    let n = read(connection, &buffer, buffer.count)
                    if n <= 0 { break }
                    request += buffer[0..<n]
                }
                let text = String(decoding: request, as: UTF8.self)
                lock.withLock { received.append(text) }
                for part in reply(text) {
                    switch part {
                    case .text(let s): send(connection, Array(s.utf8))
                    case .bytes(let b): send(connection, b)
                    case .pause(let seconds):
                        let end = Date().addingTimeInterval(seconds)
                        while Date() < end && !lock.withLock({ stopped }) { usleep(20_000) }
                    }
                }
            }
        }

        private func send(_ connection: Int32, _ bytes: [UInt8]) {
            var sent = 0
            while sent < bytes.count {
                let n = bytes[sent...].withUnsafeBytes { Glibc.send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                if n <= 0 { return }
                sent += n
            }
        }

        func stop() {
            lock.withLock { stopped = true }
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    static func download(_ url: String, headers: [String: String] = [:], limit: Int, idle: Double = 2, total: Double = 10) -> Result<HTTPDownload.Response, PublicationError> {
        Result { () throws(PublicationError) in
            try HTTPDownload.get(URL(string: url)!, headers: headers, limit: limit, timeouts: .init(idle: idle, total: total))
        }
    }

    static func problem(_ result: Result<HTTPDownload.Response, PublicationError>) -> PublicationError.NetworkProblem? {
        if case .failure(.network(_, let problem)) = result { return problem }
        return nil
    }

    /// A chunked body (no length announced) of `size` bytes.
    static func chunked(_ size: Int, piece: Int = 1000) -> [ScriptedServer.Part] {
        var parts: [ScriptedServer.Part] = [.text("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")]
        var left = size
        while left > 0 {
            let n = min(piece, left)
            parts.append(.text(String(n, radix: 16) + "\r\n" + String(repeating: "x", count: n) + "\r\n"))
            left -= n
        }
        parts.append(.text("0\r\n\r\n"))
        return parts
    }

    @Test func aBodyWithNoAnnouncedLengthIsCutAtTheLimit() throws {
        let server = try ScriptedServer { request in
            request.hasPrefix("GET /small ") ? HTTPDownloadTests.chunked(3000) : HTTPDownloadTests.chunked(20_000)
        }
        defer { server.stop() }
        let small = try Self.download(server.base + "/small", limit: 4096).get()
        #expect(small.status == 200 && small.body == Array(repeating: UInt8(ascii: "x"), count: 3000))
        #expect(Self.problem(Self.download(server.base + "/large", limit: 4096)) == .tooLarge(limit: 4096))
    }

    @Test func aLargerAnnouncedLengthIsRefusedAndAShorterBodyIsTruncated() throws {
        let server = try ScriptedServer { request in
            if request.hasPrefix("GET /announced ") { return [.text("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n")] }
            return [.text("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"), .bytes(Array(repeating: 7, count: 40))]
        }
        defer { server.stop() }
        #expect(Self.problem(Self.download(server.base + "/announced", limit: 4096)) == .tooLarge(limit: 4096))
        #expect(Self.problem(Self.download(server.base + "/closed", limit: 4096)) == .truncated(expected: 100, got: 40))
    }

    /// Bytes stop coming: cut after the idle timeout, long before the total.
    @Test func aSilentServerIsCutOffAfterTheIdleTimeout() throws {
        let server = try ScriptedServer { _ in
            [.text("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab"), .pause(30)]
        }
        defer { server.stop() }
        let start = Date()
        #expect(Self.problem(Self.download(server.base + "/silent", limit: 4096, idle: 1, total: 30)) == .timeout)
        let elapsed = Date().timeIntervalSince(start)
        #expect(elapsed >= 0.9 && elapsed < 10, "\(elapsed) s")
    }

    @Test func aRedirectionKeepsTheLastResponsesHeadersAndTheCallersOwn() throws {
        let server = try ScriptedServer { request in
            if request.hasPrefix("GET /first ") {
                return [.text("HTTP/1.1 302 Found\r\nLocation: /second\r\nX-Step: first\r\nETag: \"one\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
            }
            if request.hasPrefix("GET /elsewhere ") {
                return [.text("HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")]
            }
            return [.text("HTTP/1.1 200 OK\r\nETag: \"two\"\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 3\r\nConnection: close\r\n\r\nfin")]
        }
        defer { server.stop() }
        let response = try Self.download(server.base + "/first", headers: ["If-None-Match": "\"zz\""], limit: 4096).get()
        #expect(response.status == 200 && response.body == Array("fin".utf8))
        #expect(response.header("etag") == "\"two\"" && response.header("X-Step") == nil)
        #expect(response.header("Set-Cookie") == "a=1, b=2")
        let requests = server.requests
        #expect(requests.count == 2 && requests.last?.hasPrefix("GET /second ") == true, "\(requests)")
        #expect(requests.allSatisfy { $0.contains("\r\nIf-None-Match: \"zz\"\r\n") }, "\(requests)")
        // A value cannot add a field of its own.
        _ = Self.download(server.base + "/second", headers: ["If-None-Match": "\"a\"\r\nX-Added: 1"], limit: 4096)
        #expect(server.requests.last?.contains("\r\nIf-None-Match: \"a\"X-Added: 1\r\n") == true, "\(server.requests)")
        // http and https only, redirections included.
        #expect(Self.problem(Self.download(server.base + "/elsewhere", limit: 4096)) == .unreachable(HTTPDownload.words(curlCode: 1)))
    }

    @Test func curlCodesAreTheProblemsTheyMean() {
        #expect(HTTPDownload.problem(curlCode: -1) == .libcurlMissing)
        #expect(HTTPDownload.problem(curlCode: 28) == .timeout)
        #expect(HTTPDownload.problem(curlCode: 47) == .redirectLoop)
        #expect(HTTPDownload.problem(curlCode: 63, limit: 10) == .tooLarge(limit: 10))
        #expect(HTTPDownload.problem(curlCode: 23, cutForSize: true, limit: 10) == .tooLarge(limit: 10))
        #expect(HTTPDownload.problem(curlCode: 23) == .unreachable(Label(fr: "erreur réseau n° 23", en: "network error 23")))
        #expect(HTTPDownload.problem(curlCode: 18, expected: 100, received: 40) == .truncated(expected: 100, got: 40))
        let lost = Label(fr: "connexion interrompue", en: "connection lost")
        #expect(HTTPDownload.problem(curlCode: 18) == .unreachable(lost))
        #expect(HTTPDownload.problem(curlCode: 56) == .unreachable(lost) && HTTPDownload.problem(curlCode: 55) == .unreachable(lost))
        #expect(HTTPDownload.problem(curlCode: 7) == .unreachable(Label(fr: "connexion refusée", en: "connection refused")))
        #expect(HTTPDownload.problem(curlCode: 6) == .unreachable(Label(fr: "nom d'hôte introuvable", en: "host name not found")))
        let secure = Label(fr: "connexion sécurisée impossible (certificat refusé ?)", en: "secure connection failed (certificate refused?)")
        for code: Int32 in [35, 51, 58, 60, 77, 83, 90, 91] { #expect(HTTPDownload.problem(curlCode: code) == .unreachable(secure), "\(code)") }
        #expect(HTTPDownload.problem(curlCode: 3) == .unreachable(Label(fr: "adresse non prise en charge", en: "unsupported address")))
        #expect(HTTPDownload.problem(curlCode: 52) == .unreachable(Label(fr: "le serveur n'a rien répondu", en: "empty reply from the server")))
        #expect(PublicationError.network(url: "http://x/m.json", problem: .libcurlMissing).message(.fr).contains("installez le paquet libcurl4"))
        #expect(PublicationError.network(url: "http://x/m.json", problem: .libcurlMissing).message(.en).contains("install the libcurl4 package"))
    }
}

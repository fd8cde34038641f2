import Foundation
import FoundationNetworking

/// One HTTP GET, bounded: a timeout between bytes and one for the whole transfer (a server
/// that trickles bytes is cut off), a size limit checked as bytes arrive, at most five
/// redirections, no URL cache. URLSession (libcurl underneath on Linux), one request at a time;
/// conditional headers are sent by the caller.
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

    final class Transfer: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let limit: Int
        let lock = NSLock()
        var data = Data()
        var response: HTTPURLResponse?
        var problem: PublicationError.NetworkProblem?
        var redirects = 0
        let done = DispatchSemaphore(value: 0)

        init(limit: Int) { self.limit = limit }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
            lock.lock(); defer { lock.unlock() }
            self.response = response as? HTTPURLResponse
            if response.expectedContentLength > Int64(limit) {
                problem = .tooLarge(limit: limit)
                completionHandler(.cancel)
                return
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            lock.lock(); defer { lock.unlock() }
            self.data.append(data)
            if self.data.count > limit, problem == nil {
                problem = .tooLarge(limit: limit)
                dataTask.cancel()
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            lock.lock(); defer { lock.unlock() }
            redirects += 1
            if redirects > 5 {
                problem = .redirectLoop
                completionHandler(nil)
            } else {
                completionHandler(request)
            }
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
            lock.lock()
            if let error, problem == nil {
                let code = (error as? URLError)?.code
                problem = code == .timedOut ? .timeout : .unreachable(HTTPDownload.words(code))
            }
            lock.unlock()
            done.signal()
        }
    }

    /// GETs `url` with `headers`; at most `limit` bytes of body.
    public static func get(_ url: URL, headers: [String: String] = [:], limit: Int, timeouts: Timeouts) throws(PublicationError) -> Response {
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeouts.idle
        config.timeoutIntervalForResource = timeouts.total
        config.urlCache = nil
        config.requestCachePolicy = .reloadIgnoringLocalCacheData
        config.httpMaximumConnectionsPerHost = 1
        let transfer = Transfer(limit: limit)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: config, delegate: transfer, delegateQueue: queue)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeouts.idle)
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let task = session.dataTask(with: request)
        task.resume()
        // The whole transfer is bounded here too, whatever the session does with its own timer.
        if transfer.done.wait(timeout: .now() + timeouts.total + 1) == .timedOut {
            task.cancel()
            _ = transfer.done.wait(timeout: .now() + 5)
            throw .network(url: url.absoluteString, problem: .timeout)
        }
        transfer.lock.lock(); defer { transfer.lock.unlock() }
        if let problem = transfer.problem { throw .network(url: url.absoluteString, problem: problem) }
        guard let response = transfer.response else { throw .network(url: url.absoluteString, problem: .unreachable(Label(fr: "pas de réponse", en: "no response"))) }
        var fields: [String: String] = [:]
        for (k, v) in response.allHeaderFields { if let k = k as? String, let v = v as? String { fields[k] = v } }
        if (300..<400).contains(response.statusCode) && response.statusCode != 304 { throw .network(url: url.absoluteString, problem: .redirectLoop) }
        let body = [UInt8](transfer.data)
        if response.statusCode == 200, response.expectedContentLength > 0, Int64(body.count) != response.expectedContentLength {
            throw .network(url: url.absoluteString, problem: .truncated(expected: Int(response.expectedContentLength), got: body.count))
        }
        return Response(status: response.statusCode, headers: fields, body: body)
    }
}

extension HTTPDownload {
    /// Why a transfer failed, in either language (Foundation's own descriptions are English).
    static func words(_ code: URLError.Code?) -> Label {
        switch code {
        case .cannotConnectToHost?: Label(fr: "connexion refusée", en: "connection refused")
        case .cannotFindHost?, .dnsLookupFailed?: Label(fr: "nom d'hôte introuvable", en: "host name not found")
        case .notConnectedToInternet?: Label(fr: "pas de connexion au réseau", en: "no network connection")
        case .networkConnectionLost?: Label(fr: "connexion interrompue", en: "connection lost")
        case .secureConnectionFailed?, .serverCertificateUntrusted?, .serverCertificateHasBadDate?, .serverCertificateNotYetValid?,
             .serverCertificateHasUnknownRoot?, .clientCertificateRejected?:
            Label(fr: "connexion sécurisée impossible (certificat refusé ?)", en: "secure connection failed (certificate refused?)")
        case .badServerResponse?, .cannotParseResponse?: Label(fr: "réponse du serveur illisible", en: "unreadable answer from the server")
        case .unsupportedURL?, .badURL?: Label(fr: "adresse non prise en charge", en: "unsupported address")
        case let code?: Label(fr: "erreur réseau n° \(code.rawValue)", en: "network error \(code.rawValue)")
        case nil: Label(fr: "erreur réseau", en: "network error")
        }
    }
}

import Glibc

/// Opening a file to read it, the one way every input is opened (catalogues, the favourites,
/// the remembered language): never blocking, never reading a device, never past a limit.
/// - The path is checked before it is opened: only a regular file (or, when `pipes` allows it,
///   a FIFO) is opened at all, so a device is never opened (some act on being opened).
/// - It is opened with `O_NONBLOCK | O_NOCTTY`, and what was opened is checked again with
///   `fstat`: a named FIFO nobody writes into cannot hang the program.
/// - A FIFO is read only when it is an anonymous pipe the user gave (standard input,
///   `<(…)` in a shell, which `/proc/self/fd` names `pipe:[…]`) and `pipes` is true; a
///   named FIFO in a folder is refused like a device.
/// - With `links: .refuse` a symbolic link is refused (`O_NOFOLLOW`), for the state files.
/// - The size limit is applied before anything is read: from the size of a regular file, and
///   for a pipe by reading at most one byte past it.
public enum InputFile {
    public enum Links: Sendable { case follow, refuse }

    public enum Failure: Error, Sendable, Equatable {
        case notFound
        case problem(FileProblem)

        /// The failure as a reason to show (a missing file is the system's ENOENT).
        public var reason: FileProblem {
            switch self {
            case .notFound: .system(ENOENT)
            case .problem(let p): p
            }
        }
    }

    /// An opened input: its descriptor (the caller closes it), whether it is a regular file
    /// or a pipe, and what `fstat` said of it.
    public struct Opened {
        public let descriptor: Int32
        public let isPipe: Bool
        public let info: stat
        public var size: Int { Int(info.st_size) }
    }

    /// Whether a FIFO descriptor is an anonymous pipe (the kernel names it `pipe:[inode]` in
    /// `/proc/self/fd`), not a named FIFO in a folder.
    static func isAnonymousPipe(_ fd: Int32) -> Bool {
        var buffer = [CChar](repeating: 0, count: 64)
        let n = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard n > 0 else { return false }
        return String(cString: buffer).hasPrefix("pipe:[")
    }

    /// Opens `path` for reading under the rules above.
    public static func open(_ path: String, links: Links, pipes: Bool) -> Result<Opened, Failure> {
        var info = stat()
        let found = links == .follow ? stat(path, &info) : lstat(path, &info)
        guard found == 0 else {
            return .failure(errno == ENOENT || errno == ENOTDIR ? .notFound : .problem(.current))
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular || (kind == .namedPipe && pipes) else { return .failure(.problem(.notAFile(kind))) }
        let flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (links == .refuse ? O_NOFOLLOW : 0)
        let fd = Glibc.open(path, flags)
        guard fd >= 0 else {
            if errno == ELOOP && links == .refuse { return .failure(.problem(.notAFile(.symbolicLink))) }
            return .failure(errno == ENOENT ? .notFound : .problem(.current))
        }
        guard fstat(fd, &info) == 0 else {
            let problem = FileProblem.current
            close(fd)
            return .failure(.problem(problem))
        }
        switch FileKind(mode: info.st_mode) {
        case .regular:
            return .success(Opened(descriptor: fd, isPipe: false, info: info))
        case .namedPipe where pipes:
            guard isAnonymousPipe(fd) else {
                close(fd)
                return .failure(.problem(.notAFile(.namedPipe)))
            }
            // An anonymous pipe the user gave: read it as a filter reads its input.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return .success(Opened(descriptor: fd, isPipe: true, info: info))
        case let other:
            close(fd)
            return .failure(.problem(.notAFile(other)))
        }
    }

    /// The whole content of `path` (at most `limit` bytes, else `.tooLarge`).
    public static func read(_ path: String, limit: Int, links: Links, pipes: Bool = false) -> Result<[UInt8], Failure> {
        let opened: Opened
        switch open(path, links: links, pipes: pipes) {
        case .success(let o): opened = o
        case .failure(let f): return .failure(f)
        }
        defer { close(opened.descriptor) }
        if !opened.isPipe && opened.size > limit { return .failure(.problem(.tooLarge(size: opened.size, limit: limit))) }
        return readAll(opened.descriptor, limit: limit, expected: opened.isPipe ? nil : opened.size)
    }

    /// Reads a descriptor to its end, at most `limit` bytes (`expected`: the size `fstat` gave).
    static func readAll(_ fd: Int32, limit: Int, expected: Int?) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        var chunk = min(max(expected ?? 65_536, 4096), limit + 1)
        var total = 0
        while true {
            if bytes.count < total + chunk { bytes += [UInt8](repeating: 0, count: max(total + chunk - bytes.count, bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + total, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN { usleep(1000); continue }
                return .failure(.problem(.current))
            }
            if n == 0 { break }
            total += n
            if total > limit { return .failure(.problem(.tooLarge(size: expected.map { max($0, total) }, limit: limit))) }
            chunk = min(max(chunk, 65_536), limit + 1 - total)
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}

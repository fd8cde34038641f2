import Glibc

/// Writes a whole file or nothing: a temporary file in the same folder, fsync, rename, fsync of
/// the folder. The rules, for every file catalyse writes (exports, the favourites, the
/// remembered language, compiled catalogues):
/// - Without `overwrite`, an existing file is never replaced (the final step is a hard link,
///   which fails if the name exists).
/// - Only a regular file is ever replaced. A name that is a folder (or ends in `/`), a symbolic
///   link, a FIFO, a device or a socket is refused — except, with `streams: .writeInto`, one of
///   the program's open descriptors (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`: written through
///   it), a character device or an anonymous pipe (`/dev/null`, `/dev/tty`, a symbolic link to
///   one), which is written into directly and never replaced (`--force` or not).
/// - A file that is replaced keeps its permissions (and, when the program may, its owner); a
///   new file gets `newMode` less the umask (0666: 0644 under the usual umask 022, 0600 under
///   077), as any file a program creates.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case exists, missingFolder, other }
        public var path: String
        public var problem: FileProblem

        public init(path: String, problem: FileProblem) {
            self.path = path
            self.problem = problem
        }

        /// A failure described in words (tests).
        public init(path: String, reason: String, kind: Kind) {
            self.path = path
            switch kind {
            case .exists: problem = .exists
            case .missingFolder: problem = .missingFolder(FilePath.folder(of: path))
            case .other: problem = .described(reason)
            }
        }

        public var kind: Kind {
            switch problem {
            case .exists: .exists
            case .missingFolder: .missingFolder
            default: .other
            }
        }

        /// The cause in English (logs and tests); messages use `problem.text(language)`.
        public var reason: String { problem.text(.en) }
    }

    /// What to do with a target that is a stream rather than a file.
    public enum Streams: Sendable { case refuse, writeInto }

    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool, streams: Streams = .refuse,
                             newMode: mode_t = 0o666) -> Result<Void, WriteError> {
        write(parts: [bytes], to: path, overwrite: overwrite, streams: streams, newMode: newMode)
    }

    /// The same, for a file made of `parts` written one after the other.
    public static func write(parts: [[UInt8]], to path: String, overwrite: Bool, streams: Streams = .refuse,
                             newMode: mode_t = 0o666) -> Result<Void, WriteError> {
        write(to: path, overwrite: overwrite, streams: streams, newMode: newMode) { emit in
            parts.allSatisfy { $0.withUnsafeBytes(emit) }
        }
    }

    /// The same, for a file whose bytes `contents` hands over part after part (to `emit`,
    /// which returns false once a write has failed; `contents` then stops and returns false),
    /// so that a large file is never whole in memory.
    public static func write(to path: String, overwrite: Bool, streams: Streams = .refuse, newMode: mode_t = 0o666,
                             contents: (_ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool) -> Result<Void, WriteError> {
        func failure(_ problem: FileProblem) -> Result<Void, WriteError> { .failure(WriteError(path: path, problem: problem)) }
        guard !path.isEmpty else { return failure(.system(ENOENT)) }
        if FilePath.namesAFolder(path) { return failure(.namesAFolder) }
        let directory = FilePath.folder(of: path)
        var info = stat()
        if stat(directory, &info) != 0 || FileKind(mode: info.st_mode) != .folder { return failure(.missingFolder(directory)) }
        if streams == .writeInto, let fd = standardDescriptor(path) {
            return writeInto(fd, contents, closing: false).mapError { WriteError(path: path, problem: $0) }
        }
        var replaced: stat? = nil
        if lstat(path, &info) == 0 {
            let kind = FileKind(mode: info.st_mode)
            if kind != .regular {
                if streams == .writeInto, let stream = openStream(path) { return writeInto(stream, contents).mapError { WriteError(path: path, problem: $0) } }
                return failure(.notAFile(kind))
            }
            if !overwrite { return failure(.exists) }
            replaced = info
        } else if errno != ENOENT {
            return failure(.current)
        }
        return replace(path, directory: directory, contents: contents, overwrite: overwrite, replaced: replaced, newMode: newMode)
    }

    /// A character device or an anonymous pipe at `path` (directly or through a link), opened
    /// for writing without creating, truncating or blocking; nil for anything else.
    static func openStream(_ path: String) -> Int32? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .characterDevice || kind == .namedPipe else { return nil }
        let fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        guard fstat(fd, &info) == 0 else { close(fd); return nil }
        let opened = FileKind(mode: info.st_mode)
        guard opened == .characterDevice || (opened == .namedPipe && InputFile.isAnonymousPipe(fd)) else { close(fd); return nil }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The descriptor a path names when it is one of the program's own open descriptors:
    /// `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N` (written through the
    /// descriptor itself, at its own position, so `-o /dev/stdout` works whatever stdout is).
    static func standardDescriptor(_ path: String) -> Int32? {
        let number: Int32?
        switch path {
        case "/dev/stdout": number = 1
        case "/dev/stderr": number = 2
        default:
            let prefix = ["/dev/fd/", "/proc/self/fd/"].first { path.hasPrefix($0) }
            number = prefix.flatMap { Int32(path.dropFirst($0.count)) }
        }
        guard let number, number >= 0, fcntl(number, F_GETFD) != -1 else { return nil }
        return number
    }

    static func writeInto(_ fd: Int32, _ contents: (_ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool, closing: Bool = true) -> Result<Void, FileProblem> {
        defer { if closing { close(fd) } }
        if let problem = writeAll(fd, contents) { return .failure(problem) }
        return .success(())
    }

    /// Writes every part `contents` hands over; the first problem, if any.
    static func writeAll(_ fd: Int32, _ contents: (_ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool) -> FileProblem? {
        var problem: FileProblem? = nil
        let finished = contents { part in
            problem = writeAll(fd, part)
            return problem == nil
        }
        if let problem { return problem }
        return finished ? nil : .system(EIO)  // stopped without a failed write: treat it as one
    }

    /// Writes every byte, retrying after EINTR and short writes; the problem, if any.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> FileProblem? {
        bytes.withUnsafeBytes { writeAll(fd, $0) }
    }

    /// The same, for bytes anywhere in memory.
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer) -> FileProblem? {
        var written = 0
        while written < raw.count {
            let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
            if n < 0 { if errno == EINTR { continue }; return .current }
            written += n
        }
        return nil
    }

    static func replace(_ path: String, directory: String, contents: (_ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool, overwrite: Bool, replaced: stat?, newMode: mode_t) -> Result<Void, WriteError> {
        func failure(_ problem: FileProblem) -> Result<Void, WriteError> { .failure(WriteError(path: path, problem: problem)) }
        var tempPath = ""
        var fd: Int32 = -1
        for _ in 0..<100 {
            tempPath = directory + "/.catalyse-tmp-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            // A new file gets newMode less the umask (the kernel applies it); a replacement
            // starts private and takes the old file's mode below.
            fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, replaced == nil ? newMode : 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { return failure(.current) }
        var ok = false
        defer { if !ok { unlink(tempPath) } }
        if let old = replaced {
            if old.st_uid != geteuid() || old.st_gid != getegid() { _ = fchown(fd, old.st_uid, old.st_gid) }
            fchmod(fd, old.st_mode & 0o777)
        }
        if let problem = writeAll(fd, contents) { close(fd); return failure(problem) }
        if fsync(fd) != 0 { let problem = FileProblem.current; close(fd); return failure(problem) }
        close(fd)
        if overwrite {
            if rename(tempPath, path) != 0 { return failure(.current) }
        } else {
            if link(tempPath, path) != 0 { return failure(errno == EEXIST ? .exists : .current) }
            unlink(tempPath)
        }
        ok = true
        let dirFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
        return .success(())
    }
}

import Foundation
import Glibc

/// Writes a whole file or nothing: a temporary file in the same folder, fsync, rename, fsync of
/// the folder. Without `overwrite`, an existing file is never replaced (the final step is a hard
/// link, which fails if the name exists).
public enum AtomicFile {
    public struct WriteError: Error, Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case exists, missingFolder, other }
        public var path: String
        public var reason: String
        public var kind: Kind
    }

    public static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) -> Result<Void, WriteError> {
        write(parts: [bytes], to: path, overwrite: overwrite)
    }

    /// The same, for a file made of `parts` written one after the other.
    public static func write(parts: [[UInt8]], to path: String, overwrite: Bool) -> Result<Void, WriteError> {
        let directory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        func failure(_ kind: WriteError.Kind = .other, _ reason: String? = nil) -> Result<Void, WriteError> {
            .failure(WriteError(path: path, reason: reason ?? String(cString: strerror(errno)), kind: kind))
        }
        var info = stat()
        if stat(directory, &info) != 0 { return failure(.missingFolder, "the folder \(directory) does not exist") }
        if (info.st_mode & S_IFMT) != S_IFDIR { return failure(.missingFolder, "\(directory) is not a folder") }
        if !overwrite, lstat(path, &info) == 0 { return failure(.exists, "the file already exists") }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return failure(.other, "it is a directory") }
        var template = Array((directory + "/.catalyse-tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return failure() }
        let tempPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        defer { if !ok { unlink(tempPath) } }
        var status: Int32 = 0
        for part in parts where status == 0 {
            var written = 0
            status = part.withUnsafeBytes { raw in
                while written < raw.count {
                    let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                    if n < 0 { if errno == EINTR { continue }; return errno }
                    written += n
                }
                return 0
            }
        }
        if status != 0 { let e = status; close(fd); errno = e; return failure() }
        fchmod(fd, 0o644)
        if fsync(fd) != 0 { let e = errno; close(fd); errno = e; return failure() }
        close(fd)
        if overwrite {
            if rename(tempPath, path) != 0 { return failure() }
        } else {
            if link(tempPath, path) != 0 {
                return errno == EEXIST ? failure(.exists, "the file already exists") : failure()
            }
            unlink(tempPath)
        }
        ok = true
        let dirFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 { fsync(dirFD); close(dirFD) }
        return .success(())
    }
}

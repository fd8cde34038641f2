import Foundation
import Glibc

/// Getting a catalogue file's bytes: a regular file is memory-mapped (read straight from the
/// page cache, never copied); a pipe or a device is read up to one byte past the size limit.
enum FileReading {
    /// A read-only private mapping of a whole file.
    struct Mapping: @unchecked Sendable {
        let address: UnsafeMutableRawPointer
        let length: Int
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: address, count: length) }
        func unmap() { munmap(address, length) }
    }

    enum Contents {
        case empty
        case mapped(Mapping)
        case read([UInt8])
        /// Over the limit (the size when known).
        case tooLarge(Int?)
    }

    static func failure(_ path: String) -> CatalogueLoader.ReadError {
        .unreadable(path, reason: String(cString: strerror(errno)))
    }

    static func read(_ path: String, limit: Int) throws(CatalogueLoader.ReadError) -> Contents {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .notFound(path) }
            throw failure(path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path, reason: "it is a directory") }
        if (info.st_mode & S_IFMT) == S_IFREG {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw failure(path) }
            defer { close(fd) }
            // The size of the file opened (it may have changed since `stat`): never map past its end.
            guard fstat(fd, &info) == 0 else { throw failure(path) }
            let size = Int(info.st_size)
            if size > limit { return .tooLarge(size) }
            if size == 0 { return .empty }
            let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0)
            guard let mapped, mapped != MAP_FAILED else { throw failure(path) }
            return .mapped(Mapping(address: mapped, length: size))
        }
        // A pipe or a device: read at most one byte past the limit.
        guard let handle = FileHandle(forReadingAtPath: path) else { throw failure(path) }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            throw .unreadable(path, reason: "read error")
        }
        if data.count > limit { return .tooLarge(nil) }
        return .read([UInt8](data))
    }
}

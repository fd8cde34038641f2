import Glibc

/// Getting a catalogue file's bytes, through `InputFile` (never blocking on a FIFO, never
/// reading a device, the size limit applied first): a regular file is memory-mapped and
/// registered with `MappingGuard`, or, when `copyBelow` allows it (compiled catalogues up to
/// `CatalogueLoader.mapAbove`), read into memory the catalogue owns; a pipe given by the user
/// (standard input, `<(…)`) is read up to one byte past the limit.
enum FileReading {
    /// A read-only private mapping of a whole file, guarded while it exists.
    struct Mapping: @unchecked Sendable {
        let address: UnsafeMutableRawPointer
        let length: Int
        let guardSlot: Int?
        var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: address, count: length) }
        func unmap() {
            munmap(address, length)
            if let guardSlot { MappingGuard.unregister(guardSlot) }
        }
    }

    enum Contents {
        case empty
        case mapped(Mapping)
        /// Read into 8-byte-aligned memory owned by `storage`.
        case copied(ColumnStorage, UnsafeRawBufferPointer)
        case read([UInt8])
        /// Over the limit (the size when known).
        case tooLarge(Int?)
    }

    static func failure(_ path: String, _ failure: InputFile.Failure) -> CatalogueLoader.ReadError {
        switch failure {
        case .notFound: .notFound(path)
        case .problem(let problem): .unreadable(path, reason: problem)
        }
    }

    static func read(_ path: String, limit: Int, copyBelow: Int? = nil) throws(CatalogueLoader.ReadError) -> Contents {
        let opened: InputFile.Opened
        switch InputFile.open(path, links: .follow, pipes: true) {
        case .success(let o): opened = o
        case .failure(let f): throw failure(path, f)
        }
        var keep = false
        defer { if !keep { close(opened.descriptor) } }
        if opened.isPipe {
            switch InputFile.readAll(opened.descriptor, limit: limit, expected: nil) {
            case .success(let bytes): return .read(bytes)
            case .failure(.problem(.tooLarge)): return .tooLarge(nil)
            case .failure(let f): throw failure(path, f)
            }
        }
        // The size of the file opened (it may have changed since `stat`): never map past its end.
        let size = opened.size
        if size > limit { return .tooLarge(size) }
        if size == 0 { return .empty }
        if let copyBelow, size <= copyBelow {
            let storage = ColumnStorage()
            let memory = storage.allocate(size)
            var done = 0
            while done < size {
                let n = Glibc.read(opened.descriptor, memory.baseAddress! + done, size - done)
                if n < 0 { if errno == EINTR { continue }; throw .unreadable(path, reason: .current) }
                if n == 0 { throw .unreadable(path, reason: .changedWhileRead) }
                done += n
            }
            return .copied(storage, UnsafeRawBufferPointer(memory))
        }
        let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, opened.descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else { throw .unreadable(path, reason: .current) }
        let slot = MappingGuard.register(descriptor: opened.descriptor, info: opened.info, path: path)
        keep = slot != nil
        return .mapped(Mapping(address: mapped, length: size, guardSlot: slot))
    }
}

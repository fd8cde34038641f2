import Glibc

/// The files catalyse reads through a memory mapping, watched for a change underneath it.
///
/// A file mapped into memory can be truncated or rewritten by another program while it is in
/// use: reading a page past its new end raises SIGBUS, and changed bytes can make a record that
/// was checked at opening no longer decode. Compiled catalogues up to
/// `CatalogueLoader.mapAbove` are therefore copied into memory rather than mapped (nothing can
/// change them afterwards); larger ones, and YAML or JSON files while they are parsed, are
/// mapped and registered here. When something goes wrong on one of them — a fatal signal, or a
/// record that no longer decodes — the program asks `changedFile()` whether a registered file
/// changed since it was mapped (its size or modification time, from `fstat` on the descriptor
/// kept open), and if so reports « le fichier a changé pendant la lecture » and exits instead
/// of crashing (the command line installs the reporter: `MappingGuard.reporter`).
public enum MappingGuard {
    struct Entry {
        var active = false
        var descriptor: Int32 = -1
        var size: Int = 0
        var modifiedSeconds = 0
        var modifiedNanoseconds = 0
        var path: UnsafeMutablePointer<CChar>? = nil
    }

    static let capacity = 8
    /// Fixed storage, so that a signal handler can read it without allocating.
    nonisolated(unsafe) static let entries: UnsafeMutablePointer<Entry> = {
        let p = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
        p.initialize(repeating: Entry(), count: capacity)
        return p
    }()
    nonisolated(unsafe) static var lock = pthread_mutex_t()
    nonisolated(unsafe) static var lockReady = false

    /// What the program does when a mapped file changed under it (restore the terminal, say so,
    /// exit). Set once by the command line at start; without it, the program stops with the
    /// same words as a fatal error.
    nonisolated(unsafe) public static var reporter: (@Sendable (String) -> Never)? = nil

    static func withLock<T>(_ body: () -> T) -> T {
        if !lockReady { pthread_mutex_init(&lock, nil); lockReady = true }
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return body()
    }

    /// Registers an open file whose content is mapped; keeps `descriptor` (closed by
    /// `unregister`). Returns the slot, or nil when every slot is taken (the file is then only
    /// unguarded, never refused).
    static func register(descriptor: Int32, info: stat, path: String) -> Int? {
        withLock {
            for slot in 0..<capacity where !entries[slot].active {
                entries[slot] = Entry(active: true, descriptor: descriptor, size: Int(info.st_size),
                                      modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec),
                                      path: strdup(path))
                return slot
            }
            return nil
        }
    }

    static func unregister(_ slot: Int) {
        withLock {
            guard entries[slot].active else { return }
            entries[slot].active = false
            close(entries[slot].descriptor)
            free(entries[slot].path)
            entries[slot].path = nil
        }
    }

    /// The path of a registered file that changed since it was mapped, if any. Safe in a
    /// signal handler: it only reads fixed memory and calls `fstat`.
    public static func changedFile() -> UnsafePointer<CChar>? {
        for slot in 0..<capacity {
            let e = entries[slot]
            guard e.active, let path = e.path else { continue }
            var now = stat()
            if fstat(e.descriptor, &now) != 0 { return UnsafePointer(path) }
            if Int(now.st_size) != e.size || Int(now.st_mtim.tv_sec) != e.modifiedSeconds
                || Int(now.st_mtim.tv_nsec) != e.modifiedNanoseconds {
                return UnsafePointer(path)
            }
        }
        return nil
    }

    /// A record of the mapped file `path` no longer decodes: the file changed under the program.
    static func fileChanged(_ path: String, detail: String) -> Never {
        if let reporter { reporter(path) }
        fatalError("catalyse: \(path) changed while it was read (\(detail))")
    }
}

import Glibc

/// The offer records of a catalogue being compiled (`catalyse compile`), appended firm after
/// firm as the firms are read (`FirmPipeline`) and read back once, in order, when the compiled
/// file is written (`CompiledWriter.write(_: StreamedCatalogue, …)`).
///
/// They are kept in a temporary file beside the output (created with `mkstemp` and unlinked at
/// once, so nothing is left behind even if the program is killed): written once and read once
/// from start to end, records have no reason to stay in the process's memory, where at
/// 1,000,000 offers they would take some 560 MB of the 1.5 GiB the compile may use; the
/// system's page cache holds them as long as it has room. Where no such file can be made (a
/// folder that cannot be written, a device as the output), or once a write to it fails, the
/// records are kept in memory, in parts of 4 MiB (never one growing array copied at each
/// doubling); whatever cannot be written where the output goes is then reported by the write
/// of the output itself, as before.
final class RecordSpool: @unchecked Sendable {
    // Touched by one thread at a time (the pipeline's adding worker, then the writer).
    private var fd: Int32 = -1
    /// Bytes in the file; those after are in `chunks`, then `pending`.
    private var inFile = 0
    private var chunks: [[UInt8]] = []
    private var pending: [UInt8] = []
    /// The size of the parts written (and kept in memory).
    private let part: Int
    /// Where each record ends: `count + 1` entries from 0.
    private(set) var ends: [UInt64] = [0]
    private(set) var size = 0

    var count: Int { ends.count - 1 }

    /// A spool in the folder of `path` (or in memory when no file can be made there).
    init(beside path: String, part: Int = 4 << 20) {
        self.part = part
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        var template = Array(((folder.isEmpty ? "/" : folder) + "/.catalyse-records-XXXXXX").utf8CString)
        // An output that exists and is not a regular file (a device: `/dev/stdout`) has no
        // folder of its own to spool into.
        var info = stat()
        if stat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG { return }
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd >= 0 {
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
            self.fd = fd
        }
        pending.reserveCapacity(part)
    }

    /// In memory only (tests).
    init(part: Int = 4 << 20) { self.part = part }

    /// Whether the records go to a file (tests).
    var usesFile: Bool { fd >= 0 }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends records, side by side, each ending at `recordEnds` (counted from `records`' start).
    func append(_ records: [UInt8], ends recordEnds: [Int]) {
        let base = UInt64(size)
        for end in recordEnds { ends.append(base + UInt64(end)) }
        size += records.count
        pending += records
        if pending.count >= part { flush() }
    }

    /// Moves `pending` to the file, or to `chunks` when there is no file (any more).
    private func flush() {
        guard !pending.isEmpty else { return }
        if fd >= 0 && chunks.isEmpty {
            var done = 0
            let ok = pending.withUnsafeBytes { raw -> Bool in
                while done < raw.count {
                    let n = write(fd, raw.baseAddress! + done, raw.count - done)
                    if n < 0 { if errno == EINTR { continue }; return false }
                    done += n
                }
                return true
            }
            inFile += done
            if ok { pending.removeAll(keepingCapacity: true); return }
            pending.removeFirst(done)  // the rest stays in memory, and so does everything after it
        }
        chunks.append(pending)
        pending = []
        pending.reserveCapacity(part)
    }

    /// Hands every record byte, in order, to `emit` (parts of up to 4 MiB); false at the first
    /// part `emit` refuses, or if the file cannot be read back.
    func forEachPart(_ emit: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        if inFile > 0 {
            var buffer = [UInt8](repeating: 0, count: part)
            var offset = 0
            while offset < inFile {
                let want = min(part, inFile - offset)
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(offset)) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return false }
                guard buffer.withUnsafeBytes({ emit(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }) else { return false }
                offset += n
            }
        }
        for chunk in chunks { guard chunk.withUnsafeBytes(emit) else { return false } }
        return pending.withUnsafeBytes(emit)
    }
}

import Glibc

/// A read-only array of fixed-width values in memory owned by a `ColumnStorage` (the heap, or a
/// memory-mapped compiled catalogue). Copying or reading it never touches a reference count,
/// which keeps the query loops tight; whoever holds a column also holds its storage.
public struct Column<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    let base: UnsafePointer<Element>?
    public let count: Int

    init(base: UnsafePointer<Element>?, count: Int) { self.base = base; self.count = count }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always)
    public subscript(i: Int) -> Element {
        precondition(i >= 0 && i < count, "column index out of range")
        return base.unsafelyUnwrapped[i]
    }

    public var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// An empty column.
    static var empty: Column { Column(base: nil, count: 0) }
}

/// The memory behind a set of columns: heap copies of arrays, or one read-only file mapping.
/// Freed (or unmapped) with the last reference.
final class ColumnStorage: @unchecked Sendable {
    private var allocations: [UnsafeMutableRawPointer] = []
    private let mapping: FileReading.Mapping?

    init() { mapping = nil }
    /// Takes ownership of a file mapping (and of its guard).
    init(mapping: FileReading.Mapping) { self.mapping = mapping }

    /// The path of the mapped file whose guard watches it, if this storage is a guarded mapping.
    var mappedPath: String? {
        guard let slot = mapping?.guardSlot, let path = MappingGuard.entries[slot].path else { return nil }
        return String(cString: path)
    }

    /// `count` bytes of 8-byte-aligned memory owned by the storage (for a file read whole).
    func allocate(_ count: Int) -> UnsafeMutableRawBufferPointer {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 8)
        allocations.append(memory)
        return UnsafeMutableRawBufferPointer(start: memory, count: count)
    }

    /// An 8-byte-aligned heap copy of `bytes`.
    func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        if let base = bytes.baseAddress { memory.copyMemory(from: base, byteCount: bytes.count) }
        allocations.append(memory)
        return UnsafeRawBufferPointer(start: memory, count: bytes.count)
    }

    /// A column holding a copy of `array`.
    func column<T: BitwiseCopyable>(_ array: [T]) -> Column<T> {
        column(count: array.count) { _ = $0.initialize(from: array) }
    }

    /// A column of `count` values written by `fill` (which must initialise every one).
    func column<T: BitwiseCopyable>(count: Int, _ fill: (UnsafeMutableBufferPointer<T>) -> Void) -> Column<T> {
        guard count > 0 else { return .empty }
        let memory = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        fill(memory)
        allocations.append(UnsafeMutableRawPointer(memory.baseAddress!))
        return Column(base: UnsafePointer(memory.baseAddress!), count: count)
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
        mapping?.unmap()
    }
}


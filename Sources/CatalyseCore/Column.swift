#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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
    private let mapping: (address: UnsafeMutableRawPointer, length: Int)?

    init() { mapping = nil }
    /// Takes ownership of a `mmap`ped region.
    init(mapping address: UnsafeMutableRawPointer, length: Int) { mapping = (address, length) }

    /// An 8-byte-aligned heap copy of `bytes`.
    func copy(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 8)
        if let base = bytes.baseAddress { memory.copyMemory(from: base, byteCount: bytes.count) }
        allocations.append(memory)
        return UnsafeRawBufferPointer(start: memory, count: bytes.count)
    }

    /// A column holding a copy of `array`.
    func column<T: BitwiseCopyable>(_ array: [T]) -> Column<T> {
        guard !array.isEmpty else { return .empty }
        let memory = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
        _ = memory.initialize(from: array)
        allocations.append(UnsafeMutableRawPointer(memory.baseAddress!))
        return Column(base: UnsafePointer(memory.baseAddress!), count: array.count)
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
        if let mapping { munmap(mapping.address, mapping.length) }
    }
}

/// A sorted list of distinct words (UTF-8, byte order) with, for each, the sorted offers that
/// contain it: the word-prefix index.
struct WordList: Sendable {
    /// Word `i` is `bytes[offsets[i] ..< offsets[i + 1]]`; `count + 1` entries.
    let offsets: Column<UInt32>
    let bytes: Column<UInt8>
    /// Offers of word `i` are `postings[postingStarts[i] ..< postingStarts[i + 1]]`.
    let postingStarts: Column<UInt64>
    let postings: Column<Int32>

    var count: Int { max(0, offsets.count - 1) }

    @inline(__always)
    func word(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(offsets[i]), end = Int(offsets[i + 1])
        return UnsafeBufferPointer(rebasing: bytes.buffer[start..<end])
    }

    @inline(__always)
    func offers(_ i: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: postings.buffer[Int(postingStarts[i])..<Int(postingStarts[i + 1])])
    }

    /// Byte order of `word` against `prefix`, comparing only the prefix's length: negative if
    /// the word sorts before every word starting with the prefix, 0 if it starts with it.
    @inline(__always)
    static func compare(_ word: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Int {
        let n = min(word.count, prefix.count)
        if n > 0 {
            let c = memcmp(word.baseAddress!, prefix.baseAddress!, n)
            if c != 0 { return Int(c) }
        }
        return word.count < prefix.count ? -1 : 0
    }

    /// The range of words that start with `prefix`.
    func prefixRange(_ prefix: [UInt8]) -> Range<Int> {
        prefix.withUnsafeBufferPointer { p in
            var low = 0, high = count
            while low < high {
                let mid = (low + high) / 2
                if WordList.compare(word(mid), p) < 0 { low = mid + 1 } else { high = mid }
            }
            var upper = low, top = count
            while upper < top {
                let mid = (upper + top) / 2
                if WordList.compare(word(mid), p) <= 0 { upper = mid + 1 } else { top = mid }
            }
            return low..<upper
        }
    }

    /// Builds the list from words numbered in first-seen order and their posting lists.
    static func build(words: [[UInt8]], postings: [[Int32]], in storage: ColumnStorage) -> WordList {
        let order = words.indices.sorted { words[$0].lexicographicallyPrecedes(words[$1]) }
        var offsets: [UInt32] = [0]
        var bytes: [UInt8] = []
        var starts: [UInt64] = [0]
        var flat: [Int32] = []
        offsets.reserveCapacity(order.count + 1)
        starts.reserveCapacity(order.count + 1)
        flat.reserveCapacity(postings.reduce(0) { $0 + $1.count })
        for i in order {
            bytes.append(contentsOf: words[i])
            offsets.append(UInt32(bytes.count))
            flat.append(contentsOf: postings[i])
            starts.append(UInt64(flat.count))
        }
        return WordList(offsets: storage.column(offsets), bytes: storage.column(bytes),
                        postingStarts: storage.column(starts), postings: storage.column(flat))
    }
}

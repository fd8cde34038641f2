import Synchronization

/// The index's per-offer masks turned sideways: for every facet bit, for `national`, for every
/// région and every département, the set of offers that have it, 64 offers per word, by
/// their position in the default order (`SearchIndex.positionOf`). The
/// counts of a query are then popcounts of whole words (`Query.swift`), not a walk of each
/// matching offer's bits.
///
/// Laid out word-major: the `planeCount` words of offers `64w ..< 64w + 64` follow each other,
/// so that counting reads memory in one stream. Built from the mask columns (the compiled
/// format does not store it), on every core, the first time an index counts.
struct ValuePlanes: @unchecked Sendable {
    /// Planes 0..<64: facet bits; 64: national; then the régions, then the départements.
    static let national = 64
    static let firstRegion = 65
    static let firstDepartment = firstRegion + Territories.regionCodes.count
    static let planeCount = firstDepartment + Territories.departments.count

    /// Words of 64 offers.
    let wordCount: Int
    /// The offers of the heaviest short prefixes (`PrefixSets`), built with the planes.
    let prefixes: PrefixSets
    let storage: ColumnStorage
    let words: UnsafePointer<UInt64>

    @inline(__always)
    func block(_ w: Int) -> UnsafePointer<UInt64> { words + w * ValuePlanes.planeCount }

    static func build(_ columns: IndexColumns, positions: [Int32]) -> ValuePlanes {
        let n = positions.count
        let wordCount = (n + 63) / 64
        let storage = ColumnStorage()
        let memory = storage.allocate(max(1, wordCount * planeCount) * 8).bindMemory(to: UInt64.self)
        memory.initialize(repeating: 0)
        let prefixes = PrefixSets.build(columns, positions: positions)
        let base = UncheckedSendable(memory)
        // Each part fills whole words of 64 offers: no two parts write the same word.
        _ = Parallel.map(wordCount, parts: Parallel.parts(for: n)) { range in
            let out = base.value
            for w in range {
                let block = out.baseAddress! + w * planeCount
                for position in (w << 6) ..< min(n, (w + 1) << 6) {
                    let i = Int(columns.defaultOrder[position])
                    let bit: UInt64 = 1 << UInt64(position & 63)
                    set(columns.facetMasks[i], into: block, bit: bit)
                    if columns.coversNational[i] != 0 { block[national] |= bit }
                    set(UInt64(columns.regionMasks[i]), into: block + firstRegion, bit: bit)
                    set(columns.departmentMasks[2 * i], into: block + firstDepartment, bit: bit)
                    set(columns.departmentMasks[2 * i + 1], into: block + firstDepartment + 64, bit: bit)
                }
            }
            return 0
        }
        return ValuePlanes(wordCount: wordCount, prefixes: prefixes, storage: storage, words: UnsafePointer(memory.baseAddress!))
    }

    @inline(__always)
    private static func set(_ mask: UInt64, into planes: UnsafeMutablePointer<UInt64>, bit: UInt64) {
        var m = mask
        while m != 0 {
            planes[m.trailingZeroBitCount] |= bit
            m &= m - 1
        }
    }
}

/// The offers of every prefix of one or two bytes whose words have, together, more postings
/// than there are offers (`s`, `st`, `co`…: the first keystrokes, which match most of a large
/// catalogue): for those, reading a ready set costs less than reading millions of postings.
/// At most (postings ÷ offers) prefixes of each length qualify, so the sets take at most
/// twice the bytes of the postings they stand for, divided by 32.
struct PrefixSets: Sendable {
    var all: [[UInt8]: Bitset] = [:]
    var title: [[UInt8]: Bitset] = [:]
    static let longest = 2

    /// `threshold` is for tests; by default, the number of offers (at least 4,096).
    static func build(_ columns: IndexColumns, positions: [Int32], threshold: Int? = nil) -> PrefixSets {
        let n = positions.count
        let threshold = threshold ?? max(n, 4096)
        let lists = [columns.words, columns.titleWords]
        // One task per list and length, on every core.
        let tasks = lists.indices.flatMap { l in (1...longest).map { (l, $0) } }
        let built = Parallel.map(tasks.count, parts: n >= 20_000 ? tasks.count : 1) { range in
            range.map { t in sets(lists[tasks[t].0], length: tasks[t].1, threshold: threshold, positions: positions) }
        }.flatMap { $0 }
        var result = PrefixSets()
        for (t, sets) in built.enumerated() {
            for (prefix, set) in sets {
                if tasks[t].0 == 0 { result.all[prefix] = set } else { result.title[prefix] = set }
            }
        }
        return result
    }

    /// The sets of the prefixes of `length` bytes with more than `threshold` postings.
    static func sets(_ list: WordList, length: Int, threshold: Int, positions: [Int32]) -> [([UInt8], Bitset)] {
        let n = positions.count
        var result: [([UInt8], Bitset)] = []
        var i = 0
        while i < list.count {
            let word = list.word(i)
            guard word.count >= length else { i += 1; continue }
            let prefix = Array(word.prefix(length))
            let range = list.prefixRange(prefix)
            let postings = Int(list.postingStarts[range.upperBound]) - Int(list.postingStarts[range.lowerBound])
            if postings > threshold {
                var set = Bitset(universe: n)
                positions.withUnsafeBufferPointer { p in
                    set.insert(all: UnsafeBufferPointer(rebasing: list.postings.buffer[Int(list.postingStarts[range.lowerBound]) ..< Int(list.postingStarts[range.upperBound])]), through: p)
                }
                result.append((prefix, set))
            }
            i = max(range.upperBound, i + 1)
        }
        return result
    }
}

/// A value computed once, on first use, by whichever thread asks first.
final class Once<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        state.withLock { value in
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }
}

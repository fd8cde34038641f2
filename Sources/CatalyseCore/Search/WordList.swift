import Glibc

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

    /// Builds the list from words numbered in first-seen order (`word(i)`) and their posting
    /// lists, written straight into `storage`; each posting list is freed once copied, so the
    /// two forms are never both whole in memory.
    static func build(count: Int, word: (Int) -> ArraySlice<UInt8>, postings: inout [[Int32]], in storage: ColumnStorage) -> WordList {
        let order = (0..<count).sorted { word($0).lexicographicallyPrecedes(word($1)) }
        let totalBytes = order.reduce(0) { $0 + word($1).count }
        let totalPostings = postings.reduce(0) { $0 + $1.count }
        let offsets: Column<UInt32> = storage.column(count: count + 1) { out in
            var at = 0
            out[0] = 0
            for (k, i) in order.enumerated() { at += word(i).count; out[k + 1] = UInt32(at) }
        }
        let bytes: Column<UInt8> = storage.column(count: totalBytes) { out in
            var at = 0
            for i in order { for b in word(i) { out[at] = b; at += 1 } }
        }
        let starts: Column<UInt64> = storage.column(count: count + 1) { out in
            var at = 0
            out[0] = 0
            for (k, i) in order.enumerated() { at += postings[i].count; out[k + 1] = UInt64(at) }
        }
        let flat: Column<Int32> = storage.column(count: totalPostings) { out in
            var at = 0
            for i in order {
                for o in postings[i] { out[at] = o; at += 1 }
                postings[i] = []
            }
        }
        return WordList(offsets: offsets, bytes: bytes, postingStarts: starts, postings: flat)
    }
}

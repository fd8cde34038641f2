import Glibc

/// Numbers distinct words (UTF-8 bytes) in first-seen order with an open-addressing hash table,
/// and collects each word's offers.
struct WordNumbering {
    private var bytes: [UInt8] = []
    private var offsets: [UInt32] = [0]
    private var table = [Int32](repeating: -1, count: 1024)
    private(set) var postings: [[Int32]] = []

    var count: Int { postings.count }

    func bytes(of id: Int) -> ArraySlice<UInt8> { bytes[Int(offsets[id])..<Int(offsets[id + 1])] }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }

    mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
        var mask = table.count - 1
        var slot = Int(truncatingIfNeeded: WordNumbering.hash(word)) & mask
        while true {
            let id = table[slot]
            if id < 0 { break }
            let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
            if end - start == word.count && bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, word.baseAddress!, word.count) == 0 }) {
                return id
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(postings.count)
        bytes.append(contentsOf: word)
        offsets.append(UInt32(bytes.count))
        postings.append([])
        if postings.count * 2 > table.count {
            table = [Int32](repeating: -1, count: table.count * 2)
            mask = table.count - 1
            for existing in 0..<postings.count {
                let h = bytes(of: existing).withUnsafeBufferPointer { WordNumbering.hash($0) }
                var s = Int(truncatingIfNeeded: h) & mask
                while table[s] >= 0 { s = (s + 1) & mask }
                table[s] = Int32(existing)
            }
        } else {
            table[slot] = id
        }
        return id
    }

    /// Adds the words and postings of a numbering of later offers (empties it on the way).
    mutating func absorb(_ later: inout WordNumbering) {
        for id in 0..<later.count {
            let mine = Int(later.bytes(of: id).withUnsafeBufferPointer { number($0) })
            postings[mine].reserveCapacity(postings[mine].count + later.postings[id].count)  // exactly, not doubled
            postings[mine] += later.postings[id]
            later.postings[id] = []
        }
    }

    /// Records `offer` once for each distinct id (sorts and empties `ids`).
    mutating func post(ids: inout [Int32], offer: Int32) {
        ids.sort()
        var previous: Int32 = -1
        for id in ids where id != previous { postings[Int(id)].append(offer); previous = id }
    }

    /// The finished list; empties this numbering's posting lists on the way.
    mutating func wordList(in storage: ColumnStorage) -> WordList {
        let (bytes, offsets) = (self.bytes, self.offsets)
        return WordList.build(count: count, word: { bytes[Int(offsets[$0])..<Int(offsets[$0 + 1])] }, postings: &postings, in: storage)
    }
}

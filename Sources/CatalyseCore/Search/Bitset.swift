/// A fixed-size set of offer indices, 64 per word: the unit of every query step.
struct Bitset: Equatable, Sendable {
    private(set) var words: [UInt64]
    /// How many indices the set can hold (`0..<universe`), not how many it holds.
    let universe: Int

    init(universe: Int, filled: Bool = false) {
        self.universe = universe
        let n = (universe + 63) / 64
        words = Array(repeating: filled ? ~0 : 0, count: n)
        if filled, universe % 64 != 0, n > 0 { words[n - 1] = (1 << UInt64(universe % 64)) - 1 }
    }

    @inline(__always) func contains(_ i: Int) -> Bool { words[i >> 6] & (1 << UInt64(i & 63)) != 0 }
    @inline(__always) mutating func insert(_ i: Int) { words[i >> 6] |= 1 << UInt64(i & 63) }

    mutating func formIntersection(_ other: Bitset) {
        let n = words.count
        words.withUnsafeMutableBufferPointer { mine in
            other.words.withUnsafeBufferPointer { theirs in
                for i in 0..<n { mine[i] &= theirs[i] }
            }
        }
    }

    /// Sets the index `position[m]` of every member `m` (each below `universe`).
    mutating func insert(all members: UnsafeBufferPointer<Int32>, through position: UnsafeBufferPointer<Int32>) {
        let universe = self.universe
        precondition(position.count == universe, "one position per offer")
        words.withUnsafeMutableBufferPointer { w in
            for m in members {
                precondition(m >= 0 && Int(m) < universe, "bit set member out of range")
                let i = Int(position[Int(m)])
                precondition(i >= 0 && i < universe, "bit set member out of range")
                w[i >> 6] |= 1 << UInt64(i & 63)
            }
        }
    }

    /// The words, to be written directly (bits at or above `universe` must stay clear).
    mutating func withUnsafeMutableWords<R>(_ body: (UnsafeMutableBufferPointer<UInt64>) -> R) -> R {
        words.withUnsafeMutableBufferPointer { body($0) }
    }

    /// How many indices the set holds.
    var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Calls `body` with each member in increasing order.
    @inline(__always)
    func forEach(_ body: (Int) -> Void) {
        for (w, var word) in words.enumerated() {
            while word != 0 {
                let bit = word.trailingZeroBitCount
                body(w << 6 | bit)
                word &= word - 1
            }
        }
    }
}

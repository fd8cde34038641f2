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
        for i in words.indices { words[i] &= other.words[i] }
    }

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

import Foundation

/// Splitting work over the cores: what opening a compiled catalogue and building the index do
/// with their offers.
enum Parallel {
    /// How many parts to split `n` items into: one per core (at most 8) from `from` items (20,000
    /// by default), below which one part costs less than starting the threads.
    static func parts(for n: Int, from: Int = 20_000) -> Int {
        n >= from ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1
    }

    /// `body` over `parts` consecutive ranges that cover `0..<n`, each on a thread of its own
    /// (on the calling thread when there is one part), and the results in range order. `body`
    /// may only read what it shares with the other parts.
    static func map<T>(_ n: Int, parts: Int, _ body: (Range<Int>) -> T) -> [T] {
        if parts <= 1 { return [body(0..<n)] }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: parts)
        results.initialize(repeating: nil)
        defer { results.deinitialize(); results.deallocate() }
        return withoutActuallyEscaping(body) { body in
            // Each part writes only its own slot.
            let shared = UncheckedSendable((results, body))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let (results, body) = shared.value
                results[part] = body((n * part / parts)..<(n * (part + 1) / parts))
            }
            return (0..<parts).map { part in
                var result: T? = nil
                swap(&result, &results[part])  // moved out, not copied
                return result!
            }
        }
    }
}

/// A value handed to worker threads that only read it (or write disjoint parts).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

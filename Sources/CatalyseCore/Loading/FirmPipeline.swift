import Foundation

/// Reads the firms of a catalogue on other threads while the parser (YAML or JSON, on the
/// calling thread) produces them: parsing and reading overlap, and the firms are read on every
/// core (two workers here; at most four).
///
/// Each firm is read apart (`CatalogueReader.readApart`), in whatever order the workers take
/// them; `finish` then adds them to the reader in the file's order (`CatalogueReader.add`), which
/// runs the duplicate-id checks and places their errors, so the catalogue and the diagnostics are
/// exactly those of reading the firms one after the other (`FirmPipelineTests`). At most `bound`
/// parsed firms wait for a worker, so a large file never exists as one tree (the JSON reader's
/// promise). Used from a size where the threads cost less than they save
/// (`CatalogueLoader.pipelineFrom`).
final class FirmPipeline: @unchecked Sendable {
    // Everything below is touched only under `condition`, except `reader`, which only `finish`
    // uses, and the slots of `results`, each written by one worker before it reports.
    private let condition = NSCondition()
    private var waiting: [(index: Int, node: DocumentNode)] = []
    private var head = 0
    private var results: [FirmRead?] = []
    private var ended = false
    private var workersDone = 0
    private let workers: Int
    private var reader: CatalogueReader
    private let bound: Int

    init(reader: CatalogueReader, bound: Int = 64) {
        self.reader = reader
        self.bound = bound
        workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4)
        let (file, today) = (reader.file, reader.today)
        for _ in 0..<workers {
            let thread = Thread { [self] in self.work(file: file, today: today) }
            thread.stackSize = 8 << 20  // as the main thread's
            thread.start()
        }
    }

    /// Hands the next parsed firm to the workers (waits while `bound` firms are already waiting).
    func send(_ node: DocumentNode) {
        condition.lock()
        while waiting.count - head >= bound { condition.wait() }
        waiting.append((results.count, node))
        results.append(nil)
        condition.broadcast()
        condition.unlock()
    }

    /// No more firms: waits for the workers to read those sent, adds them to the reader in
    /// order, and returns it.
    func finish() -> CatalogueReader {
        condition.lock()
        ended = true
        condition.broadcast()
        while workersDone < workers { condition.wait() }
        condition.unlock()
        for i in results.indices {
            var read: FirmRead? = nil
            swap(&read, &results[i])  // moved out, not copied
            reader.add(read!)
        }
        return reader
    }

    private func work(file: String, today: Day) {
        while true {
            condition.lock()
            while head == waiting.count && !ended { condition.wait() }
            if head == waiting.count {  // ended, and nothing left
                workersDone += 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let (index, node) = waiting[head]
            waiting[head].node = DocumentNode(kind: .invalid, position: node.position)  // the tree is freed once read
            head += 1
            if head == waiting.count { waiting.removeAll(keepingCapacity: true); head = 0 }
            condition.broadcast()  // the parser may wait for room
            condition.unlock()
            let read = CatalogueReader.readApart(node, index: index, file: file, today: today)
            condition.lock()
            results[index] = read
            condition.unlock()
        }
    }
}

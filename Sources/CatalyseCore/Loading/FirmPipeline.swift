import Foundation

/// Reads the firms of a catalogue on other threads while the parser (YAML or JSON, on the
/// calling thread) produces them: parsing and reading overlap, and the firms are read on every
/// core (two workers here; at most four).
///
/// Each firm is read apart (`CatalogueReader.readApart`), in whatever order the workers take
/// them, and the worker that read it also numbers its offers' words (`FirmIndexPart`) and, when
/// compiling, encodes their records. The firms are added to the reader in the file's order
/// (`CatalogueReader.add`) as soon as the next one is read, by whichever worker read it, while
/// the parser goes on: that runs the duplicate-id checks and places their errors, so the
/// catalogue and the diagnostics are exactly those of reading the firms one after the other
/// (`FirmPipelineTests`); the part of each firm the reader keeps is added to the index
/// (`IndexAssembly`), and its records to the spool. At most `bound` parsed firms wait for a
/// worker, so a large file never exists as one tree (the JSON reader's promise). Used from a
/// size where the threads cost less than they save (`CatalogueLoader.pipelineFrom`).
final class FirmPipeline: @unchecked Sendable {
    // Everything below is touched only under `condition`, except what the adding worker keeps
    // (`reader`, `assembly`, `offerCounts`: see there).
    private let condition = NSCondition()
    private var waiting: [(index: Int, node: DocumentNode)] = []
    private var head = 0
    private var results: [FirmRead?] = []
    private var ended = false
    private var workersDone = 0
    private let workers: Int
    /// The next firm to add, and whether a worker is adding firms.
    private var next = 0
    private var adding = false
    // Touched only by the worker that adds (one at a time, handed over under `condition`), then
    // by `finish`.
    private var reader: CatalogueReader
    private var assembly = IndexAssembly()
    private var offerCounts: [Int] = []
    private let bound: Int
    private let keeping: Keeping

    /// What is worked out from each firm besides the model.
    enum Keeping {
        /// The model alone.
        case model
        /// The model and the firm's share of the index.
        case index
        /// The firm's share of the index and its offers' records, appended to the spool; the
        /// model's offers are dropped.
        case records(RecordSpool)
    }

    init(reader: CatalogueReader, keeping: Keeping = .model, bound: Int = 64) {
        self.reader = reader
        self.bound = bound
        self.keeping = keeping
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

    /// No more firms: waits for the workers to read those sent and add them to the reader in
    /// order, and returns the reader, the index of the firms it kept (unless keeping the model
    /// alone) and how many offers each of them had.
    func finish() -> (reader: CatalogueReader, index: IndexAssembly?, offerCounts: [Int]) {
        condition.lock()
        ended = true
        condition.broadcast()
        while workersDone < workers { condition.wait() }
        condition.unlock()
        addReady()  // none should be left: the last worker to report added them
        if case .model = keeping { return (reader, nil, offerCounts) }
        return (reader, assembly, offerCounts)
    }

    /// Keeps a firm read and, unless a worker is adding firms already, adds every firm ready
    /// in order (the adding worker looks again after each firm, so none is left behind).
    private func report(_ read: FirmRead, at index: Int) {
        condition.lock()
        results[index] = read
        condition.unlock()
        addReady()
    }

    private func addReady() {
        condition.lock()
        guard !adding else { condition.unlock(); return }
        adding = true
        while next < results.count, results[next] != nil {
            var read: FirmRead? = nil
            swap(&read, &results[next])  // moved out, not copied
            next += 1
            condition.unlock()
            add(read!)
            condition.lock()
        }
        adding = false
        condition.unlock()
    }

    /// Adds the next firm in order: to the reader, and when the reader keeps it, its index part
    /// and records (what the sequential reader keeps, the index keeps).
    private func add(_ read: FirmRead) {
        var read = read
        var part = read.index
        read.index = nil
        let kept = read.result != nil
        let (records, ends) = (read.records, read.recordEnds)
        read.records = []; read.recordEnds = []
        reader.add(read)
        guard kept else { return }
        if part != nil { assembly.add(&part!) }
        if case .records(let spool) = keeping {
            spool.append(records, ends: ends)
            offerCounts.append(read.offerCount)
        }
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
            var read = CatalogueReader.readApart(node, index: index, file: file, today: today)
            if let (firm, offers) = read.result {
                switch keeping {
                case .model: break
                case .index: read.index = FirmIndexPart(firm, offers)
                case .records:
                    read.index = FirmIndexPart(firm, offers)
                    var writer = RecordWriter()
                    read.recordEnds.reserveCapacity(offers.count)
                    for offer in offers {
                        writer.offer(offer)
                        read.recordEnds.append(writer.bytes.count)
                    }
                    read.records = writer.bytes
                    read.offerCount = offers.count
                    read.result = (firm, [])  // the model's offers go here
                }
            }
            report(read, at: index)
        }
    }
}

import Foundation

/// Reads the firms of a catalogue on a second thread while the parser (YAML or JSON, on the
/// calling thread) produces them: the parser's work and the reader's overlap on two cores.
///
/// The reader still receives every firm in the file's order, on one thread, so its checks
/// (duplicate ids across firms, the order of its diagnostics) and its result are exactly those of
/// reading the firms one after the other. At most `bound` parsed firms wait for the reader, so a
/// large file never exists as one tree (the JSON reader's promise). Used above a size where the
/// thread costs less than it saves (`CatalogueLoader.pipelineFrom`).
final class FirmPipeline: @unchecked Sendable {
    // Everything below is touched only under `condition`, except `reader`, which only the reading
    // thread uses until `finish` has waited for it.
    private let condition = NSCondition()
    private var waiting: [DocumentNode] = []
    private var ended = false
    private var readerDone = false
    private var reader: CatalogueReader
    private let bound: Int

    init(reader: CatalogueReader, bound: Int = 64) {
        self.reader = reader
        self.bound = bound
        let thread = Thread { [self] in self.read() }
        thread.stackSize = 8 << 20  // as the main thread's: the reader recurses into the firm's tree
        thread.start()
    }

    /// Hands one parsed firm to the reader (waits while `bound` firms are already waiting).
    func send(_ node: DocumentNode) {
        condition.lock()
        while waiting.count >= bound { condition.wait() }
        waiting.append(node)
        condition.broadcast()
        condition.unlock()
    }

    /// No more firms: waits for the reader to read those sent, and returns it.
    func finish() -> CatalogueReader {
        condition.lock()
        ended = true
        condition.broadcast()
        while !readerDone { condition.wait() }
        condition.unlock()
        return reader
    }

    private func read() {
        var batch: [DocumentNode] = []
        while true {
            condition.lock()
            while waiting.isEmpty && !ended { condition.wait() }
            swap(&batch, &waiting)
            if batch.isEmpty { readerDone = true }  // only once ended: nothing more will come
            condition.broadcast()  // the parser may wait for room, `finish` for the end
            condition.unlock()
            if batch.isEmpty { return }
            for node in batch { reader.addFirm(node) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}

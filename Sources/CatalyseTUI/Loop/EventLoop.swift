/// The interface's event loop: it feeds events to the pure state, hands the effects the state
/// returns to the performer, feeds their outcomes back as events, and draws a frame whenever
/// something happened. It does no I/O of its own: everything goes through the backend and the
/// performer, so tests run the whole loop with fakes (keys in, frames and effects out).
public struct EventLoop<Backend: TerminalBackend, Performer: EffectPerformer> {
    public private(set) var state: AppState
    public let backend: Backend
    public private(set) var performer: Performer
    /// Events waiting to be handled, in order (outcomes of effects go at the end).
    private var queue: [Event]

    /// `pending`: events to handle before the first read (the favourites could not be read…).
    public init(state: AppState, backend: Backend, performer: Performer, pending: [Event] = []) {
        self.state = state
        self.backend = backend
        self.performer = performer
        self.queue = pending
    }

    /// Runs until the user quits or a signal arrives.
    public mutating func run() -> LoopExit {
        var dirty = true
        while true {
            while !queue.isEmpty {
                let event = queue.removeFirst()
                dirty = true
                for effect in state.update(event) {
                    switch effect {
                    case .quit:
                        return .quit
                    case .suspend:
                        backend.suspend()
                        // The terminal may have been resized meanwhile: the next frame is redrawn whole.
                        let size = backend.size
                        queue.append(.resize(width: size.width, height: size.height))
                    case .toggleFavourite, .writeExport, .saveLanguage, .loadDossiers, .createDossier, .renameDossier,
                         .archiveDossier, .removeDossier, .addToDossier, .setOfferStatus, .addDossierNote,
                         .restoreFavourite, .copyToClipboard, .loadSearchHistory, .recordSearch,
                         .markNewsSeen, .saveSearch, .removeSavedSearch, .saveAssessment, .rememberCurrentDossier:
                        if let outcome = performer.perform(effect) { queue.append(outcome) }
                    }
                }
            }
            if dirty {
                backend.draw(state.render())
                dirty = false
            }
            switch backend.nextInput() {
            case .event(let event): queue.append(event)
            case .events(let events): queue.append(contentsOf: EventLoop.coalesced(events))
            case .idle: break
            case .signal(let number): return .signal(number)
            }
        }
    }

    /// Inputs that arrived together, with each run of typed characters made one `.text` event.
    public static func coalesced(_ events: [Event]) -> [Event] {
        var result: [Event] = []
        var run = ""
        func flush() {
            if run.count == 1, let ch = run.first { result.append(.key(.char(ch))) } else if !run.isEmpty { result.append(.text(run)) }
            run = ""
        }
        for event in events {
            if case .key(.char(let ch)) = event { run.append(ch); continue }
            flush()
            result.append(event)
        }
        flush()
        return result
    }
}

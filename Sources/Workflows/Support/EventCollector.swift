import AWSServices
import Deployer
import Synchronization

/// A progress sink that shows events through another sink and keeps them, so the run can write them to
/// the ledger after each stack operation (sinks must not block, ledger writes are async).
final class EventCollector: StackProgressSink {
    private let display: any StackProgressSink
    private let events = Mutex<[StackEvent]>([])

    init(display: any StackProgressSink) {
        self.display = display
    }

    func phaseChanged(_ phase: StackPhase, progress: StackProgress) {
        display.phaseChanged(phase, progress: progress)
    }

    func received(_ event: StackEvent, progress: StackProgress) {
        events.withLock { $0.append(event) }
        display.received(event, progress: progress)
    }

    /// The events received since the last call.
    func drain() -> [StackEvent] {
        events.withLock { drained in
            defer { drained.removeAll() }
            return drained
        }
    }
}

import AWSWire
import Foundation

/// Keeps every request record in memory (what `--record-requests` would write), for assertions and for the
/// permission coverage check of replayed workflows.
public final class RequestCollector: RequestObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [RequestRecord] = []
    /// Stamped on each record, as the journal of a command stamps its verb.
    public let verb: String?

    public init(verb: String? = nil) {
        self.verb = verb
    }

    public func observe(_ record: RequestRecord) async {
        var record = record
        record.verb = record.verb ?? verb
        lock.withLock { collected.append(record) }
    }

    public var records: [RequestRecord] {
        lock.withLock { collected }
    }
}

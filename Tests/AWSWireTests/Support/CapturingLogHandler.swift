import Foundation
import Logging
import Synchronization

/// A swift-log handler that keeps every rendered line (message plus metadata) for inspection.
struct CapturingLogHandler: LogHandler {
    final class Store: Sendable {
        private let lines = Mutex<[String]>([])
        func append(_ line: String) { lines.withLock { $0.append(line) } }
        var all: [String] { lines.withLock { $0 } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
        let rendered = merged.keys.sorted().map { "\($0)=\(merged[$0]!)" }.joined(separator: " ")
        store.append("\(event.level) \(event.message) \(rendered)")
    }

    static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "capture", factory: { _ in CapturingLogHandler(store: store) }), store)
    }
}

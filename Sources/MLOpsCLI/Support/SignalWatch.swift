import Dispatch
import Foundation
import Synchronization
import Credentials

/// SIGINT and SIGTERM while a command runs: the first one calls `onFirst` (which cancels the command's task, so it
/// stops at its next safe point), a second one exits at once with 128 + the signal (SQLite's transactions keep the
/// ledger consistent even then; a dead holder's lock is taken over by the next run).
/// The default actions are ignored while the watch is installed, so nothing dies half-way through a ledger write.
final class SignalWatch {
    static let watched: [Int32] = [SIGINT, SIGTERM]

    private let sources: [any DispatchSourceSignal]
    private let state = FirstSignal()

    /// The first signal received, if any.
    var received: Int32? { state.value.withLock { $0 } }

    init(onFirst: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "mlopsctl.signals")
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in Self.watched {
            signal(signalNumber, SIG_IGN)
            sources.append(DispatchSource.makeSignalSource(signal: signalNumber, queue: queue))
        }
        self.sources = sources
        for (source, signalNumber) in zip(sources, Self.watched) {
            source.setEventHandler { [state, source] in
                let isFirst = state.value.withLock { received -> Bool in
                    guard received == nil else { return false }
                    received = signalNumber
                    return true
                }
                // Signals that come close together arrive as one event counting them.
                if isFirst && source.data < 2 {
                    onFirst(signalNumber)
                } else {
                    FileHandle.standardError.write(Data("\nmlopsctl: stopped at once (second signal)\n".utf8))
                    RunningHelpers.shared.killAll()
                    _exit(128 + signalNumber)
                }
            }
            source.resume()
        }
    }

    /// Stops watching and restores the default actions.
    func cancel() {
        for source in sources { source.cancel() }
        for signalNumber in Self.watched { signal(signalNumber, SIG_DFL) }
    }

    static func name(_ signalNumber: Int32) -> String {
        signalNumber == SIGINT ? "SIGINT" : signalNumber == SIGTERM ? "SIGTERM" : "signal \(signalNumber)"
    }
}

/// The first signal, shared with the dispatch handlers.
private final class FirstSignal: Sendable {
    let value = Mutex<Int32?>(nil)
}

import Foundation

/// Bounds how many emulators run at once in one test process. Each moto server is a Python process that
/// needs a core to start; dozens starting together on a 2-core CI machine time each other out.
actor EmulatorGate {
    static let shared = EmulatorGate(permits: Int(ProcessInfo.processInfo.environment["MLOPSCTL_MAX_EMULATORS"] ?? "") ?? 3)

    private var available: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(permits: Int) {
        available = max(1, permits)
    }

    func acquire() async {
        if available > 0 {
            available -= 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty {
            available += 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

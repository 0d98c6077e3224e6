import AWSServices
import Foundation

/// `refresh --cloudformation-drift`: CloudFormation's own drift detection of one stack, beside mlopsctl's reads. It
/// starts a detection (DetectStackDrift: no resource changes, but it is not a read, so it is opt-in), waits for it
/// (bounded) and lists the resources it found MODIFIED or DELETED. A detection that cannot run (not supported, not
/// permitted, timed out) is a note on the stack, never drift.
struct CloudFormationDriftDetector: Sendable {
    let cloudFormation: CloudFormationClient
    var timeout: Duration = .seconds(300)
    var sleep: @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }

    enum Outcome: Sendable {
        /// By physical id: what CloudFormation found different.
        case found([String: DriftVerdict])
        case notRun(String)
    }

    func detect(stackName: String) async -> Outcome {
        do {
            let id = try await cloudFormation.detectStackDrift(stackName: stackName)
            let deadline = ContinuousClock.now + timeout
            var delay = Duration.seconds(2)
            while true {
                let status = try await cloudFormation.stackDriftDetectionStatus(id)
                switch status.detectionStatus {
                case "DETECTION_COMPLETE":
                    return .found(Self.verdicts(try await cloudFormation.driftedStackResources(stackName: stackName)))
                case "DETECTION_FAILED":
                    // Partial results are still listed (a resource type CloudFormation cannot check fails the detection).
                    let found = (try? await cloudFormation.driftedStackResources(stackName: stackName)) ?? []
                    return found.isEmpty ? .notRun("CloudFormation drift detection failed: \(status.reason ?? "no reason given")") : .found(Self.verdicts(found))
                default:
                    guard ContinuousClock.now < deadline else { return .notRun("CloudFormation drift detection still running after \(timeout)") }
                    try await sleep(delay)
                    delay = min(delay * 2, .seconds(10))
                }
            }
        } catch is CancellationError {
            return .notRun("cancelled")
        } catch {
            return .notRun("CloudFormation drift detection could not run: \(String(describing: error).prefix(200))")
        }
    }

    static func verdicts(_ drifts: [StackResourceDrift]) -> [String: DriftVerdict] {
        var verdicts: [String: DriftVerdict] = [:]
        for drift in drifts {
            guard let id = drift.physicalResourceId else { continue }
            if drift.status == "DELETED" {
                verdicts[id] = .gone("deleted (CloudFormation drift detection)")
            } else {
                verdicts[id] = .compared(drift.differences.map { difference in
                    DriftDifference(
                        field: "\(difference.path) (CloudFormation)", expected: difference.kind == "ADD" ? "absent" : difference.expected,
                        live: difference.kind == "REMOVE" ? "absent" : difference.actual)
                })
            }
        }
        return verdicts
    }
}

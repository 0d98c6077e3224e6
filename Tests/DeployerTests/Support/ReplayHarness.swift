import AWSServices
import AWSWire
import Deployer
import Foundation
import TestSupport
import Testing

/// A scripted CloudFormation endpoint: each action answers from its own queue, in order; the last
/// reply of a queue repeats (so "still in progress" can be polled forever). An action with no
/// script answers 400 `Unscripted`, which fails the test with the action's name.
final class CloudFormationScript: Sendable {
    private let queues = LockedBox<[String: [HTTPResponse]]>([:])

    func on(_ action: String, _ replies: HTTPResponse...) {
        queues.withLock { $0[action, default: []] += replies }
    }

    func answer(_ request: HTTPRequest) -> HTTPResponse {
        let action = Replay.form(request)["Action"] ?? "?"
        return queues.withLock { queues in
            guard var queue = queues[action], let first = queue.first else {
                return CFNXML.error(400, "Unscripted", "the test scripted no reply for \(action)")
            }
            if queue.count > 1 {
                queue.removeFirst()
                queues[action] = queue
            }
            return first
        }
    }
}

/// Records everything a deployer tells its sink.
final class RecordingSink: StackProgressSink {
    enum Entry: Equatable {
        case phase(StackPhase)
        case event(String)
    }

    private let box = LockedBox<[(Entry, StackProgress)]>([])

    func phaseChanged(_ phase: StackPhase, progress: StackProgress) { box.withLock { $0.append((.phase(phase), progress)) } }
    func received(_ event: StackEvent, progress: StackProgress) { box.withLock { $0.append((.event(event.eventId), progress)) } }

    var entries: [Entry] { box.value.map(\.0) }
    var eventIds: [String] { entries.compactMap { if case .event(let id) = $0 { id } else { nil } } }
    var phases: [StackPhase] { entries.compactMap { if case .phase(let phase) = $0 { phase } else { nil } } }
    var progresses: [StackProgress] { box.value.map(\.1) }
}

/// One replay: the script, the transports, a fake clock and a deployer wired to all of them.
struct Replay {
    let script = CloudFormationScript()
    let scripted: ScriptedTransport
    let recording: RecordingTransport
    let clock = FakeClock()
    let sink = RecordingSink()
    private let tokens = LockedBox(0)

    init() {
        let script = self.script
        scripted = ScriptedTransport { request, _ in script.answer(request) }
        recording = RecordingTransport(wrapping: scripted)
    }

    /// The deployer. The AWS client's own retry backoff does not sleep (random 0, no-op sleeper), so
    /// `clock.sleeps` holds only the deployer's polling delays. Tokens are `1`, `2`, … per operation.
    func deployer(policy: WaitPolicy = WaitPolicy(), sink: (any StackProgressSink)? = nil) -> StackDeployer {
        let client = AWSClient(
            service: .cloudFormation, region: "eu-west-1", credentials: FixedCredentialProvider(), transport: recording,
            retry: StandardRetryStrategy(random: { 0 }), timeouts: HTTPTimeouts(connect: .seconds(5), read: .seconds(5)), clock: clock.clock, sleep: { _ in })
        let tokens = self.tokens
        return StackDeployer(
            cloudFormation: CloudFormationClient(client: client), sink: sink ?? self.sink, waitPolicy: policy, clock: clock.clock,
            sleep: clock.sleeper, makeToken: { tokens.withLock { $0 += 1; return "\($0)" } })
    }

    var actions: [String] { scripted.requests.map { Self.form($0)["Action"] ?? "?" } }

    /// The decoded form of every request for `action`, in order.
    func forms(_ action: String) -> [[String: String]] {
        scripted.requests.map(Self.form).filter { $0["Action"] == action }
    }

    var sleptSeconds: [Double] {
        clock.sleeps.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 }
    }

    /// Every request that reached the wire, checked against botocore's cloudformation model.
    func modelProblems() -> [String] {
        guard let checker = ModelCheck.checker else { return [] }
        return scripted.requests.flatMap { request in
            let action = Self.form(request)["Action"] ?? "?"
            return checker.problems(operation: action, method: request.method, url: request.url, headers: request.headers.pairs, body: request.body)
        }
    }

    static func form(_ request: HTTPRequest) -> [String: String] {
        var result: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let decode = { (text: String) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? text }
            result[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }
}

/// botocore's CloudFormation model, loaded once; nil (checks skipped) when botocore is absent outside CI.
enum ModelCheck {
    static var checker: ModelRequestChecker? { model.map(ModelRequestChecker.init(model:)) }

    private static let model: BotocoreModel? = {
        switch BotocoreModel.load(service: "cloudformation") {
        case .loaded(let model): return model
        case .skipped: return nil
        case .missingUnderCI(let message):
            Issue.record(Comment(rawValue: message))
            return nil
        }
    }()
}

/// Templates and deployments shared by the replay tests.
enum Fixture {
    static let name = "mlops-bootstrap"
    static let stackId = CFNXML.stackId(name)
    static let newStackId = CFNXML.stackId(name, "9d0c4e10-ae0d-11f0-a1b2-0a1b2c3d4e5f")

    /// Three resources, one parameter with a default.
    static let template = """
        {"Parameters":{"TrustedAccount":{"Type":"String"},"Stage":{"Type":"String","Default":"dev"}},\
        "Resources":{"ArtifactsKey":{"Type":"AWS::KMS::Key"},"ArtifactsBucket":{"Type":"AWS::S3::Bucket"},\
        "DeployRole":{"Type":"AWS::IAM::Role"}},"Outputs":{"BucketName":{"Value":{"Ref":"ArtifactsBucket"}}}}
        """

    static func deployment(
        template: String = template, parameters: [String: String] = ["TrustedAccount": "111111111111"],
        tags: [String: String] = ["mlops:stage": "dev"], terminationProtection: Bool = false, roleARN: String? = nil
    ) -> StackDeployment {
        StackDeployment(
            stackName: name, template: .body(template), parameters: parameters, tags: tags, terminationProtection: terminationProtection,
            roleARN: roleARN)
    }

    /// The deployed twin of `deployment()`.
    static func stack(_ status: StackStatus, id: String = stackId, reason: String? = nil) -> CFNXML.Stack {
        CFNXML.Stack(
            id: id, status: status, reason: reason, parameters: [("TrustedAccount", "111111111111"), ("Stage", "dev")],
            outputs: status == .createComplete || status == .updateComplete ? [("BucketName", "mlops-artifacts-222222222222")] : [],
            tags: [("mlops:stage", "dev")])
    }

    static func event(
        _ id: String, _ logicalId: String, _ type: String, _ status: String, _ reason: String? = nil, at seconds: Double, token: String?
    ) -> CFNXML.Event {
        CFNXML.Event(id: id, logicalId: logicalId, type: type, status: status, reason: reason, at: CFNXML.at(seconds), token: token)
    }

    static func stackEvent(_ id: String, _ status: String, _ reason: String? = nil, at seconds: Double, token: String?) -> CFNXML.Event {
        event(id, name, "AWS::CloudFormation::Stack", status, reason, at: seconds, token: token)
    }
}

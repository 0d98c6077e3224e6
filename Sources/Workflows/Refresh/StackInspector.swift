import AWSServices
import Assets
import Deployer
import Foundation
import Ledger

/// Reads one deployed stack (DescribeStacks, GetTemplate, ListStackResources) and each resource in it that mlopsctl
/// compares, working out from the template what each should be. Reads only.
struct StackInspector: Sendable {
    /// The stage's session in the stack's region.
    let session: AWSSession
    let account: String
    let region: String
    /// Resource reads in flight at once within this stack.
    var concurrency = 8
    /// CloudFormation's own drift detection, when asked for (`refresh --cloudformation-drift`).
    var driftDetector: CloudFormationDriftDetector?

    struct Inspection: Sendable {
        /// The stack itself: gone, a failed status, or its tags changed by hand.
        var stack: DriftVerdict
        /// Each resource CloudFormation lists with a physical id, by that id.
        var resources: [String: DriftVerdict]
        /// The same resources as the template says they should be, by physical id (nil when the stack is gone).
        var expected: [String: ExpectedResource]
        /// Every logical id CloudFormation lists for the stack: a ledger row with another is mlopsctl's own record.
        var logicalIds: Set<String> = []
    }

    /// `intent`: what mlopsctl last deployed the stack with (nil: not recorded; tags, template and parameters are then
    /// not compared). `types`: only resources of these types are read (nil: every type).
    /// `known`: the stack as a verb just deployed it (then the stack itself is not read again).
    func inspect(stackName: String, intent: StackIntent?, types: Set<String>? = nil, known: DeployedStack? = nil) async throws
        -> Inspection
    {
        let described: StackDescription?
        if let known {
            described = known.description
        } else {
            described = try await ReadDenied.guarding("cloudformation:DescribeStacks") { try await session.cloudFormation.describeStack(stackName) }
        }
        guard let stack = described, stack.status != .deleteComplete else {
            return Inspection(stack: .gone("stack deleted"), resources: [:], expected: [:])
        }
        var differences: [DriftDifference] = []
        if !stack.status.isUsable && !stack.status.isInProgress {
            differences.append(DriftDifference(field: "status", expected: "a completed create or update", live: stack.status.rawValue))
        }
        if let intent {
            differences += Self.tagDifferences(intended: intent.tags, live: stack.tagValues)
            if let parameters = intent.parameters { differences += Self.parameterDifferences(intended: parameters, live: stack.parameters) }
        }
        let body: String
        let summaries: [StackResourceSummary]
        if let known {
            (body, summaries) = (known.templateBody, known.resources)
        } else {
            body = try await ReadDenied.guarding("cloudformation:GetTemplate") {
                try await session.cloudFormation.getTemplate(stackName: stack.stackId, stage: .original)
            }
            summaries = try await ReadDenied.guarding("cloudformation:ListStackResources") {
                try await session.cloudFormation.listAllStackResources(stackName: stack.stackId)
            }
        }
        if let recorded = intent?.templateSha256, Asset.hexDigest(Data(body.utf8)) != recorded {
            differences.append(DriftDifference(
                field: "template", expected: "the one mlopsctl deployed (sha256 \(recorded.prefix(12))…)",
                live: "another (sha256 \(Asset.hexDigest(Data(body.utf8)).prefix(12))…): the stack was updated outside mlopsctl"))
        }
        let context = TemplateEvaluator.Context(account: account, region: region, stack: stack, resources: summaries)
        let evaluator = TemplateEvaluator(templateBody: body, context: context)
        let partition = Partition.of(region: region)
        var expected: [String: ExpectedResource] = [:]
        for summary in summaries where !summary.isGhost {
            guard let logical = summary.logicalResourceId, let physical = summary.physicalResourceId, !physical.isEmpty,
                let type = summary.resourceType, types?.contains(type) ?? true
            else { continue }
            if let evaluator {
                let (resolved, unresolved) = evaluator.properties(of: logical)
                expected[physical] = ExpectedResource(
                    logicalId: logical, type: type, physicalId: physical, properties: resolved, unresolved: unresolved, partition: partition)
            } else {
                // A YAML template (an adopted stack): only whether each resource still exists.
                expected[physical] = ExpectedResource(logicalId: logical, type: type, physicalId: physical, properties: [:], existenceOnly: true, partition: partition)
            }
        }
        let reader = LiveResourceReader(session: session)
        let targets = expected.values.sorted { $0.logicalId < $1.logicalId }
        let verdicts = try await boundedMap(targets, limit: concurrency) { try await reader.verdict(for: $0) }
        var resources: [String: DriftVerdict] = [:]
        for (target, verdict) in zip(targets, verdicts) { resources[target.physicalId] = verdict }
        var stackVerdict = DriftVerdict.compared(differences)
        if let driftDetector {
            switch await driftDetector.detect(stackName: stack.stackName) {
            case .found(let found):
                for (id, theirs) in found { resources[id] = Self.merged(resources[id], theirs) }
            case .notRun(let reason):
                stackVerdict.note = reason
            }
        }
        let logicalIds = Set(summaries.compactMap(\.logicalResourceId).filter { !$0.isEmpty })
        return Inspection(stack: stackVerdict, resources: resources, expected: expected, logicalIds: logicalIds)
    }

    /// mlopsctl's verdict with what CloudFormation's drift detection found: gone wins, differences add up, and the
    /// repairs stay mlopsctl's (CloudFormation proposes none).
    static func merged(_ ours: DriftVerdict?, _ theirs: DriftVerdict) -> DriftVerdict {
        guard var ours, ours.drift != .unchecked, ours.drift != .unreadable else { return theirs }
        if ours.drift == .gone { return ours }
        if theirs.drift == .gone { return DriftVerdict(drift: .gone, note: theirs.note, repairs: ours.repairs) }
        ours.differences += theirs.differences
        if !ours.differences.isEmpty { ours.drift = .changed }
        return ours
    }

    /// The parameters mlopsctl passed whose live value differs (a hidden `NoEcho` value is not compared; a list
    /// parameter is compared item by item, whatever its rendering).
    static func parameterDifferences(intended: [String: String], live: [StackParameter]) -> [DriftDifference] {
        let values = Dictionary(live.compactMap { p in p.value.map { (p.key, $0) } }, uniquingKeysWith: { first, _ in first })
        return intended.keys.sorted().compactMap { key in
            let wanted = intended[key] ?? ""
            guard let have = values[key] else { return DriftDifference(field: "parameter \(key)", expected: wanted, live: "absent") }
            guard have != "****", have != wanted, ListParameterValue.items(have) != ListParameterValue.items(wanted) else { return nil }
            return DriftDifference(field: "parameter \(key)", expected: wanted, live: have)
        }
    }

    /// Tags added, removed or changed since mlopsctl deployed the stack; CloudFormation's own `aws:` tags are not ours.
    static func tagDifferences(intended: [String: String], live: [String: String]) -> [DriftDifference] {
        let live = live.filter { !$0.key.hasPrefix("aws:") }
        return Set(intended.keys).union(live.keys).sorted().compactMap { key in
            let wanted = intended[key], have = live[key]
            guard wanted != have else { return nil }
            return DriftDifference(field: "tag \(key)", expected: wanted ?? "absent", live: have ?? "absent")
        }
    }
}

import AWSServices
import AWSWire
import Deployer
import Foundation

/// Reads one resource as it is now (reads only: Get*, Describe*, List*, Head*) and compares it with what its stack's
/// template says. Each type compares the settings that matter for safety and for the verbs that use it; a type not
/// listed here is `unchecked`.
struct LiveResourceReader: Sendable {
    let session: AWSSession

    func verdict(for expected: ExpectedResource) async throws -> DriftVerdict {
        do {
            switch expected.type {
            case "AWS::S3::Bucket": return try await bucket(expected)
            case "AWS::S3::BucketPolicy": return try await bucketPolicy(expected)
            case "AWS::IAM::Role": return try await role(expected)
            case "AWS::IAM::ManagedPolicy": return try await managedPolicy(expected)
            case "AWS::IAM::Policy": return try await inlinePolicy(expected)
            case "AWS::SSM::Parameter": return try await parameter(expected)
            case "AWS::KMS::Key": return try await key(expected)
            case "AWS::ECR::Repository": return try await repository(expected)
            default: return .unchecked("mlopsctl does not read \(expected.type) resources")
            }
        } catch let denied as ReadDenied {
            return .unreadable(denied.action)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // One resource that cannot be read (a server error after retries) does not stop the others.
            return DriftVerdict(drift: .unreadable, note: "read failed: \(String(describing: error).prefix(300))")
        }
    }

    // MARK: SSM, KMS, ECR, managed policies

    private func parameter(_ expected: ExpectedResource) async throws -> DriftVerdict {
        let name = expected.physicalId
        let wantedType = expected.property("Type")?.stringValue.flatMap(SSMParameterType.init(rawValue:)) ?? .string
        let wantedValue = expected.isComparable("Value") ? expected.property("Value")?.stringValue : nil
        let live = try await ReadDenied.guarding("ssm:GetParameter") { try await session.ssm.getParameter(name: name, withDecryption: false) }
        let repair = wantedValue.map { DriftRepair.putParameter(name: name, value: $0, type: wantedType) }
        guard let live else { return .gone("parameter deleted", repairs: repair.map { [$0] } ?? []) }
        var differences: [DriftDifference] = []
        if let wantedValue, live.value != wantedValue {
            differences.append(DriftDifference(field: "value", expected: wantedValue, live: live.value))
        }
        if live.type != wantedType {
            differences.append(DriftDifference(field: "type", expected: wantedType.rawValue, live: live.type.rawValue))
        }
        return .compared(differences, repairs: repair.map { [$0] } ?? [])
    }

    private func key(_ expected: ExpectedResource) async throws -> DriftVerdict {
        let key = try await ReadDenied.guarding("kms:DescribeKey") { try await session.kms.describeKey(expected.physicalId) }
        guard let key else { return .gone("key deleted") }
        if key.state == .pendingDeletion {
            return .gone("key pending deletion since outside mlopsctl" + (key.deletionDate.map { " (deleted on \($0.formatted(.iso8601)))" } ?? ""))
        }
        let wantedEnabled = expected.property("Enabled")?.boolValue ?? true
        if let enabled = key.enabled, enabled != wantedEnabled {
            return .compared([DriftDifference(field: "enabled", expected: String(wantedEnabled), live: String(enabled))])
        }
        return .inSync
    }

    private func repository(_ expected: ExpectedResource) async throws -> DriftVerdict {
        let repository = try await ReadDenied.guarding("ecr:DescribeRepositories") { try await session.ecr.describeRepository(name: expected.physicalId) }
        return repository == nil ? .gone("repository deleted") : .inSync
    }

    private func managedPolicy(_ expected: ExpectedResource) async throws -> DriftVerdict {
        let policy = try await ReadDenied.guarding("iam:GetPolicy") { try await session.iam.getPolicy(arn: expected.physicalId) }
        return policy == nil ? .gone("policy deleted") : .inSync
    }

    // MARK: IAM roles and their inline policies

    /// AWS::IAM::Policy: the inline policy on each role it names.
    private func inlinePolicy(_ expected: ExpectedResource) async throws -> DriftVerdict {
        guard expected.isComparable("PolicyName"), expected.isComparable("PolicyDocument"), expected.isComparable("Roles"),
            let policyName = expected.property("PolicyName")?.stringValue, let document = expected.property("PolicyDocument")
        else { return .unchecked("its name, document or roles cannot be worked out from the template") }
        let roles = (expected.property("Roles")?.items ?? []).compactMap(\.stringValue)
        guard !roles.isEmpty else { return .unchecked("it is attached to no role (users and groups are not read)") }
        var differences: [DriftDifference] = []
        var repairs: [DriftRepair] = []
        for role in roles {
            let (found, repair) = try await compareInline(role: role, policyName: policyName, document: document, partition: expected.partition)
            differences += found.map { DriftDifference(field: "\($0.field) (role \(role))", expected: $0.expected, live: $0.live) }
            repairs += repair.map { [$0] } ?? []
        }
        return .compared(differences, repairs: repairs)
    }

    /// One inline policy of one role against its document in the template (a deleted one reads as no statements).
    private func compareInline(role: String, policyName: String, document: TemplateDocument.Value, partition: String) async throws
        -> ([DriftDifference], DriftRepair?)
    {
        guard let wanted = PolicyDocument(document, partition: partition), let wantedText = document.jsonText else { return ([], nil) }
        let live = try await ReadDenied.guarding("iam:GetRolePolicy") { try await session.iam.getRolePolicy(roleName: role, policyName: policyName) }
        let liveDocument = live.flatMap { PolicyDocument(json: $0, partition: partition) } ?? PolicyDocument(json: "{}", partition: partition)!
        let found = PolicyDocument.differences(field: "inline policy \(policyName)", expected: wanted, live: liveDocument)
        return (found, found.isEmpty ? nil : .putRolePolicy(role: role, name: policyName, document: wantedText))
    }

    private func role(_ expected: ExpectedResource) async throws -> DriftVerdict {
        let name = expected.physicalId
        let role = try await ReadDenied.guarding("iam:GetRole") { try await session.iam.getRole(name: name) }
        guard let role else { return .gone("role deleted") }
        var differences: [DriftDifference] = []
        var repairs: [DriftRepair] = []
        if expected.isComparable("AssumeRolePolicyDocument"), let wanted = expected.property("AssumeRolePolicyDocument"),
            let wantedDocument = PolicyDocument(wanted, partition: expected.partition), let wantedText = wanted.jsonText
        {
            let live = role.assumeRolePolicyDocument.flatMap { PolicyDocument(json: $0, partition: expected.partition) }
            let found = PolicyDocument.differences(
                field: "trust policy", expected: wantedDocument, live: live ?? PolicyDocument(json: "{}", partition: expected.partition)!)
            if !found.isEmpty {
                differences += found
                repairs.append(.updateTrustPolicy(role: name, document: wantedText))
            }
        }
        // Inline policies the role's own `Policies` property declares.
        if expected.isComparable("Policies") {
            for policy in expected.property("Policies")?.items ?? [] {
                guard let policyName = policy["PolicyName"]?.stringValue, let document = policy["PolicyDocument"] else { continue }
                let (found, repair) = try await compareInline(role: name, policyName: policyName, document: document, partition: expected.partition)
                differences += found
                repairs += repair.map { [$0] } ?? []
            }
        }
        if expected.isComparable("ManagedPolicyArns") {
            let wanted = Set((expected.property("ManagedPolicyArns")?.items ?? []).compactMap(\.stringValue))
            let attached = try await ReadDenied.guarding("iam:ListAttachedRolePolicies") { try await session.iam.attachedRolePolicyArns(roleName: name) }
            let live = Set(attached ?? [])
            for arn in live.subtracting(wanted).sorted() {
                differences.append(DriftDifference(field: "managed policies", expected: "not attached: \(arn)", live: "attached: \(arn)"))
                repairs.append(.detachRolePolicy(role: name, policyArn: arn))
            }
            for arn in wanted.subtracting(live).sorted() {
                differences.append(DriftDifference(field: "managed policies", expected: "attached: \(arn)", live: "not attached: \(arn)"))
                repairs.append(.attachRolePolicy(role: name, policyArn: arn))
            }
        }
        return .compared(differences, repairs: repairs)
    }
}

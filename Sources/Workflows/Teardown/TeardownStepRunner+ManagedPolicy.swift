import AWSServices
import AWSWire
import Ledger

/// A customer-managed policy a deleted stack left behind (an `AWS::IAM::ManagedPolicy` with a Retain policy, or
/// one CloudFormation failed to remove). IAM deletes a managed policy only once it is detached from every role,
/// user and group and has no version but the default, so it goes in that order; it is detached only from roles
/// mlopsctl created, and left (reported, with who holds it) when anything else holds it.
extension TeardownStepRunner {
    /// The ledger's id of an `.iamPolicy` row when it is a managed policy of this row's account
    /// (`arn:<partition>:iam::<account>:policy/<path><name>`); nil for an inline policy (CloudFormation's physical id
    /// of an `AWS::IAM::Policy` is not an ARN, and it goes with its role).
    static func managedPolicyArn(of row: TrackedResource) -> String? {
        guard row.kind == .iamPolicy, let arn = row.physicalId else { return nil }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", parts[2] == "iam", parts[3].isEmpty, parts[4] == row.account,
            parts[5].hasPrefix("policy/")
        else { return nil }
        return arn
    }

    /// Deletes a managed policy the ledger records as created, if it is still there after its stack went:
    /// GetPolicy (not found: done), detach from mlopsctl's roles (anything else holding it: refused), delete each non-default version,
    /// DeletePolicy. Each call that finds its target already gone is fine, so a resumed run finishes the job.
    func deleteLeftoverManagedPolicy(_ row: TrackedResource) async throws {
        guard row.ownership == .created, let arn = Self.managedPolicyArn(of: row) else { return }
        let iam = session.iam
        guard try await iam.getPolicy(arn: arn) != nil else { return }
        let entities = try await iam.allEntitiesForPolicy(arn: arn)
        // Detaching changes the permissions of whatever holds the policy: only roles mlopsctl created may be changed.
        let ownRoles = Set(try await ledger.resources(filter: ResourceFilter(kind: .iamRole, account: row.account))
            .filter { $0.ownership == .created }.compactMap(\.physicalId))
        let foreign = entities.roleNames.filter { !ownRoles.contains($0) }.map { "role \($0)" }
            + entities.userNames.map { "user \($0)" } + entities.groupNames.map { "group \($0)" }
        guard foreign.isEmpty else {
            throw LeftoverPolicyAttached(arn: arn, holders: foreign)
        }
        for role in entities.roleNames { try await Self.ignoringNoSuchEntity { try await iam.detachRolePolicy(roleName: role, policyArn: arn) } }
        let oldVersions = try await iam.allPolicyVersions(arn: arn).filter { !$0.isDefaultVersion }
        for version in oldVersions {
            try await Self.ignoringNoSuchEntity { try await iam.deletePolicyVersion(arn: arn, versionId: version.versionId) }
        }
        try await Self.ignoringNoSuchEntity { try await iam.deletePolicy(arn: arn) }
        progress("  removed managed policy \(arn) the stack left behind\(Self.summary(entities, oldVersions: oldVersions.count))")
    }

    /// What had to go first, for the progress line: `(detached from role r; 2 old versions deleted)`, or nothing.
    static func summary(_ entities: IAMPolicyEntities, oldVersions: Int) -> String {
        var parts: [String] = []
        for (kind, names) in [("role", entities.roleNames), ("user", entities.userNames), ("group", entities.groupNames)] where !names.isEmpty {
            parts.append("detached from \(kind)\(names.count == 1 ? "" : "s") \(names.joined(separator: ", "))")
        }
        if oldVersions > 0 { parts.append("\(oldVersions) old version\(oldVersions == 1 ? "" : "s") deleted") }
        return parts.isEmpty ? "" : " (\(parts.joined(separator: "; ")))"
    }

    /// A role, user, version or policy deleted meanwhile (by hand, or by a run killed halfway) is already done.
    static func ignoringNoSuchEntity(_ call: () async throws -> Void) async throws {
        do {
            try await call()
        } catch let error as AWSServiceError where error.code == "NoSuchEntity" {
            return
        }
    }
}

/// A leftover managed policy is still attached to roles, users or groups mlopsctl did not create.
struct LeftoverPolicyAttached: Error, CustomStringConvertible {
    let arn: String
    let holders: [String]
    var description: String {
        "managed policy \(arn) is attached to \(holders.joined(separator: ", ")), which mlopsctl did not create; "
            + "detach it there (aws iam detach-role-policy …) if it should go, then run teardown again"
    }
}

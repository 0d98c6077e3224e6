import AWSServices
import Topology

/// Finds the member accounts each stage role targets: every ACTIVE account in a targeted OU (and its child OUs, as
/// StackSets counts them), plus the accounts listed by id. Streams each parent's pages; requests grow with the number of
/// OUs and accounts, never with their product. Every problem is collected before anything changes.
struct OrganizationMemberResolver: Sendable {
    let access: OrganizationAccess
    /// Accounts mlopsctl bootstraps one by one (the topology's stages): a stack-set instance there would collide.
    let stageAccounts: [String: Stage]

    struct Resolution: Sendable {
        var members: [Stage: [OrganizationMember]] = [:]
        var warnings: [String] = []
    }

    func resolve(_ targets: [OrganizationTarget]) async throws -> Resolution {
        var resolution = Resolution()
        var problems: [String] = []
        var owner: [String: Stage] = [:]
        let organizations = access.session.organizations
        for target in targets {
            let path = "organization.targets.\(target.stage.rawValue)"
            var members: [OrganizationMember] = []
            for unit in target.organizationalUnits {
                if unit.hasPrefix("r-") {
                    guard unit == access.rootId else {
                        problems.append("\(path): \(unit) is not the root of organization \(access.organization.id) (its root is \(access.rootId))")
                        continue
                    }
                } else if try await organizations.describeOrganizationalUnit(unit) == nil {
                    problems.append("\(path): organizational unit \(unit) is not in organization \(access.organization.id)")
                    continue
                }
                var parents = [unit]
                while let parent = parents.popLast() {
                    for try await account in organizations.accounts(inParent: parent) {
                        guard account.status == .active else {
                            resolution.warnings.append("\(path): account \(account.id) is \(account.status.rawValue.lowercased()); skipped")
                            continue
                        }
                        members.append(OrganizationMember(stage: target.stage, account: account.id, unit: unit, viaOrganizationalUnit: true))
                    }
                    for try await child in organizations.organizationalUnits(inParent: parent) { parents.append(child.id) }
                }
            }
            for account in target.accounts where !members.contains(where: { $0.account == account }) {
                guard let found = try await organizations.describeAccount(account) else {
                    problems.append("\(path): account \(account) is not a member of organization \(access.organization.id)")
                    continue
                }
                guard found.status == .active else {
                    problems.append("\(path): account \(account) is \(found.status.rawValue.lowercased()); remove it from the list")
                    continue
                }
                members.append(OrganizationMember(stage: target.stage, account: account, unit: access.rootId, viaOrganizationalUnit: false))
            }
            if access.settings.autoDeployment, members.contains(where: { !$0.viaOrganizationalUnit }) {
                // Listed accounts go in with AccountFilterType=INTERSECTION inside the root; AWS documents auto-deployment
                // for target OUs only, not whether such a filtered root target is one.
                resolution.warnings.append("\(path).accounts: listed accounts are deployed inside the organization root with "
                    + "AccountFilterType=INTERSECTION, and AWS does not document whether auto-deployment then follows the root; to "
                    + "keep auto-deployment to your OUs, put these accounts in a targeted OU or set organization.autoDeployment: false")
            }
            var kept: [OrganizationMember] = []
            for member in members {
                if member.account == access.organization.masterAccountId {
                    // StackSets never deploys service-managed instances to the management account.
                    resolution.warnings.append("\(path): the management account \(member.account) is skipped (StackSets never deploys there)")
                } else if let stage = stageAccounts[member.account] {
                    problems.append(
                        "\(path): account \(member.account) is the topology's \(stage.rawValue) stage, bootstrapped on its own; a stack-set "
                            + "instance there would collide with its bootstrap stack; move it out of the target")
                } else if let other = owner[member.account], other != target.stage {
                    problems.append("\(path): account \(member.account) is also a \(other.rawValue) target; an account has one stage role")
                } else if owner[member.account] == nil {
                    owner[member.account] = target.stage
                    kept.append(member)
                }
            }
            resolution.members[target.stage] = kept
        }
        guard problems.isEmpty else { throw OrganizationInputError.problems(problems) }
        return resolution
    }
}

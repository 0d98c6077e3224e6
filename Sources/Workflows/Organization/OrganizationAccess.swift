import AWSServices
import Foundation
import Topology

/// The operator's side of an organization: the organization profile's session in the home region (where the stack
/// sets live), what it is (management account or a delegated administrator, hence each stack-set call's `CallAs`), and
/// member-account sessions through the organization's access role.
public struct OrganizationAccess: Sendable {
    public let settings: OrganizationSettings
    public let session: AWSSession
    public let callerAccount: String
    public let callerArn: String
    public let organization: OrganizationDescription
    public let rootId: String
    public let callAs: StackSetCallAs

    /// The home region of the stack sets: the first organization region.
    public var region: String { session.region }
    public var partition: String { Partition.of(region: region) }

    /// Confirms the profile's account, that it belongs to an organization with all features (service-managed stack
    /// sets need them), and whether it is the management account; read-only calls only.
    public static func connect(_ settings: OrganizationSettings, sessions: StageSessions) async throws -> OrganizationAccess {
        let region = settings.regions.first ?? "us-east-1"
        let session = try sessions.session(profile: settings.profile, region: region)
        let identity: CallerIdentity
        do {
            identity = try await session.sts.getCallerIdentity()
        } catch {
            throw OrganizationInputError.problems(["organization.profile: \(AccountCheck.unconfirmed(profile: settings.profile, region: region, error))"])
        }
        let organization: OrganizationDescription
        do {
            organization = try await session.organizations.describeOrganization()
        } catch {
            throw OrganizationInputError.problems([
                "organization.profile: profile '\(settings.profile)' (account \(identity.account)) cannot describe its organization: \(error); "
                    + "use the management account's profile or a delegated administrator's",
            ])
        }
        guard organization.featureSet == .all else {
            throw OrganizationInputError.problems([
                "organization \(organization.id) has only consolidated billing features; service-managed stack sets need all features enabled",
            ])
        }
        let roots = try await session.organizations.listRoots()
        guard let root = roots.first else { throw OrganizationInputError.problems(["organization \(organization.id) has no root"]) }
        let isManagement = organization.masterAccountId == identity.account
        if !isManagement {
            // Only the management account may ask who the delegated administrators are; a delegated administrator learns it
            // from a read-only StackSets call made as one (a name nobody uses: "not found" is the answer that proves it).
            do {
                _ = try await session.cloudFormation.describeStackSet("mlopsctl-delegated-administrator-check", callAs: .delegatedAdmin)
            } catch {
                throw OrganizationInputError.problems([
                    "organization.profile: profile '\(settings.profile)' reaches account \(identity.account), which is neither the management account "
                        + "of \(organization.id) (\(organization.masterAccountId)) nor a StackSets delegated administrator (\(error)); use the management "
                        + "account's profile, or register this account: aws organizations register-delegated-administrator --account-id "
                        + "\(identity.account) --service-principal \(StackSetCallAs.delegatedAdminServicePrincipal)",
                ])
            }
        }
        return OrganizationAccess(
            settings: settings, session: session, callerAccount: identity.account, callerArn: identity.arn, organization: organization,
            rootId: root.id, callAs: isManagement ? .selfAccount : .delegatedAdmin)
    }

    /// The role the operator acts as in `account`.
    public func accessRoleArn(_ account: String) -> String {
        "arn:\(partition):iam::\(account):role/\(settings.accessRole)"
    }

    /// A session in member `account` and `region`, assumed through the access role with the organization profile's credentials.
    public func memberSession(_ account: String, region: String) -> AWSSession {
        session.inRegion(region).assumingRole(accessRoleArn(account), sessionName: "mlopsctl-organization")
    }
}

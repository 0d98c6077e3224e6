import AWSWire
import Foundation

/// AWS Organizations (JSON 1.1, `AWSOrganizationsV20161128` target, API 2016-11-28): reading the organization's
/// shape (roots, OUs, accounts) for stack-set deployment targets. The service is global: every call goes to
/// us-east-1 (cn-northwest-1 in China) whatever the session's region. Lists are paged lazily.
///
/// Every call throws `OrganizationNotInUseError` when the caller's account is in no organization.
public struct OrganizationsClient: Sendable {
    public let client: AWSClient

    /// The largest page every list operation accepts (`MaxResults` 1–20): fewer requests for large organizations.
    static let pageSize = 20

    /// `client` must be built for `ServiceDescriptor.organizations`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// DescribeOrganization: the organization of the caller's account.
    public func describeOrganization() async throws -> OrganizationDescription {
        let output = try await call("DescribeOrganization", EmptyInput(), as: DescribeOrganizationOutput.self).Organization
        return OrganizationDescription(
            id: output.Id, arn: output.Arn, masterAccountId: output.MasterAccountId, masterAccountArn: output.MasterAccountArn,
            featureSet: OrganizationFeatureSet(rawValue: output.FeatureSet))
    }

    /// ListRoots, every page (an organization has one root today).
    public func listRoots() async throws -> [OrganizationRoot] {
        try await PagedSequence(serviceId: client.service.serviceId, operation: "ListRoots") { token in
            let output = try await call("ListRoots", OrganizationsPageInput(NextToken: token, MaxResults: Self.pageSize), as: ListRootsOutput.self)
            return (output.Roots ?? [], output.NextToken)
        }.collect()
    }

    /// ListAccountsForParent: the accounts directly under a root or OU (not those of nested OUs), fetched a page at a
    /// time as the sequence is read. An unknown parent is thrown (`ParentNotFoundException`).
    public func accounts(inParent parentId: String) -> PagedSequence<OrganizationAccount> {
        PagedSequence(serviceId: client.service.serviceId, operation: "ListAccountsForParent") { token in
            let input = OrganizationsPageInput(ParentId: parentId, NextToken: token, MaxResults: Self.pageSize)
            let output = try await call("ListAccountsForParent", input, as: ListAccountsForParentOutput.self)
            return (output.Accounts ?? [], output.NextToken)
        }
    }

    /// ListOrganizationalUnitsForParent: the OUs directly under a root or OU, paged lazily.
    public func organizationalUnits(inParent parentId: String) -> PagedSequence<OrganizationalUnit> {
        PagedSequence(serviceId: client.service.serviceId, operation: "ListOrganizationalUnitsForParent") { token in
            let input = OrganizationsPageInput(ParentId: parentId, NextToken: token, MaxResults: Self.pageSize)
            let output = try await call("ListOrganizationalUnitsForParent", input, as: ListOrganizationalUnitsForParentOutput.self)
            return (output.OrganizationalUnits ?? [], output.NextToken)
        }
    }

    /// DescribeOrganizationalUnit. Returns nil when no OU has this id (`OrganizationalUnitNotFoundException`).
    public func describeOrganizationalUnit(_ id: String) async throws -> OrganizationalUnit? {
        do {
            return try await call(
                "DescribeOrganizationalUnit", DescribeOrganizationalUnitInput(OrganizationalUnitId: id), as: DescribeOrganizationalUnitOutput.self
            ).OrganizationalUnit
        } catch let error as AWSServiceError where error.code == "OrganizationalUnitNotFoundException" {
            return nil
        }
    }

    /// DescribeAccount. Returns nil when the account is not in the organization (`AccountNotFoundException`).
    public func describeAccount(_ id: String) async throws -> OrganizationAccount? {
        do {
            return try await call("DescribeAccount", DescribeAccountInput(AccountId: id), as: DescribeAccountOutput.self).Account
        } catch let error as AWSServiceError where error.code == "AccountNotFoundException" {
            return nil
        }
    }

    /// ListDelegatedAdministrators for one service principal, every page: the ids of the accounts registered as its
    /// delegated administrators (for stack sets: `StackSetCallAs.delegatedAdminServicePrincipal`). Only the
    /// management account (or a delegated administrator of Organizations itself) may call it.
    public func listDelegatedAdministrators(servicePrincipal: String) async throws -> [String] {
        try await PagedSequence(serviceId: client.service.serviceId, operation: "ListDelegatedAdministrators") { token in
            let input = OrganizationsPageInput(ServicePrincipal: servicePrincipal, NextToken: token, MaxResults: Self.pageSize)
            let output = try await call("ListDelegatedAdministrators", input, as: ListDelegatedAdministratorsOutput.self)
            return ((output.DelegatedAdministrators ?? []).map(\.Id), output.NextToken)
        }.collect()
    }

    /// `jsonCall` with `AWSOrganizationsNotInUseException` turned into `OrganizationNotInUseError`.
    func call<Output: Decodable>(_ operation: String, _ input: some Encodable, as output: Output.Type) async throws -> Output {
        do {
            return try await client.jsonCall(operation, input, as: output)
        } catch let error as AWSServiceError where error.code == "AWSOrganizationsNotInUseException" {
            throw OrganizationNotInUseError(operation: operation, requestId: error.requestId)
        }
    }
}

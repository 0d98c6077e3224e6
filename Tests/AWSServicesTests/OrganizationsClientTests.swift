import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct OrganizationsClientTests {
    typealias R = OrganizationsResponses

    @Test func describeOrganizationGoesToTheGlobalEndpoint() async throws {
        let transport = ScriptedTransport([.status(200, body: R.describeOrganization)])

        let organization = try await TestClients.organizations(transport, region: "eu-west-1").describeOrganization()

        #expect(organization == OrganizationDescription(
            id: R.organizationId, arn: "arn:aws:organizations::123456789012:organization/o-d7viz99x9o", masterAccountId: R.management,
            masterAccountArn: "arn:aws:organizations::123456789012:account/o-d7viz99x9o/123456789012", featureSet: .all))
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://organizations.us-east-1.amazonaws.com/")
        #expect(request.headers["X-Amz-Target"] == "AWSOrganizationsV20161128.DescribeOrganization")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(TestClients.credentialScope(request)?.region == "us-east-1")
        #expect(TestClients.credentialScope(request)?.service == "organizations")
        #expect(TestClients.body(request) == "{}")
    }

    @Test func anAccountOutsideAnyOrganizationIsATypedOneLineError() async throws {
        let transport = ScriptedTransport([.status(400, body: R.notInUse, headers: ["x-amzn-RequestId": "req-1"])])

        let error = await #expect(throws: OrganizationNotInUseError.self) {
            try await TestClients.organizations(transport).describeOrganization()
        }

        #expect(error == OrganizationNotInUseError(operation: "DescribeOrganization", requestId: "req-1"))
        let text = try #require(error?.description)
        #expect(!text.contains("\n"))
        #expect(text.contains("not in an AWS organization") && text.contains("management account"))
        #expect(transport.requests.count == 1)
    }

    @Test func listRootsReadsMotosAnswer() async throws {
        let transport = ScriptedTransport([.status(200, body: R.listRoots)])

        let roots = try await TestClients.organizations(transport).listRoots()

        #expect(roots == [OrganizationRoot(id: R.rootId, arn: "arn:aws:organizations::123456789012:root/o-d7viz99x9o/r-rck3", name: "Root")])
        #expect(TestClients.jsonBody(transport.requests.first) as NSDictionary == ["MaxResults": 20])
    }

    @Test func accountsArePagedLazilyAndReadStateWhenStatusIsGone() async throws {
        let transport = ScriptedTransport([.status(200, body: R.accountsPage1), .status(200, body: R.accountsPage2)])
        let accounts = TestClients.organizations(transport).accounts(inParent: R.ouId)
        #expect(transport.requests.isEmpty)

        var iterator = accounts.makeAsyncIterator()
        let first = try await iterator.next()
        #expect(first == OrganizationAccount(
            id: "940144603568", arn: "arn:aws:organizations::123456789012:account/o-d7viz99x9o/940144603568", name: "team-0", status: .active))
        #expect(transport.requests.count == 1)
        #expect(try await iterator.next()?.id == "271110431973")
        #expect(transport.requests.count == 1)
        let third = try await iterator.next()
        #expect(third?.id == "481209291763")
        #expect(third?.status == .suspended)
        #expect(try await iterator.next() == nil)
        #expect(transport.requests.count == 2)

        #expect(TestClients.jsonBody(transport.requests[0]) as NSDictionary == ["ParentId": R.ouId, "MaxResults": 20])
        #expect(TestClients.jsonBody(transport.requests[1]) as NSDictionary == ["ParentId": R.ouId, "MaxResults": 20, "NextToken": R.accountsPage1Token])
        #expect(transport.requests.allSatisfy { $0.headers["X-Amz-Target"] == "AWSOrganizationsV20161128.ListAccountsForParent" })
    }

    @Test func aServiceRepeatingItsTokenStopsTheListing() async throws {
        let page = #"{"OrganizationalUnits": [{"Id": "ou-rck3-ktln93n2"}], "NextToken": "t1"}"#
        let transport = ScriptedTransport([.status(200, body: page), .status(200, body: page)])

        var seen: [String] = []
        await #expect(throws: AWSClientError.self) {
            for try await unit in TestClients.organizations(transport).organizationalUnits(inParent: R.rootId) { seen.append(unit.id) }
        }

        #expect(seen == [R.ouId])
        #expect(transport.requests.count == 2)
    }

    @Test func organizationalUnitsReadMotosNullToken() async throws {
        let transport = ScriptedTransport([.status(200, body: R.organizationalUnits)])

        let units = try await TestClients.organizations(transport).organizationalUnits(inParent: R.rootId).collect()

        #expect(units == [OrganizationalUnit(id: R.ouId, arn: "arn:aws:organizations::123456789012:ou/o-d7viz99x9o/ou-rck3-ktln93n2", name: "dev")])
        #expect(transport.requests.count == 1)
        #expect(transport.requests.first?.headers["X-Amz-Target"] == "AWSOrganizationsV20161128.ListOrganizationalUnitsForParent")
    }

    @Test func describeOrganizationalUnitAndAccountAreNilWhenMissing() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.describeOrganizationalUnit), .status(400, body: R.ouNotFound),
            .status(200, body: R.describeAccount), .status(400, body: R.accountNotFound),
        ])
        let organizations = TestClients.organizations(transport)

        #expect(try await organizations.describeOrganizationalUnit(R.ouId)?.name == "dev")
        #expect(try await organizations.describeOrganizationalUnit("ou-rck3-00000000") == nil)
        #expect(try await organizations.describeAccount("940144603568")?.status == .active)
        #expect(try await organizations.describeAccount("999999999999") == nil)

        #expect(TestClients.body(transport.requests[1]) == #"{"OrganizationalUnitId":"ou-rck3-00000000"}"#)
        #expect(TestClients.body(transport.requests[3]) == #"{"AccountId":"999999999999"}"#)
    }

    @Test func otherErrorsAreThrownNotNil() async throws {
        let denied = #"{"__type": "AccessDeniedException", "Message": "You don't have permissions to access this resource."}"#
        let transport = ScriptedTransport([.status(400, body: denied)])

        let error = await #expect(throws: AWSServiceError.self) { try await TestClients.organizations(transport).describeAccount("940144603568") }

        #expect(error?.code == "AccessDeniedException")
    }

    @Test func delegatedAdministratorsAreEveryPagesAccountIds() async throws {
        let transport = ScriptedTransport([
            .status(200, body: R.delegatedAdministrators(["444444444444"], nextToken: "next-1")),
            .status(200, body: R.delegatedAdministrators(["555555555555"], nextToken: nil)),
        ])

        let ids = try await TestClients.organizations(transport).listDelegatedAdministrators(servicePrincipal: StackSetCallAs.delegatedAdminServicePrincipal)

        #expect(ids == ["444444444444", "555555555555"])
        #expect(TestClients.jsonBody(transport.requests[1]) as NSDictionary == [
            "ServicePrincipal": "member-account.org.stacksets.cloudformation.amazonaws.com", "NextToken": "next-1", "MaxResults": 20,
        ])
    }
}

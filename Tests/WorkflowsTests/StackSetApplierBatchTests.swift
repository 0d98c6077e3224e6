import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import TestSupport
import Testing
import Topology
@testable import Workflows

/// CreateStackInstances takes at most 50 OUs (API_CreateStackInstances): a stage role with more targets gets one
/// operation per batch of 50, each waited for, and no request names more than 50.
@Suite struct StackSetApplierBatchTests {
    static func unit(_ index: Int) -> String { "ou-ab12-" + String(format: "%08d", index) }

    /// Answers as CloudFormation does: a stack set id, an operation id per instance call, each operation SUCCEEDED.
    static func transport() -> ScriptedTransport {
        ScriptedTransport { request, index in
            let form = Self.form(request)
            let action = form["Action"] ?? ""
            let body: String
            switch action {
            case "CreateStackSet":
                body = "<CreateStackSetResult><StackSetId>s:1</StackSetId></CreateStackSetResult>"
            case "CreateStackInstances", "UpdateStackInstances":
                body = "<\(action)Result><OperationId>\(form["OperationId"] ?? "op-\(index)")</OperationId></\(action)Result>"
            case "DescribeStackSetOperation":
                body = """
                    <DescribeStackSetOperationResult><StackSetOperation><OperationId>\(form["OperationId"] ?? "")</OperationId>\
                    <StackSetId>s:1</StackSetId><Action>CREATE</Action><Status>SUCCEEDED</Status></StackSetOperation></DescribeStackSetOperationResult>
                    """
            default:
                return HTTPResponse(statusCode: 400, body: "<ErrorResponse><Error><Code>Unexpected</Code><Message>\(action)</Message></Error></ErrorResponse>")
            }
            return HTTPResponse(statusCode: 200, body: """
                <\(action)Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">\(body)\
                <ResponseMetadata><RequestId>r-\(index)</RequestId></ResponseMetadata></\(action)Response>
                """)
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

    static func applier(_ transport: ScriptedTransport, settings: OrganizationSettings) throws -> StackSetApplier {
        let environment = EnvironmentVariables(["AWS_MAX_ATTEMPTS": "1"])
        let session = try AWSSession.make(
            profile: "p", region: "us-east-1", environment: environment, config: try ReplayProfile.config(), transport: transport,
            logger: Logger(label: "test"))
        let access = OrganizationAccess(
            settings: settings, session: session, callerAccount: "999999999999", callerArn: "arn:aws:iam::999999999999:user/op",
            organization: OrganizationDescription(id: "o-abcd123456", arn: "arn:aws:organizations::999999999999:organization/o-abcd123456",
                                                  masterAccountId: "999999999999", featureSet: .all),
            rootId: "r-ab12", callAs: .selfAccount)
        let runner = StackSetOperationRunner(cloudFormation: session.cloudFormation, callAs: .selfAccount, progress: { _ in }, sleep: { _ in })
        return StackSetApplier(access: access, runner: runner, settings: settings)
    }

    static let spec = StackSetSpec(
        stage: .dev, kind: .bootstrap, name: "mlopsctl-hnb659fds-dev-bootstrap", templateBody: "{}", parameters: ["Qualifier": "hnb659fds"],
        tags: [:], capabilities: ["CAPABILITY_NAMED_IAM"])

    /// The OU ids each instance request of `action` named, in order.
    static func unitsPerRequest(_ transport: ScriptedTransport, _ action: String) -> [[String]] {
        transport.requests.map(form).filter { $0["Action"] == action }.map { fields in
            fields.filter { $0.key.hasPrefix("DeploymentTargets.OrganizationalUnitIds.member.") }
                .sorted { Int($0.key.split(separator: ".").last!)! < Int($1.key.split(separator: ".").last!)! }.map(\.value)
        }
    }

    @Test func aRoleWith120NewOUsIsDeployedInThreeOperationsOfAtMost50() async throws {
        let units = (0..<120).map(Self.unit)
        let target = OrganizationTarget(stage: .dev, organizationalUnits: units)
        let settings = OrganizationSettings(profile: "p", regions: ["us-east-1"], targets: [target])
        let members = units.map { OrganizationMember(stage: .dev, account: String(format: "5%011d", Int($0.suffix(8))!), unit: $0, viaOrganizationalUnit: true) }
        let review = StackSetReview(spec: Self.spec, existing: nil, live: [], members: members, target: target, settings: settings)
        #expect(review.newUnits.count == 120 && review.missing.isEmpty)

        let transport = Self.transport()
        let outcome = try await Self.applier(transport, settings: settings).apply(review, dependsOn: [])

        let sent = Self.unitsPerRequest(transport, "CreateStackInstances")
        #expect(sent.map(\.count) == [50, 50, 20])
        #expect(sent.flatMap { $0 } == units)
        #expect(outcome.operations.count == 4, "\(outcome.operations)")  // created, then three deployments
        // Each operation is waited for before the next starts (StackSets runs one at a time per stack set).
        let actions = transport.requests.map { Self.form($0)["Action"] ?? "" }
        #expect(actions == ["CreateStackSet"] + Array(repeating: ["CreateStackInstances", "DescribeStackSetOperation"], count: 3).flatMap { $0 })
    }

    @Test func missingAccountsIn60TargetedOUsAreAddedInTwoOperationsEachNamingOnlyItsAccounts() async throws {
        let units = (0..<60).map(Self.unit)
        let target = OrganizationTarget(stage: .dev, organizationalUnits: units)
        let settings = OrganizationSettings(profile: "p", regions: ["us-east-1", "eu-west-1"], targets: [target])
        let members = units.map { OrganizationMember(stage: .dev, account: String(format: "5%011d", Int($0.suffix(8))!), unit: $0, viaOrganizationalUnit: true) }
        // The stack set already targets every OU (so nothing is deployed whole) but has no instance yet: every member is missing.
        let existing = StackSetDescription(
            name: Self.spec.name, id: "s:1", status: "ACTIVE", templateBody: Self.spec.templateBody, parameters: Self.spec.parameters,
            autoDeployment: StackSetAutoDeployment(enabled: true, retainStacksOnAccountRemoval: false), organizationalUnitIds: units)
        let review = StackSetReview(spec: Self.spec, existing: existing, live: [], members: members, target: target, settings: settings)
        #expect(review.newUnits.isEmpty && review.missing.count == 60 && review.changes.isEmpty, "\(review.changes)")

        let transport = Self.transport()
        _ = try await Self.applier(transport, settings: settings).apply(review, dependsOn: [])

        let requests = transport.requests.map(Self.form).filter { $0["Action"] == "CreateStackInstances" }
        #expect(Self.unitsPerRequest(transport, "CreateStackInstances").map(\.count) == [50, 10])
        for fields in requests {
            let sentUnits = Set(fields.filter { $0.key.hasPrefix("DeploymentTargets.OrganizationalUnitIds.") }.values)
            let sentAccounts = Set(fields.filter { $0.key.hasPrefix("DeploymentTargets.Accounts.") }.values)
            #expect(fields["DeploymentTargets.AccountFilterType"] == "INTERSECTION")
            #expect(sentAccounts == Set(members.filter { sentUnits.contains($0.unit) }.map(\.account)))
            #expect(fields["Regions.member.1"] == "us-east-1" && fields["Regions.member.2"] == "eu-west-1")
        }
    }
}

import AWSWire
import Foundation
import TestSupport

/// The dev account of the bootstrap's execution-policy stack as teardown sees it over the wire, after the stack's
/// `AWS::IAM::ManagedPolicy` outlived it (a Retain policy on AWS). IAM behaves as documented: DeletePolicy is a
/// `DeleteConflict` while the policy is attached anywhere or has a non-default version. Logs every operation in
/// order, and the `PolicyArn` of every IAM request.
final class FakePolicyAccount: Sendable {
    static let stackName = "mlopsctl-hnb659fds-cfn-exec-dev"
    static let stackId = "arn:aws:cloudformation:us-east-1:222222222222:stack/\(stackName)/0c7d1e90-ae0c-11f0-8a2b-0e9f5d3c4b2a"
    static let policyArn = IAMResponses.policyArn
    static let cfnNamespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/"

    struct State {
        var log: [String] = []
        var policyArnsSeen: [String] = []
        var stackExists = true
        var policyExists = true
        var attachedRoles = ["mlopsctl-hnb659fds-cfn-exec-role-222222222222-us-east-1"]
        /// (version id, is default), newest first as IAM lists them.
        var versions: [(String, Bool)] = [("v3", true), ("v2", false), ("v1", false)]
        /// Attachments ListEntitiesForPolicy does not show (made between the listing and DeletePolicy).
        var attachedMeanwhile = 0
    }

    let state: LockedBox<State>

    init(_ state: State = State()) {
        self.state = LockedBox(state)
    }

    var log: [String] { state.value.log }

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        state.withLock { state in
            let operation = RecordingTransport.operationName(request)
            state.log.append(operation)
            let body = String(decoding: request.body, as: UTF8.self)
            let arn = FakeProjectAccount.formValue(body, "PolicyArn")
            if let arn { state.policyArnsSeen.append(arn) }
            let known = state.policyExists && arn == Self.policyArn
            let noSuchPolicy = HTTPResponse(statusCode: 404, body: IAMResponses.error(
                code: "NoSuchEntity", message: "Policy \(arn ?? "?") does not exist or is not attachable."))
            switch operation {
            case "GetCallerIdentity":
                return ok("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::222222222222:user/lead</Arn><UserId>AIDA</UserId><Account>222222222222</Account>"
                    + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "DescribeStacks":
                return describeStacks(state, byId: body.contains("arn%3Aaws%3Acloudformation"))
            case "DescribeStackEvents":
                return ok("<DescribeStackEventsResponse xmlns=\"\(Self.cfnNamespace)\"><DescribeStackEventsResult><StackEvents/>"
                    + "</DescribeStackEventsResult><ResponseMetadata><RequestId>r-dse</RequestId></ResponseMetadata></DescribeStackEventsResponse>")
            case "DeleteStack":
                // CloudFormation deletes the stack and, the policy being retained, leaves the policy as it was.
                state.stackExists = false
                return ok("<DeleteStackResponse xmlns=\"\(Self.cfnNamespace)\"><ResponseMetadata><RequestId>5ccc7dcd</RequestId></ResponseMetadata></DeleteStackResponse>")
            case "GetPolicy":
                return known ? ok(IAMResponses.getPolicy(arn: Self.policyArn, attachments: state.attachedRoles.count)) : noSuchPolicy
            case "ListEntitiesForPolicy":
                return known ? ok(IAMResponses.listEntitiesForPolicy(roles: state.attachedRoles)) : noSuchPolicy
            case "DetachRolePolicy":
                guard known, let role = FakeProjectAccount.formValue(body, "RoleName"), state.attachedRoles.contains(role) else { return noSuchPolicy }
                state.attachedRoles.removeAll { $0 == role }
                return ok(IAMResponses.empty(operation))
            case "ListPolicyVersions":
                return known ? ok(IAMResponses.listPolicyVersions(state.versions)) : noSuchPolicy
            case "DeletePolicyVersion":
                let id = FakeProjectAccount.formValue(body, "VersionId")
                guard known, let index = state.versions.firstIndex(where: { $0.0 == id }) else { return noSuchPolicy }
                guard !state.versions[index].1 else { return conflict("Cannot delete the default version of a policy.") }
                state.versions.remove(at: index)
                return ok(IAMResponses.empty(operation))
            case "DeletePolicy":
                guard known else { return noSuchPolicy }
                guard state.attachedRoles.isEmpty && state.attachedMeanwhile == 0 else { return conflict("Cannot delete a policy attached to entities.") }
                guard state.versions.count == 1 else { return conflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions.") }
                state.policyExists = false
                return ok(IAMResponses.empty(operation))
            default:
                return HTTPResponse(statusCode: 500, body: "unexpected \(operation)")
            }
        }
    }

    private func ok(_ body: String) -> HTTPResponse { HTTPResponse(statusCode: 200, body: body) }

    private func conflict(_ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: 409, body: IAMResponses.error(code: "DeleteConflict", message: message))
    }

    private func describeStacks(_ state: State, byId: Bool) -> HTTPResponse {
        guard let status = state.stackExists ? "CREATE_COMPLETE" : (byId ? "DELETE_COMPLETE" : nil) else {
            return HTTPResponse(statusCode: 400, body: "<ErrorResponse xmlns=\"\(Self.cfnNamespace)\"><Error><Type>Sender</Type><Code>ValidationError</Code>"
                + "<Message>Stack with id \(Self.stackName) does not exist</Message></Error><RequestId>e-1</RequestId></ErrorResponse>")
        }
        return ok("""
            <DescribeStacksResponse xmlns="\(Self.cfnNamespace)"><DescribeStacksResult><Stacks><member>
            <StackId>\(Self.stackId)</StackId><StackName>\(Self.stackName)</StackName><CreationTime>2026-11-28T23:00:00.120Z</CreationTime>
            <StackStatus>\(status)</StackStatus><DisableRollback>false</DisableRollback><NotificationARNs/>
            <EnableTerminationProtection>false</EnableTerminationProtection></member></Stacks></DescribeStacksResult>
            <ResponseMetadata><RequestId>r-ds</RequestId></ResponseMetadata></DescribeStacksResponse>
            """)
    }
}

import AWSWire
import Foundation
import TestSupport

/// The dev account of a project launched through SageMaker, as the teardown sees it over the wire (the emulator
/// has no SageMaker projects and no Service Catalog provisioning): the project, the stack Service Catalog made
/// (`SC-222222222222-pp-xyz`) holding a versioned bucket, an ECR repository and a KMS key with a Retain policy.
/// Answers in the shapes AWS sends; logs every operation in order.
///
/// DeleteProject starts the stack's deletion; each DescribeStacks afterwards takes the next of `afterDeleteProject`
/// (the last one repeats; nil: the stack is gone, with what it deleted). DeleteStack ends in `afterDeleteStack`.
final class FakeProjectAccount: Sendable {
    static let stackName = "SC-222222222222-pp-xyz"
    static let stackId = "arn:aws:cloudformation:us-east-1:222222222222:stack/\(stackName)/8e2f6a40-ae0c-11f0-9c1d-0a1b2c3d4e5f"
    static let bucket = "mlops-p-xyz-artifacts-222222222222-us-east-1"
    static let repository = "mlops-p-xyz-images"
    static let keyId = "1234abcd-12ab-34cd-56ef-1234567890ab"
    static let cfnNamespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/"

    struct State {
        var log: [String] = []
        var projectExists = true
        var deletionRequested = false
        /// nil: the stack does not exist.
        var stackStatus: String? = "CREATE_COMPLETE"
        var stackReason: String?
        var afterDeleteProject: [String?] = ["DELETE_IN_PROGRESS", "DELETE_IN_PROGRESS", nil]
        var afterDeleteStack: String? = nil
        var deleteStackToken: String?
        var versions: [(key: String, version: String)] = [("data/train.csv", "3HL4kqtJlcpXroDTDmJ"), ("data/train.csv", "wxyzKLMNop0123")]
        var bucketExists = true
        /// The bucket has a Retain policy: the stack's deletion leaves it.
        var bucketRetained = false
        /// Versions a writer puts into the bucket while the stack is being deleted (after the emptying).
        var versionsWrittenDuringDeletion: [(key: String, version: String)] = []
        var images = ["sha256:764f63476bdff6d83a09ba2a818f0d35757063724a9ac3ba5019c56f74ebf42a"]
        var repositoryExists = true
        /// nil: no such key.
        var keyState: String? = "Enabled"
        var deleteProjectRequests: [HTTPRequest] = []
        var sleeps: [Duration] = []
    }

    let state: LockedBox<State>

    init(_ state: State = State()) {
        self.state = LockedBox(state)
    }

    var log: [String] { state.value.log }

    func sleep(_ duration: Duration) {
        state.withLock { $0.sleeps.append(duration) }
    }

    func respond(_ request: HTTPRequest) -> HTTPResponse {
        state.withLock { state in
            let operation = Self.operation(request)
            state.log.append(operation)
            let body = String(decoding: request.body, as: UTF8.self)
            switch operation {
            case "GetCallerIdentity":
                return ok("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::222222222222:user/lead</Arn><UserId>AIDA</UserId><Account>222222222222</Account>"
                    + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case "DeleteProject":
                state.deleteProjectRequests.append(request)
                guard state.projectExists else {
                    return HTTPResponse(statusCode: 400, body: #"{"__type":"ValidationException","message":"Project demo does not exist."}"#)
                }
                state.projectExists = false
                state.deletionRequested = true
                return ok("")
            case "DescribeStacks":
                return describeStacks(&state, byId: body.contains("arn%3Aaws%3Acloudformation"))
            case "DeleteStack":
                state.deleteStackToken = Self.formValue(body, "ClientRequestToken")
                if state.afterDeleteStack == nil { Self.stackGone(&state) } else { state.stackStatus = state.afterDeleteStack }
                state.stackReason = state.stackStatus == "DELETE_FAILED" ? "The following resource(s) failed to delete: [ArtifactBucket]. " : nil
                return ok("<DeleteStackResponse xmlns=\"\(Self.cfnNamespace)\"><ResponseMetadata><RequestId>5ccc7dcd</RequestId></ResponseMetadata></DeleteStackResponse>")
            case "DescribeStackEvents":
                return describeStackEvents(state)
            case "PutBucketPolicy":
                return state.bucketExists ? HTTPResponse(statusCode: 204, body: "") : noSuchBucket()
            case "ListMultipartUploads":
                return ok("<ListMultipartUploadsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Bucket>\(Self.bucket)</Bucket>"
                    + "<IsTruncated>false</IsTruncated></ListMultipartUploadsResult>")
            case "ListObjectVersions":
                let versions = state.versions.map {
                    "<Version><Key>\($0.key)</Key><VersionId>\($0.version)</VersionId><IsLatest>false</IsLatest><Size>12</Size></Version>"
                }
                return ok("<ListVersionsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>\(Self.bucket)</Name>"
                    + "<IsTruncated>false</IsTruncated>\(versions.joined())</ListVersionsResult>")
            case "DeleteObjects":
                let deleted = state.versions.map { "<Deleted><Key>\($0.key)</Key><VersionId>\($0.version)</VersionId></Deleted>" }
                state.versions = []
                return ok("<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">\(deleted.joined())</DeleteResult>")
            case "DeleteBucket":
                guard state.bucketExists else { return noSuchBucket() }
                guard state.versions.isEmpty else {
                    return HTTPResponse(statusCode: 409, body: "<Error><Code>BucketNotEmpty</Code><Message>The bucket you tried to delete is not empty</Message>"
                        + "<BucketName>\(Self.bucket)</BucketName><RequestId>R2</RequestId></Error>")
                }
                state.bucketExists = false
                return HTTPResponse(statusCode: 204, body: "")
            case "HeadBucket":
                return HTTPResponse(statusCode: state.bucketExists ? 200 : 404, headers: ["x-amz-bucket-region": "us-east-1"], body: "")
            case "DescribeRepositories":
                guard state.repositoryExists else {
                    return HTTPResponse(statusCode: 400, body: #"{"__type":"RepositoryNotFoundException","message":"The repository with name '\#(Self.repository)' does not exist in the registry with id '222222222222'"}"#)
                }
                return ok(#"{"repositories":[{"createdAt":1795912568.0,"registryId":"222222222222","repositoryArn":"arn:aws:ecr:us-east-1:222222222222:repository/\#(Self.repository)","repositoryName":"\#(Self.repository)","repositoryUri":"222222222222.dkr.ecr.us-east-1.amazonaws.com/\#(Self.repository)"}]}"#)
            case "ListImages":
                return ok(#"{"imageIds":[\#(state.images.map { #"{"imageDigest":"\#($0)","imageTag":"latest"}"# }.joined(separator: ","))]}"#)
            case "BatchDeleteImage":
                let deleted = state.images.map { #"{"imageDigest":"\#($0)","imageTag":"latest"}"# }
                state.images = []
                return ok(#"{"failures":[],"imageIds":[\#(deleted.joined(separator: ","))]}"#)
            case "DescribeKey":
                guard let keyState = state.keyState else {
                    return HTTPResponse(statusCode: 400, body: #"{"__type":"NotFoundException","message":"Key 'arn:aws:kms:us-east-1:222222222222:key/\#(Self.keyId)' does not exist"}"#)
                }
                return ok(#"{"KeyMetadata":{"AWSAccountId":"222222222222","Arn":"arn:aws:kms:us-east-1:222222222222:key/\#(Self.keyId)","CreationDate":1795912568.0,"#
                    + #""Enabled":\#(keyState == "Enabled"),"KeyId":"\#(Self.keyId)","KeyManager":"CUSTOMER","KeySpec":"SYMMETRIC_DEFAULT","KeyState":"\#(keyState)","#
                    + #""KeyUsage":"ENCRYPT_DECRYPT","MultiRegion":false,"Origin":"AWS_KMS"}}"#)
            case "ScheduleKeyDeletion":
                state.keyState = "PendingDeletion"
                return ok(#"{"DeletionDate":1796525811.0,"KeyId":"arn:aws:kms:us-east-1:222222222222:key/\#(Self.keyId)","KeyState":"PendingDeletion","PendingWindowInDays":7}"#)
            default:
                return HTTPResponse(statusCode: 500, body: "unexpected \(operation)")
            }
        }
    }

    private func ok(_ body: String) -> HTTPResponse { HTTPResponse(statusCode: 200, body: body) }

    private func noSuchBucket() -> HTTPResponse {
        HTTPResponse(statusCode: 404, body: "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>"
            + "<BucketName>\(Self.bucket)</BucketName><RequestId>R1</RequestId></Error>")
    }

    /// Service Catalog's (or CloudFormation's) deletion finished: the bucket, the repository and the Retain key's
    /// fate as CloudFormation leaves them.
    private static func stackGone(_ state: inout State) {
        state.stackStatus = nil
        state.versions += state.versionsWrittenDuringDeletion
        if !state.bucketRetained { state.bucketExists = false }
        state.repositoryExists = false
    }

    private func describeStacks(_ state: inout State, byId: Bool) -> HTTPResponse {
        // A stack that is gone stays gone.
        if state.deletionRequested && state.deleteStackToken == nil && state.stackStatus != nil && !state.afterDeleteProject.isEmpty {
            let next = state.afterDeleteProject.count > 1 ? state.afterDeleteProject.removeFirst() : state.afterDeleteProject[0]
            if let next {
                state.stackStatus = next
                state.stackReason = next == "DELETE_FAILED" ? "The following resource(s) failed to delete: [ArtifactBucket]. " : nil
            } else {
                Self.stackGone(&state)
            }
        }
        guard let status = state.stackStatus ?? (byId ? "DELETE_COMPLETE" : nil) else {
            return HTTPResponse(statusCode: 400, body: "<ErrorResponse xmlns=\"\(Self.cfnNamespace)\"><Error><Type>Sender</Type><Code>ValidationError</Code>"
                + "<Message>Stack with id \(Self.stackName) does not exist</Message></Error><RequestId>e-1</RequestId></ErrorResponse>")
        }
        let reason = state.stackReason.map { "<StackStatusReason>\($0)</StackStatusReason>" } ?? ""
        return ok("""
            <DescribeStacksResponse xmlns="\(Self.cfnNamespace)"><DescribeStacksResult><Stacks><member>
            <StackId>\(Self.stackId)</StackId><StackName>\(Self.stackName)</StackName><CreationTime>2026-11-28T23:00:00.120Z</CreationTime>
            <StackStatus>\(status)</StackStatus>\(reason)<DisableRollback>false</DisableRollback><NotificationARNs/>
            <Tags><member><Key>aws:servicecatalog:provisionedProductArn</Key><Value>arn:aws:servicecatalog:us-east-1:222222222222:stack/demo/pp-xyz</Value></member></Tags>
            <EnableTerminationProtection>false</EnableTerminationProtection></member></Stacks></DescribeStacksResult>
            <ResponseMetadata><RequestId>r-ds</RequestId></ResponseMetadata></DescribeStacksResponse>
            """)
    }

    /// The events of the last DeleteStack (stamped with its token): the bucket failing when the delete failed.
    private func describeStackEvents(_ state: State) -> HTTPResponse {
        guard let token = state.deleteStackToken else { return ok(Self.eventsResponse([])) }
        var events: [String] = []
        func event(_ id: String, _ logical: String, _ type: String, _ status: String, _ reason: String?) -> String {
            "<StackId>\(Self.stackId)</StackId><EventId>\(id)</EventId><StackName>\(Self.stackName)</StackName><LogicalResourceId>\(logical)</LogicalResourceId>"
                + "<ResourceType>\(type)</ResourceType><Timestamp>2026-11-29T00:10:0\(events.count).000Z</Timestamp><ResourceStatus>\(status)</ResourceStatus>"
                + (reason.map { "<ResourceStatusReason>\($0)</ResourceStatusReason>" } ?? "") + "<ClientRequestToken>\(token)</ClientRequestToken>"
        }
        events.append(event("e-1", Self.stackName, "AWS::CloudFormation::Stack", "DELETE_IN_PROGRESS", "User Initiated"))
        if state.stackStatus == "DELETE_FAILED" {
            events.append(event("e-2", "ArtifactBucket", "AWS::S3::Bucket", "DELETE_FAILED",
                "Resource handler returned message: \"The bucket you tried to delete is not empty (Service: S3, Status Code: 409)\""))
            events.append(event("e-3", Self.stackName, "AWS::CloudFormation::Stack", "DELETE_FAILED", "The following resource(s) failed to delete: [ArtifactBucket]. "))
        } else {
            events.append(event("e-4", Self.stackName, "AWS::CloudFormation::Stack", "DELETE_COMPLETE", nil))
        }
        return ok(Self.eventsResponse(events.reversed()))
    }

    private static func eventsResponse(_ members: [String]) -> String {
        let list = members.isEmpty ? "<StackEvents/>" : "<StackEvents>" + members.map { "<member>\($0)</member>" }.joined() + "</StackEvents>"
        return "<DescribeStackEventsResponse xmlns=\"\(cfnNamespace)\"><DescribeStackEventsResult>\(list)</DescribeStackEventsResult>"
            + "<ResponseMetadata><RequestId>r-dse</RequestId></ResponseMetadata></DescribeStackEventsResponse>"
    }

    /// The AWS operation of a request: the JSON target, the query Action, or the S3 call by method and subresource.
    static func operation(_ request: HTTPRequest) -> String {
        let name = RecordingTransport.operationName(request)
        guard name.hasPrefix("\(request.method) ") else { return name }
        let query = request.encodedQuery ?? ""
        switch request.method {
        case "PUT" where query.contains("policy"): return "PutBucketPolicy"
        case "GET" where query.contains("uploads"): return "ListMultipartUploads"
        case "GET" where query.contains("versions"): return "ListObjectVersions"
        case "POST" where query.contains("delete"): return "DeleteObjects"
        case "HEAD": return "HeadBucket"
        case "DELETE" where query.isEmpty: return "DeleteBucket"
        default: return name
        }
    }

    static func formValue(_ body: String, _ key: String) -> String? {
        body.split(separator: "&").first { $0.hasPrefix("\(key)=") }.map { String($0.dropFirst(key.count + 1)).removingPercentEncoding ?? "" }
    }
}

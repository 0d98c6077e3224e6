import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Ledger
import Logging
import Testing
import TestSupport
import Topology
@testable import Workflows

/// Promoting to a stage in another region than dev's (where the package lives), replayed against AWS's answers. Each
/// request is checked for the region it is signed for: the package and its model data are read in dev's region
/// (us-west-2), everything of preprod in eu-central-1. SageMaker builds the model from the package's containers there:
/// the model data copied server-side into preprod's CDK staging bucket, SageMaker's image taken from eu-central-1's
/// registry, a private image only when it exists in eu-central-1.
@Suite struct CrossRegionPromoteReplayTests {
    static let cfn = "http://cloudformation.amazonaws.com/doc/2010-05-15/"
    static let dev = "222222222222"
    static let preprod = "333333333333"
    static let group = "demo-p-xyz"
    static let packageArn = "arn:aws:sagemaker:us-west-2:\(dev):model-package/\(group)/2"
    static let stackName = "mlops-demo-endpoint-preprod"
    static let stackId = "arn:aws:cloudformation:eu-central-1:\(preprod):stack/\(stackName)/1"
    static let staging = "cdk-hnb659fds-assets-\(preprod)-eu-central-1"
    static let source = S3ObjectLocation(bucket: "mlops-demo-p-xyz-artifacts", key: "pipelines/train/output/model.tar.gz")
    static let sourceETag = "\"9b2cf535f27731c974343645a3985328\""
    static let sourceSize = 6_291_456
    static let xgboostDev = "246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1"
    static let xgboostPreprod = "492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-xgboost:1.7-1"
    static let privateImage = "\(dev).dkr.ecr.us-west-2.amazonaws.com/scoring:2.1"
    static let privateDigest = "sha256:" + String(repeating: "ab", count: 32)

    static func topology() throws -> Topology {
        try TopologyLoader.parse(yaml: """
            version: 1
            region: us-west-2
            stages:
              governance: { account: "111111111111", profile: p, region: us-east-1 }
              dev:        { account: "\(dev)", profile: p }
              preprod:    { account: "\(preprod)", profile: p, region: eu-central-1 }
              prod:       { account: "444444444444", profile: p, region: ap-southeast-2 }

            """)
    }

    /// The region and service a request is signed for (its SigV4 credential scope).
    static func scope(_ request: HTTPRequest) -> (region: String, service: String) {
        let credential = request.headers["Authorization"]?.components(separatedBy: "Credential=").last?.components(separatedBy: ",").first ?? ""
        let parts = credential.split(separator: "/").map(String.init)
        return parts.count >= 4 ? (parts[2], parts[3]) : ("", "")
    }

    /// AWS as seen by one promotion to preprod. `image` is the package's image; `privateImageInPreprod` says whether
    /// ECR in eu-central-1 holds the private image.
    final class Script: @unchecked Sendable {
        let image: String
        let privateImageInPreprod: Bool
        /// The source bucket refuses preprod's credentials (no grant for its account).
        var sourceForbidden = false
        private let lock = NSLock()
        private var stackCreated = false
        private var copied = false
        init(image: String = CrossRegionPromoteReplayTests.xgboostDev, privateImageInPreprod: Bool = false) {
            self.image = image
            self.privateImageInPreprod = privateImageInPreprod
        }

        func answer(_ request: HTTPRequest) -> HTTPResponse {
            typealias T = CrossRegionPromoteReplayTests
            let operation = RecordingTransport.operationName(request)
            let (region, service) = T.scope(request)
            let body = String(decoding: request.body, as: UTF8.self)
            func ok(_ text: String, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse { HTTPResponse(statusCode: 200, headers: headers, body: text) }
            func json(_ object: Any) -> HTTPResponse { ok(String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)) }
            func notFound() -> HTTPResponse { HTTPResponse(statusCode: 404, body: "") }
            func unexpected() -> HTTPResponse {
                Issue.record("unexpected request \(operation) (\(service) in \(region)): \(request.url)")
                return HTTPResponse(statusCode: 500, body: "")
            }
            if service == "s3" { return s3(request, region: region, ok: ok, notFound: notFound, unexpected: unexpected) }
            switch (operation, region) {
            case ("GetCallerIdentity", "us-west-2"), ("GetCallerIdentity", "eu-central-1"):
                let account = region == "us-west-2" ? T.dev : T.preprod
                return ok("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:iam::\(account):user/lead</Arn><UserId>AIDA</UserId><Account>\(account)</Account>"
                    + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            case ("AssumeRole", "eu-central-1"):
                return ok("<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult><Credentials>"
                    + "<AccessKeyId>ASIADEPLOY</AccessKeyId><SecretAccessKey>deploy-secret</SecretAccessKey><SessionToken>token</SessionToken>"
                    + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser>"
                    + "<Arn>arn:aws:sts::\(T.preprod):assumed-role/cdk-hnb659fds-deploy-role-\(T.preprod)-eu-central-1/mlopsctl-tester</Arn>"
                    + "<AssumedRoleId>AROA:mlopsctl-tester</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>")
            case ("GetParameter", "us-west-2") where body.contains("/mlops/projects/demo/model-package-group"):
                return ok(#"{"Parameter":{"Name":"/mlops/projects/demo/model-package-group","Type":"String","Value":"\#(T.group)","Version":1}}"#)
            case ("GetParameter", "eu-central-1") where body.contains("/cdk-bootstrap/hnb659fds/version"):
                return ok(#"{"Parameter":{"Name":"/cdk-bootstrap/hnb659fds/version","Type":"String","Value":"32","Version":1}}"#)
            case ("ListModelPackages", "us-west-2"):
                return json(["ModelPackageSummaryList": [
                    ["ModelPackageArn": T.packageArn, "ModelPackageGroupName": T.group, "ModelPackageVersion": 2, "ModelPackageStatus": "Completed",
                     "ModelApprovalStatus": "Approved", "CreationTime": 1_795_900_002],
                ]])
            case ("DescribeModelPackage", "us-west-2"):
                return json([
                    "ModelPackageArn": T.packageArn, "ModelPackageName": T.group, "ModelPackageGroupName": T.group, "ModelPackageVersion": 2,
                    "ModelPackageStatus": "Completed", "ModelApprovalStatus": "Approved", "CreationTime": 1_795_900_002,
                    "InferenceSpecification": [
                        "Containers": [["Image": image, "ModelDataUrl": T.source.url, "Environment": ["SAGEMAKER_PROGRAM": "inference.py"]]],
                        "SupportedContentTypes": ["text/csv"], "SupportedResponseMIMETypes": ["text/csv"],
                    ],
                ])
            case ("DescribeImages", "us-west-2"):
                // The tag's image in dev's registry, at home.
                return json(["imageDetails": [["registryId": T.dev, "repositoryName": "scoring", "imageDigest": T.privateDigest, "imageTags": ["2.1"]]]])
            case ("DescribeImages", "eu-central-1"):
                #expect(body.contains(T.privateDigest), "the target region is asked for the source's digest: \(body)")
                guard privateImageInPreprod else {
                    return HTTPResponse(statusCode: 400, body: #"{"__type":"ImageNotFoundException","message":"not found"}"#)
                }
                return json(["imageDetails": [["registryId": T.dev, "repositoryName": "scoring", "imageDigest": T.privateDigest, "imageTags": ["2.1"]]]])
            case ("DescribeStacks", "us-west-2"):
                // dev's endpoint stack serves the package: the preprod gate is open.
                return ok(describe(name: "mlops-demo-endpoint-dev", id: "arn:aws:cloudformation:us-west-2:\(T.dev):stack/mlops-demo-endpoint-dev/1",
                                   status: "CREATE_COMPLETE"))
            case ("DescribeStacks", "eu-central-1") where body.contains("StackName=CDKToolkit"):
                return ok("<DescribeStacksResponse xmlns=\"\(T.cfn)\"><DescribeStacksResult><Stacks><member><StackName>CDKToolkit</StackName>"
                    + "<StackId>arn:aws:cloudformation:eu-central-1:\(T.preprod):stack/CDKToolkit/1</StackId><StackStatus>CREATE_COMPLETE</StackStatus>"
                    + "<CreationTime>2026-11-28T00:00:00Z</CreationTime><Outputs><member><OutputKey>BucketName</OutputKey>"
                    + "<OutputValue>\(T.staging)</OutputValue></member></Outputs></member></Stacks></DescribeStacksResult></DescribeStacksResponse>")
            case ("DescribeStacks", "eu-central-1"):
                guard lock.withLock({ stackCreated }) else {
                    return HTTPResponse(statusCode: 400, body: "<ErrorResponse xmlns=\"\(T.cfn)\"><Error><Type>Sender</Type><Code>ValidationError</Code>"
                        + "<Message>Stack with id \(T.stackName) does not exist</Message></Error><RequestId>r</RequestId></ErrorResponse>")
                }
                return ok(describe(name: T.stackName, id: T.stackId, status: "CREATE_COMPLETE"))
            case ("CreateStack", "eu-central-1"):
                // CloudFormation reads the model data when it creates the model: the copy came first.
                #expect(lock.withLock { copied }, "the stack was created before the model data was copied")
                lock.withLock { stackCreated = true }
                return ok("<CreateStackResponse xmlns=\"\(T.cfn)\"><CreateStackResult><StackId>\(T.stackId)</StackId></CreateStackResult></CreateStackResponse>")
            case ("DescribeStackEvents", "eu-central-1"):
                return ok("<DescribeStackEventsResponse xmlns=\"\(T.cfn)\"><DescribeStackEventsResult><StackEvents></StackEvents>"
                    + "</DescribeStackEventsResult></DescribeStackEventsResponse>")
            case ("ListStackResources", "eu-central-1"):
                return ok("<ListStackResourcesResponse xmlns=\"\(T.cfn)\"><ListStackResourcesResult><StackResourceSummaries>"
                    + "<member><LogicalResourceId>Endpoint</LogicalResourceId><PhysicalResourceId>arn:aws:sagemaker:eu-central-1:\(T.preprod):endpoint/demo-p-xyz-preprod</PhysicalResourceId>"
                    + "<ResourceType>AWS::SageMaker::Endpoint</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus>"
                    + "<LastUpdatedTimestamp>2026-11-29T00:00:00Z</LastUpdatedTimestamp></member>"
                    + "</StackResourceSummaries></ListStackResourcesResult></ListStackResourcesResponse>")
            case ("DescribeEndpoint", "eu-central-1"):
                return json(["EndpointName": "demo-p-xyz-preprod", "EndpointArn": "arn:aws:sagemaker:eu-central-1:\(T.preprod):endpoint/demo-p-xyz-preprod",
                             "EndpointStatus": "InService", "CreationTime": 1_795_900_002, "LastModifiedTime": 1_795_900_003])
            default:
                return unexpected()
            }
        }

        private func describe(name: String, id: String, status: String) -> String {
            typealias T = CrossRegionPromoteReplayTests
            return "<DescribeStacksResponse xmlns=\"\(T.cfn)\"><DescribeStacksResult><Stacks><member>"
                + "<StackName>\(name)</StackName><StackId>\(id)</StackId><StackStatus>\(status)</StackStatus>"
                + "<CreationTime>2026-11-28T00:00:00Z</CreationTime>"
                + "<Parameters><member><ParameterKey>ModelPackageArn</ParameterKey><ParameterValue>\(T.packageArn)</ParameterValue></member></Parameters>"
                + "<Outputs><member><OutputKey>EndpointName</OutputKey><OutputValue>demo-p-xyz-preprod</OutputValue></member></Outputs>"
                + "</member></Stacks></DescribeStacksResult></DescribeStacksResponse>"
        }

        private func s3(_ request: HTTPRequest, region: String, ok: (String, HTTPHeaders) -> HTTPResponse, notFound: () -> HTTPResponse,
                        unexpected: () -> HTTPResponse) -> HTTPResponse {
            typealias T = CrossRegionPromoteReplayTests
            let path = request.url.absoluteString
            switch (request.method, region) {
            case ("HEAD", "us-west-2") where path.contains(T.source.key):
                if sourceForbidden { return HTTPResponse(statusCode: 403, body: "") }
                return ok("", ["Content-Length": String(T.sourceSize), "ETag": T.sourceETag])
            case ("HEAD", "eu-central-1") where path.contains(T.staging):
                guard lock.withLock({ copied }) else { return notFound() }
                return ok("", ["Content-Length": String(T.sourceSize), "ETag": T.sourceETag])
            case ("PUT", "eu-central-1") where path.contains(T.staging) && request.headers["x-amz-copy-source"] != nil:
                lock.withLock { copied = true }
                return ok("<CopyObjectResult><ETag>\(T.sourceETag)</ETag><LastModified>2026-11-29T00:00:00.000Z</LastModified></CopyObjectResult>", [:])
            default:
                return unexpected()
            }
        }
    }

    static func workflow(_ script: Script, options: PromoteOptions, collector: RequestCollector = RequestCollector(verb: "promote"))
        throws -> (PromoteWorkflow, ScriptedTransport, LedgerDatabase)
    {
        let environment = EnvironmentVariables(["AWS_MAX_ATTEMPTS": "1"])
        let transport = ScriptedTransport { request, _ in script.answer(request) }
        let sessions = StageSessions(
            config: try ReplayProfile.config(), environment: environment, transport: transport, logger: Logger(label: "test"), observer: collector)
        let ledger = try LedgerDatabase.inMemory()
        let workflow = PromoteWorkflow(
            topology: try topology(), sessions: sessions, options: options,
            deployApp: SeedCodeApp.deploy(in: .directory(ConformanceData.packageRoot.appendingPathComponent("seed_code"))), openLedger: { ledger }, lockTimeout: .seconds(5),
            user: "tester", sleep: { _ in })
        return (workflow, transport, ledger)
    }

    static func requests(_ transport: ScriptedTransport) -> [(operation: String, region: String, request: HTTPRequest)] {
        transport.requests.map { (RecordingTransport.operationName($0), scope($0).region, $0) }
    }

    @Test func theModelIsBuiltFromTheContainersWithTheDataCopiedAndTheImageOfTheTargetRegion() async throws {
        let (workflow, transport, ledger) = try Self.workflow(Script(), options: PromoteOptions(project: "demo", target: .preprod))
        let result = try await workflow.run()
        #expect(result.region == "eu-central-1" && result.endpointStatus == "InService" && result.stackAction == "created", "\(result)")
        let key = RegionalModel.destinationKey(project: "demo", source: Self.source, eTag: Self.sourceETag, size: Self.sourceSize)
        #expect(key.hasPrefix("mlopsctl/model-data/demo/") && key.hasSuffix("/model.tar.gz"), "\(key)")
        let destination = "s3://\(Self.staging)/\(key)"
        #expect(result.copies == [ModelDataCopyResult(source: Self.source.url, destination: destination, bytes: Self.sourceSize, outcome: "copied")])
        #expect(result.images == ["\(Self.xgboostDev) → \(Self.xgboostPreprod) (SageMaker's registry in eu-central-1)"], "\(result.images)")

        let requests = Self.requests(transport)
        // One server-side copy into preprod's staging bucket, signed for eu-central-1, reading the source by its key.
        let copy = try #require(requests.first { $0.request.headers["x-amz-copy-source"] != nil })
        #expect(copy.region == "eu-central-1" && copy.request.method == "PUT" && copy.request.url.absoluteString.contains(Self.staging))
        #expect(copy.request.headers["x-amz-copy-source"] == "\(Self.source.bucket)/\(Self.source.key)")
        // The package and its data were read in dev's region; nothing of preprod was asked anywhere but eu-central-1.
        #expect(requests.filter { ["DescribeModelPackage", "ListModelPackages"].contains($0.operation) }.allSatisfy { $0.region == "us-west-2" })
        #expect(requests.filter { ["CreateStack", "AssumeRole", "DescribeEndpoint", "GetParameter"].contains($0.operation) && !$0.request.body.isEmpty }
            .filter { String(decoding: $0.request.body, as: UTF8.self).contains("cdk-bootstrap") || $0.operation != "GetParameter" }
            .allSatisfy { $0.region == "eu-central-1" })
        // The stack's model is the container in eu-central-1, reading exactly the copy; no model package of another region.
        let create = try #require(requests.first { $0.operation == "CreateStack" })
        let form = String(decoding: create.request.body, as: UTF8.self).removingPercentEncoding ?? ""
        #expect(form.contains(#""PrimaryContainer":{"Environment":{"SAGEMAKER_PROGRAM":"inference.py"},"Image":"\#(Self.xgboostPreprod)","ModelDataUrl":"\#(destination)"}"#),
                "\(form)")
        #expect(!form.contains("ModelPackageName"), "\(form)")
        #expect(form.contains("arn:${AWS::Partition}:s3:::\(Self.staging)/\(key)"), "the model's role reads the copy: \(form)")
        #expect(create.request.headers["Authorization"]?.contains("ASIADEPLOY") == true, "deployed as preprod's deploy role")

        // The copy is a ledger row of the project in preprod's account and region, so teardown removes it.
        let rows = try await ledger.resources(filter: ResourceFilter(kind: .objectPrefix, project: "demo"))
        #expect(rows.count == 1 && rows[0].physicalId == "\(Self.staging)/\(key)", "\(rows)")
        #expect(rows.first.map { ($0.stage, $0.account, $0.region, $0.status) } ?? ("", "", "", .failed) == ("preprod", Self.preprod, "eu-central-1", .present))
    }

    @Test func aDryRunShowsTheCopyItWouldMakeAndChangesNothing() async throws {
        let (workflow, transport, ledger) = try Self.workflow(Script(), options: PromoteOptions(project: "demo", target: .preprod, dryRun: true))
        let result = try await workflow.run()
        #expect(result.stackAction == "would-create", "\(result)")
        #expect(result.copies.map(\.outcome) == ["would-copy"] && result.copies.first?.bytes == Self.sourceSize, "\(result.copies)")
        let mutating = transport.requests.filter {
            RecordingTransport.isMutating(operation: RecordingTransport.operationName($0), method: $0.method)
                && RecordingTransport.operationName($0) != "GetCallerIdentity" && RecordingTransport.operationName($0) != "AssumeRole"
        }
        #expect(mutating.isEmpty, "\(mutating.map { RecordingTransport.operationName($0) })")
        #expect(try await ledger.runs().isEmpty)
    }

    @Test func aPrivateImageMissingInTheTargetRegionIsRefusedBeforeAnyChangeNamingTheFix() async throws {
        let (workflow, transport, ledger) = try Self.workflow(
            Script(image: Self.privateImage), options: PromoteOptions(project: "demo", target: .preprod))
        let error = await #expect(throws: PromoteError.self) { try await workflow.run() }
        let text = error?.description ?? ""
        #expect(text.contains("image scoring@\(Self.privateDigest) (\(Self.privateImage))") && text.contains("does not exist in eu-central-1"), "\(text)")
        #expect(text.contains("push the image to \(Self.dev).dkr.ecr.eu-central-1.amazonaws.com/scoring:2.1"), "\(text)")
        #expect(text.contains("ECR replication") && text.contains("let account \(Self.preprod) pull it"), "\(text)")
        let operations = transport.requests.map(RecordingTransport.operationName)
        #expect(!operations.contains { $0.hasPrefix("PUT ") || $0 == "CreateStack" || $0 == "AssumeRole" }, "\(operations)")
        // ECR was asked in eu-central-1 for the image in dev's registry.
        let describe = try #require(transport.requests.last { RecordingTransport.operationName($0) == "DescribeImages" })
        #expect(Self.scope(describe).region == "eu-central-1" && String(decoding: describe.body, as: UTF8.self).contains(#""registryId":"\#(Self.dev)""#))
        #expect(try await ledger.runs().isEmpty)
    }

    @Test func aPrivateImagePresentInTheTargetRegionIsPinnedToItsDigest() async throws {
        let collector = RequestCollector(verb: "promote")
        let (workflow, _, _) = try Self.workflow(
            Script(image: Self.privateImage, privateImageInPreprod: true), options: PromoteOptions(project: "demo", target: .preprod),
            collector: collector)
        let result = try await workflow.run()
        let pinned = "\(Self.dev).dkr.ecr.eu-central-1.amazonaws.com/scoring@\(Self.privateDigest)"
        #expect(result.images == ["\(Self.privateImage) → \(pinned) (present in eu-central-1)"], "\(result.images)")
        // What a promotion with a private image sends (ECR asked in dev's and preprod's regions) counts for the list.
        #expect(collector.records.contains { $0.actions == ["ecr:DescribeImages"] && $0.region == "eu-central-1" }, "\(collector.records.map(\.operation))")
        try ReplayPermissions.check(collector, scenario: "promote-cross-region-private-image")
    }

    @Test func modelDataTheTargetAccountCannotReadIsRefusedBeforeAnyChange() async throws {
        let script = Script()
        script.sourceForbidden = true
        let (workflow, transport, ledger) = try Self.workflow(script, options: PromoteOptions(project: "demo", target: .preprod, approve: true))
        let error = await #expect(throws: PromoteError.self) { try await workflow.run() }
        #expect(error?.description.contains("model data \(Self.source.url) is not readable") == true, "\(String(describing: error))")
        #expect(error?.description.contains("artifact bucket and key policies") == true)
        let operations = transport.requests.map(RecordingTransport.operationName)
        #expect(!operations.contains { $0.hasPrefix("PUT ") || ["CreateStack", "AssumeRole", "UpdateModelPackage"].contains($0) }, "\(operations)")
        #expect(try await ledger.runs().isEmpty)
    }
}

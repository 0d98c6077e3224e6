import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

/// Every operation the service clients implement, called through a scripted transport; the request
/// that reached the wire is checked against botocore's model of the service (operation, method,
/// URI, member names, required members).
@Suite struct BotocoreModelConformanceTests {
    enum Operation: String, CaseIterable, Sendable {
        case stsGetCallerIdentity, stsAssumeRole, stsAssumeRoleWithWebIdentity
        case iamGetRole
        case s3ListBuckets, s3HeadBucket, s3CreateBucket, s3DeleteBucket, s3PutObject, s3GetObject, s3HeadObject, s3DeleteObject
        case s3CreateMultipartUpload, s3UploadPart, s3CompleteMultipartUpload, s3AbortMultipartUpload, s3CopyObject, s3UploadPartCopy
        case s3GetBucketEncryption, s3PutBucketVersioning, s3GetBucketVersioning
        case ssmGetParameter, ssmPutParameter, ssmDeleteParameter
        case ssoGetRoleCredentials
        case ecrDescribeImages

        var botocoreService: String {
            switch self {
            case .stsGetCallerIdentity, .stsAssumeRole, .stsAssumeRoleWithWebIdentity: "sts"
            case .iamGetRole: "iam"
            case .s3ListBuckets, .s3HeadBucket, .s3CreateBucket, .s3DeleteBucket, .s3PutObject, .s3GetObject, .s3HeadObject, .s3DeleteObject,
                .s3CreateMultipartUpload, .s3UploadPart, .s3CompleteMultipartUpload, .s3AbortMultipartUpload, .s3GetBucketEncryption,
                .s3PutBucketVersioning, .s3GetBucketVersioning, .s3CopyObject, .s3UploadPartCopy:
                "s3"
            case .ssmGetParameter, .ssmPutParameter, .ssmDeleteParameter: "ssm"
            case .ssoGetRoleCredentials: "sso"
            case .ecrDescribeImages: "ecr"
            }
        }

        /// The model's operation name: the case name without its service prefix.
        var modelName: String {
            String(rawValue.dropFirst(botocoreService.count))
        }

        /// A successful response in the operation's documented shape.
        var reply: ScriptedTransport.Reply {
            switch self {
            case .stsGetCallerIdentity: .status(200, body: AWSResponses.callerIdentity())
            case .stsAssumeRole: .status(200, body: AWSResponses.assumeRole())
            case .stsAssumeRoleWithWebIdentity: .status(200, body: AWSResponses.assumeRoleWithWebIdentity())
            case .iamGetRole: .status(200, body: AWSResponses.getRole())
            case .s3ListBuckets: .status(200, body: AWSResponses.listBuckets)
            case .s3CreateMultipartUpload: .status(200, body: S3Responses.initiateMultipartUpload(uploadId: "up-1"))
            case .s3UploadPart: .status(200, headers: ["ETag": "\"p1\""])
            case .s3CompleteMultipartUpload: .status(200, body: S3Responses.completeMultipartUpload(eTag: "\"m-2\""))
            case .s3GetBucketEncryption: .status(200, body: S3Responses.bucketEncryption(kmsKey: "arn:aws:kms:eu-west-1:1:key/k"))
            case .s3GetBucketVersioning: .status(200, body: S3Responses.bucketVersioning("Enabled"))
            case .ssmGetParameter: .status(200, body: AWSResponses.getParameter())
            case .ssmPutParameter: .status(200, body: #"{"Tier":"Standard","Version":1}"#)
            case .ssoGetRoleCredentials: .status(200, body: AWSResponses.roleCredentials())
            case .s3CopyObject: .status(200, body: "<CopyObjectResult><ETag>\"c\"</ETag></CopyObjectResult>")
            case .s3UploadPartCopy: .status(200, body: "<CopyPartResult><ETag>\"p\"</ETag></CopyPartResult>")
            case .ecrDescribeImages: .status(200, body: #"{"imageDetails":[{"imageDigest":"sha256:ab","imageTags":["1"]}]}"#)
            default: .status(200, body: "")
            }
        }

        /// Calls the operation through the real client, with every optional member set.
        func call(_ transport: ScriptedTransport) async throws {
            let emulator = URL(string: "http://127.0.0.1:5055")!
            let s3 = TestClients.s3(transport, region: "eu-west-1", endpoint: emulator)
            let upload = S3MultipartUpload(bucket: "mlops-artifacts", key: "dir/a b.zip", uploadId: "up/1+=")
            switch self {
            case .stsGetCallerIdentity: _ = try await TestClients.sts(transport).getCallerIdentity()
            case .stsAssumeRole:
                _ = try await TestClients.sts(transport).assumeRole(
                    AssumeRoleRequest(
                        roleArn: "arn:aws:iam::222222222222:role/Admin", roleSessionName: "mlopsctl-1", externalId: "ext", durationSeconds: 3600,
                        serialNumber: "arn:aws:iam::111111111111:mfa/alice", tokenCode: "123456"))
            case .stsAssumeRoleWithWebIdentity:
                _ = try await TestClients.sts(transport).assumeRoleWithWebIdentity(
                    AssumeRoleWithWebIdentityRequest(
                        roleArn: "arn:aws:iam::222222222222:role/CI", roleSessionName: "ci", webIdentityToken: "jwt", durationSeconds: 900))
            case .iamGetRole: _ = try await TestClients.iam(transport).getRole(name: "GovernanceAdmin")
            case .s3ListBuckets: _ = try await s3.listBuckets()
            case .s3HeadBucket: _ = try await s3.headBucket("mlops-artifacts")
            case .s3CreateBucket: try await s3.createBucket("mlops-artifacts")
            case .s3DeleteBucket: try await s3.deleteBucket("mlops-artifacts")
            case .s3PutObject:
                _ = try await s3.putObject(bucket: "mlops-artifacts", key: "dir/a b.txt", body: Data("x".utf8), contentType: "text/plain")
            case .s3GetObject: _ = try await s3.getObject(bucket: "mlops-artifacts", key: "dir/a b.txt")
            case .s3HeadObject: _ = try await s3.headObject(bucket: "mlops-artifacts", key: "dir/a b.txt")
            case .s3DeleteObject: try await s3.deleteObject(bucket: "mlops-artifacts", key: "dir/a b.txt")
            case .s3CreateMultipartUpload:
                _ = try await s3.createMultipartUpload(bucket: "mlops-artifacts", key: "dir/a b.zip", contentType: "application/zip")
            case .s3UploadPart: _ = try await s3.uploadPart(upload, partNumber: 3, body: Data("part".utf8))
            case .s3CompleteMultipartUpload:
                _ = try await s3.completeMultipartUpload(upload, parts: [S3CompletedPart(partNumber: 2, eTag: "\"b\""), S3CompletedPart(partNumber: 1, eTag: "\"a\"")])
            case .s3AbortMultipartUpload: try await s3.abortMultipartUpload(upload)
            case .s3GetBucketEncryption: _ = try await s3.getBucketEncryption("mlops-artifacts")
            case .s3PutBucketVersioning: try await s3.putBucketVersioning("mlops-artifacts", status: .enabled)
            case .s3GetBucketVersioning: _ = try await s3.getBucketVersioning("mlops-artifacts")
            case .ssmGetParameter: _ = try await TestClients.ssm(transport).getParameter(name: "/mlops/x")
            case .ssmPutParameter:
                _ = try await TestClients.ssm(transport).putParameter(name: "/mlops/x", value: "v", type: .secureString, overwrite: true, description: "d")
            case .ssmDeleteParameter: try await TestClients.ssm(transport).deleteParameter(name: "/mlops/x")
            case .ssoGetRoleCredentials:
                _ = try await TestClients.sso(transport).getRoleCredentials(accessToken: "token", accountId: "111122223333", roleName: "Admin")
            case .s3CopyObject:
                _ = try await s3.copyObject(from: S3ObjectLocation(bucket: "src", key: "m/a b.tar.gz", versionId: "v1"), toBucket: "mlops-artifacts", key: "dir/a b.tar.gz")
            case .s3UploadPartCopy:
                _ = try await s3.uploadPartCopy(upload, partNumber: 2, from: S3ObjectLocation(bucket: "src", key: "m.tar.gz"), range: 5...9)
            case .ecrDescribeImages:
                _ = try await ECRClient(client: TestClients.client(.ecr, transport: transport))
                    .describeImage(repositoryName: "scoring", imageId: ECRImageIdentifier(tag: "1"), registryId: "222222222222")
            }
        }
    }

    @Test func everyImplementedOperationIsCovered() {
        // 3 STS + 1 IAM + 17 S3 + 3 SSM + 1 SSO + 1 ECR: a new client method must be added here too.
        #expect(Operation.allCases.count == 26)
        #expect(Set(Operation.allCases.map(\.botocoreService)) == ["sts", "iam", "s3", "ssm", "sso", "ecr"])
    }

    @Test(arguments: Operation.allCases)
    func requestMatchesTheBotocoreModel(_ operation: Operation) async throws {
        guard let checker = BotocoreCheck.checker(operation.botocoreService) else { return }
        #expect(checker.model.operation(operation.modelName) != nil, "botocore has no \(operation.modelName)")
        let transport = ScriptedTransport([operation.reply])

        try await operation.call(transport)

        let request = try #require(transport.requests.first)
        #expect(transport.requests.count == 1)
        #expect(BotocoreCheck.problems(checker, operation.modelName, request) == [])
    }

    // MARK: - The checker notices mistakes

    @Test func aMisspeltQueryMemberIsCaught() async throws {
        guard let checker = BotocoreCheck.checker("sts") else { return }
        let client = TestClients.client(.sts, transport: ScriptedTransport([]))
        var parameters = QueryParameters()
        parameters.set("RoleArn", "arn:aws:iam::222222222222:role/Admin")
        parameters.set("RoleSesionName", "typo")

        let problems = BotocoreCheck.problems(checker, "AssumeRole", try client.queryRequest(action: "AssumeRole", parameters: parameters))

        #expect(problems.contains { $0.contains("'RoleSesionName'") && $0.contains("not a member") })
        #expect(problems.contains { $0.contains("required member 'RoleSessionName' is missing") })
    }

    @Test func aMisspeltJSONMemberIsCaught() throws {
        guard let checker = BotocoreCheck.checker("ssm") else { return }
        let client = TestClients.client(.ssm, transport: ScriptedTransport([]))
        struct Typo: Encodable { var Name = "/x"; var Overwrites = true; var Value = "v" }

        let problems = BotocoreCheck.problems(checker, "PutParameter", try client.jsonRequest(operation: "PutParameter", input: Typo()))

        #expect(problems.contains { $0.contains("'Overwrites' is not a member") })
    }

    @Test func restJSONChecksCatchMisspeltQueryAndHeaderNames() throws {
        guard let checker = BotocoreCheck.checker("sso") else { return }
        let client = TestClients.client(.ssoPortal, transport: ScriptedTransport([]))
        let request = client.restRequest(
            method: "GET", path: "/federation/credentials", query: [("role_nme", "Admin"), ("account_id", "1")],
            headers: ["x-amz-sso-bearer-token": "t"])

        let problems = BotocoreCheck.problems(checker, "GetRoleCredentials", request)

        #expect(problems.contains { $0.contains("query parameter 'role_nme' is not a member") })
        #expect(problems.contains { $0.contains("header 'x-amz-sso-bearer-token' is not a member") })
        #expect(problems.contains { $0.contains("required query parameter 'role_name' is missing") })
        #expect(problems.contains { $0.contains("required header 'x-amz-sso_bearer_token' is missing") })
        let post = client.restRequest(method: "POST", path: "/federation/credential")
        #expect(BotocoreCheck.problems(checker, "GetRoleCredentials", post).contains { $0.contains("HTTP method POST") })
        #expect(BotocoreCheck.problems(checker, "GetRoleCredentials", post).contains { $0.contains("does not match") })
    }

    @Test func aMissingRequiredS3QueryMemberIsCaught() throws {
        guard let checker = BotocoreCheck.checker("s3") else { return }
        let client = TestClients.client(.s3, endpoint: URL(string: "http://127.0.0.1:5055")!, transport: ScriptedTransport([]))

        // UploadPart without uploadId: a different operation (PutObject) to S3.
        let problems = BotocoreCheck.problems(checker, "UploadPart", client.s3Request(method: "PUT", bucket: "b", key: "k", query: [("partNumber", "1")]))

        #expect(problems == ["UploadPart: required query parameter 'uploadId' is missing"])
    }

    @Test func aWrongS3PathIsCaught() throws {
        guard let checker = BotocoreCheck.checker("s3") else { return }
        let client = TestClients.client(.s3, endpoint: URL(string: "http://127.0.0.1:5055")!, transport: ScriptedTransport([]))

        // PutObject needs /{Bucket}/{Key+}; a bucket-only path is a different operation.
        let problems = BotocoreCheck.problems(checker, "PutObject", client.s3Request(method: "PUT", bucket: "b"))

        #expect(problems.contains { $0.contains("does not match") })
    }
}

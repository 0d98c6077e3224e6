import AWSConfig
import AWSServices
import AWSWire
import Deployer
import Foundation
import Logging
import Testing
import TestSupport
@testable import Workflows

/// Refresh's reads against replayed AWS answers: a refusal is `unreadable` naming the IAM action, a missing
/// resource is `gone` with the repair its owner makes, and tags, statuses and counts are reported as they are.
@Suite struct RefreshReplayTests {
    static func session(_ transport: ScriptedTransport) throws -> AWSSession {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        return try AWSSession.make(
            profile: "p", region: "us-east-1", environment: environment, config: try ReplayProfile.config(), transport: transport,
            logger: Logger(label: "t"))
    }

    static func role(trust: String = #"{"Statement":[{"Effect":"Allow","Principal":{"Service":"cloudformation.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
        -> ExpectedResource
    {
        ExpectedResource(
            logicalId: "Role", type: "AWS::IAM::Role", physicalId: "exec-role",
            properties: ["AssumeRolePolicyDocument": TemplateDocumentValue.parse(trust)])
    }

    @Test func aRefusedReadIsUnreadableAndNamesTheAction() async throws {
        let transport = ScriptedTransport([
            .status(403, body: IAMResponses.error(code: "AccessDenied", message: "User: u is not authorized to perform: iam:GetRole")),
        ])
        let verdict = try await LiveResourceReader(session: try Self.session(transport)).verdict(for: Self.role())
        #expect(verdict.drift == .unreadable && verdict.permission == "iam:GetRole", "\(verdict)")
        #expect(transport.requests.count == 1)
    }

    /// Every read, refused: the permission `unreadable` names is the IAM action the request classifier (the one
    /// `--record-requests` and docs/permissions.json use) gives that request.
    @Test(arguments: [
        ("AWS::IAM::Role", "query"), ("AWS::IAM::ManagedPolicy", "query"), ("AWS::SSM::Parameter", "json"), ("AWS::KMS::Key", "json"),
        ("AWS::ECR::Repository", "json"), ("AWS::S3::Bucket", "rest"),
    ])
    func theNamedPermissionIsTheActionOfTheRefusedRequest(type: String, protocolName: String) async throws {
        let body = switch protocolName {
        case "query": IAMResponses.error(code: "AccessDenied", message: "not authorized")
        case "json": #"{"__type":"AccessDeniedException","message":"not authorized"}"#
        default: ""
        }
        let transport = ScriptedTransport { _, _ in HTTPResponse(statusCode: 403, body: body) }
        let expected = ExpectedResource(logicalId: "R", type: type, physicalId: "arn:aws:iam::222222222222:policy/p", properties: [:])
        let verdict = try await LiveResourceReader(session: try Self.session(transport)).verdict(for: expected)
        let request = try #require(transport.requests.first)
        let actions = try #require(RequestClassifier.classify(request)).actions
        #expect(verdict.drift == .unreadable && actions.contains(verdict.permission ?? "-"), "\(type): \(verdict) vs \(actions)")
    }

    @Test func aMissingParameterIsGoneWithTheRepairThatPutsItBack() async throws {
        let transport = ScriptedTransport([
            .status(400, body: #"{"__type":"ParameterNotFound","message":""}"#, headers: HTTPHeaders([("Content-Type", "application/x-amz-json-1.1")])),
        ])
        let expected = ExpectedResource(
            logicalId: "P", type: "AWS::SSM::Parameter", physicalId: "/mlops/dev/account_id",
            properties: ["Type": .string("String"), "Value": .string("222222222222")])
        let verdict = try await LiveResourceReader(session: try Self.session(transport)).verdict(for: expected)
        #expect(verdict.drift == .gone && verdict.repairs == [.putParameter(name: "/mlops/dev/account_id", value: "222222222222", type: .string)])
        // A read that is not a GetParameter with decryption: values are compared, never decrypted.
        let body = String(decoding: try #require(transport.requests.first).body, as: UTF8.self)
        #expect(body.contains("\"WithDecryption\":false"), "\(body)")
    }

    @Test func aTypeMlopsctlDoesNotReadIsUncheckedWithoutARequest() async throws {
        let transport = ScriptedTransport([])
        let verdict = try await LiveResourceReader(session: try Self.session(transport)).verdict(
            for: ExpectedResource(logicalId: "T", type: "AWS::SNS::Topic", physicalId: "arn", properties: [:]))
        #expect(verdict.drift == .unchecked && transport.requests.isEmpty)
    }

    @Test func tagsAreComparedWithWhatMlopsctlDeployedIgnoringCloudFormationsOwn() {
        let differences = StackInspector.tagDifferences(
            intended: ["team": "ml", "cost": "1"], live: ["team": "ml", "cost": "2", "owner": "x", "aws:cloudformation:stack-name": "s"])
        #expect(differences == [
            DriftDifference(field: "tag cost", expected: "1", live: "2"), DriftDifference(field: "tag owner", expected: "absent", live: "x"),
        ])
        #expect(StackInspector.tagDifferences(intended: [:], live: ["aws:cloudformation:stack-id": "i"]).isEmpty)
    }

    @Test func parametersAreComparedWithWhatMlopsctlPassed() {
        let live = [
            StackParameter(key: "Qualifier", value: "hnb659fds"), StackParameter(key: "TrustedAccounts", value: "['111111111111', '999999999999']"),
            StackParameter(key: "Secret", value: "****"), StackParameter(key: "Theirs", value: "x"),
        ]
        let differences = StackInspector.parameterDifferences(
            intended: ["Qualifier": "hnb659fds", "TrustedAccounts": "111111111111", "Secret": "s", "Gone": "v"], live: live)
        #expect(differences == [
            DriftDifference(field: "parameter Gone", expected: "v", live: "absent"),
            DriftDifference(field: "parameter TrustedAccounts", expected: "111111111111", live: "['111111111111', '999999999999']"),
        ])
        #expect(StackInspector.parameterDifferences(intended: ["TrustedAccounts": "1,2"], live: [StackParameter(key: "TrustedAccounts", value: "['1', '2']")]).isEmpty)
    }

    @Test func repairsRunBucketFirstThenItsSettingsThenPolicies() {
        let repairs: [DriftRepair] = [
            .putBucketPolicy(bucket: "b", document: "{}"), .putParameter(name: "/p", value: "v", type: .string),
            .putBucketVersioning(bucket: "b", status: .enabled), .createBucket(name: "b"),
        ]
        let ordered = repairs.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
        #expect(ordered.map(\.summary) == [
            "create bucket b again", "set versioning of bucket b to Enabled", "restore the bucket policy of b",
            "put SSM parameter /p back to the template's value",
        ])
    }

    @Test func encryptionKeysMatchByIdOrArn() {
        let arn = "arn:aws:kms:us-east-1:222222222222:key/abcd"
        #expect(LiveResourceReader.sameEncryption(.init(algorithm: "aws:kms", kmsMasterKeyId: arn), .init(algorithm: "aws:kms", kmsMasterKeyId: "abcd")))
        #expect(LiveResourceReader.sameEncryption(.init(algorithm: "aws:kms", kmsMasterKeyId: "abcd"), .init(algorithm: "aws:kms", kmsMasterKeyId: arn)))
        #expect(!LiveResourceReader.sameEncryption(.init(algorithm: "aws:kms", kmsMasterKeyId: arn), .init(algorithm: "AES256")))
        #expect(!LiveResourceReader.sameEncryption(.init(algorithm: "aws:kms", kmsMasterKeyId: arn), .init(algorithm: "aws:kms", kmsMasterKeyId: "other")))
        #expect(LiveResourceReader.sameEncryption(.init(algorithm: "AES256"), .init(algorithm: "AES256", bucketKeyEnabled: true)))
    }
}

/// A template value from JSON text (test shorthand).
enum TemplateDocumentValue {
    static func parse(_ json: String) -> Deployer.TemplateDocument.Value {
        Deployer.TemplateDocument.Value((try? JSONSerialization.jsonObject(with: Data(json.utf8))) ?? NSNull())
    }
}

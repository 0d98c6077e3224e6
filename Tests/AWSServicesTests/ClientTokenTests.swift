import AWSServices
import AWSWire
import Foundation
import TestSupport
import Testing

/// Mutating calls whose API takes a client token send one, and the same one on every retry of the call.
@Suite struct ClientTokenTests {
    static let arn = "arn:aws:sagemaker:eu-west-1:222222222222:model-package/churn/3"
    static let throttled = ScriptedTransport.Reply.status(400, body: #"{"__type":"ThrottlingException","message":"Rate exceeded"}"#)

    static func token(_ request: HTTPRequest) throws -> String? {
        let object = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
        return object?["ClientToken"] as? String
    }

    @Test func updateModelPackageSendsADerivedTokenThatARetryAndAReRunRepeat() async throws {
        let transport = ScriptedTransport([
            Self.throttled, .status(200, body: #"{"ModelPackageArn":"\#(Self.arn)"}"#), .status(200, body: #"{"ModelPackageArn":"\#(Self.arn)"}"#),
        ])
        let sageMaker = TestClients.sageMaker(transport)

        try await sageMaker.updateModelPackage(arn: Self.arn, approvalStatus: .approved, approvalDescription: "promoted to prod")
        try await sageMaker.updateModelPackage(arn: Self.arn, approvalStatus: .approved, approvalDescription: "promoted to prod")

        let tokens = try transport.requests.map(Self.token)
        #expect(tokens.count == 3)
        #expect(tokens.allSatisfy { $0 != nil && $0 == tokens[0] })
        let token = try #require(tokens[0])
        #expect(token.count <= 36 && token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }, "SageMaker's ClientToken pattern")
        #expect(token != IdempotencyToken.derived(from: ["UpdateModelPackage", Self.arn, "Rejected", "promoted to prod"]))
    }

    @Test func createModelPackageKeepsItsTokenAcrossRetries() async throws {
        let transport = ScriptedTransport([Self.throttled, .status(200, body: #"{"ModelPackageArn":"\#(Self.arn)"}"#)])
        let spec = ModelPackageInferenceSpecification(
            containers: [.init(image: "222222222222.dkr.ecr.eu-west-1.amazonaws.com/churn:1")], supportedContentTypes: ["text/csv"],
            supportedResponseMIMETypes: ["text/csv"])

        _ = try await TestClients.sageMaker(transport).createModelPackage(CreateModelPackageRequest(groupName: "churn", inferenceSpecification: spec))

        let tokens = try transport.requests.map(Self.token)
        #expect(tokens.count == 2 && tokens[0] != nil && tokens[0] == tokens[1])
    }

    @Test func theModelCheckFlagsAnIdempotencyTokenLeftOut() throws {
        guard let checker = BotocoreCheck.checker("sagemaker") else { return }
        let request = HTTPRequest(
            method: "POST", url: URL(string: "https://api.sagemaker.eu-west-1.amazonaws.com/")!,
            headers: ["X-Amz-Target": "SageMaker.CreateModelPackage", "Content-Type": "application/x-amz-json-1.1"],
            body: Data(#"{"ModelPackageGroupName":"churn"}"#.utf8))

        #expect(BotocoreCheck.problems(checker, "CreateModelPackage", request) == ["CreateModelPackage: idempotency token 'ClientToken' is not sent"])
    }
}

import AWSWire
import Foundation
import SigV4
import TestSupport
import Testing

/// Plants canary secrets in credentials, request bodies and response bodies, runs requests that
/// succeed, retry and fail, and proves none of them reaches the debug log or an error description.
@Suite struct LogRedactionTests {
    static let canarySecret = "CANARYsecretKEY0000000000000000000000000"
    static let canaryToken = "CANARYsessionTOKEN1111111111111111"
    static let canaryParameter = "CANARYparameterVALUE2222"
    static let canaryResponseSecret = "CANARYresponseSECRET3333"
    static let canaryResponseToken = "CANARYresponseTOKEN4444"

    static let assumeRoleResponse = """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult><Credentials>
        <AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>\(canaryResponseSecret)</SecretAccessKey>
        <SessionToken>\(canaryResponseToken)</SessionToken><Expiration>2026-11-29T01:39:00.679501Z</Expiration>
        </Credentials></AssumeRoleResult><ResponseMetadata><RequestId>req-assume-1</RequestId></ResponseMetadata></AssumeRoleResponse>
        """

    @Test func noSecretReachesTheLogOrErrors() async throws {
        let (logger, store) = CapturingLogHandler.logger()
        let credentials = AWSCredentials(accessKeyId: "ASIACANARYKEYID", secretAccessKey: Self.canarySecret, sessionToken: Self.canaryToken)
        let sts = ScriptedTransport([
            .status(503, body: "<ErrorResponse><Error><Code>ServiceUnavailable</Code><Message>busy</Message></Error></ErrorResponse>"),
            .status(200, body: Self.assumeRoleResponse, headers: ["x-amzn-RequestId": "req-assume-1"]),
        ])
        let ssm = ScriptedTransport([
            .status(400, body: #"{"__type":"ParameterAlreadyExists","message":"The parameter already exists."}"#,
                headers: ["x-amzn-RequestId": "req-ssm-1"])
        ])
        let stsClient = Fixture.client(.sts, credentials: credentials, transport: sts, logger: logger)
        let ssmClient = Fixture.client(.ssm, credentials: credentials, transport: ssm, logger: logger)

        var parameters = QueryParameters()
        parameters.set("RoleArn", "arn:aws:iam::222222222222:role/GovernanceAdmin")
        parameters.set("RoleSessionName", "mlopsctl")
        let root = try await stsClient.query(action: "AssumeRole", parameters: parameters)
        #expect(root.first(named: "SecretAccessKey")?.text == Self.canaryResponseSecret)  // the caller does get it

        let error = await #expect(throws: AWSServiceError.self) {
            try await ssmClient.json(operation: "PutParameter", input: ["Name": "/mlops/secret", "Value": Self.canaryParameter, "Type": "SecureString"])
        }

        let log = store.all.joined(separator: "\n")
        let signatures = (sts.requests + ssm.requests).compactMap { $0.headers["Authorization"] }
        #expect(signatures.count == 3)
        for canary in [Self.canarySecret, Self.canaryToken, Self.canaryParameter, Self.canaryResponseSecret, Self.canaryResponseToken, "CANARY"]
            + signatures + signatures.map({ String($0.suffix(64)) })
        {
            #expect(!log.contains(canary), "log leaks \(canary.prefix(12))…")
            #expect(error.map { !$0.description.contains(canary) } ?? false)
        }
        #expect(!log.localizedCaseInsensitiveContains("authorization"))
        #expect(!log.localizedCaseInsensitiveContains("x-amz-security-token"))

        // The log still says what happened.
        let attempts = store.all.filter { $0.hasPrefix("debug aws request aws.attempt=") }
        #expect(attempts.count == 3)
        #expect(log.contains("aws.operation=AssumeRole"))
        #expect(log.contains("http.status=503"))
        #expect(log.contains("aws.attempt=2"))
        #expect(log.contains("aws.request_id=req-assume-1"))
        #expect(log.contains("http.host=sts.us-east-1.amazonaws.com"))
        #expect(log.contains("http.method=POST"))
        #expect(log.contains("http.path=/"))
        #expect(log.contains("duration_ms="))
        #expect(log.contains("aws.request_id=req-ssm-1"))
    }
}

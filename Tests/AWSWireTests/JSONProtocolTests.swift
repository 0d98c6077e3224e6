import AWSWire
import Foundation
import TestSupport
import Testing

@Suite struct JSONProtocolTests {
    struct GetParameterInput: Encodable {
        var Name: String
        var WithDecryption: Bool
    }

    struct GetParameterOutput: Decodable {
        struct Parameter: Decodable {
            var Name: String
            var Value: String
            var Version: Int
            var LastModifiedDate: Date
        }
        var Parameter: Parameter
    }

    static let parameterResponse = """
        {"Parameter": {"Name": "/mlops/config", "Type": "String", "Value": "v1", "Version": 3,
         "LastModifiedDate": 1795912568.257, "ARN": "arn:aws:ssm:eu-west-1:222222222222:parameter/mlops/config"}}
        """

    @Test func getParameterRequestAndSignatureMatchBotocore() async throws {
        let transport = ScriptedTransport([
            // moto labels JSON as text/html: the content type must not matter.
            .status(200, body: Self.parameterResponse, headers: ["Content-Type": "text/html; charset=utf-8"])
        ])
        let client = Fixture.client(.ssm, region: "eu-west-1", credentials: Fixture.session, transport: transport)

        let output: GetParameterOutput = try await client.json(
            operation: "GetParameter", input: GetParameterInput(Name: "/mlops/config", WithDecryption: true))

        #expect(output.Parameter.Value == "v1")
        #expect(output.Parameter.Version == 3)
        #expect(output.Parameter.LastModifiedDate == Date(timeIntervalSince1970: 1_795_912_568.257))
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://ssm.eu-west-1.amazonaws.com/")
        #expect(Fixture.body(request) == #"{"Name":"/mlops/config","WithDecryption":true}"#)
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(request.headers["X-Amz-Target"] == "AmazonSSM.GetParameter")
        #expect(request.headers["X-Amz-Security-Token"] == "SESSIONTOKEN/EXAMPLE+xyz=")
        // botocore signs the same request (its body has spaces after ':' and ',', so only the
        // signature's scope and header list are compared; the body hash differs by design).
        #expect(
            request.headers["Authorization"]?.hasPrefix(
                "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261129/eu-west-1/ssm/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, Signature=") == true)
    }

    @Test func bodyIsEmptyObjectWhenThereIsNoInput() async throws {
        let transport = ScriptedTransport([.status(200, body: #"{"Parameters": []}"#), .status(200, body: "")])
        let client = Fixture.client(.ssm, transport: transport)

        try await client.json(operation: "DescribeParameters", input: EmptyInput())
        let _: EmptyOutput = try await client.json(operation: "DescribeParameters")

        #expect(transport.requests.map(Fixture.body) == ["{}", "{}"])
        #expect(transport.requests.allSatisfy { $0.headers["X-Amz-Target"] == "AmazonSSM.DescribeParameters" })
    }

    @Test func sageMakerUsesItsEndpointPrefixAndSigningName() async throws {
        let transport = ScriptedTransport([.status(200, body: "")])
        let client = Fixture.client(.sageMaker, region: "eu-central-1", transport: transport)

        try await client.json(operation: "ListModelPackageGroups", input: EmptyInput())

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://api.sagemaker.eu-central-1.amazonaws.com/")
        #expect(request.headers["X-Amz-Target"] == "SageMaker.ListModelPackageGroups")
        #expect(request.headers["Authorization"]?.contains("/eu-central-1/sagemaker/aws4_request") == true)
    }

    @Test func serviceCatalogTargetAndTimestampsAsISOStrings() async throws {
        struct Output: Decodable { var CreatedTime: Date }
        let transport = ScriptedTransport([.status(200, body: #"{"CreatedTime": "2026-11-29T00:39:00.679501Z"}"#)])
        let client = Fixture.client(.serviceCatalog, transport: transport)

        let output: Output = try await client.json(operation: "DescribePortfolio", input: ["Id": "port-1"])

        #expect(transport.requests.first?.headers["X-Amz-Target"] == "AWS242ServiceCatalogService.DescribePortfolio")
        #expect(abs(output.CreatedTime.timeIntervalSince1970 - 1_795_912_740.679501) < 1e-6)
    }

    @Test func datesInInputAreEpochSeconds() throws {
        struct Input: Encodable { var Since: Date }
        let data = try AWSJSON.encode(Input(Since: Date(timeIntervalSince1970: 1_795_912_568.5)))
        #expect(String(decoding: data, as: UTF8.self) == #"{"Since":1795912568.5}"#)
    }

    @Test func undecodableSuccessBodyNamesTheOperation() async throws {
        let transport = ScriptedTransport([.status(200, body: #"{"Parameter": "oops"}"#)])
        let client = Fixture.client(.ssm, transport: transport)
        let error = await #expect(throws: AWSClientError.self) {
            let _: GetParameterOutput = try await client.json(operation: "GetParameter", input: EmptyInput())
        }
        #expect(error?.description.hasPrefix("SSM GetParameter: could not read the response") == true)
    }
}

import AWSWire
import Foundation
import TestSupport
import Testing

@testable import AWSServices

@Suite struct SSMClientTests {
    @Test func getParameterSendsJSON11AndDecodesEpochDates() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.getParameter())])

        let parameter = try #require(try await TestClients.ssm(transport).getParameter(name: "/mlops/github-token"))

        #expect(parameter.name == "/mlops/github-token")
        #expect(parameter.type == .secureString)
        #expect(parameter.value == "AYA39c3b3042cd2aEXAMPLE/example-secure-value")
        #expect(parameter.version == 3)
        #expect(parameter.arn == "arn:aws:ssm:eu-west-1:111122223333:parameter/mlops/github-token")
        #expect(parameter.dataType == "text")
        #expect(abs((parameter.lastModifiedDate?.timeIntervalSince1970 ?? 0) - 1_795_912_568.257) < 0.000_1)
        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://ssm.eu-west-1.amazonaws.com/")
        #expect(request.headers["X-Amz-Target"] == "AmazonSSM.GetParameter")
        #expect(request.headers["Content-Type"] == "application/x-amz-json-1.1")
        #expect(TestClients.body(request) == #"{"Name":"/mlops/github-token","WithDecryption":true}"#)
    }

    @Test func theParameterDescriptionNeverShowsTheValue() async throws {
        let transport = ScriptedTransport([.status(200, body: AWSResponses.getParameter(value: "s3cr3t-value"))])

        let parameter = try #require(try await TestClients.ssm(transport).getParameter(name: "/x", withDecryption: false))

        #expect(!String(describing: parameter).contains("s3cr3t-value"))
        #expect(TestClients.body(transport.requests.first) == #"{"Name":"/x","WithDecryption":false}"#)
    }

    @Test func parameterNotFoundIsNil() async throws {
        let transport = ScriptedTransport([.status(400, body: AWSResponses.jsonError("ParameterNotFound", message: ""))])

        #expect(try await TestClients.ssm(transport).getParameter(name: "/missing") == nil)
    }

    @Test func putParameterSendsTypeAndOverwriteAndReturnsTheVersion() async throws {
        let transport = ScriptedTransport([.status(200, body: #"{"Tier":"Standard","Version":4}"#)])

        let version = try await TestClients.ssm(transport).putParameter(
            name: "/mlops/bucket", value: "mlops-artifacts", type: .string, overwrite: true, description: "artifact bucket")

        #expect(version == 4)
        let request = try #require(transport.requests.first)
        #expect(request.headers["X-Amz-Target"] == "AmazonSSM.PutParameter")
        #expect(
            TestClients.body(request)
                == #"{"Description":"artifact bucket","Name":"/mlops/bucket","Overwrite":true,"Type":"String","Value":"mlops-artifacts"}"#)
    }

    @Test func putParameterWithoutOverwriteSurfacesParameterAlreadyExists() async throws {
        let transport = ScriptedTransport([
            .status(400, body: AWSResponses.jsonError("ParameterAlreadyExists", message: "The parameter already exists. To overwrite this value, set the overwrite option in the request to true."))
        ])

        let error = await #expect(throws: AWSServiceError.self) {
            _ = try await TestClients.ssm(transport).putParameter(name: "/x", value: "v", type: .secureString)
        }

        #expect(error?.code == "ParameterAlreadyExists")
        #expect(TestClients.body(transport.requests.first) == #"{"Name":"/x","Overwrite":false,"Type":"SecureString","Value":"v"}"#)
    }

    @Test func deleteParameterReportsWhetherSomethingWasDeleted() async throws {
        let transport = ScriptedTransport([.status(200, body: "{}"), .status(400, body: AWSResponses.jsonError("ParameterNotFound", message: ""))])
        let ssm = TestClients.ssm(transport)

        #expect(try await ssm.deleteParameter(name: "/x") == true)
        #expect(try await ssm.deleteParameter(name: "/x") == false)
        #expect(transport.requests.map { $0.headers["X-Amz-Target"] } == ["AmazonSSM.DeleteParameter", "AmazonSSM.DeleteParameter"])
        #expect(TestClients.body(transport.requests.first) == #"{"Name":"/x"}"#)
    }

    @Test(arguments: [
        (#"{"Parameter":{"Name":"/x","Type":"String","Value":"v"}}"#, "no 'Parameter.Version' field"),
        (#"{"Parameter":{"Name":"/x","Type":"Secret","Value":"v","Version":1}}"#, "'Parameter.Type' is malformed"),
        (#"{"Parameter":{"Name":"/x","Type":"String","Value":"v","Version":"one"}}"#, "'Parameter.Version' is not a Int"),
        ("not json", "the body is not JSON"),
    ])
    func malformedOutputsNameTheField(_ body: String, _ reason: String) async throws {
        let transport = ScriptedTransport([.status(200, body: body)])

        let error = await #expect(throws: AWSClientError.self) { _ = try await TestClients.ssm(transport).getParameter(name: "/x") }

        #expect(error?.kind == .undecodableResponse(reason: reason))
    }
}

import AWSWire
import Foundation
import TestSupport
import Testing

@Suite struct QueryProtocolTests {
    static let callerIdentity = """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
            <Arn>arn:aws:iam::222222222222:user/cli</Arn>
            <UserId>AIDAEXAMPLE</UserId>
            <Account>222222222222</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """

    @Test func getCallerIdentityIsSignedExactlyAsBotocoreSignsIt() async throws {
        let transport = ScriptedTransport([.status(200, body: Self.callerIdentity)])
        let client = Fixture.client(.sts, transport: transport)

        let root = try await client.query(action: "GetCallerIdentity")

        #expect(root.child(path: "GetCallerIdentityResult", "Account")?.text == "222222222222")
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "https://sts.us-east-1.amazonaws.com/")
        #expect(Fixture.body(request) == "Action=GetCallerIdentity&Version=2011-06-15")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(request.headers["Host"] == "sts.us-east-1.amazonaws.com")
        #expect(request.headers["X-Amz-Date"] == "20261129T000000Z")
        #expect(
            request.headers["Authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/sts/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=3f77d27dcc13944b725c683a960e4bafff271880f989246715cf50b1604dd53b")
        #expect(transport.timeouts == [HTTPTimeouts(connect: .seconds(3), read: .seconds(7))])
    }

    @Test func iamUsesTheGlobalEndpointSignedForUsEast1FromAnyRegion() async throws {
        let transport = ScriptedTransport([.status(200, body: "<ListRolesResponse><ListRolesResult><Roles/></ListRolesResult></ListRolesResponse>")])
        let client = Fixture.client(.iam, region: "eu-west-1", transport: transport)
        var parameters = QueryParameters()
        parameters.set("PathPrefix", "/mlops/")

        _ = try await client.query(action: "ListRoles", parameters: parameters)

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "https://iam.amazonaws.com/")
        #expect(Fixture.body(request) == "Action=ListRoles&Version=2010-05-08&PathPrefix=%2Fmlops%2F")
        #expect(
            request.headers["Authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=18987c2b6b7886f3ad8f69ccdec15f2133bbd456fb8bea8fe27be156f316c6a0")
    }

    /// The body botocore's QuerySerializer produces for the same CreateStack call.
    @Test func createStackBodyMatchesBotocore() throws {
        var parameters = QueryParameters()
        parameters.set("StackName", "mlops-bootstrap")
        parameters.set("TemplateBody", #"{"Resources": {}}"#)
        parameters.setList("Parameters", [("Env", "dev & test"), ("Owner", "a+b=c/d~e")]) { params, prefix, item in
            params.set("\(prefix).ParameterKey", item.0)
            params.set("\(prefix).ParameterValue", item.1)
        }
        parameters.setList("Capabilities", ["CAPABILITY_NAMED_IAM"])
        parameters.setList("Tags", [("team", "ml ops")]) { params, prefix, tag in
            params.set("\(prefix).Key", tag.0)
            params.set("\(prefix).Value", tag.1)
        }
        parameters.set("EnableTerminationProtection", true)
        parameters.set("TimeoutInMinutes", 30)
        parameters.set("RoleARN", nil as String?)

        #expect(
            parameters.formBody(action: "CreateStack", version: "2010-05-15")
                == "Action=CreateStack&Version=2010-05-15&StackName=mlops-bootstrap&TemplateBody=%7B%22Resources%22%3A%20%7B%7D%7D"
                + "&Parameters.member.1.ParameterKey=Env&Parameters.member.1.ParameterValue=dev%20%26%20test"
                + "&Parameters.member.2.ParameterKey=Owner&Parameters.member.2.ParameterValue=a%2Bb%3Dc%2Fd~e"
                + "&Capabilities.member.1=CAPABILITY_NAMED_IAM&Tags.member.1.Key=team&Tags.member.1.Value=ml%20ops"
                + "&EnableTerminationProtection=true&TimeoutInMinutes=30")
    }

    @Test func emptyListIsSentAsAnEmptyValueLikeBotocore() {
        var parameters = QueryParameters()
        parameters.set("RoleName", "r")
        parameters.setList("Tags", [])
        parameters.setList("Missing", nil)
        #expect(parameters.formBody(action: "CreateRole", version: "2010-05-08") == "Action=CreateRole&Version=2010-05-08&RoleName=r&Tags=")
    }

    @Test func mapsUseEntryKeyValueSortedByKey() {
        var parameters = QueryParameters()
        parameters.setMap("Attributes", ["b": "2", "a": "1"])
        #expect(parameters.pairs.map { "\($0.key)=\($0.value)" } == [
            "Attributes.entry.1.key=a", "Attributes.entry.1.value=1", "Attributes.entry.2.key=b", "Attributes.entry.2.value=2",
        ])
    }

    @Test func configuredEndpointReplacesTheDefaultAndKeepsTheClientRegion() async throws {
        let transport = ScriptedTransport([.status(200, body: Self.callerIdentity)])
        let client = Fixture.client(.iam, region: "eu-west-1", endpoint: URL(string: "http://127.0.0.1:5055")!, transport: transport)

        _ = try await client.query(action: "GetUser")

        let request = try #require(transport.requests.first)
        #expect(request.url.absoluteString == "http://127.0.0.1:5055/")
        #expect(request.headers["Host"] == "127.0.0.1:5055")
        #expect(request.headers["Authorization"]?.contains("/20261129/eu-west-1/iam/aws4_request") == true)
    }

    @Test func sessionTokenIsSentAndSigned() async throws {
        let transport = ScriptedTransport([.status(200, body: Self.callerIdentity)])
        let client = Fixture.client(.sts, credentials: Fixture.session, transport: transport)

        _ = try await client.query(action: "GetCallerIdentity")

        let request = try #require(transport.requests.first)
        #expect(request.headers["X-Amz-Security-Token"] == "SESSIONTOKEN/EXAMPLE+xyz=")
        #expect(request.headers["Authorization"]?.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token,") == true)
    }

    @Test func eachAttemptIsSignedWithTheClockDateAtThatMoment() async throws {
        let clock = FakeClock(Fixture.date)
        let transport = ScriptedTransport([.status(503, body: ""), .status(200, body: Self.callerIdentity)])
        let client = Fixture.client(.sts, transport: transport, clock: clock, retry: StandardRetryStrategy(random: { 1 }))
        clock.advance(by: 59)

        _ = try await client.query(action: "GetCallerIdentity")

        // First attempt at 00:00:59, then a 1 s backoff (random = 1) moves the clock to 00:01:00.
        #expect(transport.requests.map { $0.headers["X-Amz-Date"] } == ["20261129T000059Z", "20261129T000100Z"])
    }

    @Test func callingTheWrongProtocolIsAnErrorNotARequest() async throws {
        let transport = ScriptedTransport([])
        let client = Fixture.client(.ssm, transport: transport)
        await #expect(throws: AWSClientError.self) { _ = try await client.query(action: "GetParameter") }
        #expect(transport.requests.isEmpty)
    }

    @Test func successBodyThatIsNotXMLIsReportedWithServiceAndOperation() async throws {
        let transport = ScriptedTransport([.status(200, body: "<!doctype html><html><body>hello")])
        let client = Fixture.client(.sts, transport: transport)
        let error = await #expect(throws: AWSClientError.self) { _ = try await client.query(action: "GetCallerIdentity") }
        #expect(error?.description.hasPrefix("STS GetCallerIdentity: could not read the response") == true)
        #expect(error?.description.contains("\n") == false)
    }
}

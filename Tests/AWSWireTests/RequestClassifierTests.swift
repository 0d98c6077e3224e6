import AWSWire
import Foundation
import TestSupport
import Testing

/// What `--record-requests` writes for each protocol: the IAM action (S3's differ from its API names), the signing
/// region and service, the bucket, and never a value of a header, the body or the query.
@Suite struct RequestClassifierTests {
    static let endpoint = URL(string: "http://127.0.0.1:5055")!

    /// Sends through `ObservedTransport` over a scripted 200 and returns the records.
    static func records(_ body: (any HTTPTransport) async throws -> Void) async throws -> [RequestRecord] {
        let collector = RequestCollector(verb: "test")
        let scripted = ScriptedTransport { _, _ in HTTPResponse(statusCode: 200, body: "<Ok/>") }
        try await body(ObservedTransport(base: scripted, observer: collector, labels: RequestLabels(stage: "dev", account: "222222222222")))
        return collector.records
    }

    @Test func s3ActionsFollowIAMNamesNotAPINames() async throws {
        let records = try await Self.records { transport in
            let s3 = Fixture.client(.s3, region: "eu-west-1", endpoint: Self.endpoint, transport: transport)
            _ = try await s3.s3(operation: "ListObjectsV2", method: "GET", bucket: "b1", query: [("list-type", "2"), ("prefix", "secret-prefix")])
            _ = try await s3.s3(operation: "ListObjectVersions", method: "GET", bucket: "b1", query: [("versions", nil)])
            _ = try await s3.s3(operation: "HeadObject", method: "HEAD", bucket: "b1", key: "k")
            _ = try await s3.s3(operation: "HeadBucket", method: "HEAD", bucket: "b1")
            _ = try await s3.s3(operation: "DeleteObject", method: "DELETE", bucket: "b1", key: "k", query: [("versionId", "v1")])
            _ = try await s3.s3(operation: "DeleteObjects", method: "POST", bucket: "b1", query: [("delete", nil)])
            _ = try await s3.s3(operation: "UploadPart", method: "PUT", bucket: "b1", key: "k", query: [("partNumber", "1"), ("uploadId", "u")])
            _ = try await s3.s3(operation: "CopyObject", method: "PUT", bucket: "b2", key: "k", headers: ["x-amz-copy-source": "b1/k"])
            _ = try await s3.s3(operation: "ListBuckets", method: "GET", bucket: nil)
        }
        #expect(records.map(\.operation) == [
            "ListObjectsV2", "ListObjectVersions", "HeadObject", "HeadBucket", "DeleteObject", "DeleteObjects", "UploadPart", "CopyObject",
            "ListBuckets",
        ])
        #expect(records.map(\.actions) == [
            ["s3:ListBucket"], ["s3:ListBucketVersions"], ["s3:GetObject"], ["s3:ListBucket"], ["s3:DeleteObjectVersion"],
            ["s3:DeleteObject", "s3:DeleteObjectVersion"], ["s3:PutObject"], ["s3:PutObject", "s3:GetObject"], ["s3:ListAllMyBuckets"],
        ])
        #expect(records.map(\.bucket) == ["b1", "b1", "b1", "b1", "b1", "b1", "b1", "b2", nil])
        #expect(records.allSatisfy { $0.region == "eu-west-1" && $0.service == "s3" && $0.stage == "dev" && $0.account == "222222222222" })
    }

    @Test func jsonAndQueryProtocolsNameTheirOperationAndSigningService() async throws {
        let records = try await Self.records { transport in
            try await Fixture.client(.sageMaker, region: "eu-central-1", transport: transport).json(operation: "CreateProject", input: EmptyInput())
            try await Fixture.client(.serviceCatalog, transport: transport).json(operation: "ListProvisioningArtifacts", input: EmptyInput())
            _ = try await Fixture.client(.cloudFormation, transport: transport).query(action: "CreateStack", parameters: QueryParameters([("StackName", "s")]))
            // IAM is global: it signs for us-east-1 whatever the client's region.
            _ = try await Fixture.client(.iam, region: "eu-west-1", transport: transport).query(action: "DetachRolePolicy")
        }
        #expect(records.map(\.actions) == [
            ["sagemaker:CreateProject"], ["servicecatalog:ListProvisioningArtifacts"], ["cloudformation:CreateStack"], ["iam:DetachRolePolicy"],
        ])
        #expect(records.map(\.region) == ["eu-central-1", "us-east-1", "us-east-1", "us-east-1"])
        #expect(records.allSatisfy { $0.bucket == nil && $0.principal == "operator" && $0.status == 200 })
    }

    @Test func anUnsignedRequestIsNotRecordedAndAFailedOneIsWithoutStatus() async throws {
        let collector = RequestCollector()
        let failing = ScriptedTransport { _, _ in throw TransportError(kind: .timeout, host: "ssm.us-east-1.amazonaws.com", detail: "slow") }
        let transport = ObservedTransport(base: failing, observer: collector, labels: RequestLabels())
        let client = Fixture.client(.ssm, transport: transport, retry: StandardRetryStrategy(maxAttempts: 1, random: { 1 }))
        await #expect(throws: TransportError.self) { try await client.json(operation: "GetParameter", input: EmptyInput()) }
        _ = try? await transport.send(HTTPRequest(method: "POST", url: URL(string: "https://sts.amazonaws.com/")!), timeouts: .awsDefault)
        #expect(collector.records.map(\.operation) == ["GetParameter"])
        #expect(collector.records.first?.status == nil)
    }

    @Test func anUnknownS3RequestIsNamedUnclassifiedRatherThanGuessed() {
        var request = HTTPRequest(method: "PUT", url: URL(string: "http://127.0.0.1:5055/b?website")!)
        request.headers.set("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20261129/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0")
        #expect(RequestClassifier.classify(request)?.actions == ["s3:Unclassified"])
    }

    @Test func aRecordCarriesNoCredentialHeaderBodyOrQueryValue() async throws {
        let records = try await Self.records { transport in
            let client = AWSClient(
                service: .ssm, region: "us-east-1", credentials: FixedCredentialProvider(Fixture.session), transport: transport,
                retry: StandardRetryStrategy(random: { 1 }), clock: FakeClock(Fixture.date).clock)
            try await client.json(operation: "PutParameter", input: ["Name": "/mlops/x", "Value": "hunter2-parameter-value"])
            let s3 = Fixture.client(.s3, endpoint: Self.endpoint, credentials: Fixture.session, transport: transport)
            _ = try await s3.s3(operation: "PutObject", method: "PUT", bucket: "b", key: "private/key-name.txt", query: [("x-id", "q-value")],
                                headers: ["x-amz-meta-note": "header-value"], body: Data("object-body".utf8))
        }
        let encoder = JSONEncoder()
        let text = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }.joined(separator: "\n")
        for secret in [Fixture.secret, "ASIAEXAMPLE", "SESSIONTOKEN", "hunter2", "/mlops/x", "key-name", "q-value", "header-value", "object-body"] {
            #expect(!text.contains(secret), "record leaks \(secret): \(text)")
        }
        #expect(records.map(\.actions) == [["ssm:PutParameter"], ["s3:PutObject"]])
    }

    @Test func theJournalAppendsJSONLinesToAPrivateFileAndRefusesADirectory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("requests.jsonl").path
        let journal = try JSONLinesRequestJournal(path: path, verb: "bootstrap")
        await journal.observe(RequestRecord(stage: "dev", principal: "operator", region: "us-east-1", service: "s3", operation: "HeadBucket",
                                            actions: ["s3:ListBucket"], bucket: "b", status: 404))
        let again = try JSONLinesRequestJournal(path: path, verb: "teardown")
        await again.observe(RequestRecord(principal: "operator", region: "us-east-1", service: "sts", operation: "GetCallerIdentity",
                                          actions: ["sts:GetCallerIdentity"]))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONDecoder().decode(RequestRecord.self, from: Data(lines[0].utf8))
        #expect(first.verb == "bootstrap" && first.actions == ["s3:ListBucket"] && first.status == 404 && first.version == 1)
        #expect(try JSONDecoder().decode(RequestRecord.self, from: Data(lines[1].utf8)).verb == "teardown")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(throws: JSONLinesRequestJournal.JournalError.self) { try JSONLinesRequestJournal(path: directory.path, verb: "x") }
    }
}

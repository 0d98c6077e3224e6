import AWSWire
import Foundation
import TestSupport
import Testing

@Suite struct RecordingTransportTests {
    @Test func countsRequestsAndMutatingOnesAcrossProtocols() async throws {
        let scripted = ScriptedTransport { _, _ in HTTPResponse(statusCode: 200, body: "<Ok/>") }
        let recording = RecordingTransport(wrapping: scripted)
        let sts = Fixture.client(.sts, transport: recording)
        let cfn = Fixture.client(.cloudFormation, transport: recording)
        let ssm = Fixture.client(.ssm, transport: recording)
        let s3 = Fixture.client(.s3, endpoint: URL(string: "http://127.0.0.1:5055")!, transport: recording)

        _ = try await sts.query(action: "GetCallerIdentity")
        _ = try await cfn.query(action: "DescribeStacks")
        _ = try await cfn.query(action: "CreateStack")
        try await ssm.json(operation: "GetParameter", input: EmptyInput())
        try await ssm.json(operation: "PutParameter", input: EmptyInput())
        _ = try await s3.s3(operation: "ListObjectsV2", method: "GET", bucket: "b")
        _ = try await s3.s3(operation: "HeadObject", method: "HEAD", bucket: "b", key: "k")
        _ = try await s3.s3(operation: "PutObject", method: "PUT", bucket: "b", key: "k")
        _ = try await s3.s3(operation: "DeleteObjects", method: "POST", bucket: "b", query: [("delete", nil)])

        #expect(recording.requestCount == 9)
        #expect(recording.mutatingOperations == ["CreateStack", "PutParameter", "PUT /b/k", "POST /b"])
        #expect(recording.exchanges.map(\.statusCode) == Array(repeating: 200, count: 9))
        #expect(scripted.requests.count == 9)
        recording.reset()
        #expect(recording.requestCount == 0)
    }
}

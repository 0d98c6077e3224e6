import AWSWire
import Foundation
import TestSupport
import Testing

/// Requests our client builds, checked against botocore's own service models (member names,
/// list/map shapes, targets, URIs). Skipped with a notice when botocore is not installed.
@Suite struct ModelConformanceTests {
    func checker(_ service: String) -> ModelRequestChecker? {
        switch BotocoreModel.load(service: service) {
        case .loaded(let model): return ModelRequestChecker(model: model)
        case .skipped: return nil
        case .missingUnderCI(let message):
            Issue.record(Comment(rawValue: message))
            return nil
        }
    }

    func problems(_ checker: ModelRequestChecker, _ operation: String, _ request: HTTPRequest) -> [String] {
        checker.problems(operation: operation, method: request.method, url: request.url, headers: request.headers.pairs, body: request.body)
    }

    struct CreateStackInput: Encodable {
        struct Parameter: Encodable {
            var ParameterKey: String
            var ParameterValue: String
        }
        struct Tag: Encodable {
            var Key: String
            var Value: String
        }
        var StackName: String
        var TemplateBody: String
        var Parameters: [Parameter]
        var Capabilities: [String]
        var Tags: [Tag]
    }

    @Test func queryRequestsMatchTheCloudFormationAndIAMModels() throws {
        guard let cloudFormation = checker("cloudformation"), let iam = checker("iam") else { return }
        let client = Fixture.client(.cloudFormation, transport: ScriptedTransport([]))
        let input = CreateStackInput(
            StackName: "s", TemplateBody: "{}", Parameters: [.init(ParameterKey: "Env", ParameterValue: "dev")],
            Capabilities: ["CAPABILITY_NAMED_IAM"], Tags: [.init(Key: "team", Value: "ml")])
        let createStack = try client.queryRequest(action: "CreateStack", parameters: QueryEncoder().encode(input))
        #expect(problems(cloudFormation, "CreateStack", createStack) == [])

        var bad = QueryParameters()
        bad.set("StackNme", "typo")
        let typo = try client.queryRequest(action: "DescribeStacks", parameters: bad)
        #expect(problems(cloudFormation, "DescribeStacks", typo).count == 1)  // the checker does notice mistakes

        let iamClient = Fixture.client(.iam, transport: ScriptedTransport([]))
        var tags = QueryParameters()
        tags.set("RoleName", "r")
        tags.set("AssumeRolePolicyDocument", "{}")
        tags.setList("Tags", [("k", "v")]) { params, prefix, tag in
            params.set("\(prefix).Key", tag.0)
            params.set("\(prefix).Value", tag.1)
        }
        #expect(problems(iam, "CreateRole", try iamClient.queryRequest(action: "CreateRole", parameters: tags)) == [])
    }

    @Test func jsonRequestsMatchTheSSMModel() throws {
        guard let ssm = checker("ssm") else { return }
        let client = Fixture.client(.ssm, transport: ScriptedTransport([]))
        struct Input: Encodable {
            var Name: String
            var WithDecryption: Bool
        }
        #expect(problems(ssm, "GetParameter", try client.jsonRequest(operation: "GetParameter", input: Input(Name: "/x", WithDecryption: true))) == [])
        #expect(problems(ssm, "DescribeParameters", try client.jsonRequest(operation: "DescribeParameters", input: EmptyInput())) == [])
    }

    @Test func s3RequestsMatchTheS3Model() {
        guard let s3 = checker("s3") else { return }
        let client = Fixture.client(.s3, endpoint: URL(string: "http://127.0.0.1:5055")!, transport: ScriptedTransport([]))
        let put = client.s3Request(method: "PUT", bucket: "b", key: "dir/a b.txt", body: Data("x".utf8))
        #expect(problems(s3, "PutObject", put) == [])
        let versions = client.s3Request(method: "GET", bucket: "b", query: [("versions", nil), ("key-marker", "k"), ("max-keys", "1000")])
        #expect(problems(s3, "ListObjectVersions", versions) == [])
        let delete = client.s3Request(method: "POST", bucket: "b", query: [("delete", nil)],
            body: Data("<Delete><Object><Key>k</Key></Object></Delete>".utf8))
        #expect(problems(s3, "DeleteObjects", delete) == [])
    }
}

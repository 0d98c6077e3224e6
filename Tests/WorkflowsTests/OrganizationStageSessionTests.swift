import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import Testing
import TestSupport
import Topology
@testable import Workflows

/// A stage written without a profile in a topology with an `organization:` section is reached by assuming its
/// `organizationRole` in its account with the organization profile's credentials, before any call to the service.
@Suite struct OrganizationStageSessionTests {
    /// The management profile: static keys in the credentials file, its region in the config file.
    static let configFile = "[profile management]\nregion = us-east-1\n"
    static let credentialsFile = "[management]\naws_access_key_id = AKIDMANAGEMENT\naws_secret_access_key = management-secret\n"

    /// STS answering AssumeRole with the role's keys (`ASIAMEMBER`), and GetCallerIdentity as that role.
    static func sts(account: String) -> ScriptedTransport {
        ScriptedTransport { request, _ in
            switch RecordingTransport.operationName(request) {
            case "AssumeRole":
                return HTTPResponse(statusCode: 200, body: "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<AssumeRoleResult><Credentials><AccessKeyId>ASIAMEMBER</AccessKeyId><SecretAccessKey>member-secret</SecretAccessKey>"
                    + "<SessionToken>member-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>"
                    + "<AssumedRoleUser><Arn>arn:aws:sts::\(account):assumed-role/OrganizationAccountAccessRole/mlopsctl</Arn>"
                    + "<AssumedRoleId>AROAMEMBER:mlopsctl</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>")
            default:
                return HTTPResponse(statusCode: 200, body: "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<GetCallerIdentityResult><Arn>arn:aws:sts::\(account):assumed-role/OrganizationAccountAccessRole/mlopsctl</Arn>"
                    + "<UserId>AROAMEMBER:mlopsctl</UserId><Account>\(account)</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")
            }
        }
    }

    /// Stage sessions loaded from real files in a fresh temporary folder, as `StageSessions.load` reads `~/.aws`.
    static func sessions(transport: ScriptedTransport) throws -> StageSessions {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("org-sessions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("config")
        let credentials = folder.appendingPathComponent("credentials")
        try configFile.write(to: config, atomically: true, encoding: .utf8)
        try credentialsFile.write(to: credentials, atomically: true, encoding: .utf8)
        let environment = EnvironmentVariables([
            "HOME": folder.path, "AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": credentials.path,
        ])
        // The files are read here, once; the folder may go as soon as this returns.
        return try StageSessions.load(environment: environment, transport: transport, logger: Logger(label: "test"))
    }

    /// The form fields of a query-protocol body.
    static func form(_ request: HTTPRequest) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    /// The access key id of a SigV4 `Authorization` header (`… Credential=<key>/<date>/<region>/<service>/aws4_request, …`).
    static func accessKey(_ request: HTTPRequest) -> String? {
        request.headers["Authorization"]?.components(separatedBy: "Credential=").last?.components(separatedBy: "/").first
    }

    static func scope(_ request: HTTPRequest) -> [String] {
        request.headers["Authorization"]?.components(separatedBy: "Credential=").last?.components(separatedBy: ",").first?
            .components(separatedBy: "/") ?? []
    }

    @Test func aStageWithAnOrganizationRoleAssumesItWithTheProfilesKeysBeforeCallingTheService() async throws {
        let transport = Self.sts(account: "222222222222")
        let sessions = try Self.sessions(transport: transport)
        let dev = StageConfig(
            stage: .dev, account: "222222222222", profile: "management", region: "us-east-1", organizationRole: "OrganizationAccountAccessRole")

        let identity = try await sessions.session(for: dev).sts.getCallerIdentity()

        #expect(identity.account == "222222222222")
        let requests = transport.requests
        #expect(requests.map(RecordingTransport.operationName) == ["AssumeRole", "GetCallerIdentity"])
        let assume = try #require(requests.first)
        #expect(Self.form(assume)["RoleArn"] == "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole")
        #expect(Self.form(assume)["RoleSessionName"] == "mlopsctl-dev")
        #expect(Self.accessKey(assume) == "AKIDMANAGEMENT", "AssumeRole is signed with the organization profile's keys")
        #expect(assume.headers["X-Amz-Security-Token"] == nil)
        let call = try #require(requests.last)
        #expect(Self.accessKey(call) == "ASIAMEMBER", "the service call is signed with the assumed role's keys")
        #expect(call.headers["X-Amz-Security-Token"] == "member-token")
        #expect(Self.scope(call).dropFirst(2).first == "us-east-1")
    }

    @Test func theRoleIsAssumedOnceAndReusedInEveryRegion() async throws {
        let transport = Self.sts(account: "444444444444")
        let sessions = try Self.sessions(transport: transport)
        let prod = StageConfig(stage: .prod, account: "444444444444", profile: "management", region: "us-east-1", organizationRole: "TeamAccess")

        _ = try await sessions.session(for: prod).sts.getCallerIdentity()
        _ = try await sessions.session(for: prod, region: "eu-west-1").sts.getCallerIdentity()

        let requests = transport.requests
        #expect(requests.map(RecordingTransport.operationName) == ["AssumeRole", "GetCallerIdentity", "GetCallerIdentity"])
        #expect(Self.form(requests[0])["RoleArn"] == "arn:aws:iam::444444444444:role/TeamAccess")
        #expect(requests.dropFirst().allSatisfy { Self.accessKey($0) == "ASIAMEMBER" })
        #expect(requests.dropFirst().map { Self.scope($0).dropFirst(2).first } == ["us-east-1", "eu-west-1"])
    }

    @Test func aChinaRegionStageAssumesTheRoleInTheAwsCnPartition() async throws {
        let transport = Self.sts(account: "333333333333")
        let sessions = try Self.sessions(transport: transport)
        let preprod = StageConfig(
            stage: .preprod, account: "333333333333", profile: "management", region: "cn-north-1", organizationRole: "OrganizationAccountAccessRole")

        _ = try await sessions.session(for: preprod).sts.getCallerIdentity()

        let assume = try #require(transport.requests.first)
        #expect(RecordingTransport.operationName(assume) == "AssumeRole")
        #expect(Self.form(assume)["RoleArn"] == "arn:aws-cn:iam::333333333333:role/OrganizationAccountAccessRole")
        #expect(Self.scope(assume).dropFirst(2).first == "cn-north-1")
        #expect(transport.requests.count == 2)
        #expect(Self.accessKey(transport.requests[1]) == "ASIAMEMBER")
    }

    @Test func aStageWithItsOwnProfileAssumesNothing() async throws {
        let transport = Self.sts(account: "111111111111")
        let sessions = try Self.sessions(transport: transport)
        let governance = StageConfig(stage: .governance, account: "111111111111", profile: "management", region: "us-east-1")

        _ = try await sessions.session(for: governance).sts.getCallerIdentity()

        #expect(transport.requests.map(RecordingTransport.operationName) == ["GetCallerIdentity"])
        #expect(transport.requests.first.flatMap(Self.accessKey) == "AKIDMANAGEMENT")
    }
}

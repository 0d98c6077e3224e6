import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import Testing
import TestSupport
import Topology
@testable import Workflows

/// Each stage is resolved once per run: every verb and every region a stage is reached in share its profile, its
/// endpoints and its credential cache (a role profile is assumed once, not once per region or per call site).
@Suite struct StageSessionsTests {
    static let config = """
        [profile base]
        region = us-east-1
        aws_access_key_id = AKIDBASE
        aws_secret_access_key = s
        [profile deployer]
        region = eu-west-1
        role_arn = arn:aws:iam::333333333333:role/Deployer
        source_profile = base
        endpoint_url = http://127.0.0.1:5055
        """

    @Test func aStageIsResolvedOnceAndReachedInAnyRegionWithTheSameCredentials() async throws {
        let transport = ScriptedTransport { request, _ in
            switch RecordingTransport.operationName(request) {
            case "AssumeRole":
                return HTTPResponse(statusCode: 200, body: "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
                    + "<Credentials><AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>x</SecretAccessKey><SessionToken>t</SessionToken>"
                    + "<Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::333333333333:assumed-role/Deployer/s</Arn>"
                    + "<AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>")
            default:
                return HTTPResponse(statusCode: 200, body: "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                    + "<Arn>arn:aws:sts::333333333333:assumed-role/Deployer/s</Arn><UserId>AROA:s</UserId><Account>333333333333</Account>"
                    + "</GetCallerIdentityResult></GetCallerIdentityResponse>")
            }
        }
        let shared = try SharedConfig.parse(configFile: Self.config, credentialsFile: "", configPath: "config", credentialsPath: "credentials")
        let sessions = StageSessions(config: shared, environment: EnvironmentVariables([:]), transport: transport, logger: Logger(label: "test"))
        let preprod = StageConfig(stage: .preprod, account: "333333333333", profile: "deployer", region: "eu-central-1")

        let home = try sessions.session(for: preprod)
        let away = try sessions.session(for: preprod, region: "ap-southeast-2")
        #expect(home.region == "eu-central-1" && away.region == "ap-southeast-2")
        for session in [home, away, try sessions.session(for: preprod)] {
            _ = try await session.sts.getCallerIdentity()
        }
        let calls = transport.requests.map { (RecordingTransport.operationName($0), $0) }
        #expect(calls.filter { $0.0 == "AssumeRole" }.count == 1, "\(calls.map(\.0))")
        let identities = calls.filter { $0.0 == "GetCallerIdentity" }.map(\.1)
        #expect(identities.count == 3)
        // Signed with the role's keys, for each session's region, at the profile's configured endpoint.
        #expect(identities.allSatisfy { $0.headers["Authorization"]?.contains("ASIAROLE/") == true })
        let scopes = identities.compactMap { $0.headers["Authorization"]?.components(separatedBy: "/")[2] }
        #expect(scopes == ["eu-central-1", "ap-southeast-2", "eu-central-1"], "\(scopes)")
        #expect(identities.allSatisfy { $0.url.absoluteString.hasPrefix("http://127.0.0.1:5055") })
    }

    @Test func aProfileErrorNamesTheProfileEveryTime() throws {
        let shared = try SharedConfig.parse(configFile: Self.config, credentialsFile: "", configPath: "config", credentialsPath: "credentials")
        let sessions = StageSessions(config: shared, environment: EnvironmentVariables([:]), transport: ScriptedTransport([]), logger: Logger(label: "test"))
        let missing = StageConfig(stage: .prod, account: "444444444444", profile: "no-such-profile", region: "us-east-1")
        for _ in 0..<2 {
            #expect { try sessions.session(for: missing) } throws: { "\($0)".contains("no-such-profile") }
        }
    }
}

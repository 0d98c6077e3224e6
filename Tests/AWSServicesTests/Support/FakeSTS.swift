import AWSWire
import Foundation
import TestSupport

/// A scripted STS (and SSO portal) that answers from the request itself: AssumeRole hands out
/// `ASIA<ROLE>` / `secret-<role>` / `token-<role>` so a test can tell which step's keys signed the
/// next request; GetCallerIdentity answers for the account of the signing key.
enum FakeSTS {
    static func transport(expiration: String = "2026-11-29T01:00:00.679501Z") -> ScriptedTransport {
        ScriptedTransport { request, _ in try respond(to: request, expiration: expiration) }
    }

    static func respond(to request: HTTPRequest, expiration: String) throws -> HTTPResponse {
        let form = TestClients.form(request)
        switch form["Action"] {
        case "AssumeRole", "AssumeRoleWithWebIdentity":
            let arn = form["RoleArn"] ?? ""
            let role = arn.split(separator: "/").last.map(String.init) ?? "none"
            let account = arn.split(separator: ":", omittingEmptySubsequences: false).dropFirst(4).first.map(String.init) ?? "000000000000"
            let body = AWSResponses.assumeRole(
                accessKeyId: "ASIA" + role.uppercased(), secret: "secret-\(role)", token: "token-\(role)", expiration: expiration,
                assumedRoleArn: "arn:aws:sts::\(account):assumed-role/\(role)/\(form["RoleSessionName"] ?? "")")
            let action = form["Action"]!
            return HTTPResponse(statusCode: 200, body: body.replacingOccurrences(of: "AssumeRole", with: action))
        case "GetCallerIdentity":
            return HTTPResponse(statusCode: 200, body: AWSResponses.callerIdentity())
        default:
            if request.url.path.hasSuffix("/federation/credentials") {
                return HTTPResponse(statusCode: 200, body: AWSResponses.roleCredentials())
            }
            return HTTPResponse(statusCode: 400, body: AWSResponses.queryError(code: "InvalidAction", message: "unexpected request"))
        }
    }
}

/// A directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("awsservices-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

import Foundation
import TestSupport

/// Hostile answers and state: broken response bodies (a loopback server), a corrupt ledger, credentials of another
/// account, a model package of another account (the emulator).
extension HostileInputCase {
    /// Four profiles for the loopback server, one key each; the server answers GetCallerIdentity with the account
    /// whose key signed the request, so every stage's identity check passes and the next call meets the broken body.
    static let serverConfig = ["gov", "dev", "pre", "prod"].map { "[profile \($0)]\nregion = us-east-1\nendpoint_url = {ENDPOINT}\n" }.joined()
    static let serverCredentials = ["gov", "dev", "pre", "prod"].enumerated().map { index, name in
        "[\(name)]\naws_access_key_id = AKIDHOSTILE00000000\(index + 1)\naws_secret_access_key = CANARY-SECRET-server-\(index + 1)\n"
    }.joined()
    static let serverTopology = """
        version: 1
        region: us-east-1
        stages:
          governance: { account: "111111111111", profile: gov }
          dev:        { account: "222222222222", profile: dev }
          preprod:    { account: "333333333333", profile: pre }
          prod:       { account: "444444444444", profile: prod }

        """

    static func callerIdentity(_ request: LoopbackHTTPServer.Request) -> Data {
        let digit = request.headers["authorization"].flatMap { header in
            header.range(of: "AKIDHOSTILE00000000").map { header[$0.upperBound...].prefix(1) }
        } ?? "1"
        let account = String(repeating: String(digit), count: 12)
        return LoopbackHTTPServer.response(
            contentType: "text/xml",
            body: "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
                + "<Arn>arn:aws:iam::\(account):user/cli</Arn><UserId>AIDAX</UserId><Account>\(account)</Account></GetCallerIdentityResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetCallerIdentityResponse>")
    }

    /// A case whose server answers `broken` for the first call that is not GetCallerIdentity (or for that one too).
    static func response(
        _ name: String, arguments: [String] = ["bootstrap"], brokenIdentity: Bool = false, expected: [String],
        broken: @escaping @Sendable (LoopbackHTTPServer.Request) -> Data
    ) -> HostileInputCase {
        HostileInputCase(
            category: HostileCategory.response, name: name,
            backend: .server { request in
                request.operation == "GetCallerIdentity" && !brokenIdentity ? callerIdentity(request) : broken(request)
            },
            topology: .text(serverTopology), config: .text(serverConfig), credentials: .text(serverCredentials), arguments: arguments,
            expected: expected)
    }

    static let stackXML = "<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>CDKToolkit</StackName>"
        + "<StackStatus>CREATE_COMPLETE</StackStatus><CreationTime>2026-01-01T00:00:00Z</CreationTime></member></Stacks>"
        + "</DescribeStacksResult></DescribeStacksResponse>"

    static let responseCases: [HostileInputCase] = [
        response("caller identity cut short (Content-Length promises more)", brokenIdentity: true, expected: ["gov", "transfer closed"]) { _ in
            LoopbackHTTPServer.truncated(contentType: "text/xml", body: "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1111", sent: 40)
        },
        response("caller identity that is not XML", brokenIdentity: true, expected: ["GetCallerIdentity"]) { _ in
            LoopbackHTTPServer.response(contentType: "text/xml", body: "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>1111")
        },
        response("caller identity as an HTML page", brokenIdentity: true, expected: ["GetCallerIdentity"]) { _ in
            LoopbackHTTPServer.response(contentType: "text/html", body: "<!doctype html><html><body>Sign in</body></html>")
        },
        response("caller identity with an empty body", brokenIdentity: true, expected: ["GetCallerIdentity"]) { _ in
            LoopbackHTTPServer.response(contentType: "text/xml", body: "")
        },
        response("not HTTP at all", brokenIdentity: true, expected: ["governance"]) { _ in Data("SSH-2.0-OpenSSH_9.6\r\n".utf8) },
        response("a stack description cut short", arguments: ["bootstrap", "--dry-run", "--stage", "governance"], expected: ["governance", "transfer closed"]) { _ in
            LoopbackHTTPServer.truncated(contentType: "text/xml", body: stackXML, sent: stackXML.utf8.count / 2)
        },
        response("a stack description with broken XML", arguments: ["bootstrap", "--dry-run", "--stage", "governance"], expected: ["DescribeStacks"]) { _ in
            LoopbackHTTPServer.response(contentType: "text/xml", body: String(stackXML.dropLast(30)))
        },
        response(
            "a JSON answer cut short (SSM, promote)", arguments: ["promote", "--project", "churn", "--to", "dev"], expected: ["127.0.0.1", "transfer closed"]
        ) { request in
            request.headers["x-amz-target"] != nil
                ? LoopbackHTTPServer.truncated(contentType: "application/x-amz-json-1.1", body: "{\"Parameter\":{\"Name\":\"/mlops/x\",\"Value\":\"abc\"}}", sent: 20)
                : LoopbackHTTPServer.response(status: 500, contentType: "text/plain", body: "unexpected")
        },
        response(
            "a JSON answer that is an array (SSM, promote)", arguments: ["promote", "--project", "churn", "--to", "dev"],
            expected: ["SSM GetParameter", "could not read the response"]
        ) { request in
            request.headers["x-amz-target"] != nil
                ? LoopbackHTTPServer.response(contentType: "application/x-amz-json-1.1", body: "[1, 2, {\"Parameter\": null}]")
                : LoopbackHTTPServer.response(status: 500, contentType: "text/plain", body: "unexpected")
        },
        // Found by fuzzing: each crashed the process inside FoundationXML before XMLElementNode refused them.
        response("a processing instruction without data (crashed FoundationXML)", brokenIdentity: true, expected: ["GetCallerIdentity", "processing instruction"]) { _ in
            LoopbackHTTPServer.response(contentType: "text/xml", body: "<?xrUTFs?>1.0+0+ ")
        },
        response("an element name that is not UTF-8 (crashed FoundationXML)", brokenIdentity: true, expected: ["GetCallerIdentity", "UTF-8"]) { _ in
            Data("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 20\r\nConnection: close\r\n\r\n<Get".utf8)
                + Data([0xF0, 0x87]) + Data("Result></Get>".utf8) + Data(" ".utf8)
        },
        response("an XML entity bomb", brokenIdentity: true, expected: ["GetCallerIdentity", "document type declaration"]) { _ in
            LoopbackHTTPServer.response(
                contentType: "text/xml",
                body: "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                    + "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>&d;</Account></GetCallerIdentityResult></GetCallerIdentityResponse>")
        },
        response("an error answer with a megabyte message", brokenIdentity: true, expected: ["GetCallerIdentity"]) { _ in
            LoopbackHTTPServer.response(
                status: 403, contentType: "text/xml",
                body: "<ErrorResponse><Error><Code>AccessDenied</Code><Message>\(megabyte)</Message></Error></ErrorResponse>")
        },
    ]

    /// Cases that need the emulator: a real identity check and real accounts.
    static let emulatorCases: [HostileInputCase] = [
        HostileInputCase(
            category: HostileCategory.identity, name: "dev's profile reaches another account than the topology names", backend: .emulator,
            edits: [("\"222222222222\"", "\"999999999999\"")], expected: ["dev", "999999999999", "222222222222"]),
        HostileInputCase(
            category: HostileCategory.identity, name: "prod's profile reaches the governance account", backend: .emulator,
            edits: [("profile: local-prod", "profile: local-governance")], arguments: ["bootstrap", "--stage", "prod"],
            expected: ["prod", "444444444444", "111111111111"]),
        HostileInputCase(
            category: HostileCategory.ledger, name: "a ledger of random bytes", backend: .emulator,
            ledger: .bytes { Data((0..<65536).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }) },
            expected: ["ledger", "not an SQLite database"]),
        HostileInputCase(
            category: HostileCategory.ledger, name: "a text file where the ledger should be", backend: .emulator,
            ledger: .text("this is not a database\n"), expected: ["ledger", "not an SQLite database"]),
        HostileInputCase(
            category: HostileCategory.ledger, name: "a ledger that is a directory", backend: .emulator, ledger: .directory, expected: ["ledger", "directory"]),
        HostileInputCase(
            category: HostileCategory.ledger, name: "a SQLite header and nothing else", backend: .emulator,
            ledger: .bytes { Data("SQLite format 3\0".utf8) + Data(repeating: 0xFF, count: 84) }, expected: ["ledger", "SQLite"]),
        HostileInputCase(
            category: HostileCategory.modelPackage, name: "a model package of another account", backend: .emulator,
            arguments: ["promote", "--project", "churn", "--to", "dev", "--model-package", "arn:aws:sagemaker:us-east-1:999999999999:model-package/churn-p-1/1"],
            expected: ["--model-package", "999999999999"]),
        HostileInputCase(
            category: HostileCategory.modelPackage, name: "a model package ARN that is not versioned", backend: .emulator,
            arguments: ["promote", "--project", "churn", "--to", "dev", "--model-package", "arn:aws:sagemaker:us-east-1:222222222222:model-package/churn"],
            expected: ["--model-package"]),
    ]

    static var offlineCases: [HostileInputCase] {
        iniCases + topologyCases + accountCases + regionCases + projectCases + credentialProcessCases + endpointCases + responseCases
    }

    static var allCases: [HostileInputCase] { offlineCases + emulatorCases }
}

import Foundation
import SigV4
import TestSupport
import Testing

/// The aws-c-auth `v4` suite: each case is checked stage by stage (canonical request, string to sign,
/// signature) and finally as the Authorization header the signed request carries.
@Suite struct AWSCAuthSuiteTests {
    static let suite = "sigv4-aws-c-auth/v4"
    static let expectedCaseCount = 38

    struct Context: Decodable {
        struct Credentials: Decodable {
            let access_key_id: String
            let secret_access_key: String
            let token: String?
        }
        let credentials: Credentials
        let region: String
        let service: String
        let timestamp: String
        let normalize: Bool
        let sign_body: Bool
        let omit_session_token: Bool?
    }

    static func caseNames() -> [String] {
        guard case .available(let url) = ConformanceData.locate(suite) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: url.appendingPathComponent("\($0)/context.json").path) }.sorted()
    }

    @Test func suiteIsPresentAndComplete() {
        switch ConformanceData.locate(Self.suite) {
        case .skipped: return
        case .missingUnderCI(let message): Issue.record(Comment(rawValue: message))
        case .available: #expect(Self.caseNames().count == Self.expectedCaseCount)
        }
    }

    @Test(arguments: caseNames())
    func headerSigning(caseName: String) throws {
        guard case .available(let root) = ConformanceData.locate(Self.suite) else { return }
        let dir = root.appendingPathComponent(caseName)
        func read(_ file: String) throws -> String { try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) }

        let context = try JSONDecoder().decode(Context.self, from: Data(try read("context.json").utf8))
        let date = try #require(ISO8601DateFormatter().date(from: context.timestamp))
        let credentials = AWSCredentials(
            accessKeyId: context.credentials.access_key_id, secretAccessKey: context.credentials.secret_access_key,
            sessionToken: context.credentials.token)
        let signer = SigV4Signer(credentials: credentials, region: context.region, service: context.service)
        let options = SigningOptions(
            normalizePath: context.normalize, addContentSHA256Header: context.sign_body,
            omitSessionToken: context.omit_session_token ?? false)

        let signed = signer.sign(try RawHTTPRequest(try read("request.txt")).signable, date: date, options: options)
        // Re-derive each stage from the signed request so every stage is asserted separately.
        let unsignedView = SignableRequest(
            method: signed.method, path: signed.path, query: signed.query,
            headers: signed.headers.filter {
                $0.name.lowercased() != "authorization"
                    && !(options.omitSessionToken && $0.name.lowercased() == "x-amz-security-token")
            },
            body: signed.body)
        let canonical = signer.canonicalRequest(unsignedView, options: options)
        #expect(canonical.text == (try read("header-canonical-request.txt")))
        let stringToSign = signer.stringToSign(canonicalRequest: canonical.text, date: date)
        #expect(stringToSign == (try read("header-string-to-sign.txt")))
        let signature = signer.signature(stringToSign: stringToSign, date: date)
        #expect(signature == (try read("header-signature.txt")).trimmingCharacters(in: .whitespacesAndNewlines))

        let expectedAuthorization = try RawHTTPRequest(try read("header-signed-request.txt")).headers
            .first { $0.name.lowercased() == "authorization" }?.value
        #expect(signed.value(of: "Authorization") == expectedAuthorization)
    }
}

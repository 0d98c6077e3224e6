import Foundation
import SigV4
import TestSupport
import Testing

/// botocore's classic `aws4_testsuite`: `.req` in, `.creq`, `.sts` and `.authz` out. Fixed inputs come from
/// botocore's `test_sigv4.py`: key AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service".
@Suite struct BotocoreSuiteTests {
    static let suite = "sigv4-botocore-aws4_testsuite"
    static let expectedCaseCount = 34
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let sessionToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

    /// Case paths relative to the suite root: every folder holding a `<name>.req`.
    static func casePaths() -> [String] {
        guard case .available(let root) = ConformanceData.locate(suite) else { return [] }
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var paths: [String] = []
        while let item = enumerator?.nextObject() as? String {
            if item.hasSuffix(".req") { paths.append(String(item.dropLast(4))) }
        }
        return paths.sorted()
    }

    @Test func suiteIsPresentAndComplete() {
        switch ConformanceData.locate(Self.suite) {
        case .skipped: return
        case .missingUnderCI(let message): Issue.record(Comment(rawValue: message))
        case .available: #expect(Self.casePaths().count == Self.expectedCaseCount)
        }
    }

    @Test(arguments: casePaths())
    func headerSigning(casePath: String) throws {
        guard case .available(let root) = ConformanceData.locate(Self.suite) else { return }
        func read(_ ext: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent("\(casePath).\(ext)"), encoding: .utf8)
        }
        let request = try RawHTTPRequest(try read("req")).signable
        // As in botocore's harness, cases named "*session-token*" sign with a session token.
        var credentials = Self.credentials
        if casePath.contains("session-token") { credentials.sessionToken = Self.sessionToken }
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")

        let signed = signer.sign(request, date: Self.date)
        var unsignedView = signed
        unsignedView.headers.removeAll { $0.name.lowercased() == "authorization" }
        let canonical = signer.canonicalRequest(unsignedView)
        #expect(canonical.text == (try read("creq")))
        let stringToSign = signer.stringToSign(canonicalRequest: canonical.text, date: Self.date)
        #expect(stringToSign == (try read("sts")))
        let signature = signer.signature(stringToSign: stringToSign, date: Self.date)
        let authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\(signer.credentialScope(date: Self.date)), "
            + "SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"
        #expect(authorization == (try read("authz")))
        #expect(signed.value(of: "Authorization") == authorization)
    }
}

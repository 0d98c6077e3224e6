import Foundation
import SigV4
import Testing

/// Behaviour the vectors do not cover: S3 single encoding, non-default ports, payload hash header, secrecy.
@Suite struct SignerBehaviourTests {
    let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    let date = Date(timeIntervalSince1970: 1_440_938_160)

    @Test func s3PathIsEncodedOnceAndNotNormalised() throws {
        let url = try #require(URL(string: "http://127.0.0.1:5000/bucket/dir/../key%20with%20space"))
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")
        let canonical = signer.canonicalRequest(SignableRequest(method: "GET", url: url), options: .s3)
        #expect(canonical.text.split(separator: "\n")[1] == "/bucket/dir/../key%20with%20space")
    }

    @Test func otherServicesEncodeTheEncodedPathAgain() throws {
        let url = try #require(URL(string: "https://example.amazonaws.com/a%20b"))
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        let canonical = signer.canonicalRequest(SignableRequest(method: "GET", url: url))
        #expect(canonical.text.split(separator: "\n")[1] == "/a%2520b")
    }

    @Test func hostHeaderCarriesANonDefaultPortOnly() throws {
        let withPort = SignableRequest(method: "GET", url: try #require(URL(string: "http://127.0.0.1:5055/")))
        let defaultPort = SignableRequest(method: "GET", url: try #require(URL(string: "https://sts.amazonaws.com:443/")))
        #expect(withPort.value(of: "host") == "127.0.0.1:5055")
        #expect(defaultPort.value(of: "host") == "sts.amazonaws.com")
    }

    @Test func s3OptionsSendThePayloadHash() throws {
        let url = try #require(URL(string: "http://127.0.0.1:5055/bucket/key"))
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")
        let signed = signer.sign(SignableRequest(method: "PUT", url: url, body: Data("hello".utf8)), date: date, options: .s3)
        #expect(signed.value(of: "x-amz-content-sha256") == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")
        #expect(signed.value(of: "Authorization")?.contains("x-amz-content-sha256") == true)
    }

    @Test func resigningReplacesTheDateAndAuthorization() throws {
        let url = try #require(URL(string: "https://sts.us-east-1.amazonaws.com/"))
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "sts")
        let first = signer.sign(SignableRequest(method: "POST", url: url), date: date)
        let second = signer.sign(first, date: date.addingTimeInterval(60))
        #expect(second.headers.filter { $0.name.lowercased() == "authorization" }.count == 1)
        #expect(second.value(of: "x-amz-date") == "20150830T123700Z")
    }

    @Test func credentialsNeverPrintTheirSecrets() {
        let secret = AWSCredentials(accessKeyId: "AKIDCANARY", secretAccessKey: "CANARY-SECRET-1", sessionToken: "CANARY-TOKEN-2")
        for text in [secret.description, secret.debugDescription, "\(secret)", String(reflecting: secret)] {
            #expect(!text.contains("CANARY-SECRET-1"))
            #expect(!text.contains("CANARY-TOKEN-2"))
        }
    }
}

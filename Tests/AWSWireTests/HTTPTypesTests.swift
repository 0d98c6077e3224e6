import AWSWire
import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct HTTPTypesTests {
    @Test func headersKeepOrderAndSpellingButLookUpCaseInsensitively() {
        var headers: HTTPHeaders = ["X-Amz-Target": "AmazonSSM.GetParameter", "Content-Type": "application/x-amz-json-1.1"]
        headers.add("x-amz-meta-a", "1")
        headers.add("X-Amz-Meta-A", "2")
        #expect(headers["content-type"] == "application/x-amz-json-1.1")
        #expect(headers.values(for: "X-AMZ-META-A") == ["1", "2"])
        headers.set("x-amz-target", "AmazonSSM.PutParameter")
        #expect(headers.pairs.map(\.name) == ["Content-Type", "x-amz-meta-a", "X-Amz-Meta-A", "x-amz-target"])
        headers.remove("X-AMZ-META-A")
        #expect(headers.count == 2)
        #expect(!headers.contains("x-amz-meta-a"))
    }

    @Test func requestExposesTheEncodedPath() {
        let request = HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:5055/b/key%20with%20space?versions")!)
        #expect(request.encodedPath == "/b/key%20with%20space")
        #expect(request.encodedQuery == "versions")
        #expect(request.hostAndPort == "127.0.0.1:5055")
    }

    @Test func responseRequestIdFromEitherHeader() {
        #expect(HTTPResponse(statusCode: 200, headers: ["x-amzn-requestid": "a"]).requestIdHeader == "a")
        #expect(HTTPResponse(statusCode: 200, headers: ["X-Amz-Request-Id": "b"]).requestIdHeader == "b")
        #expect(HTTPResponse(statusCode: 200).requestIdHeader == nil)
    }

    @Test func percentEncodingMatchesBotocore() {
        #expect(PercentEncoding.encode("a b+c=d/e~f_g.h-i*j'k(l)m!n") == "a%20b%2Bc%3Dd%2Fe~f_g.h-i%2Aj%27k%28l%29m%21n")
        #expect(PercentEncoding.encode("ü€") == "%C3%BC%E2%82%AC")
        #expect(PercentEncoding.encodePath("/dir/a b.txt") == "/dir/a%20b.txt")
        #expect(PercentEncoding.formEncode([("delete", nil), ("prefix", "a/b c")]) == "delete&prefix=a%2Fb%20c")
    }
}

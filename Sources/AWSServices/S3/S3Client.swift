import AWSWire
import Foundation

/// Amazon S3 (REST-XML, API 2006-03-01): bucket and single-object calls. Requests are addressed
/// virtual-hosted style against AWS and path style against a configured endpoint (`S3Addressing`);
/// keys may contain spaces and slashes (`dir/a b.txt` is sent as `/bucket/dir/a%20b.txt`).
public struct S3Client: Sendable {
    public let client: AWSClient

    /// `client` must be built for `ServiceDescriptor.s3`.
    public init(client: AWSClient) {
        self.client = client
    }

    /// ListBuckets, following `ContinuationToken` until every bucket has been listed.
    public func listBuckets() async throws -> [S3Bucket] {
        let operation = "ListBuckets"
        var buckets: [S3Bucket] = []
        var token: String?
        repeat {
            let query: [(String, String?)] = token.map { [("continuation-token", $0)] } ?? []
            let response = try await client.s3(operation: operation, method: "GET", bucket: nil, query: query)
            let reader = ResponseReader(client, operation: operation, requestId: response.requestIdHeader)
            let root = try xml(response, reader)
            for bucket in root.child("Buckets")?.children("Bucket") ?? [] {
                buckets.append(
                    S3Bucket(
                        name: try reader.text(bucket, "Name"), creationDate: try reader.date(bucket, "CreationDate"),
                        region: bucket.text(of: "BucketRegion")))
            }
            token = root.text(of: "ContinuationToken").flatMap { $0.isEmpty ? nil : $0 }
        } while token != nil
        return buckets
    }

    /// HeadBucket: exists (200), not found (404) or forbidden (403); other failures are thrown.
    public func headBucket(_ bucket: String) async throws -> S3BucketStatus {
        do {
            let response = try await client.s3(operation: "HeadBucket", method: "HEAD", bucket: bucket)
            return .exists(region: response.headers["x-amz-bucket-region"])
        } catch let error as AWSServiceError where error.statusCode == 404 {
            return .notFound
        } catch let error as AWSServiceError where error.statusCode == 403 {
            return .forbidden
        }
    }

    /// CreateBucket in the client's region. us-east-1 takes no configuration body; every other
    /// region must be named in `<LocationConstraint>` or S3 answers `IllegalLocationConstraintException`.
    public func createBucket(_ bucket: String) async throws {
        var body = Data()
        if client.region != "us-east-1" {
            body = Data(Self.createBucketConfiguration(region: client.region).utf8)
        }
        _ = try await client.s3(operation: "CreateBucket", method: "PUT", bucket: bucket, body: body)
    }

    /// DeleteBucket (the bucket must be empty: `BucketNotEmpty`, HTTP 409, otherwise).
    public func deleteBucket(_ bucket: String) async throws {
        _ = try await client.s3(operation: "DeleteBucket", method: "DELETE", bucket: bucket)
    }

    /// The namespace of S3's request documents.
    static let xmlNamespace = "http://s3.amazonaws.com/doc/2006-03-01/"

    static func createBucketConfiguration(region: String) -> String {
        "<CreateBucketConfiguration xmlns=\"\(xmlNamespace)\">"
            + "<LocationConstraint>\(XMLText.escape(region))</LocationConstraint></CreateBucketConfiguration>"
    }

    func xml(_ response: HTTPResponse, _ reader: ResponseReader) throws -> XMLElementNode {
        do {
            return try XMLElementNode.parse(response.body)
        } catch {
            throw reader.failure("the body is not well-formed XML")
        }
    }
}

/// Escaping for the few values mlopsctl writes into XML bodies.
enum XMLText {
    /// Element text: only `&`, `<` and `>` (quotes stay, as botocore writes ETags: `<ETag>"…"</ETag>`).
    static func escapeContent(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}

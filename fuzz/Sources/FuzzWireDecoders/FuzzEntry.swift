import Foundation

/// One input is a response body, read as every decoder of a response would: XML (query and REST-XML services),
/// JSON (JSON and REST-JSON services), the error parser under both, and the timestamps inside. Errors are fine,
/// traps are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWireDecoders(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let body = Data(UnsafeBufferPointer(start: bytes, count: count))
    if let root = try? XMLElementNode.parse(body) {
        _ = root.child(path: "Error", "Code")?.text
        _ = root.first(named: "RequestId")
        _ = root.members(of: "Stacks")
        _ = root.description
        for child in root.children.prefix(16) { _ = AWSTimestamp.parse(child.text) }
    }
    _ = try? AWSJSON.decode(FuzzJSONShape.self, from: body)
    for status in [400, 403, 500, 503] {
        for contentType in ["text/xml", "application/x-amz-json-1.1", "application/json", "text/html"] {
            let response = HTTPResponse(statusCode: status, headers: ["Content-Type": contentType], body: body)
            _ = AWSErrorParser.parse(response, serviceId: "STS", operation: "GetCallerIdentity").description
        }
    }
    if let text = String(data: body.prefix(64), encoding: .utf8) { _ = AWSTimestamp.parse(text) }
    return 0
}

/// A response shape with what real ones hold: strings, numbers, timestamps, lists and maps.
struct FuzzJSONShape: Decodable {
    struct Item: Decodable {
        var Name: String?
        var Count: Int?
        var Tags: [String: String]?
    }
    var NextToken: String?
    var CreationTime: Date?
    var Items: [Item]?
    var Total: Double?
}

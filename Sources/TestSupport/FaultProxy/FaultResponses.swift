import Foundation

/// The error answers a fault returns, shaped as the service's protocol shapes them (botocore's parsers read these):
/// S3 `<Error><Code>`, query `<ErrorResponse><Error><Code>`, JSON 1.1 `{"__type": …}`.
enum FaultResponses {
    static func throttle(_ shape: ProxiedRequest.WireShape, requestId: String) -> Data {
        switch shape {
        case .restXML:
            return response(503, "Slow Down", "application/xml", s3Error("SlowDown", "Please reduce your request rate.", requestId))
        case .query:
            return response(400, "Bad Request", "text/xml", queryError("Sender", "Throttling", "Rate exceeded", requestId))
        case .json:
            return response(400, "Bad Request", "application/x-amz-json-1.1", jsonError("ThrottlingException", "Rate exceeded"),
                            extra: ["x-amzn-RequestId: \(requestId)", "x-amzn-ErrorType: ThrottlingException"])
        }
    }

    static func internalError(_ shape: ProxiedRequest.WireShape, requestId: String) -> Data {
        switch shape {
        case .restXML:
            return response(500, "Internal Server Error", "application/xml",
                            s3Error("InternalError", "We encountered an internal error. Please try again.", requestId))
        case .query:
            return response(500, "Internal Server Error", "text/xml",
                            queryError("Receiver", "InternalFailure", "An internal error occurred.", requestId))
        case .json:
            return response(500, "Internal Server Error", "application/x-amz-json-1.1",
                            jsonError("InternalFailure", "An internal error occurred."), extra: ["x-amzn-RequestId: \(requestId)"])
        }
    }

    private static func s3Error(_ code: String, _ message: String, _ requestId: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n<Error><Code>\(code)</Code><Message>\(message)</Message>"
            + "<RequestId>\(requestId)</RequestId><HostId>fault-proxy</HostId></Error>"
    }

    private static func queryError(_ type: String, _ code: String, _ message: String, _ requestId: String) -> String {
        "<ErrorResponse><Error><Type>\(type)</Type><Code>\(code)</Code><Message>\(message)</Message></Error>"
            + "<RequestId>\(requestId)</RequestId></ErrorResponse>"
    }

    private static func jsonError(_ type: String, _ message: String) -> String {
        #"{"__type":"\#(type)","message":"\#(message)"}"#
    }

    private static func response(_ status: Int, _ reason: String, _ contentType: String, _ body: String, extra: [String] = []) -> Data {
        let bytes = Data(body.utf8)
        var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(contentType)\r\nContent-Length: \(bytes.count)\r\n"
        for line in extra { head += line + "\r\n" }
        head += "Connection: close\r\n\r\n"
        return Data(head.utf8) + bytes
    }
}

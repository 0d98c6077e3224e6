import Foundation

/// Turns a non-2xx response into an `AWSServiceError` by reading the body itself, never the
/// Content-Type (moto labels JSON as `text/html` and answers auth failures on JSON services in XML).
///
/// Recognised shapes:
/// - query: `<ErrorResponse><Error><Code>…</Code><Message>…</Message></Error><RequestId>…`
/// - `<Errors><Error>` wrappers (`<ErrorResponse><Errors><Error>`, `<Response><Errors><Error>`)
/// - S3: `<Error><Code>…</Code><Message>…</Message><RequestId>…</Error>`
/// - JSON: code from `x-amzn-ErrorType`, `code`, `Code` or `__type` (text before `:` kept, then
///   anything up to `#` dropped); message from `message`/`Message`; `x-amzn-query-error` for
///   query-compatible services
/// - no body (HEAD) or an unparseable one (HTML 500): the HTTP reason as code (`NotFound`).
public enum AWSErrorParser {
    public static func parse(_ response: HTTPResponse, serviceId: String, operation: String) -> AWSServiceError {
        var parsed = parseBody(response.body)
        if parsed.code == nil, let code = response.headers["x-amzn-query-error"]?.split(separator: ";").first {
            parsed.code = String(code)
        }
        if let header = response.headers["x-amzn-ErrorType"], !header.isEmpty {
            parsed.code = header
        }
        let requestId = response.requestIdHeader ?? parsed.requestId
        let code = parsed.code.map(sanitize).flatMap { $0.isEmpty ? nil : $0 } ?? reasonCode(response.statusCode)
        let message = (parsed.code == nil && parsed.message == nil ? fallbackMessage(response) : parsed.message).map(shortened)
        return AWSServiceError(
            serviceId: serviceId, operation: operation, statusCode: response.statusCode, code: code, message: message,
            requestId: requestId)
    }

    /// Messages are shown on one line of a terminal: a hostile or broken endpoint could answer megabytes.
    static let messageLimit = 500

    static func shortened(_ message: String) -> String {
        let line = message.replacingOccurrences(of: "\n", with: " ")
        return line.count > messageLimit ? String(line.prefix(messageLimit)) + "… (\(line.count) characters)" : line
    }

    struct Fields {
        var code: String?
        var message: String?
        var requestId: String?
    }

    static func parseBody(_ body: Data) -> Fields {
        guard let first = body.first(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return Fields() }
        if first == UInt8(ascii: "{") { return parseJSON(body) }
        if first == UInt8(ascii: "<") { return parseXML(body) }
        return Fields()
    }

    static func parseJSON(_ body: Data) -> Fields {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else { return Fields() }
        func string(_ key: String) -> String? {
            (object[key] as? String).flatMap { $0.isEmpty ? nil : $0 }
        }
        return Fields(
            code: string("code") ?? string("Code") ?? string("__type"),
            message: string("message") ?? string("Message") ?? string("errorMessage"),
            requestId: string("RequestId") ?? string("requestId"))
    }

    static func parseXML(_ body: Data) -> Fields {
        guard let root = try? XMLElementNode.parse(body) else { return Fields() }
        // The <Error> element: under <Errors> when present, else directly under the root, else the root.
        let error = root.child(path: "Errors", "Error") ?? root.child("Error") ?? (root.name == "Error" ? root : nil)
        guard let error else { return Fields() }
        let requestId = root.text(of: "RequestId") ?? root.text(of: "RequestID") ?? error.text(of: "RequestId")
            ?? error.text(of: "RequestID")
        return Fields(
            code: error.text(of: "Code")?.trimmingCharacters(in: .whitespacesAndNewlines),
            message: error.text(of: "Message")?.trimmingCharacters(in: .whitespacesAndNewlines),
            requestId: requestId?.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// `aws.protocoltests#FooError:http://internal…` → `FooError` (the Smithy rule).
    static func sanitize(_ code: String) -> String {
        var code = Substring(code.trimmingCharacters(in: .whitespacesAndNewlines))
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return String(code)
    }

    /// `404` → `NotFound`, `500` → `InternalServerError` (what SDKs report for bodiless errors).
    static func reasonCode(_ status: Int) -> String {
        let reason = HTTPStatus.reason(status)
        return reason.isEmpty ? "HTTP\(status)" : reason.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "")
    }

    /// For a response we could not read: the reason phrase plus a short, tag-free excerpt of the body.
    static func fallbackMessage(_ response: HTTPResponse) -> String? {
        let reason = HTTPStatus.reason(response.statusCode)
        let text = String(decoding: response.body.prefix(2048), as: UTF8.self)
        let stripped = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !stripped.isEmpty else { return reason.isEmpty ? nil : reason }
        let excerpt = stripped.count > 160 ? String(stripped.prefix(160)) + "…" : stripped
        return "unrecognised error body: \(excerpt)"
    }
}

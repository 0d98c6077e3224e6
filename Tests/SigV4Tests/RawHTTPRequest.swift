import Foundation
import SigV4

/// Parses the raw HTTP request files of the SigV4 suites (`request.txt`, `.req`): a request line, headers with
/// folded continuation lines, a blank line and an optional body.
struct RawHTTPRequest {
    var method: String
    var path: String
    var query: String?
    var headers: [(name: String, value: String)]
    var body: Data

    init(_ text: String) throws {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let (head, body): (Substring, Substring) = {
            if let range = normalized.range(of: "\n\n") { return (normalized[..<range.lowerBound], normalized[range.upperBound...]) }
            return (normalized[...], "")
        }()
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst()
        guard let firstSpace = requestLine.firstIndex(of: " "), let lastSpace = requestLine.range(of: " HTTP/", options: .backwards)
        else { throw RawRequestError(line: requestLine) }
        method = String(requestLine[..<firstSpace])
        let target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace.lowerBound])
        if let question = target.firstIndex(of: "?") {
            path = String(target[..<question])
            query = String(target[target.index(after: question)...])
        } else {
            path = target
            query = nil
        }
        headers = []
        for line in lines where !line.isEmpty {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw RawRequestError(line: line) }
            headers.append((name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
        }
        self.body = Data(body.utf8)
    }

    var signable: SignableRequest { SignableRequest(method: method, path: path, query: query, headers: headers, body: body) }
}

struct RawRequestError: Error, CustomStringConvertible {
    let line: String
    var description: String { "cannot parse raw request line '\(line)'" }
}

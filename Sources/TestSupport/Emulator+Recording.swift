import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One request as the emulator received it (moto's recorder), with the operation it names.
public struct EmulatorRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var target: String?
    public var body: String

    /// The operation: the JSON protocols' `X-Amz-Target` (after the dot), the query protocol's `Action`, else (S3's
    /// REST) the method and path.
    public var operation: String {
        if let target, let dot = target.lastIndex(of: ".") { return String(target[target.index(after: dot)...]) }
        let form = URLComponents(string: "http://x/?" + body)?.queryItems ?? []
        if let action = form.first(where: { $0.name == "Action" })?.value { return action }
        if let query = URLComponents(string: url)?.queryItems, let action = query.first(where: { $0.name == "Action" })?.value { return action }
        return "\(method) \(URLComponents(string: url)?.path ?? url)"
    }

    /// A read: an operation named Describe*, Get*, List* or Head*, or an S3 GET or HEAD.
    public var isRead: Bool {
        let name = operation
        if ["Describe", "Get", "List", "Head"].contains(where: { name.hasPrefix($0) }) { return true }
        return name.hasPrefix("GET ") || name.hasPrefix("HEAD ")
    }
}

extension Emulator {
    /// Starts moto's request recorder afresh: every request the emulator receives from now on is logged.
    public func startRecording() async throws {
        try await motoAPI("reset-recording", method: "POST")
        try await motoAPI("start-recording", method: "POST")
    }

    /// Stops the recorder and returns what it logged, in order.
    public func stopRecording() async throws -> [EmulatorRequest] {
        try await motoAPI("stop-recording", method: "POST")
        let data = try await motoAPI("download-recording", method: "GET")
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let headers = entry["headers"] as? [String: Any] ?? [:]
            let target = headers.first { $0.key.lowercased() == "x-amz-target" }?.value as? String
            var body = entry["body"] as? String ?? ""
            if entry["body_encoded"] as? Bool == true, let decoded = Data(base64Encoded: body) { body = String(decoding: decoded, as: UTF8.self) }
            return EmulatorRequest(method: entry["method"] as? String ?? "", url: entry["url"] as? String ?? "", target: target, body: body)
        }
    }

    @discardableResult
    private func motoAPI(_ path: String, method: String) async throws -> Data {
        var request = URLRequest(url: endpoint.appendingPathComponent("moto-api/recorder/\(path)"))
        request.httpMethod = method
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw EmulatorError.failed("emulator: /moto-api/recorder/\(path) answered \((response as? HTTPURLResponse)?.statusCode ?? 0)")
        }
        return data
    }
}

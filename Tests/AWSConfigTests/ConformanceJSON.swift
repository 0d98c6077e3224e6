import Foundation
import Testing
import TestSupport

/// Loads a conformance JSON file, or returns nil after skipping (notice printed) or failing (under CI).
func loadConformanceJSON(_ relativePath: String) throws -> Any? {
    switch ConformanceData.locate(relativePath) {
    case .available(let url):
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    case .skipped:
        return nil
    case .missingUnderCI(let message):
        Issue.record(Comment(rawValue: message))
        return nil
    }
}

/// `[String: String]` from a JSON object whose values are all strings (records an issue otherwise).
func stringMap(_ object: Any?, _ context: String) -> [String: String] {
    guard let object else { return [:] }
    guard let map = object as? [String: String] else {
        Issue.record("\(context): expected an object of strings, got \(object)")
        return [:]
    }
    return map
}

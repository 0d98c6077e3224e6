import Foundation

/// `seed_code/deploy_app/config/<stage>.json`: the stage's endpoint instances (see `config/schema.json`).
public struct EndpointStageConfig: Sendable, Equatable, Decodable {
    public var instanceType: String
    public var initialInstanceCount: Int
    public var variantName: String

    /// Reads and checks `<deployApp>/config/<stage>.json`; errors name the file and the key.
    public static func load(deployApp: URL, stage: String) throws -> EndpointStageConfig {
        let file = deployApp.appendingPathComponent("config").appendingPathComponent("\(stage).json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw PromoteError("\(file.path) is missing; it sets the \(stage) endpoint's instanceType, initialInstanceCount and variantName")
        }
        let config: EndpointStageConfig
        do {
            config = try JSONDecoder().decode(EndpointStageConfig.self, from: data)
        } catch {
            throw PromoteError("\(file.path) is not a valid endpoint config (\(Self.describe(error))); see config/schema.json")
        }
        let problems = config.problems.map { "\(file.path): \($0)" }
        guard problems.isEmpty else { throw PromoteError(problems) }
        return config
    }

    /// The schema's rules, one line each naming the key.
    public var problems: [String] {
        var problems: [String] = []
        if instanceType.range(of: #"^ml\.[a-z0-9]+\.[a-z0-9]+$"#, options: .regularExpression) == nil {
            problems.append("instanceType '\(instanceType)' is not a SageMaker instance type like ml.m5.large")
        }
        if !(1...100).contains(initialInstanceCount) { problems.append("initialInstanceCount \(initialInstanceCount) is not within 1...100") }
        if variantName.range(of: #"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$"#, options: .regularExpression) == nil {
            problems.append("variantName '\(variantName)' must be 1-63 letters, digits and hyphens")
        }
        return problems
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing key \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context): return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "not JSON"
        }
    }
}

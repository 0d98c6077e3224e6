import CFNTemplate
import Foundation

/// `seed_code/deploy_app/config/<stage>.json`: the stage's endpoint instances and data capture (see
/// `config/schema.json`, which the deploy app's `stage_config.py` also enforces: unknown keys are errors).
public struct EndpointStageConfig: Sendable, Equatable {
    public var instanceType: String
    public var initialInstanceCount: Int
    public var variantName: String
    /// Capture of requests and responses; nil when absent or `enabled: false`.
    public var dataCapture: EndpointDataCapture?

    static let keys: Set<String> = ["instanceType", "initialInstanceCount", "variantName", "dataCapture"]
    static let captureKeys: Set<String> = ["enabled", "samplingPercentage", "destinationS3Uri"]

    public init(instanceType: String, initialInstanceCount: Int, variantName: String, dataCapture: EndpointDataCapture? = nil) {
        self.instanceType = instanceType
        self.initialInstanceCount = initialInstanceCount
        self.variantName = variantName
        self.dataCapture = dataCapture
    }

    /// Reads and checks `<deployApp>/config/<stage>.json`; every problem is listed, each naming the file and the key.
    public static func load(deployApp: SeedCodeApp, stage: String) throws -> EndpointStageConfig {
        let file = deployApp.file("config/\(stage).json")
        guard let data = file.contents else {
            throw PromoteError("\(file.name) is missing; it sets the \(stage) endpoint's instanceType, initialInstanceCount and variantName")
        }
        guard let document = (try? JSONDecoder().decode(ConfigJSONValue.self, from: data))?.object else {
            throw PromoteError("\(file.name) is not a JSON object; see config/schema.json")
        }
        let (config, problems) = parse(document)
        guard let config, problems.isEmpty else { throw PromoteError(problems.map { "\(file.name): \($0)" }) }
        return config
    }

    /// The config of a decoded document, and every problem found in it (the config is nil when a key is unusable).
    static func parse(_ document: [String: ConfigJSONValue]) -> (EndpointStageConfig?, [String]) {
        var problems = Set(document.keys).subtracting(keys).sorted().map { "\($0): unknown key; allowed: \(keys.sorted().joined(separator: ", "))" }
        func string(_ key: String) -> String? {
            guard let value = document[key] else { problems.append("\(key): missing"); return nil }
            guard let text = value.string else { problems.append("\(key): must be a string"); return nil }
            return text
        }
        let instanceType = string("instanceType")
        let variantName = string("variantName")
        let count = document["initialInstanceCount"]?.integer
        if document["initialInstanceCount"] == nil {
            problems.append("initialInstanceCount: missing")
        } else if count == nil {
            problems.append("initialInstanceCount: must be an integer")
        }
        if let instanceType, instanceType.range(of: #"^ml\.[a-z0-9]+\.[a-z0-9]+$"#, options: .regularExpression) == nil {
            problems.append("instanceType '\(instanceType)' is not a SageMaker instance type like ml.m5.large")
        }
        if let count, !(1...100).contains(count) { problems.append("initialInstanceCount \(count) is not within 1...100") }
        if let variantName, variantName.range(of: #"^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$"#, options: .regularExpression) == nil {
            problems.append("variantName '\(variantName)' must be 1-63 letters, digits and hyphens")
        }
        let capture = parseCapture(document["dataCapture"], problems: &problems)
        guard let instanceType, let count, let variantName else { return (nil, problems) }
        return (EndpointStageConfig(instanceType: instanceType, initialInstanceCount: count, variantName: variantName, dataCapture: capture), problems)
    }

    private static func parseCapture(_ value: ConfigJSONValue?, problems: inout [String]) -> EndpointDataCapture? {
        guard let value else { return nil }
        guard let capture = value.object else {
            problems.append("dataCapture: must be an object")
            return nil
        }
        problems += Set(capture.keys).subtracting(captureKeys).sorted().map {
            "dataCapture.\($0): unknown key; allowed: \(captureKeys.sorted().joined(separator: ", "))"
        }
        guard let enabled = capture["enabled"]?.bool else {
            problems.append("dataCapture.enabled: missing or not true/false")
            return nil
        }
        var sampling = 100
        if let raw = capture["samplingPercentage"] {
            if let number = raw.integer, (1...100).contains(number) {
                sampling = number
            } else {
                problems.append("dataCapture.samplingPercentage: must be an integer within 1...100")
            }
        }
        let destination = capture["destinationS3Uri"]?.string
        if capture["destinationS3Uri"] != nil, destination == nil { problems.append("dataCapture.destinationS3Uri: must be a string") }
        if let destination, destination.range(of: #"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$"#, options: .regularExpression) == nil {
            problems.append("dataCapture.destinationS3Uri '\(destination)' is not s3://bucket[/prefix]")
        }
        guard enabled else { return nil }
        guard let destination else {
            problems.append("dataCapture.destinationS3Uri: required when dataCapture.enabled is true")
            return nil
        }
        return EndpointDataCapture(samplingPercentage: sampling, destinationS3Uri: destination)
    }
}

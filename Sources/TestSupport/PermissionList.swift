import AWSWire
import Foundation
import Testing

/// `docs/permissions.json`, the committed list of the IAM actions each verb sends, per stage and principal
/// (written by `scripts/generate-permissions`). A test hands it the requests a verb really sent; every action the
/// list lacks is a failure naming the verb, stage, principal and action, and the command that regenerates the list.
/// With `MLOPSCTL_PERMISSION_RECORDINGS=DIR` set (the generator sets it), the requests are also written there.
public struct PermissionList: Sendable {
    public static let path = ConformanceData.packageRoot.appendingPathComponent("docs/permissions.json")
    public static let recordingsVariable = "MLOPSCTL_PERMISSION_RECORDINGS"
    public static let regenerate = "scripts/generate-permissions"

    /// `verb|stage|principal|action` keys.
    public let keys: Set<String>

    public static func load() throws -> PermissionList {
        let data = try Data(contentsOf: path)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any], let rows = root["permissions"] as? [[String: Any]]
        else { throw Malformed(description: "\(path.path) has no \"permissions\" list; run \(regenerate)") }
        return PermissionList(keys: Set(rows.map { row in
            key(verb: row["verb"] as? String, stage: row["stage"] as? String, principal: row["principal"] as? String, action: row["action"] as? String)
        }))
    }

    /// What a role's ARN is called in the list: CDK bootstrap roles by their kind (`cdk-deploy-role`, the same in every
    /// account, region and qualifier), any other role by its name; `operator` stays as it is.
    public static func principalKind(_ principal: String) -> String {
        guard principal.hasPrefix("arn:"), let name = principal.split(separator: "/").last.map(String.init) else { return principal }
        let pattern = /^cdk-[A-Za-z0-9_-]+?-((?:deploy|cfn-exec|file-publishing|image-publishing|lookup)-role)-\d{12}-[a-z0-9-]+$/
        if let match = name.wholeMatch(of: pattern) { return "cdk-\(match.1)" }
        return "role/\(name)"
    }

    static func key(verb: String?, stage: String?, principal: String?, action: String?) -> String {
        "\(verb ?? "-")|\(stage ?? "-")|\(principal ?? "-")|\(action ?? "-")"
    }

    /// One line per action of `records` the list lacks; the profile's own credential steps are not the verb's.
    public func missing(_ records: [RequestRecord], scenario: String) -> [String] {
        var lines: [String] = []
        var seen: Set<String> = []
        for record in records where record.principal != RequestLabels.profileChainPrincipal {
            let principal = Self.principalKind(record.principal)
            for action in record.actions {
                let key = Self.key(verb: record.verb, stage: record.stage, principal: principal, action: action)
                guard !keys.contains(key), seen.insert(key).inserted else { continue }
                lines.append(
                    "\(scenario): \(record.verb ?? "?") sent \(action) (\(record.operation)) in \(record.stage ?? "no stage") as \(principal), "
                        + "which docs/permissions.json lacks; run \(Self.regenerate) and commit docs/")
            }
        }
        return lines
    }

    /// Saves each scenario's records (`save`), then, unless the generator is recording (the list is being rebuilt from
    /// these very records), records one test issue listing every action the committed list lacks.
    public static func check(_ scenarios: [(scenario: String, records: [RequestRecord])], sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        for (scenario, records) in scenarios { try save(records, scenario: scenario) }
        guard !isRecording else { return }
        let list = try load()
        let missing = scenarios.flatMap { list.missing($0.records, scenario: $0.scenario) }
        if !missing.isEmpty {
            Issue.record(Comment(rawValue: "\(missing.count) actions missing:\n" + missing.joined(separator: "\n")), sourceLocation: sourceLocation)
        }
    }

    /// Whether `MLOPSCTL_PERMISSION_RECORDINGS` is set: the generator is collecting recordings.
    public static var isRecording: Bool {
        !(ProcessInfo.processInfo.environment[recordingsVariable] ?? "").isEmpty
    }

    /// Writes `records` as JSON lines to `$MLOPSCTL_PERMISSION_RECORDINGS/<scenario>.jsonl` when that is set.
    public static func save(_ records: [RequestRecord], scenario: String) throws {
        guard let directory = ProcessInfo.processInfo.environment[recordingsVariable], !directory.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var text = Data()
        for record in records {
            text.append(try encoder.encode(record))
            text.append(UInt8(ascii: "\n"))
        }
        let name = scenario.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        try text.write(to: URL(fileURLWithPath: directory).appendingPathComponent(String(name) + ".jsonl"))
    }

    public struct Malformed: Error, CustomStringConvertible {
        public let description: String
    }
}

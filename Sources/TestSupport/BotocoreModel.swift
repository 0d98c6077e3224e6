import Foundation

/// A botocore `service-2.json` model, the authoritative shape of an AWS API, loaded from the Python
/// package installed on the machine (`botocore/data/<service>/<version>/service-2.json[.gz]`).
/// `MLOPSCTL_BOTOCORE_DATA` overrides where the data folder is.
public struct BotocoreModel: @unchecked Sendable {  // JSON dictionaries are immutable after load
    public let metadata: [String: Any]
    public let operations: [String: Any]
    public let shapes: [String: Any]

    public enum LoadResult {
        case loaded(BotocoreModel)
        case skipped(notice: String)
        case missingUnderCI(message: String)
    }

    /// Loads the newest API version of `service` (botocore's folder name, e.g. "sts", "s3", "ssm"), once per
    /// process: hundreds of model checks would otherwise each start python3 and gzip.
    public static func load(service: String) -> LoadResult {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached = cache[service] { return cached }
        let result = loadUncached(service: service)
        cache[service] = result
        return result
    }

    private nonisolated(unsafe) static var cache: [String: LoadResult] = [:]  // guarded by cacheLock
    private static let cacheLock = NSLock()

    private static func loadUncached(service: String) -> LoadResult {
        guard let dataDir = dataDirectory() else {
            let message = "botocore is not installed (python3 -c 'import botocore' failed); its service models check our requests"
            if ConformanceData.isCI { return .missingUnderCI(message: message) }
            FileHandle.standardError.write(Data(("NOTICE: skipping model checks: " + message + "\n").utf8))
            return .skipped(notice: message)
        }
        let serviceDir = dataDir.appendingPathComponent(service)
        guard let versions = try? FileManager.default.contentsOfDirectory(atPath: serviceDir.path), let newest = versions.sorted().last
        else { return .missingUnderCI(message: "no botocore model for service '\(service)' under \(dataDir.path)") }
        let base = serviceDir.appendingPathComponent(newest)
        do {
            let data = try readModel(base)
            guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                return .missingUnderCI(message: "botocore model for \(service) is not a JSON object")
            }
            return .loaded(
                BotocoreModel(
                    metadata: root["metadata"] as? [String: Any] ?? [:], operations: root["operations"] as? [String: Any] ?? [:],
                    shapes: root["shapes"] as? [String: Any] ?? [:]))
        } catch {
            return .missingUnderCI(message: "cannot read botocore model for \(service): \(error)")
        }
    }

    public func operation(_ name: String) -> [String: Any]? { operations[name] as? [String: Any] }
    public func shape(_ name: String) -> [String: Any]? { shapes[name] as? [String: Any] }
    public var protocolName: String { metadata["protocol"] as? String ?? "" }

    private static func readModel(_ base: URL) throws -> Data {
        let plain = base.appendingPathComponent("service-2.json")
        if FileManager.default.fileExists(atPath: plain.path) { return try Data(contentsOf: plain) }
        // Newer botocore ships the models gzipped; Foundation on Linux has no gunzip, gzip(1) does.
        return try run("/bin/sh", ["-c", "gzip -dc \"$0\"", base.appendingPathComponent("service-2.json.gz").path])
    }

    private static func dataDirectory() -> URL? {
        if let override = ProcessInfo.processInfo.environment["MLOPSCTL_BOTOCORE_DATA"], !override.isEmpty {
            return URL(fileURLWithPath: override)
        }
        let script = "import botocore, os; print(os.path.join(os.path.dirname(botocore.__file__), 'data'))"
        guard let output = try? run("/usr/bin/env", ["python3", "-c", script]),
            let path = String(data: output, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !path.isEmpty
        else { return nil }
        return URL(fileURLWithPath: path)
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProjectTools.environment()  // botocore is in the project's virtual environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ModelLoadError(command: executable) }
        return data
    }
}

struct ModelLoadError: Error, CustomStringConvertible {
    let command: String
    var description: String { "\(command) failed while loading a botocore model" }
}

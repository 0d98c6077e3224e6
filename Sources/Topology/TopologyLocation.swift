/// Where the topology file is, and why: `--topology PATH` beats `MLOPSCTL_TOPOLOGY`, which beats `./mlopsctl.yaml`.
public struct TopologyLocation: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// Given with `--topology PATH`.
        case flag
        /// Taken from the `MLOPSCTL_TOPOLOGY` environment variable.
        case environment
        /// The default `mlopsctl.yaml` in the current directory.
        case defaultFile
    }

    public static let environmentVariable = "MLOPSCTL_TOPOLOGY"
    public static let defaultFileName = "mlopsctl.yaml"

    /// Absolute path (relative inputs are resolved against the current directory given to `resolve`).
    public var path: String
    public var source: Source

    public init(path: String, source: Source) {
        self.path = path
        self.source = source
    }

    /// Picks the topology file. Empty values count as unset, as they do for AWS variables.
    /// - Parameters:
    ///   - explicit: the `--topology` value, if any.
    ///   - environment: the process environment (injected).
    ///   - currentDirectory: the directory relative paths are taken from.
    public static func resolve(explicit: String?, environment: [String: String], currentDirectory: String) -> TopologyLocation {
        if let explicit, !explicit.isEmpty {
            return TopologyLocation(path: absolute(explicit, in: currentDirectory), source: .flag)
        }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return TopologyLocation(path: absolute(fromEnvironment, in: currentDirectory), source: .environment)
        }
        return TopologyLocation(path: absolute(defaultFileName, in: currentDirectory), source: .defaultFile)
    }

    private static func absolute(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") { return path }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return path.hasPrefix("./") ? "\(base)/\(path.dropFirst(2))" : "\(base)/\(path)"
    }
}

import AWSConfig
import Foundation
import Topology

/// Steps every command shares before it talks to AWS.
enum CommandContext {
    /// `--topology` > `$MLOPSCTL_TOPOLOGY` > `./mlopsctl.yaml`, loaded and fully validated.
    static func loadTopology(_ options: GlobalOptions, environment: EnvironmentVariables) throws -> Topology {
        let location = TopologyLocation.resolve(
            explicit: options.topology, environment: environment.values, currentDirectory: FileManager.default.currentDirectoryPath)
        return try TopologyLoader.load(path: location.path)
    }
}

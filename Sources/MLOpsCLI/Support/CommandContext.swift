import AWSConfig
import Foundation
import Topology

/// Steps every command shares before it talks to AWS.
enum CommandContext {
    /// `--topology` > `$MLOPSCTL_TOPOLOGY` > `./mlopsctl.yaml`, loaded and fully validated. AWS_PROFILE and AWS_REGION
    /// fill a stage's missing profile or region with a note; where the file names them all, setting them draws a
    /// warning, since one run spans several accounts and a single profile cannot reach them all.
    static func loadTopology(_ options: GlobalOptions, environment: EnvironmentVariables, output: CommandOutput? = nil) throws -> Topology {
        let location = TopologyLocation.resolve(
            explicit: options.topology, environment: environment.values, currentDirectory: FileManager.default.currentDirectoryPath)
        let defaults = EnvironmentDefaults(environment: environment.values)
        let topology = try TopologyLoader.load(path: location.path, defaults: defaults)
        let output = output ?? CommandOutput(format: options.output == .jsonl ? .jsonl : .table, quiet: options.quiet, command: "")
        for note in topology.notes { output.note("note: \(note)") }
        if let profile = defaults.profile, !topology.notes.contains(where: { $0.hasSuffix(".profile is not set; using \(profile.variable)=\(profile.value)") }) {
            output.note(
                "warning: \(profile.variable)=\(profile.value) is ignored: every stage of \(location.path) names its own profile "
                    + "(one run reaches several accounts)")
        }
        if let region = defaults.region, !topology.notes.contains(where: { $0.hasSuffix(".region is not set; using \(region.variable)=\(region.value)") }) {
            output.note("warning: \(region.variable)=\(region.value) is ignored: \(location.path) sets every stage's region")
        }
        return topology
    }
}

import Foundation
import Yams

/// Reads and validates a topology file. Every problem found is thrown at once as a `TopologyError`
/// whose first line names the file.
public enum TopologyLoader {
    /// Loads the topology at `path`.
    /// - Throws: `TopologyError` when the file is missing, unreadable, not YAML, or breaks any rule.
    public static func load(path: String, defaults: EnvironmentDefaults = .none) throws -> Topology {
        guard FileManager.default.fileExists(atPath: path) else {
            throw TopologyError(file: path, problems: [TopologyProblem(
                path: "", message: "file not found; pass --topology PATH, set \(TopologyLocation.environmentVariable), "
                    + "or create ./\(TopologyLocation.defaultFileName)")])
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw TopologyError(file: path, problems: [TopologyProblem(
                path: "", message: "is a directory, not a file; pass --topology with the path of the YAML file itself")])
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw TopologyError(file: path, problems: [TopologyProblem(path: "", message: "cannot read the file: \(error.localizedDescription)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TopologyError(file: path, problems: [TopologyProblem(path: "", message: "the file is not UTF-8 text")])
        }
        return try parse(yaml: text, file: path, defaults: defaults)
    }

    /// Parses topology YAML held in memory; `file` is only used to name the source in errors.
    /// `defaults` (AWS_PROFILE, AWS_REGION) fill a stage's missing profile or region; `Topology.notes` says where.
    public static func parse(yaml: String, file: String = "<input>", defaults: EnvironmentDefaults = .none) throws -> Topology {
        if let key = AliasKeyScan.firstAliasKey(in: yaml) {
            throw TopologyError(file: file, problems: [TopologyProblem(
                path: "", message: "the alias \(key.alias) is used as a mapping key; a topology needs none: write the key out",
                line: key.line)])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw TopologyError(file: file, problems: [syntaxProblem(error)])
        }
        var reader = TopologyDocumentReader()
        reader.defaults = defaults
        reader.baseDirectory = file.hasPrefix("<") ? nil : URL(fileURLWithPath: file).deletingLastPathComponent().path
        guard var topology = reader.read(root) else {
            throw TopologyError(file: file, problems: reader.problems)
        }
        topology.notes = reader.notes
        return topology
    }

    /// Turns a Yams error into one problem with the line it points at.
    static func syntaxProblem(_ error: any Error) -> TopologyProblem {
        switch error {
        case let YamlError.scanner(context, problem, mark, _),
             let YamlError.parser(context, problem, mark, _),
             let YamlError.composer(context, problem, mark, _):
            let detail = context.map { "\(problem) (\($0.text) at line \($0.mark.line))" } ?? problem
            return TopologyProblem(path: "", message: "YAML syntax error at column \(mark.column): \(detail)", line: mark.line)
        case let YamlError.duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
            return TopologyProblem(path: "", message: "duplicate key \(keys); each key may appear once per mapping",
                                   line: context.mark.line)
        case let YamlError.reader(problem, _, _, _):
            return TopologyProblem(path: "", message: "YAML syntax error: \(problem)")
        default:
            return TopologyProblem(path: "", message: "YAML syntax error: \(error)")
        }
    }
}

/// The generator's command line (parsed by hand: this tool must not depend on any package).
struct GeneratorOptions {
    var type: String?
    var root: String?
    var output: String?
    var gitDir: String?
    var commonDir: String?
    var exclusions: [String] = []
    var paths: [String] = []

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" {
                paths += rest
                break
            }
            guard argument.hasPrefix("--") else {
                paths.append(argument)
                continue
            }
            guard let value = rest.popFirst() else { throw GeneratorError("\(argument) needs a value") }
            switch argument {
            case "--type": type = value
            case "--root": root = value
            case "--output": output = value
            case "--git-dir": gitDir = value
            case "--common-dir": commonDir = value
            case "--exclude": exclusions.append(value)
            default: throw GeneratorError("unknown option \(argument)")
            }
        }
    }

    func required(_ name: String, _ value: String?) throws -> String {
        guard let value, !value.isEmpty else { throw GeneratorError("--\(name) is required") }
        return value
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import Foundation

/// The inputs the seed's `cdk-account-setup.sh` writes into its `config/constants.py`: the four account ids and the
/// one deployment region, as top-level `NAME = "value"` lines. The file is Python source and is read as text, never
/// run: a needed name must be assigned once, at the top level, a plain string (single or double quotes, no escapes) or
/// a number, optionally followed by a comment. Everything else in the file is ignored.
public struct SeedConstants: Sendable, Equatable {
    /// The name `cdk-account-setup.sh` writes for each stage (the governance account is the seed's pipeline account).
    public static let accountNames: [Stage: String] = [
        .governance: "PIPELINE_ACCOUNT", .dev: "DEV_ACCOUNT", .preprod: "PREPROD_ACCOUNT", .prod: "PROD_ACCOUNT",
    ]
    public static let regionName = "DEFAULT_DEPLOYMENT_REGION"
    /// A constants file is a few hundred bytes; anything near this is not one.
    public static let maximumSize = 1 << 20

    /// A value read from the file, with its 1-based line.
    public struct Value: Sendable, Equatable {
        public var text: String
        public var line: Int
    }

    /// Why a needed name has no usable value; `location` is `file:line`, or the file when the name is missing.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var location: String
        public var message: String
        public var description: String { "\(location): \(message)" }
    }

    /// The file as named on the command line.
    public let path: String
    /// Each needed name with a valid value.
    public private(set) var values: [String: Value] = [:]
    /// Each needed name without one.
    public private(set) var problems: [String: Problem] = [:]

    /// The account of `stage`, or why there is none.
    public func account(_ stage: Stage) -> Result<Value, Problem> {
        result(Self.accountNames[stage]!)
    }

    public var region: Result<Value, Problem> { result(Self.regionName) }

    private func result(_ name: String) -> Result<Value, Problem> {
        if let value = values[name] { return .success(value) }
        return .failure(problems[name] ?? Problem(name: name, location: path, message: "no value for \(name)"))
    }

    /// Reads and parses `path`; throws `SeedConstantsError` when the file is not a readable text file.
    public static func read(path: String) throws -> SeedConstants {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SeedConstantsError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw SeedConstantsError(path: path, reason: "it is a directory, not the constants.py file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maximumSize {
            throw SeedConstantsError(path: path, reason: "it has \(size) bytes, far more than a constants file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SeedConstantsError(path: path, reason: "it cannot be read (check its permissions)")
        }
        if let zero = data.firstIndex(of: 0) {
            throw SeedConstantsError(path: path, reason: "it is not a text file (a NUL byte at offset \(zero - data.startIndex))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw SeedConstantsError(path: path, reason: "it is not UTF-8 text") }
        return parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) -> SeedConstants {
        var constants = SeedConstants(path: path)
        let needed = Set(accountNames.values).union([regionName])
        var found: [String: [Int]] = [:]
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        // `\r\n` is one Character in Swift, and a newline like `\n` and `\r`.
        for (index, content) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = index + 1
            guard let (name, rest, indented) = assignment(content), needed.contains(name) else { continue }
            found[name, default: []].append(line)
            let location = "\(path):\(line)"
            if indented {
                constants.problems[name] = Problem(
                    name: name, location: location, message: "\(name) is assigned inside a block; only top-level NAME = \"value\" lines are read")
                continue
            }
            switch literal(rest) {
            case .failure(let reason):
                constants.problems[name] = Problem(name: name, location: location, message: "\(name) \(reason)")
            case .success(let value):
                if let problem = valueProblem(name, value) {
                    constants.problems[name] = Problem(name: name, location: location, message: problem)
                } else {
                    constants.values[name] = Value(text: value, line: line)
                }
            }
        }
        for (name, lines) in found where lines.count > 1 {
            constants.values[name] = nil
            constants.problems[name] = Problem(
                name: name, location: "\(path):\(lines[1])",
                message: "\(name) is assigned \(lines.count) times (lines \(lines.map(String.init).joined(separator: ", "))); keep one")
        }
        for name in needed where found[name] == nil {
            // Since the seed's June 2023 release, config/accounts.json holds the dev, preprod and prod accounts.
            let elsewhere = [regionName, accountNames[.governance]!].contains(name) ? "" : "; newer seeds keep it in config/accounts.json"
            constants.problems[name] = Problem(
                name: name, location: path, message: "no \(name) = \"…\" line (cdk-account-setup.sh writes one\(elsewhere))")
        }
        return constants
    }

    /// `NAME = rest` or `NAME: type = rest` (not `==`); whether it is indented.
    static func assignment(_ line: Substring) -> (name: String, rest: Substring, indented: Bool)? {
        let indented = line.first?.isWhitespace == true
        var rest = line.drop { $0 == " " || $0 == "\t" }
        let name = rest.prefix { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        guard let first = name.first, !first.isNumber else { return nil }
        rest = rest.dropFirst(name.count).drop { $0 == " " || $0 == "\t" }
        if rest.first == ":" {  // an annotation: `NAME: str = "…"`
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            rest = rest[equals...]
        }
        guard rest.first == "=", rest.dropFirst().first != "=" else { return nil }
        return (String(name), rest.dropFirst().drop { $0 == " " || $0 == "\t" }, indented)
    }

    /// A single- or double-quoted string without escapes, or a decimal number (underscores allowed), then nothing but
    /// an optional comment.
    static func literal(_ text: Substring) -> Result<String, LiteralFailure> {
        let value: String
        var rest: Substring
        if let quote = text.first, quote == "\"" || quote == "'" {
            let inner = text.dropFirst()
            if inner.hasPrefix(String(repeating: quote, count: 2)) { return .failure(.notPlain("is a triple-quoted string")) }
            guard let end = inner.firstIndex(of: quote) else { return .failure(.notPlain("has no closing quote on its line")) }
            value = String(inner[..<end])
            if value.contains("\\") { return .failure(.notPlain("holds a backslash escape")) }
            rest = inner[inner.index(after: end)...]
        } else if let first = text.first, first.isASCII, first.isNumber {
            let digits = text.prefix { ($0.isASCII && $0.isNumber) || $0 == "_" }
            value = digits.replacingOccurrences(of: "_", with: "")
            rest = text.dropFirst(digits.count)
        } else {
            return .failure(.notPlain("is not a quoted string or a number"))
        }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard rest.isEmpty || rest.first == "#" else { return .failure(.notPlain("is followed by more than a comment")) }
        if value.contains(where: { $0.isNewline || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }) {
            return .failure(.notPlain("holds control characters"))
        }
        return .success(value)
    }

    enum LiteralFailure: Error, CustomStringConvertible {
        case notPlain(String)
        var description: String {
            switch self {
            case .notPlain(let reason): return "\(reason) (the file is read, never run: write the value in quotes)"
            }
        }
    }

    static func valueProblem(_ name: String, _ value: String) -> String? {
        if value.isEmpty { return "\(name) is empty (cdk-account-setup.sh has not filled it in)" }
        let problem = name == regionName ? TopologyFormats.regionProblem(value) : TopologyFormats.accountProblem(value)
        return problem.map { "\(name) \($0)" }
    }
}

/// The constants file cannot be read as text. One line naming the file and the fix.
public struct SeedConstantsError: Error, CustomStringConvertible, Sendable, Equatable {
    public let path: String
    public let reason: String
    public var description: String {
        "cannot read \(path): \(reason); pass the seed's mlops_sm_project_template/config/constants.py to --from-seed-constants"
    }
}

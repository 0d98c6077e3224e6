import Yams

/// Walks a composed YAML tree and turns it into a `Topology`, collecting every problem on the way
/// instead of stopping at the first one. Working on `Node`s (not `Decodable`) keeps line numbers and
/// lets us tell `"0123…"` (a string) from `0123…` (a number that already lost its zeros).
struct TopologyDocumentReader {
    private(set) var problems: [TopologyProblem] = []
    /// The folder of the topology file, for relative paths inside it (policy documents).
    var baseDirectory: String?
    /// AWS_PROFILE / AWS_REGION, for a stage that names no profile or region.
    var defaults = EnvironmentDefaults.none
    /// One line per gap the defaults filled (`stages.dev.profile: not set; using AWS_PROFILE=ops`).
    private(set) var notes: [String] = []

    /// The topology, or nil when any problem was found (then `problems` is not empty).
    mutating func read(_ root: Node?) -> Topology? {
        guard let root else {
            report("", "the file is empty; expected version, region, qualifier and stages", nil as Mark?)
            return nil
        }
        guard let document = mapping(root, at: "") else { return nil }
        checkKeys(of: document, at: "", known: TopologyKeys.topLevel)

        let version = readVersion(document)
        let region = document["region"].flatMap { string($0, at: "region") }
        if let region, let problem = TopologyFormats.regionProblem(region) { report("region", problem, document["region"]) }
        let qualifier = document["qualifier"].flatMap { string($0, at: "qualifier") }
        if let qualifier, let problem = TopologyFormats.qualifierProblem(qualifier) {
            report("qualifier", problem, document["qualifier"])
        }
        // A misspelt top-level `region` (`regoin:`) is reported once as an unknown key with its suggestion; listing
        // every stage's region as missing too would bury that one line.
        let misspeltRegion = document.keys.contains { key in
            key.scalar.map { $0.string != "region" && EditDistance.suggestion(for: $0.string, among: TopologyKeys.topLevel) == "region" } ?? false
        }
        // Read before the stages: a stage without a profile of its own is reached through the organization.
        var organization = readOrganization(document)
        let reach = StageReach(hasOrganization: document["organization"] != nil, organization: organization)
        let stages = readStages(
            document, defaultRegion: region, hasDefaultRegion: document["region"] != nil || misspeltRegion, reach: reach)
        if organization != nil { resolveOrganizationRegions(&organization!, document, defaultRegion: region, stages: stages) }
        let trust = readTrust(document)
        let executionPolicies = readExecutionPolicies(document, baseDirectory: baseDirectory)
        let bootstrap = readBootstrap(document)
        let catalog = readCatalog(document)
        let project = readProject(document)

        guard problems.isEmpty, let version, let stages else { return nil }
        return Topology(
            version: version, region: region, qualifier: qualifier ?? Topology.defaultQualifier, stages: stages, trust: trust,
            executionPolicies: executionPolicies, bootstrap: bootstrap, catalog: catalog, project: project,
            organization: organization)
    }

    // MARK: - Sections

    private mutating func readVersion(_ document: Node.Mapping) -> Int? {
        guard let node = document["version"] else {
            report("version", "missing; add `version: \(Topology.supportedVersion)` at the top", document.mark)
            return nil
        }
        guard let scalar = node.scalar, scalar.style == .plain, let number = Self.plainInteger(scalar.string) else {
            report("version", "expected the number \(Topology.supportedVersion), got \(describe(node))", node)
            return nil
        }
        guard Topology.supportedVersions.contains(number) else {
            let supported = Topology.supportedVersions.map(String.init).joined(separator: ", ")
            let fix = number > Topology.supportedVersion
                ? "the file was written for a newer mlopsctl: upgrade mlopsctl" : "write `version: \(Topology.supportedVersion)`"
            report("version", "unsupported version \(number); this mlopsctl reads versions: \(supported); \(fix)", node)
            return nil
        }
        return number
    }

    /// How a stage without `profile` is reached: through the organization's profile and access role, if the file has
    /// an `organization:` section (nil settings when that section is itself broken, already reported).
    struct StageReach {
        var hasOrganization: Bool
        var organization: OrganizationSettings?
    }

    private mutating func readStages(
        _ document: Node.Mapping, defaultRegion: String?, hasDefaultRegion: Bool, reach: StageReach
    ) -> [StageConfig]? {
        guard let node = document["stages"] else {
            report("stages", "missing; list the stages \(Self.stageList)", document.mark)
            return nil
        }
        guard let stages = mapping(node, at: "stages") else { return nil }
        for (key, _) in stages {
            guard let name = key.scalar?.string, Stage(rawValue: name) == nil else { continue }
            let hint = EditDistance.hint(for: name, among: Stage.allCases.map(\.rawValue))
            report("stages.\(name)", "unknown stage\(hint); the stages are \(Self.stageList)", key)
        }
        reportNonStringKeys(of: stages, at: "stages")

        var configs: [StageConfig] = []
        for stage in Stage.allCases {
            let path = "stages.\(stage.rawValue)"
            guard let stageNode = stages[stage.rawValue] else {
                report(path, "missing; every topology defines \(Self.stageList)", keyMark(of: "stages", in: document))
                continue
            }
            let config = readStage(
                stage, stageNode, at: path, defaultRegion: defaultRegion, hasDefaultRegion: hasDefaultRegion, reach: reach)
            if let config { configs.append(config) }
        }
        return configs.count == Stage.allCases.count ? configs : nil
    }

    private mutating func readStage(
        _ stage: Stage, _ node: Node, at path: String, defaultRegion: String?, hasDefaultRegion: Bool, reach: StageReach
    ) -> StageConfig? {
        guard let fields = mapping(node, at: path) else { return nil }
        checkKeys(of: fields, at: path, known: TopologyKeys.stage)

        let account = readAccount(fields, at: "\(path).account")
        var profile: String?
        var organizationRole: String?
        if let profileNode = fields["profile"] {
            profile = string(profileNode, at: "\(path).profile")
            if let value = profile, let problem = TopologyFormats.profileProblem(value) {
                report("\(path).profile", problem, profileNode)
                profile = nil
            }
        } else if reach.hasOrganization {
            profile = reach.organization?.profile
            organizationRole = reach.organization?.accessRole
        } else if let fallback = defaults.profile, TopologyFormats.profileProblem(fallback.value) == nil {
            profile = fallback.value
            notes.append("\(path).profile is not set; using \(fallback.variable)=\(fallback.value)")
        } else {
            report("\(path).profile", "missing; name the AWS profile that reaches this account, export AWS_PROFILE, or add an "
                + "organization: section to reach it through the organization's access role", fields.mark)
        }
        var region = defaultRegion
        if let regionNode = fields["region"] {
            region = string(regionNode, at: "\(path).region")
            if let value = region, let problem = TopologyFormats.regionProblem(value) {
                report("\(path).region", problem, regionNode)
                region = nil
            }
        } else if !hasDefaultRegion, let fallback = defaults.region, TopologyFormats.regionProblem(fallback.value) == nil {
            region = fallback.value
            notes.append("\(path).region is not set; using \(fallback.variable)=\(fallback.value)")
        } else if !hasDefaultRegion {
            report("\(path).region", "missing; set region here or a top-level region, or export AWS_REGION", fields.mark)
        }
        guard let account, let profile, let region else { return nil }
        return StageConfig(stage: stage, account: account, profile: profile, region: region, organizationRole: organizationRole)
    }

    // Yams' `Node.int` traps on a YAML 1.1 base-60 number that overflows (`version: 2222:2222:…`, found by fuzzing):
    // numbers are read from the scalar's text here instead.

    /// A decimal integer, or nil (also for one too large for Int).
    static func plainInteger(_ text: String) -> Int? { Int(text) }

    /// Whether YAML would read this plain scalar as a number (decimal, float, base 60, hex, octal).
    static func looksNumeric(_ text: String) -> Bool {
        guard let first = text.first, first.isASCIIDigit || ((first == "-" || first == "+" || first == ".") && text.count > 1) else {
            return false
        }
        let lower = text.lowercased()
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") { return true }
        return lower.allSatisfy { $0.isASCIIDigit || "_:.+-e".contains($0) }
    }

    private mutating func readAccount(_ fields: Node.Mapping, at path: String) -> String? {
        guard let node = fields["account"] else {
            report(path, "missing; add the stage's 12-digit AWS account id in quotes", fields.mark)
            return nil
        }
        return accountId(node, at: path)
    }

    /// A quoted 12-digit account id (a stage's `account`, an item of an organization target's `accounts`).
    mutating func accountId(_ node: Node, at path: String) -> String? {
        // An unquoted number has already lost any leading zeros, so even 12 digits cannot be trusted.
        if let scalar = node.scalar, scalar.style == .plain, Self.looksNumeric(scalar.string) {
            report(path, "\(scalar.string) is an unquoted number; quote account ids (\"\(scalar.string)\") so leading zeros are kept", node)
            return nil
        }
        guard let value = string(node, at: path) else { return nil }
        if let problem = TopologyFormats.accountProblem(value) {
            report(path, problem, node)
            return nil
        }
        return value
    }

    // MARK: - Node helpers

    static let stageList = Stage.allCases.map(\.rawValue).joined(separator: ", ")

    /// Where `key` itself is written (its value may start on a later line).
    private func keyMark(of key: String, in mapping: Node.Mapping) -> Mark? {
        mapping.keys.first { $0.scalar?.string == key }?.mark
    }

    mutating func mapping(_ node: Node, at path: String) -> Node.Mapping? {
        if let mapping = node.mapping { return mapping }
        report(path, "expected a mapping of keys, got \(describe(node))", node)
        return nil
    }

    /// The text of a scalar; lists, mappings and empty values are reported.
    mutating func string(_ node: Node, at path: String) -> String? {
        guard let scalar = node.scalar else {
            report(path, "expected a string, got \(describe(node))", node)
            return nil
        }
        if scalar.style == .plain, node.null != nil {
            report(path, "is empty; expected a string", node)
            return nil
        }
        return scalar.string
    }

    mutating func checkKeys(of mapping: Node.Mapping, at path: String, known: [String]) {
        for (key, _) in mapping {
            guard let name = key.scalar?.string, !known.contains(name) else { continue }
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            if let advice = TopologyKeys.misplaced[name] {
                report(keyPath, advice, key)
            } else {
                let hint = EditDistance.hint(for: name, among: known)
                report(keyPath, "unknown key\(hint); expected one of \(known.joined(separator: ", "))", key)
            }
        }
        reportNonStringKeys(of: mapping, at: path)
    }

    mutating func reportNonStringKeys(of mapping: Node.Mapping, at path: String) {
        for (key, _) in mapping where key.scalar == nil {
            report(path, "keys must be plain names, got \(describe(key))", key)
        }
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if scalar.style == .plain, node.null != nil { return "an empty value" }
            return scalar.style == .plain && scalar.string.count <= 64 ? scalar.string : TopologyFormats.quoted(scalar.string)
        }
    }

    mutating func report(_ path: String, _ message: String, _ node: Node?) {
        report(path, message, node?.mark)
    }

    mutating func report(_ path: String, _ message: String, _ mark: Mark?) {
        problems.append(TopologyProblem(path: path, message: message, line: mark?.line))
    }
}

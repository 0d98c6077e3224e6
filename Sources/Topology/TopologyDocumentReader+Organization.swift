import Yams

/// The optional `organization` section: its profile, access role, regions, auto-deployment and targets.
extension TopologyDocumentReader {
    /// `organization: { profile, accessRole, regions, autoDeployment, retainStacksOnAccountRemoval, preferences, targets }`.
    /// nil when absent, or when it is too broken to reach anything (not a mapping, no usable profile). `regions` stays
    /// empty when not written; `resolveOrganizationRegions` fills it once the stages are known.
    mutating func readOrganization(_ document: Node.Mapping) -> OrganizationSettings? {
        guard let node = document["organization"], let fields = mapping(node, at: "organization") else { return nil }
        checkKeys(of: fields, at: "organization", known: TopologyKeys.organization)

        var profile: String?
        if let profileNode = fields["profile"] {
            profile = string(profileNode, at: "organization.profile")
            if let value = profile, let problem = TopologyFormats.profileProblem(value) {
                report("organization.profile", problem, profileNode)
                profile = nil
            }
        } else {
            report("organization.profile", "missing; name the AWS profile of the management account or of a delegated "
                + "administrator for StackSets", fields.mark)
        }
        var accessRole = OrganizationSettings.defaultAccessRole
        if let roleNode = fields["accessRole"], let value = string(roleNode, at: "organization.accessRole") {
            if let problem = TopologyFormats.roleNameProblem(value) {
                report("organization.accessRole", problem, roleNode)
            } else {
                accessRole = value
            }
        }
        let regions = fields["regions"].map { readRegionList($0, at: "organization.regions", allowEmpty: false) } ?? []
        let autoDeployment = fields["autoDeployment"].flatMap { bool($0, at: "organization.autoDeployment") } ?? true
        let retain = fields["retainStacksOnAccountRemoval"]
            .flatMap { bool($0, at: "organization.retainStacksOnAccountRemoval") } ?? false
        let preferences = fields["preferences"].map { readPreferences($0) } ?? .defaults
        let targets = readTargets(fields)

        guard let profile else { return nil }
        return OrganizationSettings(
            profile: profile, accessRole: accessRole, regions: regions, autoDeployment: autoDeployment,
            retainStacksOnAccountRemoval: retain, preferences: preferences, targets: targets)
    }

    /// Without `regions:`, the stack sets deploy in the top-level region, else in the governance stage's region; then
    /// `preferences.regionOrder` may only name those regions.
    mutating func resolveOrganizationRegions(
        _ organization: inout OrganizationSettings, _ document: Node.Mapping, defaultRegion: String?, stages: [StageConfig]?
    ) {
        if organization.regions.isEmpty {
            guard let region = defaultRegion ?? stages?.first(where: { $0.stage == .governance })?.region else { return }
            organization.regions = [region]
        }
        let orderNodes = document["organization"]?.mapping?["preferences"]?.mapping?["regionOrder"]?.sequence
        for region in organization.preferences.regionOrder where !organization.regions.contains(region) {
            let node = orderNodes?.first { $0.scalar?.string == region }
            report("organization.preferences.regionOrder", "\(TopologyFormats.quoted(region)) is not one of the organization's "
                + "regions (\(organization.regions.joined(separator: ", "))); add it to organization.regions or remove it", node)
        }
    }

    /// `targets: { dev|preprod|prod: { organizationalUnits: [...], accounts: [...] } }`, in stage order.
    private mutating func readTargets(_ fields: Node.Mapping) -> [OrganizationTarget] {
        let roles = OrganizationTarget.stages.map(\.rawValue).joined(separator: ", ")
        guard let node = fields["targets"] else {
            report("organization.targets", "missing; list the organizationalUnits or accounts of \(roles)", fields.mark)
            return []
        }
        guard let entries = mapping(node, at: "organization.targets") else { return [] }
        reportNonStringKeys(of: entries, at: "organization.targets")
        var targets: [OrganizationTarget] = []
        // Each OU or account gets one stage role: a second would deploy a second bootstrap stack with the same names.
        var roleOf: [String: Stage] = [:]
        for (key, value) in entries {
            guard let name = key.scalar?.string else { continue }
            let path = "organization.targets.\(name)"
            if name == Stage.governance.rawValue {
                report(path, "governance is the one shared account in stages, not an organization target; targets are \(roles)", key)
                continue
            }
            guard let stage = Stage(rawValue: name) else {
                let hint = EditDistance.hint(for: name, among: OrganizationTarget.stages.map(\.rawValue))
                report(path, "unknown stage role\(hint); targets are \(roles)", key)
                continue
            }
            guard let target = readTarget(stage, value, at: path, roleOf: &roleOf) else { continue }
            targets.append(target)
        }
        if entries.isEmpty {
            report("organization.targets", "is empty; list the organizationalUnits or accounts of \(roles)", node)
        }
        return targets.sorted { $0.stage < $1.stage }
    }

    private mutating func readTarget(_ stage: Stage, _ node: Node, at path: String, roleOf: inout [String: Stage]) -> OrganizationTarget? {
        guard let fields = mapping(node, at: path) else { return nil }
        checkKeys(of: fields, at: path, known: TopologyKeys.organizationTarget)
        var target = OrganizationTarget(stage: stage)
        if let unitsNode = fields["organizationalUnits"] {
            target.organizationalUnits = readIdList(unitsNode, at: "\(path).organizationalUnits", kind: "organizational unit",
                                                    stage: stage, roleOf: &roleOf) { reader, item, itemPath in
                guard let value = reader.string(item, at: itemPath) else { return nil }
                if let problem = TopologyFormats.organizationalUnitProblem(value) {
                    reader.report(itemPath, problem, item)
                    return nil
                }
                return value
            }
        }
        if let accountsNode = fields["accounts"] {
            target.accounts = readIdList(accountsNode, at: "\(path).accounts", kind: "account", stage: stage, roleOf: &roleOf) {
                reader, item, itemPath in reader.accountId(item, at: itemPath)
            }
        }
        // An empty target is surely unfinished; keeping it out means every loaded target deploys somewhere.
        if target.organizationalUnits.isEmpty, target.accounts.isEmpty, !hasProblems(under: path) {
            report(path, "lists no organizational unit or account; add organizationalUnits or accounts, or remove \(stage.rawValue)", node)
        }
        return target
    }

    /// A list of OU or account ids: each valid (`parse`), none twice in the list, none already under another stage role.
    private mutating func readIdList(
        _ node: Node, at path: String, kind: String, stage: Stage, roleOf: inout [String: Stage],
        parse: (inout TopologyDocumentReader, Node, String) -> String?
    ) -> [String] {
        guard let items = node.sequence else {
            report(path, "expected a list of \(kind) ids, got \(describe(node))", node)
            return []
        }
        var ids: [String] = []
        var seen: Set<String> = []
        for item in items {
            guard let id = parse(&self, item, path) else { continue }
            if !seen.insert(id).inserted {
                report(path, "\(TopologyFormats.quoted(id)) is listed twice", item)
            } else if let other = roleOf[id], other != stage {
                report(path, "\(kind) \(TopologyFormats.quoted(id)) is already a \(other.rawValue) target; each \(kind) has "
                    + "one stage role", item)
            } else {
                roleOf[id] = stage
                ids.append(id)
            }
        }
        return ids
    }

    /// A list of unique, valid region names.
    mutating func readRegionList(_ node: Node, at path: String, allowEmpty: Bool) -> [String] {
        guard let items = node.sequence, allowEmpty || !items.isEmpty else {
            report(path, "expected a non-empty list of regions (e.g. [us-east-1, eu-west-1]), got \(describe(node))", node)
            return []
        }
        var regions: [String] = []
        for item in items {
            guard let region = string(item, at: path) else { continue }
            if let problem = TopologyFormats.regionProblem(region) {
                report(path, problem, item)
            } else if regions.contains(region) {
                report(path, "\(TopologyFormats.quoted(region)) is listed twice", item)
            } else {
                regions.append(region)
            }
        }
        return regions
    }

    /// `true` or `false`, written plainly (a quoted "true" is a string).
    mutating func bool(_ node: Node, at path: String) -> Bool? {
        if let value = node.bool, node.scalar?.style == .plain { return value }
        report(path, "expected true or false, got \(describe(node))", node)
        return nil
    }

    private func hasProblems(under path: String) -> Bool {
        problems.contains { $0.path == path || $0.path.hasPrefix(path + ".") }
    }
}

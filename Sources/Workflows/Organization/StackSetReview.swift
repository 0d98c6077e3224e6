import AWSServices
import Topology

/// What one stack set needs, worked out with read-only calls: created, updated (and why), instances to add for members
/// that have none, instances to deploy again (OUTDATED: a failed or interrupted operation), and instances outside the
/// targets (reported, never deleted by bootstrap).
struct StackSetReview: Sendable {
    let spec: StackSetSpec
    let existing: StackSetDescription?
    let live: [StackInstanceSummary]
    /// Why the stack set itself must change: `["created"]` when it does not exist, else each differing setting.
    let changes: [String]
    /// Targeted OUs the stack set does not target yet (every account there is new).
    let newUnits: [String]
    /// Members without an instance in some region, outside `newUnits`.
    let missing: [OrganizationMember]
    let outdated: [StackInstanceKey]
    let extra: [StackInstanceKey]
    let regions: [String]

    var isCreate: Bool { existing == nil }
    var changesStackSet: Bool { !changes.isEmpty }
    /// Whether applying this review sends any mutating request.
    var mutates: Bool { changesStackSet || !newUnits.isEmpty || !missing.isEmpty || !outdated.isEmpty }

    init(spec: StackSetSpec, existing: StackSetDescription?, live: [StackInstanceSummary], members: [OrganizationMember],
         target: OrganizationTarget, settings: OrganizationSettings)
    {
        self.spec = spec
        self.existing = existing
        self.live = live
        self.regions = settings.regions
        var changes: [String] = []
        if let existing {
            if existing.templateBody != spec.templateBody { changes.append("template") }
            let parameters = spec.parameters.keys.sorted().filter { existing.parameters[$0] != spec.parameters[$0] }
            if !parameters.isEmpty { changes.append("parameters " + parameters.joined(separator: ", ")) }
            if Dictionary(existing.tags.map { ($0.key, $0.value) }) { first, _ in first } != spec.tags { changes.append("tags") }
            if existing.autoDeployment?.enabled != settings.autoDeployment
                || (settings.autoDeployment && existing.autoDeployment?.retainStacksOnAccountRemoval != settings.retainStacksOnAccountRemoval)
            {
                changes.append("auto-deployment")
            }
        } else {
            changes.append("created")
        }
        self.changes = changes

        let liveKeys = Set(live.map { StackInstanceKey(account: $0.account, region: $0.region) })
        // The OUs the stack set targets (AWS lists them on the stack set, and each instance names its OU). A target OU it does
        // not know yet is deployed whole, so that auto-deployment covers the OU from now on.
        let targeted = Set((existing?.organizationalUnitIds ?? []) + live.compactMap(\.organizationalUnitId))
        self.newUnits = target.organizationalUnits.filter { !targeted.contains($0) }
        let newUnitSet = Set(newUnits)
        self.missing = members.filter { member in
            !(member.viaOrganizationalUnit && newUnitSet.contains(member.unit))
                && settings.regions.contains { !liveKeys.contains(StackInstanceKey(account: member.account, region: $0)) }
        }
        self.outdated = live.filter { $0.status == .outdated }
            .map { StackInstanceKey(account: $0.account, region: $0.region) }.sorted()
        let wanted = Set(members.flatMap { member in settings.regions.map { StackInstanceKey(account: member.account, region: $0) } })
        self.extra = liveKeys.subtracting(wanted).sorted()
    }
}

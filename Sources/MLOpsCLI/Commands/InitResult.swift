import Topology

/// `init --output json`: the file written, whether its profiles were checked, the next command, and what it says.
struct InitResult: Encodable {
    struct StageEntry: Encodable {
        let stage: String
        let account: String
        let profile: String
        let region: String
    }

    let file: String
    let verified: Bool
    /// The line telling the user what to run next (`next: mlopsctl bootstrap --dry-run`).
    let next: String
    let qualifier: String
    let via: String
    let stages: [StageEntry]

    init(file: String, verified: Bool, next: String, topology: Topology) {
        self.file = file
        self.verified = verified
        self.next = next
        qualifier = topology.qualifier
        via = topology.project.via.rawValue
        stages = topology.stages.map { StageEntry(stage: $0.stage.rawValue, account: $0.account, profile: $0.profile, region: $0.region) }
    }
}

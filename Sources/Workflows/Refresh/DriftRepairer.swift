import AWSServices
import Foundation

/// Puts back, in the stacks a verb owns, what was changed outside mlopsctl that CloudFormation would never restore by
/// itself (it does not notice): a deleted SSM parameter or bucket, a trust policy or managed-policy attachment edited
/// by hand, an inline policy widened by hand, a bucket's versioning, encryption, public access block or policy. Reads first (as refresh does), then
/// makes only the calls the drift needs; a stack's tags are the deployer's business (it compares them on every run).
struct DriftRepairer: Sendable {
    let session: AWSSession
    let account: String
    let region: String

    /// The resource types with repairs; others are not even read.
    static let repairableTypes: Set<String> = [
        "AWS::S3::Bucket", "AWS::S3::BucketPolicy", "AWS::IAM::Role", "AWS::IAM::Policy", "AWS::SSM::Parameter",
    ]

    /// Inspects `stackName` and, unless `dryRun`, applies the repairs its drift calls for, in order (a bucket before
    /// its settings). Returns one line per repair: "would …" in a dry run, else what was done. A stack that does not
    /// exist has nothing to repair.
    /// `known`: the stack as the verb just left it (it is then not read again).
    func repair(stackName: String, dryRun: Bool, known: DeployedStack? = nil) async throws -> [String] {
        let inspector = StackInspector(session: session, account: account, region: region)
        let inspection = try await inspector.inspect(stackName: stackName, intent: nil, types: Self.repairableTypes, known: known)
        let repairs = inspection.resources.keys.sorted().flatMap { id -> [DriftRepair] in
            let verdict = inspection.resources[id]!
            return verdict.drift.isDrift ? verdict.repairs : []
        }
        let ordered = repairs.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
        if dryRun { return ordered.map { "would \($0.summary)" } }
        var done: [String] = []
        for repair in ordered {
            do {
                try await repair.apply(session)
            } catch {
                throw DriftRepairFailure(stack: stackName, repair: repair, done: done, underlying: error)
            }
            done.append(repair.summary)
        }
        return done
    }
}

/// A repair call failed; `done` lists the ones made before it.
struct DriftRepairFailure: Error, CustomStringConvertible {
    let stack: String
    let repair: DriftRepair
    let done: [String]
    let underlying: any Error

    var description: String {
        "could not \(repair.summary) (stack \(stack)): \(underlying)" + (done.isEmpty ? "" : "; repaired before it: \(done.joined(separator: "; "))")
    }
}

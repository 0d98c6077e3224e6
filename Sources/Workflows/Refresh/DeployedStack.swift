import AWSServices
import Synchronization

/// A stack as a verb just left it: what DescribeStacks, its template and ListStackResources say. The drift check
/// that follows a deployment starts from it instead of reading the stack a second time.
struct DeployedStack: Sendable {
    var description: StackDescription
    /// The template CloudFormation holds now (the one just deployed, or the same one found unchanged).
    var templateBody: String
    var resources: [StackResourceSummary]
}

/// The stacks one `StackApplier` deployed or confirmed in this run, by name.
final class DeployedStacks: Sendable {
    private let stacks = Mutex<[String: DeployedStack]>([:])

    func record(_ stack: DeployedStack) {
        stacks.withLock { $0[stack.description.stackName] = stack }
    }

    subscript(name: String) -> DeployedStack? {
        stacks.withLock { $0[name] }
    }
}

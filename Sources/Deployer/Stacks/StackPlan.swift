import AWSServices

/// What `StackDeployer.plan(_:known:)` found: the change it judged, and the stack it judged it on, so that
/// `deploy(_:)` of this plan acts on it without reading the stack again (a blocked stack is still waited out first).
public struct StackPlan: Sendable {
    public let deployment: StackDeployment
    let assessment: StackDeployer.Assessment

    public var change: StackChange { assessment.change }

    /// The deployed stack as read (nil when it does not exist).
    public var stack: StackDescription? {
        switch assessment {
        case .create: nil
        case .none(let stack), .update(let stack, _, _), .recreate(let stack, _), .blocked(let stack): stack
        }
    }
}

/// The pseudo parameters CloudFormation defines in every stack; `Ref` to them needs no declaration.
public enum PseudoParameter: String, CaseIterable, Sendable {
    case accountId = "AWS::AccountId"
    case notificationARNs = "AWS::NotificationARNs"
    case noValue = "AWS::NoValue"
    case partition = "AWS::Partition"
    case region = "AWS::Region"
    case stackId = "AWS::StackId"
    case stackName = "AWS::StackName"
    case urlSuffix = "AWS::URLSuffix"

    /// Every pseudo parameter name, for reference checks.
    public static let names: Set<String> = Set(allCases.map(\.rawValue))
}

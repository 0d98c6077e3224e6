/// One emulated account and the profile (in the emulator's config files) that reaches it.
public struct EmulatorAccount: Sendable, Equatable {
    /// `governance`, `dev`, `preprod` or `prod`.
    public var stage: String
    /// e.g. `local-dev`.
    public var profile: String
    /// The 12-digit account id.
    public var accountID: String

    public init(stage: String, profile: String, accountID: String) {
        self.stage = stage
        self.profile = profile
        self.accountID = accountID
    }

    /// The organization's management account (`local-management`) when an emulator has one; not a stage.
    public static let managementAccountID = "555555555555"

    /// The accounts `scripts/local_aws_setup.py` creates by default, in stage order.
    public static let defaults: [EmulatorAccount] = [
        ("governance", "111111111111"), ("dev", "222222222222"), ("preprod", "333333333333"), ("prod", "444444444444"),
    ].map { EmulatorAccount(stage: $0.0, profile: "local-\($0.0)", accountID: $0.1) }
}

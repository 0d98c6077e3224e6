import Foundation

/// A session cannot be built from the configuration. One line naming the profile and the fix.
public struct AWSSessionError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Neither `--region`, `AWS_REGION`, `AWS_DEFAULT_REGION` nor the profile's `region` is set.
        case missingRegion
    }

    public var kind: Kind
    public var profile: String
    public var description: String

    public static func missingRegion(profile: String, profileExists: Bool) -> AWSSessionError {
        let section = profile == "default" ? "[default]" : "[profile \(profile)]"
        let fix =
            profileExists
            ? "add `region = <region>` to \(section) in ~/.aws/config, or export AWS_REGION"
            : "the profile does not exist; export AWS_REGION, or create \(section) with a region in ~/.aws/config"
        return AWSSessionError(kind: .missingRegion, profile: profile, description: "profile '\(profile)' has no region; \(fix)")
    }
}

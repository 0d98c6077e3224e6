import Foundation

/// The region a client uses: explicit (e.g. `--region`) > `AWS_REGION` > `AWS_DEFAULT_REGION` > profile `region`.
/// botocore reads only `AWS_DEFAULT_REGION`; smithy-rs and most SDKs read `AWS_REGION` first, and so do we.
public enum RegionResolver {
    public static func resolve(explicit: String? = nil, environment: EnvironmentVariables, profile: Profile?) -> String? {
        if let explicit, !explicit.isEmpty { return explicit }
        if let region = environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] { return region }
        if let region = profile?["region"], !region.isEmpty { return region }
        return nil
    }
}

/// Why the catalog template could not be built from its options. One line each, naming the option and the fix.
public enum CatalogTemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidQualifier(String)
    case invalidText(option: String, value: String, limit: Int)
    case noVersions
    case duplicateVersion(name: String)
    case versionConflict(name: String)
    case invalidTemplateURL(version: String, url: String)
    case invalidRoleArn(String)
    case invalidBucketName(String)
    case invalidObjectKey(option: String, key: String)
    case missingStage(String)
    case invalidStageName(String)
    case invalidAccount(stage: String, account: String)
    case invalidRegion(stage: String, region: String)

    public var description: String {
        switch self {
        case .invalidQualifier(let qualifier):
            return "qualifier \"\(qualifier)\" must be 1-10 letters, digits, '_' or '-' (as for cdk bootstrap); pick another"
        case .invalidText(let option, let value, let limit):
            return "\(option) \"\(value)\" must be 1-\(limit) characters without control characters; shorten or fix it"
        case .noVersions:
            return "the product has no version; publish at least one template version"
        case .duplicateVersion(let name):
            return "product version \(name) is listed twice; give each version its own name"
        case .versionConflict(let name):
            return "product version \(name) is already published with another template or description; publish under a new version name"
        case .invalidTemplateURL(let version, let url):
            return "product version \(version): template URL \(url) must be an https:// S3 object URL; upload the template and use its URL"
        case .invalidRoleArn(let arn):
            return "lead role \"\(arn)\" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>); fix SSM /mlops/role/lead"
        case .invalidBucketName(let bucket):
            return "seed bucket \"\(bucket)\" is not a valid S3 bucket name; use the dev bootstrap staging bucket"
        case .invalidObjectKey(let option, let key):
            return "\(option) \"\(key)\" must be a non-empty S3 key without '${' or control characters; upload the seed code first"
        case .missingStage(let stage):
            return "stage \(stage) has no account and region; add it to the topology"
        case .invalidStageName(let stage):
            return "stage name \"\(stage)\" must be 1-20 lower-case letters, digits and '-', starting with a letter; rename it"
        case .invalidAccount(let stage, let account):
            return "stage \(stage): account \"\(account)\" must be 12 digits; fix the topology"
        case .invalidRegion(let stage, let region):
            return "stage \(stage): region \"\(region)\" is not a region name like eu-west-1; fix the topology"
        }
    }
}

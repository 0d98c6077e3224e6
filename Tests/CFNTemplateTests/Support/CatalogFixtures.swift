@testable import CFNTemplate

/// Catalog options as mlopsctl would build them for the test topology.
enum CatalogFixtures {
    static let bucket = "cdk-hnb659fds-assets-222222222222-eu-west-1"
    static let buildKey = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.zip"
    static let deployKey = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90.zip"
    static let leadRole = "arn:aws:iam::222222222222:role/mlops-lead-data-scientist"

    static func version(_ name: String, _ hash: String) -> ProductVersion {
        ProductVersion(
            name: name, templateURL: ProductVersion.s3URL(bucket: bucket, key: "\(hash).json", region: "eu-west-1"),
            description: "Project template \(name)")
    }

    static let stages: [String: StageTarget] = [
        "governance": StageTarget(account: "111111111111", region: "eu-west-1"),
        "dev": StageTarget(account: "222222222222", region: "eu-west-1"),
        "preprod": StageTarget(account: "333333333333", region: "eu-west-1"),
        "prod": StageTarget(account: "444444444444", region: "eu-central-1"),
    ]

    static func options(versions: [ProductVersion] = [version("1.0", "aaaa")]) -> CatalogTemplateOptions {
        CatalogTemplateOptions(
            versions: versions, leadRoleArn: leadRole, seedBucket: bucket, buildCodeKey: buildKey, deployCodeKey: deployKey, stages: stages)
    }
}

extension CFNValue {
    /// The value with every variable-free `Fn::Sub` resolved from `values` (as CloudFormation would),
    /// so policy documents can be rendered to JSON text and linted.
    func resolvingSubs(_ values: [String: String]) -> CFNValue {
        switch self {
        case .sub(let text, let variables) where variables.isEmpty: return .string(substitute(text, values))
        case .array(let items): return .array(items.map { $0.resolvingSubs(values) })
        case .object(let members): return .object(members.mapValues { $0.resolvingSubs(values) })
        default: return self
        }
    }
}

import Foundation

/// An Amazon ECR image URI: `<account>.dkr.ecr.<region>.<amazonaws.com|amazonaws.com.cn>/<repository>[:tag|@digest]`.
public struct ECRImageURI: Sendable, Hashable, CustomStringConvertible {
    public enum Reference: Sendable, Hashable {
        case tag(String)
        case digest(String)
    }

    public var account: String
    public var region: String
    public var repository: String
    /// A URI without tag or digest means the tag `latest`.
    public var reference: Reference

    private static let pattern =
        #"^([0-9]{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?/([a-z0-9][a-z0-9._/-]*?)(?::([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})|@(sha256:[a-f0-9]{64}))?$"#

    /// Nil for anything that is not an ECR image URI (another registry, a malformed URI).
    public init?(_ uri: String) {
        guard let match = uri.wholeMatch(of: try! Regex(Self.pattern)) else { return nil }
        func group(_ index: Int) -> String? { match.output[index].substring.map(String.init) }
        guard let account = group(1), let region = group(2), let repository = group(3) else { return nil }
        self.account = account
        self.region = region
        self.repository = repository
        if let digest = group(5) {
            reference = .digest(digest)
        } else {
            reference = .tag(group(4) ?? "latest")
        }
    }

    public init(account: String, region: String, repository: String, reference: Reference) {
        self.account = account
        self.region = region
        self.repository = repository
        self.reference = reference
    }

    /// The registry's DNS suffix: the China regions live under `amazonaws.com.cn`.
    public var domain: String { region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com" }

    public var description: String {
        let base = "\(account).dkr.ecr.\(region).\(domain)/\(repository)"
        switch reference {
        case .tag(let tag): return "\(base):\(tag)"
        case .digest(let digest): return "\(base)@\(digest)"
        }
    }

    /// The same repository and tag or digest in another registry.
    public func moved(account: String, region: String) -> ECRImageURI {
        ECRImageURI(account: account, region: region, repository: repository, reference: reference)
    }
}

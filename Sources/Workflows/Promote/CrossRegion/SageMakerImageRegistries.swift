import Foundation

/// The AWS accounts that publish SageMaker's own images (built-in algorithms, framework and deep learning containers):
/// the same repository lives in a different account in each region (e.g. `sagemaker-xgboost` is 683313688378 in
/// us-east-1 and 492215442770 in eu-central-1). The table is the SageMaker Python SDK's (see `+Table`).
public enum SageMakerImageRegistries {
    /// Repository → region → account, parsed once from `table`.
    static let accounts: [String: [String: String]] = parse(table)

    /// The account that publishes `repository` in `region`, nil when SageMaker publishes none there.
    public static func account(publishing repository: String, in region: String) -> String? {
        accounts[repository]?[region]
    }

    /// Whether `image` is one of SageMaker's own: its account publishes its repository in its region (a private
    /// repository of the same name in another account is not).
    public static func isSageMakerImage(_ image: ECRImageURI) -> Bool {
        account(publishing: image.repository, in: image.region) == image.account
    }

    /// The same SageMaker image in `region`; nil when `image` is not SageMaker's or SageMaker does not publish it there.
    public static func image(_ image: ECRImageURI, in region: String) -> ECRImageURI? {
        guard isSageMakerImage(image), let account = account(publishing: image.repository, in: region) else { return nil }
        return image.moved(account: account, region: region)
    }

    static func parse(_ text: String) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        var repositories: [String] = []
        var readingPairs = false
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            if words.first == "@" {
                if readingPairs { repositories = [] }
                readingPairs = false
                repositories += words.dropFirst()
                continue
            }
            readingPairs = true
            for index in stride(from: 0, to: words.count - 1, by: 2) {
                for repository in repositories { result[repository, default: [:]][words[index]] = words[index + 1] }
            }
        }
        return result
    }
}

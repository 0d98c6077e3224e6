/// The keys each mapping of a topology file may hold. Unknown keys are errors (with a did-you-mean),
/// so a new optional key (`trust`, `catalog`, `project`, `executionPolicies`, `organization`, …) must be added here:
/// one line in the right list, plus its reader.
enum TopologyKeys {
    /// Keys of the document root.
    static let topLevel: [String] = [
        "version",
        "region",
        "qualifier",
        "stages",
        "trust",
        "executionPolicies",
        "bootstrap",
        "catalog",
        "project",
        "organization",
    ]

    /// Keys of the optional `organization` mapping.
    static let organization: [String] = [
        "profile",
        "accessRole",
        "regions",
        "autoDeployment",
        "retainStacksOnAccountRemoval",
        "preferences",
        "targets",
    ]

    /// Keys of `organization.preferences` (the StackSets operation preferences).
    static let preferences: [String] = [
        "maxConcurrentCount",
        "maxConcurrentPercentage",
        "failureToleranceCount",
        "failureTolerancePercentage",
        "regionConcurrency",
        "regionOrder",
        "concurrencyMode",
    ]

    /// Keys of each `organization.targets.<stage>` mapping.
    static let organizationTarget: [String] = [
        "organizationalUnits",
        "accounts",
    ]

    /// Keys of the optional `catalog` mapping.
    static let catalog: [String] = [
        "portfolioName",
        "portfolioOwner",
        "productName",
        "productVersion",
    ]

    /// Keys of the optional `project` mapping.
    static let project: [String] = [
        "source",
        "via",
    ]

    /// Keys of the optional `bootstrap` mapping.
    static let bootstrap: [String] = [
        "stackName",
        "terminationProtection",
        "tags",
    ]

    /// Keys of each `stages.<stage>` mapping.
    static let stage: [String] = [
        "account",
        "profile",
        "region",
    ]

    /// Keys people reasonably try that deliberately live elsewhere, with where they belong.
    static let misplaced: [String: String] = [
        "endpoint": endpointAdvice,
        "endpoints": endpointAdvice,
        "endpoint_url": endpointAdvice,
        "endpointUrl": endpointAdvice,
    ]

    private static let endpointAdvice =
        "endpoints are not part of the topology; set endpoint_url in the AWS profile or AWS_ENDPOINT_URL instead"
}

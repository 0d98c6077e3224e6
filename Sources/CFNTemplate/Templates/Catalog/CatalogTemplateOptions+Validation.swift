import Foundation

extension CatalogTemplateOptions {
    /// Every rule the template relies on, checked before anything is rendered.
    /// - Throws: the first `CatalogTemplateError` found.
    public func validate() throws {
        guard Self.matches(qualifier, BootstrapTemplate.qualifierPattern) else { throw CatalogTemplateError.invalidQualifier(qualifier) }
        // Service Catalog's limits: portfolio DisplayName 100, ProviderName 50; product Name/Owner 8191.
        try Self.checkText("portfolio display name", portfolioDisplayName, limit: 100)
        try Self.checkText("portfolio provider name", portfolioProviderName, limit: 50)
        try Self.checkText("portfolio description", portfolioDescription, limit: 2000)
        try Self.checkText("product name", productName, limit: 8191)
        try Self.checkText("product owner", productOwner, limit: 8191)
        try Self.checkText("product description", productDescription, limit: 8191)
        try validateVersions()
        guard Self.matches(leadRoleArn, #"arn:aws[a-z-]*:iam::\d{12}:role/[\w+=,.@/-]{1,512}"#) else {
            throw CatalogTemplateError.invalidRoleArn(leadRoleArn)
        }
        guard Self.matches(seedBucket, "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") else { throw CatalogTemplateError.invalidBucketName(seedBucket) }
        for (option, key) in [("build code key", buildCodeKey), ("deploy code key", deployCodeKey)] where !Self.isPlainKey(key) {
            throw CatalogTemplateError.invalidObjectKey(option: option, key: key)
        }
        try validateStages()
    }

    private func validateVersions() throws {
        guard !versions.isEmpty else { throw CatalogTemplateError.noVersions }
        var names: Set<String> = []
        for version in versions {
            try Self.checkText("product version name", version.name, limit: 8191)
            try Self.checkText("description of product version \(version.name)", version.description, limit: 8191)
            guard names.insert(version.name).inserted else { throw CatalogTemplateError.duplicateVersion(name: version.name) }
            guard Self.matches(version.templateURL, #"https://[A-Za-z0-9.-]+(:\d+)?/[^\s${}]+"#) else {
                throw CatalogTemplateError.invalidTemplateURL(version: version.name, url: version.templateURL)
            }
        }
    }

    private func validateStages() throws {
        for stage in Self.requiredStages where stages[stage] == nil { throw CatalogTemplateError.missingStage(stage) }
        var logicalIDs: Set<String> = []
        for name in stages.keys.sorted() {
            let target = stages[name]!
            guard ExecutionPolicyTemplate.isValidStageName(name), logicalIDs.insert(CatalogTemplate.stagePrefix(name)).inserted else {
                throw CatalogTemplateError.invalidStageName(name)
            }
            guard Self.matches(target.account, #"\d{12}"#) else { throw CatalogTemplateError.invalidAccount(stage: name, account: target.account) }
            guard Self.matches(target.region, "[a-z]{2}(-[a-z]+)+-\\d{1,2}") else {
                throw CatalogTemplateError.invalidRegion(stage: name, region: target.region)
            }
        }
    }

    private static func checkText(_ option: String, _ value: String, limit: Int) throws {
        let hasControl = value.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard !value.isEmpty, value.count <= limit, !hasControl else {
            throw CatalogTemplateError.invalidText(option: option, value: value, limit: limit)
        }
    }

    /// No `${` (the key is written into an `Fn::Sub` string) and no control characters.
    private static func isPlainKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 1024 && !key.contains("${") && !key.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: "^(?:\(pattern))$", options: .regularExpression) != nil
    }
}

import Yams

/// The optional `catalog` and `project` sections.
extension TopologyDocumentReader {
    mutating func readCatalog(_ document: Node.Mapping) -> CatalogSettings {
        var settings = CatalogSettings()
        guard let node = document["catalog"], let fields = mapping(node, at: "catalog") else { return settings }
        checkKeys(of: fields, at: "catalog", known: TopologyKeys.catalog)
        // Service Catalog's limits: portfolio display name ≤100, provider ≤50, product name ≤8191, artifact name ≤8192.
        func text(_ key: String, max: Int) -> String? {
            guard let valueNode = fields[key], let value = string(valueNode, at: "catalog.\(key)") else { return nil }
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty, value.count <= max else {
                report("catalog.\(key)", "must be 1 to \(max) characters", valueNode)
                return nil
            }
            return value
        }
        if let value = text("portfolioName", max: 100) { settings.portfolioName = value }
        if let value = text("portfolioOwner", max: 50) { settings.portfolioOwner = value }
        if let value = text("productName", max: 8191) { settings.productName = value }
        if let value = text("productVersion", max: 100) { settings.productVersion = value }
        return settings
    }

    mutating func readProject(_ document: Node.Mapping) -> ProjectSettings {
        var settings = ProjectSettings()
        guard let node = document["project"], let fields = mapping(node, at: "project") else { return settings }
        checkKeys(of: fields, at: "project", known: TopologyKeys.project)
        if let sourceNode = fields["source"], let value = string(sourceNode, at: "project.source") {
            if let source = ProjectSettings.Source(rawValue: value) {
                settings.source = source
            } else {
                report("project.source", "expected s3 or codecommit, got \(TopologyFormats.quoted(value))", sourceNode)
            }
        }
        if let viaNode = fields["via"], let value = string(viaNode, at: "project.via") {
            if let via = ProjectSettings.Via(rawValue: value) {
                settings.via = via
            } else {
                report("project.via", "expected sagemaker or cloudformation, got \(TopologyFormats.quoted(value))", viaNode)
            }
        }
        return settings
    }
}

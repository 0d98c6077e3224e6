extension ExecutionPolicyDocuments {
    /// The file-name prefix of execution policy documents: `execution-<stage>.json`.
    public static let namePrefix = "execution-"

    /// The stages with a bundled document, sorted (`dev`, `governance`, `preprod`, `prod`).
    public static var stages: [String] {
        all.keys.filter { $0.hasPrefix(namePrefix) }.map { String($0.dropFirst(namePrefix.count)) }.sorted()
    }

    /// The bundled document for `stage`, or nil when there is none.
    public static func document(forStage stage: String) -> String? {
        all[namePrefix + stage]
    }
}

/// A stack output, optionally exported for `Fn::ImportValue` in other stacks of the same account and region.
public struct Output: Sendable, Hashable {
    public var value: CFNValue
    public var description: String?
    /// The export name (`Export.Name`); exported values block deleting the stack while imported.
    public var exportName: CFNValue?
    /// The name of a condition; the output exists only when it is true.
    public var condition: String?

    public init(value: CFNValue, description: String? = nil, exportName: CFNValue? = nil, condition: String? = nil) {
        self.value = value
        self.description = description
        self.exportName = exportName
        self.condition = condition
    }
}

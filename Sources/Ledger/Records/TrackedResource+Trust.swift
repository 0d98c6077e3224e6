extension TrackedResource {
    /// The prefix of a bootstrap stack row's detail listing the accounts the stack trusts (`trusts: 111…,222…`):
    /// a stack parameter, not a resource, kept so the ledger alone can draw the trust graph.
    public static let trustPrefix = "trusts: "

    /// The accounts this bootstrap stack trusts, when its run recorded them (nil for older rows and other resources).
    public var trustedAccounts: [String]? {
        guard kind == .stack, let detail, detail.hasPrefix(Self.trustPrefix) else { return nil }
        return detail.dropFirst(Self.trustPrefix.count).split(separator: ",").map(String.init)
    }
}

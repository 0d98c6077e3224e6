/// Receives one record per AWS request attempt that left the machine signed (the journal behind
/// `--record-requests`, or a collector in tests).
public protocol RequestObserver: Sendable {
    func observe(_ record: RequestRecord) async
}

/// Who a transport's requests are sent for: the labels an `ObservedTransport` adds to each record.
public struct RequestLabels: Sendable, Equatable {
    public static let operatorPrincipal = "operator"
    public static let profileChainPrincipal = "profile-chain"

    public var stage: String?
    public var account: String?
    public var principal: String

    public init(stage: String? = nil, account: String? = nil, principal: String = RequestLabels.operatorPrincipal) {
        self.stage = stage
        self.account = account
        self.principal = principal
    }
}

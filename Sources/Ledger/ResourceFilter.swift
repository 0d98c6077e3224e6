import GRDB

/// Which resources `LedgerDatabase.resources(filter:)` returns; every field left nil matches everything.
public struct ResourceFilter: Sendable, Equatable {
    public var stage: String?
    public var kind: ResourceKind?
    public var status: ResourceStatus?
    public var project: String?
    public var account: String?
    public var stack: String?

    public init(
        stage: String? = nil, kind: ResourceKind? = nil, status: ResourceStatus? = nil, project: String? = nil, account: String? = nil,
        stack: String? = nil
    ) {
        self.stage = stage
        self.kind = kind
        self.status = status
        self.project = project
        self.account = account
        self.stack = stack
    }

    /// Everything.
    public static let all = ResourceFilter()
}

extension DerivableRequest<TrackedResource> {
    /// Narrows the request to the rows `filter` matches (GRDB's reusable-request idiom).
    func matching(_ filter: ResourceFilter) -> Self {
        var request = self
        if let stage = filter.stage { request = request.filter(TrackedResource.Columns.stage == stage) }
        if let kind = filter.kind { request = request.filter(TrackedResource.Columns.kind == kind) }
        if let status = filter.status { request = request.filter(TrackedResource.Columns.status == status) }
        if let project = filter.project { request = request.filter(TrackedResource.Columns.project == project) }
        if let account = filter.account { request = request.filter(TrackedResource.Columns.account == account) }
        if let stack = filter.stack { request = request.filter(TrackedResource.Columns.stack == stack) }
        return request
    }

    /// Stable listing order: by stage, account, region, kind, then physical id.
    func orderedForListing() -> Self {
        order(
            TrackedResource.Columns.stage, TrackedResource.Columns.account, TrackedResource.Columns.region, TrackedResource.Columns.kind,
            TrackedResource.Columns.physicalId, TrackedResource.Columns.id)
    }
}

import AWSServices
import AWSWire
import Foundation

/// Reads the stack events of one operation as they appear: each poll pages DescribeStackEvents
/// from the newest event back until it reaches an event it has already seen or one older than the
/// operation, and returns only new events of this operation, oldest first. Each EventId is
/// delivered once, however pages overlap between polls.
///
/// An event belongs to the operation when it carries the operation's ClientRequestToken (AWS stamps
/// every event of a tokened call), or carries no token and is not older than `since` (moto never
/// sets tokens; its clock is ours).
struct StackEventPoller {
    let client: CloudFormationClient
    /// The stack id (stable across deletion), or the name.
    let stack: String
    let since: Date
    let token: String?
    private(set) var seen: Set<String> = []
    /// Every event of the operation delivered so far, oldest first.
    private(set) var collected: [StackEvent] = []

    init(client: CloudFormationClient, stack: String, since: Date, token: String?) {
        self.client = client
        self.stack = stack
        self.since = since
        self.token = token
    }

    /// A bound on one poll (100 events a page): a stack's whole history is never needed, and a
    /// misbehaving endpoint that always returns a NextToken must not hold the wait forever.
    static let maxPagesPerPoll = 50

    /// All or nothing: a page that fails leaves `seen` as it was, so the next poll delivers those events again.
    mutating func poll() async throws -> [StackEvent] {
        var seen = self.seen
        var fresh: [StackEvent] = []
        var nextToken: String?
        var pageCount = 0
        pages: repeat {
            pageCount += 1
            let page: StackEventPage
            do {
                page = try await client.describeStackEvents(stackName: stack, nextToken: nextToken)
            } catch let error as AWSServiceError where error.isStackDoesNotExist {
                break pages  // a deleted stack asked for by name has no events to show
            }
            for event in page.events {
                if seen.contains(event.eventId) { break pages }
                guard belongsToOperation(event) else {
                    if event.timestamp < since { break pages }
                    continue
                }
                seen.insert(event.eventId)
                fresh.append(event)
            }
            nextToken = page.nextToken
        } while nextToken != nil && pageCount < Self.maxPagesPerPoll
        // Pages are newest first; deliver in the order things happened (stable for equal timestamps).
        let ordered = Array(fresh.reversed())
        self.seen = seen
        collected += ordered
        return ordered
    }

    func belongsToOperation(_ event: StackEvent) -> Bool {
        if let eventToken = event.clientRequestToken { return eventToken == token }
        return event.timestamp >= since
    }
}

/// Counts resources for progress display from the events seen so far.
struct ProgressTracker {
    let stackName: String
    let operation: StackOperation?
    let total: Int?
    let started: Date
    private var latest: [String: ResourceStatus] = [:]
    private var current: (id: String, status: ResourceStatus?)?

    init(stackName: String, operation: StackOperation?, total: Int?, started: Date) {
        self.stackName = stackName
        self.operation = operation
        self.total = total
        self.started = started
    }

    mutating func record(_ event: StackEvent) {
        guard !event.isStackEvent, let id = event.logicalResourceId else { return }
        if let status = event.resourceStatus { latest[id] = status }
        current = (id, event.resourceStatus)
    }

    func progress(at now: Date) -> StackProgress {
        StackProgress(
            stackName: stackName, operation: operation, resourcesDone: latest.values.filter(\.isDone).count, resourcesTotal: total,
            currentResource: current?.id, currentStatus: current?.status, elapsed: now.timeIntervalSince(started))
    }
}

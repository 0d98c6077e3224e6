/// How many pages the bucket emptier lists ahead, from the latencies it has seen.
///
/// Listing ahead pays when a DeleteObjects takes longer than a listing (AWS: a delete of 1000 versions takes seconds,
/// a listing a fraction of one): then `ceil(delete / list)` deletes in flight keep the listing busy. When a listing
/// takes as long as a delete or longer there is nothing to hide behind it, and a page listed before the previous one
/// is deleted only costs more wherever a listing's cost grows with what is still in the bucket (moto copies the whole
/// bucket on every ListObjectVersions). Until one delete has been timed, nothing is listed ahead.
struct EmptyingPace: Sendable, Equatable {
    /// Moving averages, in seconds; nil until the first call of each kind returned.
    private(set) var listSeconds: Double?
    private(set) var deleteSeconds: Double?

    /// Weight of the newest latency in the moving average.
    static let weight = 0.5

    mutating func listed(in duration: Duration) { listSeconds = Self.average(listSeconds, duration) }
    mutating func deleted(in duration: Duration) { deleteSeconds = Self.average(deleteSeconds, duration) }

    /// DeleteObjects requests to keep in flight while listing on (1: list the next page only once the last is deleted).
    func depth(limit: Int) -> Int {
        guard let list = listSeconds, let delete = deleteSeconds, list > 0, delete > list else { return 1 }
        return min(max(limit, 1), Int((delete / list).rounded(.up)))
    }

    private static func average(_ old: Double?, _ duration: Duration) -> Double {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        guard let old else { return seconds }
        return old + weight * (seconds - old)
    }
}

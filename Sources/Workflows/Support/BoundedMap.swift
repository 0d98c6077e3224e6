/// `transform` applied to every element with at most `limit` calls in flight; results in input order. A thrown
/// error cancels the calls still running and is rethrown.
func boundedMap<Element: Sendable, Result: Sendable>(
    _ elements: [Element], limit: Int, _ transform: @escaping @Sendable (Element) async throws -> Result
) async throws -> [Result] {
    var results = [Result?](repeating: nil, count: elements.count)
    try await withThrowingTaskGroup(of: (Int, Result).self) { group in
        var next = 0
        func start() {
            let index = next
            let element = elements[index]
            group.addTask { (index, try await transform(element)) }
            next += 1
        }
        while next < min(max(limit, 1), elements.count) { start() }
        while let (index, result) = try await group.next() {
            results[index] = result
            if next < elements.count { start() }
        }
    }
    return results.map { $0! }
}

import AWSWire
import Foundation

/// The items of a paged list operation, one at a time: each page is requested only when the iterator
/// reaches it, so listing a thousand accounts holds one page in memory and stops early when the caller does.
/// A service that hands back the token it was given is an error rather than an endless loop.
public struct PagedSequence<Element: Sendable>: AsyncSequence, Sendable {
    /// One page: its items and the token of the next one (nil or empty on the last page).
    public typealias Page = (items: [Element], nextToken: String?)

    let serviceId: String
    let operation: String
    let fetch: @Sendable (_ nextToken: String?) async throws -> Page

    /// `fetch` requests the page after `nextToken` (nil: the first page).
    public init(serviceId: String, operation: String, fetch: @escaping @Sendable (_ nextToken: String?) async throws -> Page) {
        self.serviceId = serviceId
        self.operation = operation
        self.fetch = fetch
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pages: PagedSequence
        var buffer: [Element] = []
        var index = 0
        var token: String?
        var started = false

        public mutating func next() async throws -> Element? {
            while index == buffer.count {
                if started && token == nil { return nil }
                let requested = token
                let page = try await pages.fetch(requested)
                started = true
                let next = page.nextToken.flatMap { $0.isEmpty ? nil : $0 }
                if let next, next == requested {
                    throw AWSClientError(
                        serviceId: pages.serviceId, operation: pages.operation,
                        kind: .undecodableResponse(reason: "NextToken repeats the token of the request"))
                }
                buffer = page.items
                index = 0
                token = next
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: self)
    }

    /// Every item, in order (for lists known to be small, such as roots or delegated administrators).
    public func collect() async throws -> [Element] {
        var items: [Element] = []
        for try await item in self { items.append(item) }
        return items
    }
}

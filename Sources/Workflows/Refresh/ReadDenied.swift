import AWSWire

/// A read AWS refused: the resource is `unreadable`, and `action` is the IAM permission the credentials lack.
/// Any other failure (network, throttling after retries) stays an error: it says nothing about drift.
struct ReadDenied: Error, Sendable {
    let action: String

    /// The codes AWS services answer a denied call with (HTTP 403 for REST services, 400 for some query ones).
    static let deniedCodes: Set<String> = ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "Forbidden"]

    static func isDenied(_ error: any Error) -> Bool {
        guard let error = error as? AWSServiceError else { return false }
        return deniedCodes.contains(error.code) || error.statusCode == 403
    }

    /// Runs one read, turning a denial into `ReadDenied(action)`.
    static func guarding<T: Sendable>(_ action: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch where isDenied(error) {
            throw ReadDenied(action: action)
        }
    }
}

/// A transport that reports every signed request it sends to an observer, labelled with the stage, account and
/// principal it was built for; the request itself goes through unchanged.
public struct ObservedTransport: HTTPTransport {
    public let base: any HTTPTransport
    public let observer: any RequestObserver
    public let labels: RequestLabels

    public init(base: any HTTPTransport, observer: any RequestObserver, labels: RequestLabels) {
        self.base = base
        self.observer = observer
        self.labels = labels
    }

    public func send(_ request: HTTPRequest, timeouts: HTTPTimeouts) async throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await base.send(request, timeouts: timeouts)
        } catch {
            await report(request, status: nil)
            throw error
        }
        await report(request, status: response.statusCode)
        return response
    }

    public func acting(as principal: String) -> any HTTPTransport {
        var labels = labels
        labels.principal = principal
        return ObservedTransport(base: base, observer: observer, labels: labels)
    }

    private func report(_ request: HTTPRequest, status: Int?) async {
        // Unsigned requests (the SSO portal, AssumeRoleWithWebIdentity) need no IAM permission.
        guard let classified = RequestClassifier.classify(request) else { return }
        await observer.observe(
            RequestRecord(
                stage: labels.stage, account: labels.account, principal: labels.principal, region: classified.region,
                service: classified.service, operation: classified.operation, actions: classified.actions, bucket: classified.bucket,
                status: status))
    }
}

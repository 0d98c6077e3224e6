import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import Testing
import TestSupport
import Topology
import Workflows

/// The fault proxy itself: its schedule is a pure function of seed and request index at the asked rate, and each kind
/// of fault reaches mlopsctl's own client as the AWS error (or broken connection) it stands for, in each protocol.
@Suite struct FaultProxyTests {
    @Test func theScheduleIsDeterministicForASeedAndInjectsTheAskedShare() {
        let mix = FaultMix(rate: 0.2)
        let a = FaultSchedule(seed: 7, mix: mix)
        let b = FaultSchedule(seed: 7, mix: mix)
        let other = FaultSchedule(seed: 8, mix: mix)
        let first = (1...10_000).map { a.fault(forRequest: $0) }
        #expect(first == (1...10_000).map { b.fault(forRequest: $0) })
        #expect(first != (1...10_000).map { other.fault(forRequest: $0) })
        let share = Double(first.compactMap { $0 }.count) / 10_000
        #expect(abs(share - 0.2) < 0.02, "\(share)")
        for kind in FaultKind.allCases {
            let count = first.filter { $0 == kind }.count
            #expect(abs(count - 400) < 100, "\(kind): \(count) of 2000 faults")
        }
        // A zero weight is never drawn; no rate, no fault.
        let noResets = FaultSchedule(seed: 7, mix: FaultMix(rate: 0.5, weights: [.throttle: 1, .reset: 0]))
        #expect((1...1_000).allSatisfy { [nil, .throttle].contains(noResets.fault(forRequest: $0)) })
        #expect((1...1_000).allSatisfy { FaultSchedule(seed: 7, mix: .none).fault(forRequest: $0) == nil })
    }

    /// Sessions whose every request gets `kind`, with one attempt per call (no retries hide the fault).
    static func sessions(_ lifecycle: ProxiedLifecycle, _ kind: FaultKind) throws -> StageSessions {
        lifecycle.proxy.setSchedule(FaultSchedule(seed: 1, mix: FaultMix(rate: 1, weights: [kind: 1], delay: .seconds(3))))
        let environment = EnvironmentVariables(lifecycle.environment.merging(["AWS_MAX_ATTEMPTS": "1"]) { $1 })
        return StageSessions(
            config: try SharedConfigFiles.load(environment: environment), environment: environment, transport: CurlTransport(),
            logger: Logger(label: "test"))
    }

    static func serviceError(_ body: () async throws -> Void) async -> AWSServiceError? {
        do {
            try await body()
            return nil
        } catch let error as AWSServiceError {
            return error
        } catch {
            Issue.record("expected an AWS error, got \(error)")
            return nil
        }
    }

    @Test func eachFaultReachesTheClientAsTheErrorItStandsFor() async throws {
        try await withEmulator { emulator in
            let lifecycle = try ProxiedLifecycle(emulator, schedule: FaultSchedule(seed: 0, mix: .none))
            defer { lifecycle.proxy.stop() }
            let dev = lifecycle.fixture.topology[.dev]

            // Throttling in each protocol: S3 503 SlowDown, query 400 Throttling, JSON 400 ThrottlingException.
            var session = try Self.sessions(lifecycle, .throttle).session(for: dev)
            // (A GET: a HEAD's answer has no body to name the code, on AWS too.)
            let slowDown = await Self.serviceError { _ = try await session.s3.getObject(bucket: "any-bucket", key: "k") }
            #expect(slowDown?.code == "SlowDown" && slowDown?.statusCode == 503, "\(String(describing: slowDown))")
            let throttling = await Self.serviceError { _ = try await session.sts.getCallerIdentity() }
            #expect(throttling?.code == "Throttling" && throttling?.statusCode == 400, "\(String(describing: throttling))")
            let throttlingException = await Self.serviceError { _ = try await session.ssm.getParameter(name: "/x") }
            #expect(throttlingException?.code == "ThrottlingException", "\(String(describing: throttlingException))")
            for error in [slowDown, throttling, throttlingException] {
                #expect(error.map { RetryClassifier.classify($0) } == .throttling, "\(String(describing: error))")
            }

            session = try Self.sessions(lifecycle, .internalError).session(for: dev)
            let internalError = await Self.serviceError { _ = try await session.sts.getCallerIdentity() }
            #expect(internalError?.statusCode == 500 && internalError.map { RetryClassifier.classify($0) } == .transient)

            // A reset: a broken connection, retryable, and nothing reached the emulator.
            session = try Self.sessions(lifecycle, .reset).session(for: dev)
            do {
                _ = try await session.ssm.putParameter(name: "/fault-proxy/reset", value: "v", type: .string)
                Issue.record("a reset connection succeeded")
            } catch let error as TransportError {
                #expect(error.kind == .connectionFailed, "\(error)")
            }
            // Forward then lose: the client hears a reset, but the call took effect.
            session = try Self.sessions(lifecycle, .forwardThenLose).session(for: dev)
            await #expect(throws: TransportError.self) {
                _ = try await session.ssm.putParameter(name: "/fault-proxy/lost", value: "v", type: .string)
            }
            let direct = try lifecycle.fixture.session(.dev)
            #expect(try await direct.ssm.getParameter(name: "/fault-proxy/lost")?.value == "v")
            #expect(try await direct.ssm.getParameter(name: "/fault-proxy/reset") == nil)

            let kinds = lifecycle.proxy.records.compactMap(\.fault)
            #expect(Set(kinds) == [.throttle, .internalError, .reset, .forwardThenLose], "\(kinds)")
            #expect(lifecycle.proxy.records.first { $0.operation == "PutParameter" && $0.fault == .forwardThenLose }?.upstreamStatus == 200)
        }
    }
}

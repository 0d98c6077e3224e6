import AWSConfig
import AWSServices
import AWSWire
import Foundation
import Logging
import Testing
import TestSupport
@testable import Workflows

/// BucketEmptier against a scripted S3 that keeps a versioned bucket in memory and, like AWS, resolves a listing's
/// markers as a position (also when the marker's own version was deleted meanwhile).
@Suite struct BucketEmptierTests {
    /// An in-memory versioned bucket answering the calls the emptier makes.
    final class FakeBucket: @unchecked Sendable {
        struct Entry: Hashable { var key: String; var version: String; var marker: Bool }
        let lock = NSLock()
        var entries: [Entry]
        /// Each entry's place in the listing order, kept after it is deleted, so a marker stays a position.
        let rank: [Entry: Int]
        var uploads = [("big.bin", "upload-1")]
        var log: [String] = []
        var batchSizes: [Int] = []
        /// Keys DeleteObjects fails this many more times.
        var failures: [String: Int]

        init(keys: Int, versionsPerKey: Int, failures: [String: Int] = [:]) {
            entries = (0..<keys).flatMap { k in
                (0..<versionsPerKey).map { v in Entry(key: String(format: "data/part-%05d", k), version: "v\(v)", marker: v == versionsPerKey - 1) }
            }
            self.failures = failures
            rank = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1, $0) })
        }

        func respond(_ request: HTTPRequest) -> HTTPResponse {
            lock.withLock {
                let query = request.encodedQuery ?? ""
                let params = Dictionary(query.split(separator: "&").map { pair -> (String, String) in
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    return (parts[0], parts.count > 1 ? parts[1].removingPercentEncoding ?? parts[1] : "")
                }, uniquingKeysWith: { $1 })
                let body = String(decoding: request.body, as: UTF8.self)
                func ok(_ xml: String) -> HTTPResponse { HTTPResponse(statusCode: 200, body: xml) }
                switch (request.method, params.keys.sorted()) {
                case ("PUT", let keys) where keys.contains("policy"):
                    log.append("PutBucketPolicy")
                    return HTTPResponse(statusCode: 204, body: "")
                case ("GET", let keys) where keys.contains("uploads"):
                    log.append("ListMultipartUploads")
                    let xml = uploads.map { "<Upload><Key>\($0.0)</Key><UploadId>\($0.1)</UploadId></Upload>" }.joined()
                    return ok("<ListMultipartUploadsResult><Bucket>b</Bucket><IsTruncated>false</IsTruncated>\(xml)</ListMultipartUploadsResult>")
                case ("DELETE", let keys) where keys.contains("uploadId"):
                    log.append("AbortMultipartUpload")
                    uploads.removeAll { $0.1 == params["uploadId"] }
                    return HTTPResponse(statusCode: 204, body: "")
                case ("GET", let keys) where keys.contains("versions"):
                    log.append("ListObjectVersions")
                    let max = Int(params["max-keys"] ?? "1000") ?? 1000
                    var start = 0
                    if let key = params["key-marker"], let version = params["version-id-marker"] {
                        log.append("ListObjectVersions after a marker")
                        let after = [true, false].compactMap { rank[Entry(key: key, version: version, marker: $0)] }.first ?? -1
                        start = entries.firstIndex { rank[$0]! > after } ?? entries.count
                    }
                    let page = Array(entries[min(start, entries.count)...].prefix(max))
                    let truncated = start + page.count < entries.count
                    var xml = "<ListVersionsResult><Name>b</Name><IsTruncated>\(truncated)</IsTruncated>"
                    if truncated, let last = page.last { xml += "<NextKeyMarker>\(last.key)</NextKeyMarker><NextVersionIdMarker>\(last.version)</NextVersionIdMarker>" }
                    for entry in page {
                        let tag = entry.marker ? "DeleteMarker" : "Version"
                        xml += "<\(tag)><Key>\(entry.key)</Key><VersionId>\(entry.version)</VersionId><IsLatest>\(entry.marker)</IsLatest></\(tag)>"
                    }
                    return ok(xml + "</ListVersionsResult>")
                case ("POST", let keys) where keys.contains("delete"):
                    log.append("DeleteObjects")
                    let pattern = /<Object><Key>([^<]*)<\/Key><VersionId>([^<]*)<\/VersionId><\/Object>/
                    let objects = body.matches(of: pattern).map { (String($0.1), String($0.2)) }
                    batchSizes.append(objects.count)
                    var xml = "<DeleteResult>"
                    var gone = Set<String>()
                    for (key, version) in objects {
                        if let left = failures[key], left > 0 {
                            failures[key] = left - 1
                            xml += "<Error><Key>\(key)</Key><VersionId>\(version)</VersionId><Code>InternalError</Code><Message>try again</Message></Error>"
                        } else {
                            gone.insert("\(key)\u{0}\(version)")
                        }
                    }
                    entries.removeAll { gone.contains("\($0.key)\u{0}\($0.version)") }  // one pass: a delete stays cheaper than a listing
                    return ok(xml + "</DeleteResult>")
                default:
                    return HTTPResponse(statusCode: 500, body: "unexpected \(request.method) \(query)")
                }
            }
        }
    }

    static func s3(_ bucket: FakeBucket) throws -> S3Client {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let config = try ReplayProfile.config()
        let transport = ScriptedTransport { request, _ in bucket.respond(request) }
        let sessions = StageSessions(config: config, environment: environment, transport: transport, logger: Logger(label: "test"))
        return try AWSSession.make(profile: "p", region: "us-east-1", environment: environment, config: config, transport: transport, logger: sessions.logger).s3
    }

    @Test func deniesWritesFirstAbortsUploadsAndDeletesEveryVersionInBatchesOfAtMost1000() async throws {
        let bucket = FakeBucket(keys: 1100, versionsPerKey: 3)
        let outcome = try await BucketEmptier(s3: try Self.s3(bucket)).empty(bucket: "b")
        #expect(outcome == .init(existed: true, versionsDeleted: 3300, uploadsAborted: 1))
        #expect(bucket.entries.isEmpty && bucket.uploads.isEmpty)
        #expect(bucket.log.first == "PutBucketPolicy")
        #expect(bucket.log.firstIndex(of: "AbortMultipartUpload")! < bucket.log.firstIndex(of: "DeleteObjects")!)
        #expect(bucket.batchSizes.allSatisfy { $0 <= 1000 } && bucket.batchSizes.reduce(0, +) == 3300)
        // 3300 entries: four pages, listed from the start or from the markers (as the pace decides), then one empty
        // listing from the start.
        #expect(bucket.batchSizes.sorted() == [300, 1000, 1000, 1000])
        #expect(bucket.log.filter { $0 == "ListObjectVersions" }.count == 5)
    }

    /// Answers like `FakeBucket`, after a delay per kind of call, and counts the deletes in flight.
    final class PacedTransport: HTTPTransport, @unchecked Sendable {
        let bucket: FakeBucket
        let listDelay: Duration
        let deleteDelay: Duration
        /// When set, a call advances this virtual time by its delay instead of sleeping (what the pace measures is then
        /// exactly the delays, however loaded the machine).
        let virtualTime: LockedBox<Duration>?
        private let lock = NSLock()
        private var deletesInFlight = 0
        private(set) var mostDeletesInFlight = 0
        private(set) var listingsWhileDeleting = 0

        init(_ bucket: FakeBucket, listDelay: Duration, deleteDelay: Duration, virtualTime: LockedBox<Duration>? = nil) {
            self.virtualTime = virtualTime
            self.bucket = bucket
            self.listDelay = listDelay
            self.deleteDelay = deleteDelay
        }

        func send(_ request: HTTPRequest, timeouts: HTTPTimeouts) async throws -> HTTPResponse {
            let query = request.encodedQuery ?? ""
            if request.method == "POST" {
                lock.withLock {
                    deletesInFlight += 1
                    mostDeletesInFlight = max(mostDeletesInFlight, deletesInFlight)
                }
                defer { lock.withLock { deletesInFlight -= 1 } }
                try await pause(deleteDelay)
                return bucket.respond(request)  // the entries go when the answer comes, as on AWS
            }
            if request.method == "GET" && query.contains("versions") {
                lock.withLock { listingsWhileDeleting += deletesInFlight > 0 ? 1 : 0 }
                try await pause(listDelay)
            }
            return bucket.respond(request)
        }

        private func pause(_ delay: Duration) async throws {
            guard let virtualTime else { return try await Task.sleep(for: delay) }
            virtualTime.withLock { $0 += delay }
            await Task.yield()
        }
    }

    static func s3(_ transport: some HTTPTransport) throws -> S3Client {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        return try AWSSession.make(
            profile: "p", region: "us-east-1", environment: environment, config: try ReplayProfile.config(), transport: transport,
            logger: Logger(label: "test")
        ).s3
    }

    @Test func whenDeletesAreSlowerThanListingsItListsAheadWithSeveralDeletesInFlight() async throws {
        let bucket = FakeBucket(keys: 3000, versionsPerKey: 3)
        let transport = PacedTransport(bucket, listDelay: .milliseconds(2), deleteDelay: .milliseconds(300))
        let outcome = try await BucketEmptier(s3: try Self.s3(transport), concurrency: 4).empty(bucket: "b")
        #expect(outcome.versionsDeleted == 9000 && bucket.entries.isEmpty)
        #expect(transport.mostDeletesInFlight > 1 && transport.mostDeletesInFlight <= 4, "\(transport.mostDeletesInFlight)")
        #expect(bucket.log.contains("ListObjectVersions after a marker"))
        #expect(bucket.batchSizes.allSatisfy { $0 == 1000 })
    }

    @Test func whenListingsAreSlowerThanDeletesItListsFromTheStartOnceTheLastPageIsDeleted() async throws {
        let bucket = FakeBucket(keys: 1000, versionsPerKey: 3)
        // Virtual time: on a loaded machine a delete of 1000 keys (encoded and signed) can take longer in wall time
        // than a paced listing, and the pace would rightly switch regimes.
        let time = LockedBox(Duration.zero)
        let transport = PacedTransport(bucket, listDelay: .milliseconds(150), deleteDelay: .zero, virtualTime: time)
        let outcome = try await BucketEmptier(s3: try Self.s3(transport), concurrency: 4, now: { time.value }).empty(bucket: "b")
        #expect(outcome.versionsDeleted == 3000 && bucket.entries.isEmpty)
        // The boto3 loop's order, the cheapest where a listing costs what is left in the bucket: list, delete, repeat.
        #expect(transport.mostDeletesInFlight == 1)
        #expect(transport.listingsWhileDeleting == 0)
        #expect(!bucket.log.contains("ListObjectVersions after a marker"))
        #expect(bucket.log.filter { $0 == "ListObjectVersions" }.count == 4)
    }

    @Test func retriesKeysDeleteObjectsReportsAsFailed() async throws {
        let bucket = FakeBucket(keys: 10, versionsPerKey: 2, failures: ["data/part-00003": 3])
        let outcome = try await BucketEmptier(s3: try Self.s3(bucket), keyRetries: 2).empty(bucket: "b")
        #expect(outcome.versionsDeleted == 20 && bucket.entries.isEmpty)
        // The first request had 20 entries; the retries only the failing entries (each version fails while the budget of 3 lasts).
        #expect(bucket.batchSizes == [20, 2, 1])
    }

    @Test func failsWithTheKeysThatKeepFailing() async throws {
        let bucket = FakeBucket(keys: 5, versionsPerKey: 1, failures: ["data/part-00001": 99])
        await #expect {
            try await BucketEmptier(s3: try Self.s3(bucket), keyRetries: 1).empty(bucket: "b")
        } throws: { error in
            String(describing: error).contains("data/part-00001") && error is S3DeleteObjectsFailure
        }
        #expect(bucket.batchSizes == [5, 1])
    }

    @Test func aMissingBucketIsAlreadyEmpty() async throws {
        let environment = EnvironmentVariables(["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_MAX_ATTEMPTS": "1"])
        let config = try ReplayProfile.config()
        let transport = ScriptedTransport([
            .status(404, body: "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>"),
        ])
        let s3 = try AWSSession.make(profile: "p", region: "us-east-1", environment: environment, config: config, transport: transport, logger: Logger(label: "t")).s3
        let outcome = try await BucketEmptier(s3: s3).empty(bucket: "gone")
        #expect(outcome == .init(existed: false, versionsDeleted: 0, uploadsAborted: 0))
        #expect(transport.requests.count == 1)
    }
}

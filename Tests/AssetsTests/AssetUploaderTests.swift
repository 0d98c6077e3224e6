import AWSServices
import AWSWire
import Foundation
import TestSupport
import Testing

@testable import Assets

@Suite struct AssetUploaderTests {
    static let bucket = "cdk-hnb659fds-assets-222222222222-eu-west-1"

    func asset(size: Int) -> Asset {
        Asset(name: "build_app", data: Data((0..<size).map { UInt8($0 % 251) }))
    }

    @Test func theKeyIsTheSHA256OfTheContent() {
        let asset = Asset(name: "x", data: Data("abc".utf8))
        #expect(asset.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(asset.key == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.zip")
        #expect(Asset(name: "t", data: Data("abc".utf8), fileExtension: "json").key.hasSuffix(".json"))
    }

    @Test func anObjectOfTheSameSizeIsLeftAlone() async throws {
        let asset = asset(size: 100)
        let transport = ScriptedTransport([.status(200, headers: ["Content-Length": "100", "ETag": "\"e\""])])

        let outcome = try await AssetUploader(s3: UploaderHarness.s3(transport)).upload(asset, bucket: Self.bucket)

        #expect(outcome == .alreadyPresent)
        #expect(transport.requests.map(\.method) == ["HEAD"])
        #expect(transport.requests.first?.encodedPath == "/\(Self.bucket)/\(asset.key)")
    }

    @Test func aSmallAssetIsOnePut() async throws {
        let asset = asset(size: 1000)
        let transport = ScriptedTransport([.status(404), .status(200, headers: ["ETag": "\"e\""])])

        let outcome = try await AssetUploader(s3: UploaderHarness.s3(transport)).upload(asset, bucket: Self.bucket)

        #expect(outcome == .uploaded)
        #expect(transport.requests.map(UploaderHarness.operation) == ["HeadObject", "PutObject"])
        let put = try #require(transport.requests.last)
        #expect(put.encodedPath == "/\(Self.bucket)/\(asset.key)")
        #expect(put.body == asset.data)
        #expect(put.headers["Content-Type"] == "application/zip")
    }

    @Test func anObjectOfAnotherSizeIsReplaced() async throws {
        let asset = asset(size: 10)
        let transport = ScriptedTransport([.status(200, headers: ["Content-Length": "9"]), .status(200, headers: ["ETag": "\"e\""])])

        #expect(try await AssetUploader(s3: UploaderHarness.s3(transport)).upload(asset, bucket: Self.bucket) == .uploaded)
        #expect(transport.requests.map(UploaderHarness.operation) == ["HeadObject", "PutObject"])
    }

    @Test func aLargeAssetGoesUpInNumberedPartsAndIsCompletedWithTheirETags() async throws {
        let asset = asset(size: 10)
        let transport = UploaderHarness.multipartS3()
        let uploader = try AssetUploader(s3: UploaderHarness.s3(transport), multipartThreshold: 8, partSize: 4, concurrency: 2)

        let outcome = try await uploader.upload(asset, bucket: Self.bucket)

        #expect(outcome == .uploaded)
        let operations = transport.requests.map(UploaderHarness.operation)
        #expect(operations.first == "HeadObject")
        #expect(operations[1] == "CreateMultipartUpload")
        #expect(operations.last == "CompleteMultipartUpload")
        let parts = transport.requests.filter { UploaderHarness.operation($0) == "UploadPart" }
        #expect(parts.compactMap(UploaderHarness.partNumber).sorted() == [1, 2, 3])
        let bodies = Dictionary(uniqueKeysWithValues: parts.map { (UploaderHarness.partNumber($0) ?? 0, $0.body) })
        #expect(bodies[1] == asset.data.subdata(in: 0..<4))
        #expect(bodies[2] == asset.data.subdata(in: 4..<8))
        #expect(bodies[3] == asset.data.subdata(in: 8..<10))
        #expect(parts.allSatisfy { $0.encodedQuery?.hasSuffix("uploadId=up-1") == true })
        let complete = try #require(transport.requests.last)
        #expect(complete.encodedQuery == "uploadId=up-1")
        #expect(
            String(decoding: complete.body, as: UTF8.self)
                == #"<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#
                + #"<Part><ETag>"etag-1"</ETag><PartNumber>1</PartNumber></Part><Part><ETag>"etag-2"</ETag><PartNumber>2</PartNumber></Part>"#
                + #"<Part><ETag>"etag-3"</ETag><PartNumber>3</PartNumber></Part></CompleteMultipartUpload>"#)
        #expect(!operations.contains("AbortMultipartUpload") && !operations.contains("PutObject"))
    }

    @Test func theThresholdItselfGoesMultipart() async throws {
        let transport = UploaderHarness.multipartS3()
        let uploader = try AssetUploader(s3: UploaderHarness.s3(transport), multipartThreshold: 8, partSize: 8, concurrency: 1)

        _ = try await uploader.upload(asset(size: 8), bucket: Self.bucket)

        #expect(transport.requests.map(UploaderHarness.operation) == ["HeadObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload"])
    }

    @Test func aFailedPartAbortsTheUploadAndRethrows() async throws {
        let transport = UploaderHarness.multipartS3(failingPart: 2)
        let uploader = try AssetUploader(s3: UploaderHarness.s3(transport), multipartThreshold: 8, partSize: 4, concurrency: 1)

        let error = await #expect(throws: AWSServiceError.self) { _ = try await uploader.upload(asset(size: 10), bucket: Self.bucket) }

        #expect(error?.code == "AccessDenied")
        let operations = transport.requests.map(UploaderHarness.operation)
        #expect(operations == ["HeadObject", "CreateMultipartUpload", "UploadPart", "UploadPart", "AbortMultipartUpload"])
        #expect(transport.requests.last?.encodedQuery == "uploadId=up-1")
    }

    @Test func aFailedCompletionAbortsTheUpload() async throws {
        let transport = UploaderHarness.multipartS3(completeStatus: 400)
        let uploader = try AssetUploader(s3: UploaderHarness.s3(transport), multipartThreshold: 8, partSize: 4, concurrency: 3)

        let error = await #expect(throws: AWSServiceError.self) { _ = try await uploader.upload(asset(size: 10), bucket: Self.bucket) }

        #expect(error?.code == "EntityTooSmall")
        #expect(transport.requests.map(UploaderHarness.operation).suffix(2) == ["CompleteMultipartUpload", "AbortMultipartUpload"])
    }

    @Test func aCancelledUploadIsStillAborted() async throws {
        let transport = StallingTransport()
        let uploader = try AssetUploader(s3: UploaderHarness.s3(transport), multipartThreshold: 8, partSize: 4, concurrency: 2)
        let asset = asset(size: 10)

        let task = Task { try await uploader.upload(asset, bucket: Self.bucket) }
        for _ in 0..<500 where !transport.operations.contains("UploadPart") { try await Task.sleep(for: .milliseconds(10)) }
        task.cancel()
        let result = await task.result

        #expect(throws: (any Error).self) { try result.get() }
        #expect(transport.operations.last == "AbortMultipartUpload")
        #expect(!transport.operations.contains("CompleteMultipartUpload"))
    }

    @Test func partsRunConcurrentlyButNeverBeyondTheBound() async throws {
        let probe = ConcurrencyProbe()
        let uploader = try AssetUploader(s3: UploaderHarness.s3(probe), multipartThreshold: 8, partSize: 2, concurrency: 3)

        #expect(try await uploader.upload(asset(size: 20), bucket: Self.bucket) == .uploaded)

        #expect(probe.parts == 10)
        #expect(probe.peak == 3)
    }

    @Test func partRangesCoverTheDataAndStayWithinTenThousandParts() throws {
        let s3 = UploaderHarness.s3(ScriptedTransport([]))
        let uploader = try AssetUploader(s3: s3, partSize: 5)
        #expect(uploader.partRanges(size: 12) == [0..<5, 5..<10, 10..<12])
        #expect(uploader.partRanges(size: 10) == [0..<5, 5..<10])
        let many = uploader.partRanges(size: 100_001)
        #expect(many.count <= AssetUploader.maximumParts)
        #expect(many.first == 0..<11)
        #expect(many.last?.upperBound == 100_001)
        #expect(zip(many, many.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(try AssetUploader(s3: s3).partRanges(size: 20 * 1024 * 1024).count == 3)
    }

    @Test(arguments: [(0, 1, 1), (1, 0, 1), (1, 1, 0)])
    func invalidSettingsAreRefused(_ threshold: Int, _ partSize: Int, _ concurrency: Int) {
        let s3 = UploaderHarness.s3(ScriptedTransport([]))
        #expect(throws: AssetError.self) {
            _ = try AssetUploader(s3: s3, multipartThreshold: threshold, partSize: partSize, concurrency: concurrency)
        }
    }
}

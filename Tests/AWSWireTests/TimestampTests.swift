import AWSWire
import Foundation
import Testing

@Suite struct TimestampTests {
    static let base = 1_795_912_740.0  // 2026-11-29T00:39:00Z

    @Test(arguments: [
        ("2026-11-29T00:39:00Z", base),
        ("2026-11-29T00:39:00.000Z", base),  // S3
        ("2026-11-29T00:39:00.679501Z", base + 0.679501),  // moto query XML (microseconds)
        ("2026-11-29T00:39:00.5Z", base + 0.5),
        ("2026-11-29T01:39:00+01:00", base),
        ("2026-11-28T19:39:00-0500", base),
        ("2026-11-29T00:39:00", base),  // no zone: UTC
        ("2026-11-29 00:39:00Z", base),
        ("1795912740", base),  // epoch seconds as text
        ("1795912568.257", 1_795_912_568.257),  // JSON services' epoch floats
        ("Sun, 29 Nov 2026 00:39:00 GMT", base),  // RFC 822 / HTTP date (S3 Last-Modified)
        ("29 Nov 2026 00:39:00 GMT", base),
        ("Sun, 29 Nov 2026 01:39:00 +0100", base),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("2000-02-29T12:00:00Z", 951_825_600),
    ])
    func parsesEveryAWSForm(text: String, epoch: Double) throws {
        let date = try #require(AWSTimestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - epoch) < 1e-6, "\(text) → \(date.timeIntervalSince1970)")
    }

    @Test(arguments: ["", "yesterday", "2026-13-01T00:00:00Z", "2026-11-29T25:00:00Z", "2026-11-29T00:39:00.Z", "Sun, 29 Foo 2026 00:39:00 GMT",
        "2026-11-29T00:39:00Zjunk"])
    func rejectsNonTimestamps(text: String) {
        #expect(AWSTimestamp.parse(text) == nil)
    }

    @Test func formatsISO8601LikeBotocore() {
        #expect(AWSTimestamp.iso8601String(Date(timeIntervalSince1970: Self.base)) == "2026-11-29T00:39:00Z")
        #expect(AWSTimestamp.iso8601String(Date(timeIntervalSince1970: Self.base + 0.25)) == "2026-11-29T00:39:00.250000Z")
        #expect(AWSTimestamp.iso8601String(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func formatsHTTPDates() {
        #expect(AWSTimestamp.httpDateString(Date(timeIntervalSince1970: Self.base)) == "Sun, 29 Nov 2026 00:39:00 GMT")
        #expect(AWSTimestamp.httpDateString(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }

    /// Round trip over a spread of dates (leap years, month ends, pre-1970) through both formats.
    @Test func roundTripsAcrossTheCalendar() throws {
        var epoch = -2_208_988_800.0  // 1900-01-01
        var checked = 0
        while epoch < 4_102_444_800 {  // 2100-01-01
            let date = Date(timeIntervalSince1970: epoch)
            #expect(AWSTimestamp.parse(AWSTimestamp.iso8601String(date))?.timeIntervalSince1970 == epoch)
            #expect(AWSTimestamp.parse(AWSTimestamp.httpDateString(date))?.timeIntervalSince1970 == epoch)
            epoch += 7_654_321  // ~88.6 days, so every month and weekday comes up
            checked += 1
        }
        #expect(checked > 800)
    }
}

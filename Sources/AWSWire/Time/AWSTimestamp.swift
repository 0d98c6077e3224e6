import Foundation

/// Reads and writes the timestamp forms AWS services use:
/// - ISO 8601 with or without fractional seconds of any length (`2026-11-29T00:39:00Z`,
///   `…T00:38:50.000Z`, moto's microseconds `…T00:39:00.679501Z`) and with `Z` or a numeric offset;
/// - epoch seconds, integral or not (`1795912568.257`), as a number or a string (JSON services);
/// - RFC 822 / HTTP dates (`Tue, 29 Apr 2014 18:30:38 GMT`, S3 `Last-Modified`).
///
/// The arithmetic is done by hand (days from the civil date) so parsing needs no shared formatter.
public enum AWSTimestamp {
    /// Parses any of the forms above; nil when the text is none of them.
    public static func parse(_ text: String) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard let first = text.unicodeScalars.first else { return nil }
        if let epoch = Double(text), text.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) {
            return Date(timeIntervalSince1970: epoch)
        }
        if CharacterSet.decimalDigits.contains(first), let date = parseISO8601(text) { return date }
        return parseHTTPDate(text)
    }

    /// Epoch seconds as a JSON number.
    public static func date(epochSeconds: Double) -> Date {
        Date(timeIntervalSince1970: epochSeconds)
    }

    /// `2026-11-29T00:39:00Z`, or with six fractional digits when the date has sub-second precision
    /// (botocore's query/XML serialisation).
    public static func iso8601String(_ date: Date) -> String {
        var seconds = date.timeIntervalSince1970.rounded(.down)
        var micros = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded())
        if micros == 1_000_000 {
            seconds += 1
            micros = 0
        }
        let parts = civil(Int(seconds))
        let base = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second)
        return micros == 0 ? base + "Z" : base + String(format: ".%06dZ", micros)
    }

    /// `Sun, 06 Nov 1994 08:49:37 GMT` (RFC 7231 IMF-fixdate).
    public static func httpDateString(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let parts = civil(seconds)
        let dayOfWeek = (seconds.floorDiv(86_400) % 7 + 7 + 3) % 7  // 1970-01-01 was a Thursday (index 3).
        let time = String(format: "%02d %04d %02d:%02d:%02d", parts.day, parts.year, parts.hour, parts.minute, parts.second)
        let fields = time.split(separator: " ")
        return "\(weekdays[dayOfWeek]), \(fields[0]) \(months[parts.month - 1]) \(fields[1]) \(fields[2]) GMT"
    }

    // MARK: - ISO 8601

    /// `YYYY-MM-DD(T| )hh:mm:ss[.fraction][Z|±hh[:]mm]`; a missing zone means UTC.
    static func parseISO8601(_ text: String) -> Date? {
        var scanner = Cursor(text)
        guard let year = scanner.digits(4), scanner.take("-"), let month = scanner.digits(2), scanner.take("-"),
            let day = scanner.digits(2)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        if scanner.take("T") || scanner.take("t") || scanner.take(" ") {
            guard let h = scanner.digits(2), scanner.take(":"), let m = scanner.digits(2), scanner.take(":"),
                let s = scanner.digits(2)
            else { return nil }
            (hour, minute, second) = (h, m, s)
            if scanner.take(".") || scanner.take(",") {
                let digits = scanner.digitRun()
                guard !digits.isEmpty, let value = Double("0." + digits) else { return nil }
                fraction = value
            }
        }
        var offset = 0
        if scanner.take("Z") || scanner.take("z") {
        } else if let sign = scanner.sign() {
            guard let h = scanner.digits(2) else { return nil }
            _ = scanner.take(":")
            guard let m = scanner.digits(2) else { return nil }
            offset = sign * (h * 3600 + m * 60)
        }
        guard scanner.atEnd, valid(month: month, day: day, hour: hour, minute: minute, second: second) else { return nil }
        let seconds = epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    // MARK: - RFC 822 / HTTP date

    /// `[Www, ]DD Mon YYYY hh:mm:ss (GMT|UTC|Z|±hhmm)`; also the two-digit-year RFC 822 form.
    static func parseHTTPDate(_ text: String) -> Date? {
        var words = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        if let first = words.first, weekdays.contains(where: { first.lowercased().hasPrefix($0.lowercased()) }) {
            words.removeFirst()
        }
        guard words.count >= 4, let day = Int(words[0]), var year = Int(words[2]),
            let month = months.firstIndex(where: { $0.caseInsensitiveCompare(words[1].prefix(3)) == .orderedSame })
        else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 }
        let time = words[3].split(separator: ":").compactMap { Int($0) }
        guard time.count == 2 || time.count == 3 else { return nil }
        let second = time.count == 3 ? time[2] : 0
        var offset = 0
        if words.count > 4 {
            let zone = words[4].uppercased()
            if zone == "GMT" || zone == "UTC" || zone == "UT" || zone == "Z" {
            } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-", let value = Int(zone.dropFirst()) {
                offset = (sign == "-" ? -1 : 1) * ((value / 100) * 3600 + (value % 100) * 60)
            } else {
                return nil
            }
        }
        guard valid(month: month + 1, day: day, hour: time[0], minute: time[1], second: second) else { return nil }
        let seconds = epochSeconds(year: year, month: month + 1, day: day, hour: time[0], minute: time[1], second: second)
        return Date(timeIntervalSince1970: Double(seconds - offset))
    }

    // MARK: - Calendar arithmetic

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    private static func valid(month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Bool {
        (1...12).contains(month) && (1...31).contains(day) && (0...23).contains(hour) && (0...59).contains(minute)
            && (0...60).contains(second)
    }

    /// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func epochSeconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y.floorDiv(400)
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// The inverse (`civil_from_days`).
    static func civil(_ seconds: Int) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = seconds.floorDiv(86_400)
        let secondOfDay = seconds - days * 86_400
        let z = days + 719_468
        let era = z.floorDiv(146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay / 3600, (secondOfDay % 3600) / 60, secondOfDay % 60)
    }
}

extension Int {
    fileprivate func floorDiv(_ divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// A tiny forward reader over ASCII text.
private struct Cursor {
    private let scalars: [UInt8]
    private var index = 0

    init(_ text: String) {
        scalars = Array(text.utf8)
    }

    var atEnd: Bool { index == scalars.count }

    mutating func take(_ character: Character) -> Bool {
        guard index < scalars.count, let ascii = character.asciiValue, scalars[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func digits(_ count: Int) -> Int? {
        guard index + count <= scalars.count else { return nil }
        var value = 0
        for byte in scalars[index..<index + count] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    mutating func digitRun() -> String {
        let start = index
        while index < scalars.count, (48...57).contains(scalars[index]) { index += 1 }
        return String(decoding: scalars[start..<index], as: UTF8.self)
    }

    mutating func sign() -> Int? {
        if take("+") { return 1 }
        if take("-") { return -1 }
        return nil
    }
}

import Foundation

/// Today in UTC as `yyyy-mm-dd`, computed by hand (no DateFormatter: its output depends on the locale).
enum BuildDate {
    static func today(now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let day = calendar.dateComponents([.year, .month, .day], from: now)
        func twoDigits(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(day.year ?? 1970)-\(twoDigits(day.month))-\(twoDigits(day.day))"
    }
}

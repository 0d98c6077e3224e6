import Foundation

/// The two UTC renderings SigV4 uses: `20150830T123600Z` and `20150830`.
struct SigningDate {
    let timestamp: String
    let day: String

    init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        day = String(format: "%04d%02d%02d", c.year!, c.month!, c.day!)
        timestamp = day + String(format: "T%02d%02d%02dZ", c.hour!, c.minute!, c.second!)
    }
}

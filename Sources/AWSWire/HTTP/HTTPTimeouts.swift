import Foundation

/// The two limits of one HTTP attempt, as the AWS CLI's `--cli-connect-timeout` / `--cli-read-timeout`: how long to wait
/// for the connection, and how long the connection may stay silent while a response is due. nil is no limit (the CLI's 0).
public struct HTTPTimeouts: Sendable, Equatable {
    /// The AWS CLI's default for both limits.
    public static let awsDefault = HTTPTimeouts(connect: .seconds(60), read: .seconds(60))

    public var connect: Duration?
    public var read: Duration?

    public init(connect: Duration?, read: Duration?) {
        self.connect = connect
        self.read = read
    }

    /// A limit given in seconds as the AWS CLI takes it: 0 means no limit; negative, non-finite or absurd values are
    /// errors naming `option`.
    public static func limit(seconds text: String, option: String) throws -> Duration? {
        guard let seconds = Double(text.trimmingCharacters(in: .whitespaces)), seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
            throw HTTPTimeoutValueError(option: option, value: text)
        }
        return seconds == 0 ? nil : .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }

    /// `duration` in whole seconds for messages ("60 s", "0.5 s").
    public static func describe(_ duration: Duration?) -> String {
        guard let duration else { return "no limit" }
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}

/// A timeout option that is not a number of seconds.
public struct HTTPTimeoutValueError: Error, Sendable, Equatable, CustomStringConvertible {
    public var option: String
    public var value: String

    public var description: String {
        "\(option) '\(value)' is not a number of seconds: give 0 (no limit) or a number up to 86400, e.g. \(option) 30"
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who asks for the ledger lock, and for which command: becomes the new run's row and the lock row.
public struct LockRequest: Sendable, Equatable {
    /// The verb, e.g. `bootstrap`.
    public var command: String
    /// Arguments safe to store (the caller leaves out anything secret).
    public var arguments: [String]
    /// `user@host`.
    public var who: String
    public var host: String
    public var pid: Int32
    public var operatorArn: String?

    public init(command: String, arguments: [String], who: String, host: String, pid: Int32, operatorArn: String? = nil) {
        self.command = command
        self.arguments = arguments
        self.who = who
        self.host = host
        self.pid = pid
        self.operatorArn = operatorArn
    }

    /// A request for this process: the user from `$USER` (else `$LOGNAME`, else the uid), this host and pid.
    public static func current(command: String, arguments: [String], environment: [String: String]) -> LockRequest {
        let host = ProcessProbe.hostName()
        let user = environment["USER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LOGNAME"] ?? "uid\(getuid())"
        return LockRequest(command: command, arguments: arguments, who: "\(user)@\(host)", host: host, pid: getpid())
    }
}

import Foundation

/// `--record-requests FILE`: appends each request record as one JSON line (sorted keys) to a file created with mode
/// 0600, labelled with the verb. Writes are serialised by the actor; a write that fails is reported once on stderr
/// and recording stops, so a full disk never fails the command itself.
public actor JSONLinesRequestJournal: RequestObserver {
    public nonisolated let path: String
    let verb: String
    private var handle: FileHandle?
    private let encoder: JSONEncoder

    /// Opens (creating if needed) `path` for appending; throws `JournalError` naming the file when it cannot.
    public init(path: String, verb: String) throws {
        self.path = path
        self.verb = verb
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw JournalError(path: path, reason: "it is a directory")
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw JournalError(path: path, reason: String(cString: strerror(errno))) }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    public func observe(_ record: RequestRecord) {
        guard let handle else { return }
        var record = record
        record.verb = verb
        do {
            var line = try encoder.encode(record)
            line.append(UInt8(ascii: "\n"))
            try handle.write(contentsOf: line)
        } catch {
            self.handle = nil
            FileHandle.standardError.write(Data("warning: stopped recording requests to \(path): \(error)\n".utf8))
        }
    }

    public struct JournalError: Error, CustomStringConvertible, Sendable {
        public let path: String
        public let reason: String
        public var description: String {
            "cannot record requests to \(path): \(reason); pass a writable file to --record-requests (or MLOPSCTL_RECORD_REQUESTS)"
        }
    }
}

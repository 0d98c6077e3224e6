import AWSServices
import AWSWire
import Foundation

/// One JSON object per line (keys sorted, strings and integers only) for `--output json`:
/// `{"elapsedSeconds":3,"eventId":"…","logicalResourceId":"Bucket",…,"type":"event"}` and
/// `{"phase":"finished","stack":"…","status":"CREATE_COMPLETE","type":"phase",…}`.
public struct JSONLinesProgressSink: StackProgressSink {
    /// Fields every line carries, e.g. the stage, account and region, so the lines of concurrent stages can be told apart.
    let context: [String: String]
    let write: ProgressWriter

    public init(context: [String: String] = [:], write: @escaping ProgressWriter) {
        self.context = context
        self.write = write
    }

    public func received(_ event: StackEvent, progress: StackProgress) {
        var object: [String: Any] = [
            "type": "event", "stack": event.stackName, "stackId": event.stackId, "eventId": event.eventId,
            "timestamp": AWSTimestamp.iso8601String(event.timestamp), "elapsedSeconds": Int(progress.elapsed),
            "resourcesDone": progress.resourcesDone,
        ]
        object["logicalResourceId"] = event.logicalResourceId
        object["physicalResourceId"] = event.physicalResourceId
        object["resourceType"] = event.resourceType
        object["status"] = event.resourceStatus?.rawValue
        object["reason"] = event.resourceStatusReason
        object["resourcesTotal"] = progress.resourcesTotal
        emit(object)
    }

    public func phaseChanged(_ phase: StackPhase, progress: StackProgress) {
        var object: [String: Any] = ["type": "phase", "stack": progress.stackName, "elapsedSeconds": Int(progress.elapsed)]
        switch phase {
        case .waitingForOtherOperation(let status):
            object["phase"] = "waiting"
            object["status"] = status.rawValue
        case .deletingForRecreate(let reason):
            object["phase"] = "recreating"
            object["message"] = reason.description
        case .started(let operation):
            object["phase"] = "started"
            object["operation"] = operation.rawValue
        case .finished(let operation, let status):
            object["phase"] = "finished"
            object["operation"] = operation.rawValue
            object["status"] = status.rawValue
        case .failed(let operation, let status):
            object["phase"] = "failed"
            object["operation"] = operation.rawValue
            object["status"] = status.rawValue
        case .unchanged:
            object["phase"] = "unchanged"
        case .notFound:
            object["phase"] = "notFound"
        case .warning(let text):
            object["phase"] = "warning"
            object["message"] = text
        }
        emit(object)
    }

    /// Written by hand so keys are ordered by Unicode scalars (`"resourceType" < "resourcesDone"`):
    /// swift-corelibs-foundation's `.sortedKeys` puts `resourcesDone` first.
    private func emit(_ fields: [String: Any]) {
        let object = fields.merging(context) { own, _ in own }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        func encoded(_ value: Any) -> String {
            switch value {
            case let number as Int: return String(number)
            case let text as String: return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
            default: return "null"
            }
        }
        let members = object.keys.sorted().map { key in encoded(key) + ":" + encoded(object[key]!) }
        write("{" + members.joined(separator: ",") + "}\n")
    }
}

import AWSServices
import AWSWire
import Foundation

/// Builders for CloudFormation responses in the shapes AWS sends (query protocol, the 2010-05-15
/// namespace, `<member>` lists, newest-first events), so replay tests read like real exchanges.
enum CFNXML {
    static let namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/"
    /// FakeClock's default start, 2026-11-29T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_795_910_400)

    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    static func stackId(_ name: String, _ uuid: String = "5b9a2b20-ae0c-11f0-8f4e-0a1b2c3d4e5f") -> String {
        "arn:aws:cloudformation:eu-west-1:222222222222:stack/\(name)/\(uuid)"
    }

    struct Stack {
        var name = "mlops-bootstrap"
        var id = CFNXML.stackId("mlops-bootstrap")
        var status: StackStatus
        var reason: String?
        var parameters: [(String, String)] = []
        var outputs: [(String, String)] = []
        var tags: [(String, String)] = []
        var terminationProtection = false
        var created = CFNXML.at(-3600)
        var lastUpdated: Date?
    }

    struct Event {
        var id: String
        var logicalId: String
        var type: String
        var status: String
        var reason: String?
        var at: Date
        var token: String?
        var physicalId: String?
    }

    static func describeStacks(_ stack: Stack) -> HTTPResponse {
        var member = "<StackId>\(stack.id)</StackId><StackName>\(stack.name)</StackName>"
        member += list("Parameters", stack.parameters.map { "<ParameterKey>\(escape($0.0))</ParameterKey><ParameterValue>\(escape($0.1))</ParameterValue>" })
        member += "<CreationTime>\(AWSTimestamp.iso8601String(stack.created))</CreationTime>"
        if let updated = stack.lastUpdated { member += "<LastUpdatedTime>\(AWSTimestamp.iso8601String(updated))</LastUpdatedTime>" }
        member += "<StackStatus>\(stack.status)</StackStatus>"
        if let reason = stack.reason { member += "<StackStatusReason>\(escape(reason))</StackStatusReason>" }
        member += "<DisableRollback>false</DisableRollback><NotificationARNs/>"
        member += list("Outputs", stack.outputs.map { "<OutputKey>\(escape($0.0))</OutputKey><OutputValue>\(escape($0.1))</OutputValue>" })
        member += list("Tags", stack.tags.map { "<Key>\(escape($0.0))</Key><Value>\(escape($0.1))</Value>" })
        member += "<EnableTerminationProtection>\(stack.terminationProtection)</EnableTerminationProtection>"
        member += "<DriftInformation><StackDriftStatus>NOT_CHECKED</StackDriftStatus></DriftInformation>"
        return response("DescribeStacks", "<Stacks><member>\(member)</member></Stacks>")
    }

    /// `events` newest first, as the API pages them.
    static func describeStackEvents(_ events: [Event], stack: Stack, nextToken: String? = nil) -> HTTPResponse {
        let members = events.map { event in
            var member = "<StackId>\(stack.id)</StackId><EventId>\(event.id)</EventId><StackName>\(stack.name)</StackName>"
            member += "<LogicalResourceId>\(event.logicalId)</LogicalResourceId>"
            if let physical = event.physicalId ?? (event.type == "AWS::CloudFormation::Stack" ? stack.id : nil) {
                member += "<PhysicalResourceId>\(escape(physical))</PhysicalResourceId>"
            }
            member += "<ResourceType>\(event.type)</ResourceType><Timestamp>\(AWSTimestamp.iso8601String(event.at))</Timestamp>"
            member += "<ResourceStatus>\(event.status)</ResourceStatus>"
            if let reason = event.reason { member += "<ResourceStatusReason>\(escape(reason))</ResourceStatusReason>" }
            if let token = event.token { member += "<ClientRequestToken>\(token)</ClientRequestToken>" }
            return member
        }
        return response("DescribeStackEvents", list("StackEvents", members) + (nextToken.map { "<NextToken>\($0)</NextToken>" } ?? ""))
    }

    static func getTemplate(_ body: String) -> HTTPResponse {
        response("GetTemplate", "<TemplateBody>\(escape(body))</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable>")
    }

    static func createStack(_ id: String) -> HTTPResponse { response("CreateStack", "<StackId>\(id)</StackId>") }
    static func updateStack(_ id: String) -> HTTPResponse { response("UpdateStack", "<StackId>\(id)</StackId>") }
    static func updateTerminationProtection(_ id: String) -> HTTPResponse {
        response("UpdateTerminationProtection", "<StackId>\(id)</StackId>")
    }
    static let deleteStack = HTTPResponse(
        statusCode: 200, body: "<DeleteStackResponse xmlns=\"\(namespace)\"><ResponseMetadata><RequestId>5ccc7dcd</RequestId></ResponseMetadata></DeleteStackResponse>")

    /// Real rows as (logical id, type), plus `ghosts` rows as moto writes them (empty LogicalResourceId).
    static func listStackResources(_ rows: [(String, String)], ghosts: Int = 0, nextToken: String? = nil) -> HTTPResponse {
        var members = rows.map {
            "<LogicalResourceId>\($0.0)</LogicalResourceId><PhysicalResourceId>\($0.0.lowercased())-1</PhysicalResourceId><ResourceType>\($0.1)</ResourceType><LastUpdatedTimestamp>2026-11-28T23:00:00Z</LastUpdatedTimestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus>"
        }
        members += Array(repeating: "<LogicalResourceId></LogicalResourceId><ResourceStatus>CREATE_COMPLETE</ResourceStatus>", count: ghosts)
        return response("ListStackResources", list("StackResourceSummaries", members) + (nextToken.map { "<NextToken>\($0)</NextToken>" } ?? ""))
    }

    static func error(_ status: Int, _ code: String, _ message: String) -> HTTPResponse {
        HTTPResponse(
            statusCode: status,
            body: "<ErrorResponse xmlns=\"\(namespace)\"><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(escape(message))</Message></Error><RequestId>e-1</RequestId></ErrorResponse>")
    }

    static func notFound(_ name: String) -> HTTPResponse { error(400, "ValidationError", "Stack with id \(name) does not exist") }

    /// What moto answers for operations it does not implement (and for its own crashes): Flask's bare HTML 500, which
    /// does not say which it is.
    static let motoServerError = HTTPResponse(
        statusCode: 500, headers: ["Content-Type": "text/html; charset=utf-8"],
        body: "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>\n<p>The server "
            + "encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n")

    /// What LocalStack answers for operations it does not implement: HTTP 501.
    static func localStackNotImplemented(_ action: String) -> HTTPResponse {
        error(501, "InternalFailure", "API action '\(action)' for service 'cloudformation' not yet implemented or pro feature - please check https://docs.localstack.cloud/references/coverage/ for further information")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static func list(_ name: String, _ members: [String]) -> String {
        members.isEmpty ? "<\(name)/>" : "<\(name)>" + members.map { "<member>\($0)</member>" }.joined() + "</\(name)>"
    }

    static func response(_ action: String, _ result: String) -> HTTPResponse {
        HTTPResponse(
            statusCode: 200,
            body: "<\(action)Response xmlns=\"\(namespace)\"><\(action)Result>\(result)</\(action)Result><ResponseMetadata><RequestId>r-\(action)</RequestId></ResponseMetadata></\(action)Response>")
    }
}

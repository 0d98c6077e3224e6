import AWSServices
import AWSWire
import Foundation

/// Change-set responses in the shape AWS sends them (the DescribeChangeSet example of the CloudFormation API
/// reference: `<Changes><member><ResourceChange>…</ResourceChange><Type>Resource</Type></member></Changes>`).
extension CFNXML {
    static let changeSetName = "mlopsctl-1"
    static let changeSetId = "arn:aws:cloudformation:eu-west-1:222222222222:changeSet/mlopsctl-1/3f1e2c5a-7b9d-4e21-8c3a-5d6f7e8a9b0c"

    struct Change {
        var action: String
        var logicalId: String
        var type: String
        var physicalId: String?
        var replacement: String?
        var scope: [String] = []
        /// (attribute, name, requiresRecreation, evaluation, changeSource, causingEntity)
        var details: [(String, String?, String, String, String, String?)] = []
    }

    static func createChangeSet(id: String = changeSetId, stackId: String = CFNXML.stackId("mlops-bootstrap")) -> HTTPResponse {
        response("CreateChangeSet", "<Id>\(id)</Id><StackId>\(stackId)</StackId>")
    }

    static func describeChangeSet(
        _ status: String, reason: String? = nil, execution: String = "AVAILABLE", changes: [Change] = [], nextToken: String? = nil,
        stack: CFNXML.Stack = CFNXML.Stack(status: .updateComplete)
    ) -> HTTPResponse {
        let members = changes.map { change in
            var resource = ""
            if let replacement = change.replacement { resource += "<Replacement>\(replacement)</Replacement>" }
            resource += "<Action>\(change.action)</Action>"
            if !change.details.isEmpty {
                resource += "<Details>" + change.details.map { detail in
                    var target = "<Attribute>\(detail.0)</Attribute>"
                    if let name = detail.1 { target = "<Name>\(name)</Name>" + target }
                    target += "<RequiresRecreation>\(detail.2)</RequiresRecreation>"
                    var member = "<Target>\(target)</Target><Evaluation>\(detail.3)</Evaluation><ChangeSource>\(detail.4)</ChangeSource>"
                    if let causing = detail.5 { member += "<CausingEntity>\(causing)</CausingEntity>" }
                    return "<member>\(member)</member>"
                }.joined() + "</Details>"
            }
            resource += "<LogicalResourceId>\(change.logicalId)</LogicalResourceId>"
            if let physical = change.physicalId { resource += "<PhysicalResourceId>\(physical)</PhysicalResourceId>" }
            resource += "<ResourceType>\(change.type)</ResourceType>"
            resource += change.scope.isEmpty ? "<Scope/>" : "<Scope>" + change.scope.map { "<member>\($0)</member>" }.joined() + "</Scope>"
            return "<member><ResourceChange>\(resource)</ResourceChange><Type>Resource</Type></member>"
        }
        var result = "<ChangeSetName>\(changeSetName)</ChangeSetName>"
        result += members.isEmpty ? "<Changes/>" : "<Changes>" + members.joined() + "</Changes>"
        result += "<ChangeSetId>\(changeSetId)</ChangeSetId><StackId>\(stack.id)</StackId><Description>mlopsctl: reviewed before it is executed</Description>"
        result += "<Parameters><member><ParameterKey>TrustedAccount</ParameterKey><ParameterValue>111111111111</ParameterValue></member></Parameters>"
        result += "<CreationTime>2026-11-29T00:00:01.813Z</CreationTime><ExecutionStatus>\(execution)</ExecutionStatus>"
        result += "<StackName>\(stack.name)</StackName><NotificationARNs/><Status>\(status)</Status>"
        if let reason { result += "<StatusReason>\(escape(reason))</StatusReason>" }
        result += "<Capabilities><member>CAPABILITY_IAM</member><member>CAPABILITY_NAMED_IAM</member><member>CAPABILITY_AUTO_EXPAND</member></Capabilities>"
        result += "<Tags><member><Key>mlops:stage</Key><Value>dev</Value></member></Tags><IncludeNestedStacks>false</IncludeNestedStacks>"
        if let nextToken { result += "<NextToken>\(nextToken)</NextToken>" }
        return response("DescribeChangeSet", result)
    }

    static let executeChangeSet = response("ExecuteChangeSet", "")
    static let deleteChangeSet = response("DeleteChangeSet", "")
}

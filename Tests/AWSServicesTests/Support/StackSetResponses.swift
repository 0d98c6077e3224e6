import Foundation

/// CloudFormation stack-set response bodies: the `moto…` ones captured from moto 5.2.1's `moto_server` (one line,
/// no OrganizationalUnitId, an empty ListStackSetOperationResults), the others as the API reference documents them
/// (pretty-printed, every member the client reads, failures with CloudFormation's reasons).
enum StackSetResponses {
    static let stackSetId = "mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4"
    static let operationId = "6cf2c277-5b52-4468-ab6b-7d209a60a4a8"
    static let templateBody = #"{"Resources": {"P": {"Type": "AWS::SSM::Parameter", "Properties": {"Name": {"Fn::Sub": "/mlops/${AWS::AccountId}/m"}, "Type": "String", "Value": {"Ref": "V"}}}}, "Parameters": {"V": {"Type": "String"}}}"#

    static let motoCreateStackSet = """
        <CreateStackSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><CreateStackSetResult><StackSetId>mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4</StackSetId></CreateStackSetResult><ResponseMetadata><RequestId>XFRx5hyACDgHnMInSe8UyRzV7DrUq9Y9tJM7P6uKu0ppmdHkD6Bw</RequestId></ResponseMetadata></CreateStackSetResponse>
        """

    static let motoDescribeStackSet = """
        <DescribeStackSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStackSetResult><StackSet><StackSetName>mlops-dev</StackSetName><StackSetId>mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4</StackSetId><Description>d</Description><Status>ACTIVE</Status><TemplateBody>{&quot;Resources&quot;: {&quot;P&quot;: {&quot;Type&quot;: &quot;AWS::SSM::Parameter&quot;, &quot;Properties&quot;: {&quot;Name&quot;: {&quot;Fn::Sub&quot;: &quot;/mlops/${AWS::AccountId}/m&quot;}, &quot;Type&quot;: &quot;String&quot;, &quot;Value&quot;: {&quot;Ref&quot;: &quot;V&quot;}}}}, &quot;Parameters&quot;: {&quot;V&quot;: {&quot;Type&quot;: &quot;String&quot;}}}</TemplateBody><Parameters><member><ParameterKey>V</ParameterKey><ParameterValue>x</ParameterValue></member></Parameters><Tags><member><Key>k</Key><Value>v</Value></member></Tags><StackSetARN>arn:aws:cloudformation:us-east-1:123456789012:stackset/mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4</StackSetARN><AdministrationRoleARN>arn:aws:iam::123456789012:role/AWSCloudFormationStackSetAdministrationRole</AdministrationRoleARN><ExecutionRoleName>AWSCloudFormationStackSetExecutionRole</ExecutionRoleName><PermissionModel>SERVICE_MANAGED</PermissionModel><ManagedExecution><Active>false</Active></ManagedExecution></StackSet></DescribeStackSetResult><ResponseMetadata><RequestId>yZNRWkRpt8nnGEa4Uj5e4qcrtZHdSMvf8KT0PcengKmc1m0zAGcQ</RequestId></ResponseMetadata></DescribeStackSetResponse>
        """

    /// A service-managed stack set with auto-deployment, capabilities and OUs, as AWS describes one.
    static let describeStackSetAWS = """
        <DescribeStackSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStackSetResult>
            <StackSet>
              <StackSetName>mlops-bootstrap-prod</StackSetName>
              <StackSetId>
                mlops-bootstrap-prod:0a1b2c3d-4e5f-6789-abcd-ef0123456789
              </StackSetId>
              <Status>ACTIVE</Status>
              <TemplateBody>  {"Resources": {}}
        </TemplateBody>
              <Parameters>
                <member><ParameterKey>TrustedAccounts</ParameterKey><ParameterValue>111111111111,222222222222</ParameterValue></member>
                <member><ParameterKey>Empty</ParameterKey><ParameterValue></ParameterValue></member>
              </Parameters>
              <Capabilities>
                <member>CAPABILITY_IAM</member>
                <member>CAPABILITY_NAMED_IAM</member>
              </Capabilities>
              <Tags><member><Key>mlops:stage</Key><Value>prod</Value></member></Tags>
              <StackSetARN>arn:aws:cloudformation:eu-west-1:111111111111:stackset/mlops-bootstrap-prod:0a1b2c3d-4e5f-6789-abcd-ef0123456789</StackSetARN>
              <StackSetDriftDetectionDetails><DriftStatus>NOT_CHECKED</DriftStatus><TotalStackInstancesCount>0</TotalStackInstancesCount></StackSetDriftDetectionDetails>
              <AutoDeployment>
                <Enabled>true</Enabled>
                <RetainStacksOnAccountRemoval>false</RetainStacksOnAccountRemoval>
                <DependsOn><member>arn:aws:cloudformation:eu-west-1:111111111111:stackset/mlops-policy-prod:1a1b2c3d-4e5f-6789-abcd-ef0123456789</member></DependsOn>
              </AutoDeployment>
              <PermissionModel>SERVICE_MANAGED</PermissionModel>
              <OrganizationalUnitIds><member>ou-rck3-ktln93n2</member><member>ou-rck3-aaaabbbb</member></OrganizationalUnitIds>
              <ManagedExecution><Active>true</Active></ManagedExecution>
              <Regions><member>eu-west-1</member></Regions>
            </StackSet>
          </DescribeStackSetResult>
          <ResponseMetadata><RequestId>d5e5b9a2-0000-4c63-9fb6-example</RequestId></ResponseMetadata>
        </DescribeStackSetResponse>
        """

    static func error(_ code: String, _ message: String) -> String {
        """
        <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>\(code)</Code>\
        <Message>\(message)</Message></Error><RequestId>kpxxVbBizpK7T07zU2Ej9Jm4yNJqwzGGVXW8KcwUK0Jg3srTZGSp</RequestId></ErrorResponse>
        """
    }

    /// moto's answer for a missing stack set (HTTP 404).
    static let motoStackSetNotFound = error("StackSetNotFoundException", "StackSet missing not found")

    static func operationIdResponse(_ action: String, _ id: String = operationId) -> String {
        """
        <\(action)Response xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><\(action)Result><OperationId>\(id)</OperationId>\
        </\(action)Result><ResponseMetadata><RequestId>dmeb7lZjiJGZ6yLo5Bo5a2HOtFdMFCCXxBxCrckEcyKm8coxabi5</RequestId></ResponseMetadata></\(action)Response>
        """
    }

    static let motoDeleteStackSet = """
        <DeleteStackSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DeleteStackSetResult/><ResponseMetadata><RequestId>BsxCQicCYkULlHOzkT7bUpRChAmmLOQqOHpsQFQ6dUC6wWhkr25E</RequestId></ResponseMetadata></DeleteStackSetResponse>
        """

    static let motoListStackInstances = """
        <ListStackInstancesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><ListStackInstancesResult><Summaries><member><StackSetId>mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4</StackSetId><Region>us-east-1</Region><Account>940144603568</Account><StackId>arn:aws:cloudformation:us-east-1:940144603568:stack/StackSet-mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4/05109b1a-6a88-46b7-be60-f164f31c690b</StackId><Status>CURRENT</Status><StackInstanceStatus><DetailedStatus>SUCCEEDED</DetailedStatus></StackInstanceStatus></member><member><StackSetId>mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4</StackSetId><Region>us-east-1</Region><Account>271110431973</Account><StackId>arn:aws:cloudformation:us-east-1:271110431973:stack/StackSet-mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4/ac8398e7-6980-4b43-be36-3792fbc7d230</StackId><Status>CURRENT</Status><StackInstanceStatus><DetailedStatus>SUCCEEDED</DetailedStatus></StackInstanceStatus></member></Summaries></ListStackInstancesResult><ResponseMetadata><RequestId>47VbVdzMrwIUN6qpGYaLU2fa5YJrvRi0KXSgcFlt7aT7eiHJh4vU</RequestId></ResponseMetadata></ListStackInstancesResponse>
        """

    /// A page as AWS sends it: a failed and an outdated instance, with OUs, drift and a NextToken.
    static func listStackInstancesAWS(nextToken: String?) -> String {
        """
        <ListStackInstancesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <ListStackInstancesResult>
            <Summaries>
              <member>
                <StackSetId>\(stackSetId)</StackSetId>
                <Region>eu-west-1</Region>
                <Account>481209291763</Account>
                <StackId>arn:aws:cloudformation:eu-west-1:481209291763:stack/StackSet-mlops-dev-0a1b/05109b1a-6a88-46b7-be60-f164f31c690b</StackId>
                <Status>OUTDATED</Status>
                <StatusReason>ResourceLogicalId:StagingBucket, ResourceType:AWS::S3::Bucket, ResourceStatusReason:mlops-staging already exists.</StatusReason>
                <StackInstanceStatus><DetailedStatus>FAILED</DetailedStatus></StackInstanceStatus>
                <OrganizationalUnitId>ou-rck3-ktln93n2</OrganizationalUnitId>
                <DriftStatus>NOT_CHECKED</DriftStatus>
                <LastOperationId>\(operationId)</LastOperationId>
              </member>
              <member>
                <StackSetId>\(stackSetId)</StackSetId>
                <Region>eu-west-1</Region>
                <Account>555555555555</Account>
                <Status>OUTDATED</Status>
                <StatusReason>Account 555555555555 is suspended.</StatusReason>
                <StackInstanceStatus><DetailedStatus>SKIPPED_SUSPENDED_ACCOUNT</DetailedStatus></StackInstanceStatus>
                <OrganizationalUnitId>ou-rck3-ktln93n2</OrganizationalUnitId>
              </member>
            </Summaries>
            \(nextToken.map { "<NextToken>\($0)</NextToken>" } ?? "")
          </ListStackInstancesResult>
          <ResponseMetadata><RequestId>6a0a8e7c-0000-4a8d-8b1e-example</RequestId></ResponseMetadata>
        </ListStackInstancesResponse>
        """
    }

    static let motoDescribeStackSetOperation = """
        <DescribeStackSetOperationResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStackSetOperationResult><StackSetOperation><OperationId>6cf2c277-5b52-4468-ab6b-7d209a60a4a8</OperationId><StackSetId>mlops-dev:beebbb88-f9ae-48e8-b35c-b94b990627a4</StackSetId><Action>CREATE</Action><Status>SUCCEEDED</Status><AdministrationRoleARN>arn:aws:iam::123456789012:role/AWSCloudFormationStackSetAdministrationRole</AdministrationRoleARN><ExecutionRoleName>AWSCloudFormationStackSetExecutionRole</ExecutionRoleName><CreationTimestamp>2026-12-05T13:07:44.405361Z</CreationTimestamp><EndTimestamp>2026-12-05T13:09:44.405363Z</EndTimestamp></StackSetOperation></DescribeStackSetOperationResult><ResponseMetadata><RequestId>4gPqBIZ5KWFiIGNhrE33smGN6xTo8LOICDPfPrjJ56kDcah1P3Z5</RequestId></ResponseMetadata></DescribeStackSetOperationResponse>
        """

    /// A failed delete operation with its preferences, status details and reason, as AWS describes it.
    static let describeStackSetOperationFailed = """
        <DescribeStackSetOperationResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStackSetOperationResult>
            <StackSetOperation>
              <OperationId>\(operationId)</OperationId>
              <StackSetId>\(stackSetId)</StackSetId>
              <Action>DELETE</Action>
              <Status>FAILED</Status>
              <OperationPreferences>
                <RegionConcurrencyType>PARALLEL</RegionConcurrencyType>
                <RegionOrder/>
                <FailureToleranceCount>0</FailureToleranceCount>
                <MaxConcurrentPercentage>25</MaxConcurrentPercentage>
                <ConcurrencyMode>SOFT_FAILURE_TOLERANCE</ConcurrencyMode>
              </OperationPreferences>
              <RetainStacks>false</RetainStacks>
              <CreationTimestamp>2026-11-29T00:39:00.123Z</CreationTimestamp>
              <EndTimestamp>2026-11-29T00:41:02Z</EndTimestamp>
              <DeploymentTargets><OrganizationalUnitIds><member>ou-rck3-ktln93n2</member></OrganizationalUnitIds></DeploymentTargets>
              <StatusReason>The operation failed in 2 accounts, more than the failure tolerance of 0.</StatusReason>
              <StatusDetails><FailedStackInstancesCount>2</FailedStackInstancesCount></StatusDetails>
            </StackSetOperation>
          </DescribeStackSetOperationResult>
          <ResponseMetadata><RequestId>a1d2c3b4-0000-4b1f-9a63-example</RequestId></ResponseMetadata>
        </DescribeStackSetOperationResponse>
        """

    static let motoListStackSetOperationResults = """
        <ListStackSetOperationResultsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><ListStackSetOperationResultsResult><Summaries/></ListStackSetOperationResultsResult><ResponseMetadata><RequestId>vmq0HfCigQCwPpq6khnXbqz9lC3tqZfVwqacvFAcvYrBwvDcV5lp</RequestId></ResponseMetadata></ListStackSetOperationResultsResponse>
        """

    static func listStackSetOperationResultsAWS(nextToken: String?) -> String {
        """
        <ListStackSetOperationResultsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <ListStackSetOperationResultsResult>
            <Summaries>
              <member>
                <Account>940144603568</Account>
                <Region>eu-west-1</Region>
                <Status>SUCCEEDED</Status>
                <AccountGateResult><Status>SKIPPED</Status><StatusReason>Function not found</StatusReason></AccountGateResult>
                <OrganizationalUnitId>ou-rck3-ktln93n2</OrganizationalUnitId>
              </member>
              <member>
                <Account>481209291763</Account>
                <Region>eu-west-1</Region>
                <Status>FAILED</Status>
                <StatusReason>ResourceLogicalId:StagingKey, ResourceType:AWS::KMS::Key, ResourceStatusReason:Access denied.</StatusReason>
                <OrganizationalUnitId>ou-rck3-ktln93n2</OrganizationalUnitId>
              </member>
            </Summaries>
            \(nextToken.map { "<NextToken>\($0)</NextToken>" } ?? "")
          </ListStackSetOperationResultsResult>
          <ResponseMetadata><RequestId>b2e3d4c5-0000-4b1f-9a63-example</RequestId></ResponseMetadata>
        </ListStackSetOperationResultsResponse>
        """
    }
}

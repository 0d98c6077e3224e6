import Foundation

/// CloudFormation response bodies as AWS documents them and moto (5.2) sends them: same elements,
/// moto's microsecond timestamps, moto's ghost resource rows and empty lists.
enum CloudFormationResponses {
    static let stackId = "arn:aws:cloudformation:eu-west-1:222222222222:stack/mlops-bootstrap/5b9a2b20-ae0c-11f0-8f4e-0a1b2c3d4e5f"

    static func createStack(stackId: String = stackId) -> String {
        """
        <CreateStackResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <CreateStackResult>
            <StackId>\(stackId)</StackId>
          </CreateStackResult>
          <ResponseMetadata>
            <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
          </ResponseMetadata>
        </CreateStackResponse>
        """
    }

    static func updateStack(stackId: String = stackId) -> String {
        createStack(stackId: stackId).replacingOccurrences(of: "CreateStack", with: "UpdateStack")
    }

    static func updateTerminationProtection(stackId: String = stackId) -> String {
        createStack(stackId: stackId).replacingOccurrences(of: "CreateStack", with: "UpdateTerminationProtection")
    }

    static let deleteStack = """
        <DeleteStackResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <ResponseMetadata>
            <RequestId>5ccc7dcd-744c-11e5-be70-example</RequestId>
          </ResponseMetadata>
        </DeleteStackResponse>
        """

    /// A fully populated stack (AWS form, pretty-printed) after an update through a service role.
    static let describeStacksFull = """
        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStacksResult>
            <Stacks>
              <member>
                <StackName>mlops-bootstrap</StackName>
                <StackId>
                  \(stackId)
                </StackId>
                <Description>mlopsctl bootstrap</Description>
                <Parameters>
                  <member>
                    <ParameterKey>TrustedAccount</ParameterKey>
                    <ParameterValue>111111111111</ParameterValue>
                  </member>
                  <member>
                    <ParameterKey>Secret</ParameterKey>
                    <ParameterValue>****</ParameterValue>
                  </member>
                  <member>
                    <ParameterKey>AmiParam</ParameterKey>
                    <ParameterValue>/aws/service/ami</ParameterValue>
                    <ResolvedValue>ami-0abcdef</ResolvedValue>
                  </member>
                </Parameters>
                <CreationTime>2026-11-28T23:30:00.123Z</CreationTime>
                <LastUpdatedTime>2026-11-29T00:01:02Z</LastUpdatedTime>
                <StackStatus>UPDATE_ROLLBACK_COMPLETE</StackStatus>
                <StackStatusReason>The following resource(s) failed to update: [Param].</StackStatusReason>
                <DisableRollback>false</DisableRollback>
                <NotificationARNs/>
                <Capabilities>
                  <member>CAPABILITY_IAM</member>
                  <member>CAPABILITY_NAMED_IAM</member>
                </Capabilities>
                <Outputs>
                  <member>
                    <OutputKey>BucketName</OutputKey>
                    <OutputValue>mlops-artifacts-222222222222</OutputValue>
                    <Description>Artifacts bucket</Description>
                    <ExportName>mlops-bootstrap-BucketName</ExportName>
                  </member>
                  <member>
                    <OutputKey>Empty</OutputKey>
                    <OutputValue></OutputValue>
                  </member>
                </Outputs>
                <RoleARN>arn:aws:iam::222222222222:role/cdk-hnb659fds-cfn-exec-role-222222222222-eu-west-1</RoleARN>
                <Tags>
                  <member>
                    <Key>mlops:stage</Key>
                    <Value>dev</Value>
                  </member>
                </Tags>
                <EnableTerminationProtection>true</EnableTerminationProtection>
                <DriftInformation>
                  <StackDriftStatus>NOT_CHECKED</StackDriftStatus>
                </DriftInformation>
              </member>
            </Stacks>
          </DescribeStacksResult>
          <ResponseMetadata>
            <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
          </ResponseMetadata>
        </DescribeStacksResponse>
        """

    /// What moto 5.2 sent for a stack created with a parameter, a tag and termination protection (captured).
    static let describeStacksMoto = """
        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStacksResult><Stacks><member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/s1/0ea7ac1d-d86c-4a1e-a8e0-2901c7c7afb2</StackId><StackName>s1</StackName><Parameters><member><ParameterKey>P</ParameterKey><ParameterValue>q1</ParameterValue></member></Parameters><CreationTime>2026-11-29T02:17:50.060071Z</CreationTime><StackStatus>CREATE_COMPLETE</StackStatus><DisableRollback>false</DisableRollback><NotificationARNs/><Outputs><member><OutputKey>QArn</OutputKey><OutputValue>arn:aws:sqs:us-east-1:123456789012:q1</OutputValue></member></Outputs><Tags><member><Key>k</Key><Value>v</Value></member></Tags><EnableTerminationProtection>true</EnableTerminationProtection></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>dw0mlYgOKCXLa5dVMKJuNB12Gv5C9ZXkVevltYRqPVHfLGxIbCK0</RequestId></ResponseMetadata></DescribeStacksResponse>
        """

    /// moto's two stack-level events, newest first (captured), with a NextToken added.
    static let describeStackEventsMoto = """
        <DescribeStackEventsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><DescribeStackEventsResult><StackEvents><member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/s1/0ea7ac1d-d86c-4a1e-a8e0-2901c7c7afb2</StackId><EventId>b89a290a-9da2-404a-8250-a6cb1d802706</EventId><StackName>s1</StackName><LogicalResourceId>s1</LogicalResourceId><PhysicalResourceId>arn:aws:cloudformation:us-east-1:123456789012:stack/s1/0ea7ac1d-d86c-4a1e-a8e0-2901c7c7afb2</PhysicalResourceId><ResourceType>AWS::CloudFormation::Stack</ResourceType><Timestamp>2026-11-29T02:17:50.064199Z</Timestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member><member><StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/s1/0ea7ac1d-d86c-4a1e-a8e0-2901c7c7afb2</StackId><EventId>43b1d3d9-39d6-4c46-af5f-5696424d4d68</EventId><StackName>s1</StackName><LogicalResourceId>s1</LogicalResourceId><PhysicalResourceId>arn:aws:cloudformation:us-east-1:123456789012:stack/s1/0ea7ac1d-d86c-4a1e-a8e0-2901c7c7afb2</PhysicalResourceId><ResourceType>AWS::CloudFormation::Stack</ResourceType><Timestamp>2026-11-29T02:17:50.060101Z</Timestamp><ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus><ResourceStatusReason>User Initiated</ResourceStatusReason></member></StackEvents><NextToken>page-2</NextToken></DescribeStackEventsResult><ResponseMetadata><RequestId>DZWV21TWkEASKCFyKbP6YGdwvQXMYdAYPXykQtKVB1N2YyjRIXLU</RequestId></ResponseMetadata></DescribeStackEventsResponse>
        """

    /// A resource event as AWS sends it, with the operation's token.
    static let describeStackEventsAWS = """
        <DescribeStackEventsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStackEventsResult>
            <StackEvents>
              <member>
                <Timestamp>2026-11-29T00:00:07.512Z</Timestamp>
                <ResourceStatus>CREATE_FAILED</ResourceStatus>
                <StackId>\(stackId)</StackId>
                <ClientRequestToken>mlopsctl-create-1</ClientRequestToken>
                <EventId>ArtifactsBucket-CREATE_FAILED-2026-11-29T00:00:07.512Z</EventId>
                <LogicalResourceId>ArtifactsBucket</LogicalResourceId>
                <ResourceStatusReason>Resource handler returned message: "mlops-artifacts-222222222222 already exists" (RequestToken: 3a1c, HandlerErrorCode: AlreadyExists)</ResourceStatusReason>
                <StackName>mlops-bootstrap</StackName>
                <ResourceProperties>{"BucketName":"mlops-artifacts-222222222222"}</ResourceProperties>
                <PhysicalResourceId></PhysicalResourceId>
                <ResourceType>AWS::S3::Bucket</ResourceType>
              </member>
            </StackEvents>
          </DescribeStackEventsResult>
          <ResponseMetadata>
            <RequestId>a2a4b068-3a41-11e5-94eb-example</RequestId>
          </ResponseMetadata>
        </DescribeStackEventsResponse>
        """

    /// moto's GetTemplate: the body exactly as submitted (captured; note the indentation and no trailing newline).
    static let templateBody = "{\n \"Resources\": {\n  \"Q\": {\n   \"Type\": \"AWS::SQS::Queue\"\n  }\n }\n}"

    static func getTemplate(escapedBody: String) -> String {
        """
        <GetTemplateResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><GetTemplateResult><TemplateBody>\(escapedBody)</TemplateBody><StagesAvailable><member>Original</member><member>Processed</member></StagesAvailable></GetTemplateResult><ResponseMetadata><RequestId>VLRwlFkwHe0T9LAKCVkQyAUNX4jZqUomRU6oKHH8ZDXg66XCkkYI</RequestId></ResponseMetadata></GetTemplateResponse>
        """
    }

    /// moto's rows for a template with two real and two unsupported resources (one ghost with an
    /// empty LogicalResourceId, one with no members at all).
    static func listStackResources(nextToken: String?) -> String {
        """
        <ListStackResourcesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><ListStackResourcesResult><StackResourceSummaries><member><LogicalResourceId>Q</LogicalResourceId><PhysicalResourceId>https://sqs.us-east-1.amazonaws.com/123456789012/q1</PhysicalResourceId><ResourceType>AWS::SQS::Queue</ResourceType><LastUpdatedTimestamp>2026-11-29T02:17:50.061Z</LastUpdatedTimestamp><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member><member><LogicalResourceId></LogicalResourceId><ResourceStatus>CREATE_COMPLETE</ResourceStatus></member><member></member></StackResourceSummaries>\(nextToken.map { "<NextToken>\($0)</NextToken>" } ?? "")</ListStackResourcesResult><ResponseMetadata><RequestId>2GgXvsIB</RequestId></ResponseMetadata></ListStackResourcesResponse>
        """
    }

    static let validateTemplate = """
        <ValidateTemplateResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <ValidateTemplateResult>
            <Description>mlopsctl bootstrap</Description>
            <Parameters>
              <member>
                <NoEcho>false</NoEcho>
                <ParameterKey>TrustedAccount</ParameterKey>
                <Description>Account allowed to deploy</Description>
                <DefaultValue>111111111111</DefaultValue>
              </member>
              <member>
                <NoEcho>true</NoEcho>
                <ParameterKey>Secret</ParameterKey>
              </member>
            </Parameters>
            <Capabilities>
              <member>CAPABILITY_NAMED_IAM</member>
            </Capabilities>
            <CapabilitiesReason>The following resource(s) require capabilities: [AWS::IAM::Role]</CapabilitiesReason>
            <DeclaredTransforms/>
          </ValidateTemplateResult>
          <ResponseMetadata>
            <RequestId>0be7b6e8-e4a0-11e0-a5bd-9f8d5a7dbc91</RequestId>
          </ResponseMetadata>
        </ValidateTemplateResponse>
        """

    /// CloudFormation's error document (moto's form, with `<Type>`).
    static func error(code: String, message: String) -> String {
        """
        <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error><RequestId>Joe8NurG0oGDOdsiamNgxZpFYutVa3DPkfaoKW0Rh9e79ka4FTx2</RequestId></ErrorResponse>
        """
    }
}

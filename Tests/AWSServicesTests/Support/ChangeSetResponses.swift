import Foundation

/// Change-set responses as the CloudFormation API reference documents them (pretty-printed, as AWS sends them),
/// and moto's (5.2) DescribeChangeSet, which names the action of each change and nothing else.
extension CloudFormationResponses {
    static let changeSetId = "arn:aws:cloudformation:eu-west-1:222222222222:changeSet/mlopsctl-7f3e/1a2345b6-0000-00a0-a123-00abc0abc000"

    static let createChangeSet = """
        <CreateChangeSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <CreateChangeSetResult>
            <Id>\(changeSetId)</Id>
            <StackId>\(stackId)</StackId>
          </CreateChangeSetResult>
          <ResponseMetadata>
            <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
          </ResponseMetadata>
        </CreateChangeSetResponse>
        """

    static let executeChangeSet = """
        <ExecuteChangeSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <ExecuteChangeSetResult/>
          <ResponseMetadata>
            <RequestId>5ccc7dcd-744c-11e5-be70-example</RequestId>
          </ResponseMetadata>
        </ExecuteChangeSetResponse>
        """

    static let deleteChangeSet = executeChangeSet.replacingOccurrences(of: "ExecuteChangeSet", with: "DeleteChangeSet")

    /// Two changes: the staging bucket replaced because its name changes, the version parameter modified in place.
    static let describeChangeSetAWS = """
        <DescribeChangeSetResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeChangeSetResult>
            <ChangeSetName>mlopsctl-7f3e</ChangeSetName>
            <Changes>
              <member>
                <ResourceChange>
                  <Replacement>True</Replacement>
                  <Action>Modify</Action>
                  <Details>
                    <member>
                      <Target>
                        <Name>BucketName</Name>
                        <Attribute>Properties</Attribute>
                        <RequiresRecreation>Always</RequiresRecreation>
                      </Target>
                      <Evaluation>Static</Evaluation>
                      <ChangeSource>ParameterReference</ChangeSource>
                      <CausingEntity>FileAssetsBucketName</CausingEntity>
                    </member>
                  </Details>
                  <LogicalResourceId>StagingBucket</LogicalResourceId>
                  <PhysicalResourceId>cdk-hnb659fds-assets-222222222222-eu-west-1</PhysicalResourceId>
                  <ResourceType>AWS::S3::Bucket</ResourceType>
                  <Scope>
                    <member>Properties</member>
                  </Scope>
                </ResourceChange>
                <Type>Resource</Type>
              </member>
              <member>
                <ResourceChange>
                  <Replacement>False</Replacement>
                  <Action>Modify</Action>
                  <Details>
                    <member>
                      <Target>
                        <Name>Value</Name>
                        <Attribute>Properties</Attribute>
                        <RequiresRecreation>Never</RequiresRecreation>
                      </Target>
                      <Evaluation>Static</Evaluation>
                      <ChangeSource>DirectModification</ChangeSource>
                    </member>
                  </Details>
                  <LogicalResourceId>CdkBootstrapVersion</LogicalResourceId>
                  <PhysicalResourceId>/cdk-bootstrap/hnb659fds/version</PhysicalResourceId>
                  <ResourceType>AWS::SSM::Parameter</ResourceType>
                  <Scope>
                    <member>Properties</member>
                  </Scope>
                </ResourceChange>
                <Type>Resource</Type>
              </member>
            </Changes>
            <ChangeSetId>\(changeSetId)</ChangeSetId>
            <StackId>\(stackId)</StackId>
            <Description>mlopsctl: reviewed before it is executed</Description>
            <Parameters>
              <member>
                <ParameterKey>FileAssetsBucketName</ParameterKey>
                <ParameterValue>mlops-staging</ParameterValue>
              </member>
            </Parameters>
            <CreationTime>2026-11-29T00:00:01.813Z</CreationTime>
            <ExecutionStatus>AVAILABLE</ExecutionStatus>
            <StackName>mlops-bootstrap</StackName>
            <NotificationARNs/>
            <Status>CREATE_COMPLETE</Status>
            <Capabilities>
              <member>CAPABILITY_NAMED_IAM</member>
            </Capabilities>
            <Tags/>
            <NextToken>
              AAAAAIRYb3jmk7oc
            </NextToken>
          </DescribeChangeSetResult>
          <ResponseMetadata>
            <RequestId>3d3200a1-810e-3023-6cc3-example</RequestId>
          </ResponseMetadata>
        </DescribeChangeSetResponse>
        """

    static let describeChangeSetMoto = """
        <DescribeChangeSetResponse><DescribeChangeSetResult><ChangeSetId>\(changeSetId)</ChangeSetId><ChangeSetName>mlopsctl-7f3e</ChangeSetName><StackId>\(stackId)</StackId><StackName>mlops-bootstrap</StackName><Description>mlopsctl: reviewed before it is executed</Description><Parameters></Parameters><CreationTime>2026-12-04T18:36:44.215611Z</CreationTime><ExecutionStatus>AVAILABLE</ExecutionStatus><Status>CREATE_COMPLETE</Status><StatusReason></StatusReason><Changes><member><Type>Resource</Type><ResourceChange><Action>Modify</Action><LogicalResourceId>StagingBucket</LogicalResourceId><ResourceType>AWS::S3::Bucket</ResourceType></ResourceChange></member></Changes></DescribeChangeSetResult><ResponseMetadata><RequestId>UGmJDf5u6wqMX0meTD81PNCvgzRiS1OisVi0OCOHPrLC2lhFmg1H</RequestId></ResponseMetadata></DescribeChangeSetResponse>
        """
}

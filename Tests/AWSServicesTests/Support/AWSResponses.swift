import AWSWire
import Foundation
import TestSupport

/// Response bodies in the shapes AWS documents for each API (and moto's timestamp forms), with
/// placeholders where a test needs its own values.
enum AWSResponses {
    static func callerIdentity(account: String = "123456789012", arn: String = "arn:aws:iam::123456789012:user/Alice") -> String {
        """
        <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <GetCallerIdentityResult>
           <Arn>\(arn)</Arn>
            <UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>
            <Account>\(account)</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata>
            <RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId>
          </ResponseMetadata>
        </GetCallerIdentityResponse>
        """
    }

    /// AssumeRole as documented (the session token wrapped over lines as in the docs), with moto's
    /// microsecond expiration by default.
    static func assumeRole(
        accessKeyId: String = "ASIAIOSFODNN7EXAMPLE", secret: String = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
        token: String = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==",
        expiration: String = "2026-11-29T01:00:00.679501Z", assumedRoleArn: String = "arn:aws:sts::123456789012:assumed-role/demo/TestAR"
    ) -> String {
        """
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
        <AssumeRoleResult>
        <SourceIdentity>Alice</SourceIdentity>
            <AssumedRoleUser>
              <Arn>\(assumedRoleArn)</Arn>
              <AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>\(accessKeyId)</AccessKeyId>
              <SecretAccessKey>\(secret)</SecretAccessKey>
              <SessionToken>
               \(token)
              </SessionToken>
              <Expiration>\(expiration)</Expiration>
            </Credentials>
            <PackedPolicySize>6</PackedPolicySize>
          </AssumeRoleResult>
          <ResponseMetadata>
            <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
          </ResponseMetadata>
        </AssumeRoleResponse>
        """
    }

    static func assumeRoleWithWebIdentity(
        accessKeyId: String = "ASgeIAIOSFODNN7EXAMPLE", secret: String = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        expiration: String = "2026-11-29T01:00:23Z"
    ) -> String {
        """
        <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
          <AssumeRoleWithWebIdentityResult>
            <SubjectFromWebIdentityToken>amzn1.account.AF6RHO7KZU5XRVQJGXK6HB56KR2A</SubjectFromWebIdentityToken>
            <Audience>client.5498841531868486423.1548@apps.example.com</Audience>
            <AssumedRoleUser>
              <Arn>arn:aws:sts::123456789012:assumed-role/FederatedWebIdentityRole/app1</Arn>
              <AssumedRoleId>AROACLKWSDQRAOEXAMPLE:app1</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <SessionToken>AQoDYXdzE/EXAMPLE/webidentity</SessionToken>
              <SecretAccessKey>\(secret)</SecretAccessKey>
              <Expiration>\(expiration)</Expiration>
              <AccessKeyId>\(accessKeyId)</AccessKeyId>
            </Credentials>
            <SourceIdentity>SourceIdentityValue</SourceIdentity>
            <Provider>www.amazon.com</Provider>
          </AssumeRoleWithWebIdentityResult>
          <ResponseMetadata>
            <RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId>
          </ResponseMetadata>
        </AssumeRoleWithWebIdentityResponse>
        """
    }

    /// The trust policy `{"Version":…,"Condition":{"StringEquals":{"sts:ExternalId":"a+b 100%"}}}`
    /// percent-encoded as IAM sends it (`urllib.parse.quote(…, safe='')`).
    static let encodedTrustPolicy =
        "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22arn%3Aaws%3Aiam%3A%3A111111111111%3Aroot%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Condition%22%3A%7B%22StringEquals%22%3A%7B%22sts%3AExternalId%22%3A%22a%2Bb%20100%25%22%7D%7D%7D%5D%7D"
    static let decodedTrustPolicy =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"a+b 100%"}}}]}"#

    static func getRole(policy: String = encodedTrustPolicy, createDate: String = "2026-11-29T00:39:00.679501Z") -> String {
        """
        <GetRoleResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <GetRoleResult>
            <Role>
              <Path>/mlops/</Path>
              <Arn>arn:aws:iam::222222222222:role/mlops/GovernanceAdmin</Arn>
              <RoleName>GovernanceAdmin</RoleName>
              <AssumeRolePolicyDocument>\(policy)</AssumeRolePolicyDocument>
              <CreateDate>\(createDate)</CreateDate>
              <RoleId>AROADBQP57FF2AEXAMPLE</RoleId>
              <RoleLastUsed>
                <LastUsedDate>2019-11-20T17:09:20Z</LastUsedDate>
                <Region>us-east-1</Region>
              </RoleLastUsed>
              <MaxSessionDuration>7200</MaxSessionDuration>
              <Description>Governance access from the hub account</Description>
            </Role>
          </GetRoleResult>
          <ResponseMetadata>
            <RequestId>df37e965-9967-11e1-a4c3-270EXAMPLE04</RequestId>
          </ResponseMetadata>
        </GetRoleResponse>
        """
    }

    /// The query-protocol error document (IAM, STS), moto's form with `<Type>`.
    static func queryError(code: String, message: String, type: String = "Sender") -> String {
        """
        <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
          <Error>
            <Type>\(type)</Type>
            <Code>\(code)</Code>
            <Message>\(message)</Message>
          </Error>
          <RequestId>4a2d8e4f-EXAMPLE</RequestId>
        </ErrorResponse>
        """
    }

    /// ListBuckets as documented (offset dates), plus a moto-style millisecond date and `BucketRegion`.
    static let listBuckets = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Buckets>
            <Bucket>
              <CreationDate>2019-12-11T23:32:47+00:00</CreationDate>
              <Name>amzn-s3-demo-bucket</Name>
            </Bucket>
            <Bucket>
              <CreationDate>2026-11-29T00:38:50.000Z</CreationDate>
              <Name>mlops-artifacts-222222222222</Name>
              <BucketRegion>eu-west-1</BucketRegion>
            </Bucket>
          </Buckets>
          <Owner>
            <DisplayName>Account+Name</DisplayName>
            <ID>AIDACKCEVSQ6C2EXAMPLE</ID>
          </Owner>
        </ListAllMyBucketsResult>
        """

    static func s3Error(code: String, message: String, resource: String = "/mybucket/myfoto.jpg") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error>
          <Code>\(code)</Code>
          <Message>\(message)</Message>
          <Resource>\(resource)</Resource>
          <RequestId>4442587FB7D0A2F9</RequestId>
        </Error>
        """
    }

    static func getParameter(value: String = "AYA39c3b3042cd2aEXAMPLE/example-secure-value", type: String = "SecureString") -> String {
        #"{"Parameter":{"ARN":"arn:aws:ssm:eu-west-1:111122223333:parameter/mlops/github-token","DataType":"text","LastModifiedDate":1795912568.257,"Name":"/mlops/github-token","Type":"\#(type)","Value":"\#(value)","Version":3}}"#
    }

    static func jsonError(_ type: String, message: String) -> String {
        #"{"__type":"\#(type)","message":"\#(message)"}"#
    }

    static func roleCredentials(
        accessKeyId: String = "ASIAEXAMPLESSO", secret: String = "sso-secret/EXAMPLE", token: String = "sso-session-token",
        expirationMillis: String = "1795914000123"
    ) -> String {
        #"{"roleCredentials":{"accessKeyId":"\#(accessKeyId)","secretAccessKey":"\#(secret)","sessionToken":"\#(token)","expiration":\#(expirationMillis)}}"#
    }

    static func response(_ status: Int, _ body: String, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

import AWSWire
import Foundation
import Testing

/// Error bodies captured from moto 5.2.1 (emulator-notes §7) and copied from AWS documentation.
@Suite struct ErrorParsingTests {
    func parse(_ status: Int, _ body: String, headers: HTTPHeaders = [:], service: String = "STS", operation: String = "Op")
        -> AWSServiceError
    {
        AWSErrorParser.parse(HTTPResponse(statusCode: status, headers: headers, body: body), serviceId: service, operation: operation)
    }

    @Test func queryErrorResponseFromAWSDocs() {
        let error = parse(
            403,
            """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>Sender</Type>
                <Code>SignatureDoesNotMatch</Code>
                <Message>The request signature we calculated does not match the signature you provided.
            Check your AWS Secret Access Key and signing method.</Message>
              </Error>
              <RequestId>4d2f0a43-6b5c-11e0-8c8c-e7c37d3d9e2d</RequestId>
            </ErrorResponse>
            """, service: "STS", operation: "GetCallerIdentity")

        #expect(error.code == "SignatureDoesNotMatch")
        #expect(error.statusCode == 403)
        #expect(error.requestId == "4d2f0a43-6b5c-11e0-8c8c-e7c37d3d9e2d")
        #expect(
            error.description
                == "STS GetCallerIdentity: SignatureDoesNotMatch (HTTP 403): The request signature we calculated does not match the "
                + "signature you provided. Check your AWS Secret Access Key and signing method. [request id 4d2f0a43-6b5c-11e0-8c8c-e7c37d3d9e2d]")
    }

    @Test func motoIAMNoSuchEntity() {
        let error = parse(
            404,
            #"<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>NoSuchEntity</Code><Message>Role nope not found</Message><message>Role nope not found</message></Error><RequestId>kv1mFE7KI4LD</RequestId></ErrorResponse>"#,
            headers: ["Content-Type": "text/xml", "x-amzn-requestid": "kv1mFE7KI4LD"], service: "IAM", operation: "GetRole")
        #expect(error == AWSServiceError(
            serviceId: "IAM", operation: "GetRole", statusCode: 404, code: "NoSuchEntity", message: "Role nope not found", requestId: "kv1mFE7KI4LD"))
    }

    @Test func motoCloudFormationValidationErrorWithBodyRequestIdOnly() {
        let error = parse(
            400,
            #"<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id nope does not exist</Message></Error><RequestId>PEH4m1G5</RequestId></ErrorResponse>"#)
        #expect(error.code == "ValidationError")
        #expect(error.message == "Stack with id nope does not exist")
        #expect(error.requestId == "PEH4m1G5")
    }

    /// moto answers auth failures on JSON services (KMS, SSM) with XML labelled text/html.
    @Test func xmlErrorsWrapperOnAJSONServiceLabelledHTML() {
        let error = parse(
            403,
            """
            <?xml version="1.0" encoding="utf-8"?>
            <ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message><Type>Sender</Type></Error></Errors></ErrorResponse>
            """, headers: ["Content-Type": "text/html; charset=utf-8", "x-amzn-requestid": "7IIqVdOS"], service: "KMS", operation: "ListKeys")
        #expect(error.code == "InvalidClientTokenId")
        #expect(error.message == "The security token included in the request is invalid.")
        #expect(error.requestId == "7IIqVdOS")
        #expect(error.description == "KMS ListKeys: InvalidClientTokenId (HTTP 403): The security token included in the request is invalid. [request id 7IIqVdOS]")
    }

    @Test func ec2StyleResponseErrorsWrapper() {
        let error = parse(
            400,
            "<Response><Errors><Error><Code>InvalidParameterValue</Code><Message>bad</Message></Error></Errors><RequestID>ea966190-f9aa</RequestID></Response>")
        #expect(error.code == "InvalidParameterValue")
        #expect(error.requestId == "ea966190-f9aa")
    }

    @Test func motoJSONErrorWithTypeAndBothMessageSpellings() {
        let error = parse(
            400, #"{"__type": "ParameterNotFound", "message": "Parameter /nope not found.", "Message": "Parameter /nope not found."}"#,
            headers: ["Content-Type": "application/x-amz-json-1.1", "x-amzn-requestid": "13Wp9BAR"], service: "SSM", operation: "GetParameter")
        #expect(error.description == "SSM GetParameter: ParameterNotFound (HTTP 400): Parameter /nope not found. [request id 13Wp9BAR]")
    }

    @Test(arguments: [
        ("com.amazonaws.kms#NotFoundException", "NotFoundException"),
        ("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"),
        ("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "ValidationException"),
        ("ResourceNotFoundException", "ResourceNotFoundException"),
    ])
    func jsonTypeIsSanitised(raw: String, code: String) {
        #expect(parse(400, #"{"__type": "\#(raw)", "message": "m"}"#).code == code)
    }

    @Test func jsonCodeAndCapitalisedFields() {
        let lower = parse(400, #"{"code": "ValidationException", "message": "1 validation error detected"}"#)
        #expect(lower.code == "ValidationException")
        #expect(lower.message == "1 validation error detected")
        let upper = parse(403, #"{"Code": "AccessDeniedException", "Message": "User is not authorized"}"#)
        #expect(upper.code == "AccessDeniedException")
        #expect(upper.message == "User is not authorized")
    }

    @Test func errorTypeHeaderWins() {
        let error = parse(
            400, #"{"message": "Invalid keyId nope"}"#,
            headers: ["X-Amzn-ErrorType": "NotFoundException:http://internal.amazon.com/coral/", "x-amzn-RequestId": "r1"])
        #expect(error.code == "NotFoundException")
        #expect(error.message == "Invalid keyId nope")
        #expect(error.requestId == "r1")
    }

    @Test func queryCompatibleHeader() {
        let error = parse(400, #"{"message": "gone"}"#, headers: ["x-amzn-query-error": "AWS.SimpleQueueService.NonExistentQueue;Sender"])
        #expect(error.code == "AWS.SimpleQueueService.NonExistentQueue")
    }

    @Test func s3ErrorWithRequestIdHeader() {
        let error = parse(
            404,
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>missing key</Key><RequestId>4442587FB7D0A2F9</RequestId><HostId>9Gjjt1m+cjU4OPvX9O9/8RuvnG41MRb/18Oux2o5H5MY7ISNTlXN+Dz9IG62/ILVxhAGI0qyPfg=</HostId></Error>
            """, headers: ["x-amz-request-id": "4442587FB7D0A2F9"], service: "S3", operation: "GetObject")
        #expect(error.description == "S3 GetObject: NoSuchKey (HTTP 404): The specified key does not exist. [request id 4442587FB7D0A2F9]")
    }

    @Test(arguments: [(404, "NotFound"), (403, "Forbidden"), (301, "MovedPermanently"), (400, "BadRequest"), (412, "PreconditionFailed")])
    func bodilessHeadErrorsAreNamedByStatus(status: Int, code: String) {
        let error = parse(status, "", headers: ["x-amz-request-id": "HEADREQ"], service: "S3", operation: "HeadObject")
        #expect(error.code == code)
        #expect(error.requestId == "HEADREQ")
        #expect(error.description.hasPrefix("S3 HeadObject: \(code) (HTTP \(status))"))
    }

    @Test func motoNotImplementedHTML500() {
        let error = parse(
            500,
            """
            <!doctype html>
            <html lang=en>
            <title>500 Internal Server Error</title>
            <h1>Internal Server Error</h1>
            <p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>
            """, headers: ["Content-Type": "text/html; charset=utf-8"], service: "Service Catalog", operation: "ListLaunchPaths")
        #expect(error.code == "InternalServerError")
        #expect(error.statusCode == 500)
        #expect(error.message?.hasPrefix("unrecognised error body: 500 Internal Server Error Internal Server Error") == true)
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("<"))
    }

    @Test func unknownStatusWithGarbageBody() {
        let error = parse(599, "oops")
        #expect(error.code == "HTTP599")
        #expect(error.message == "unrecognised error body: oops")
    }

    @Test func jsonErrorWithoutCodeFallsBackToStatus() {
        let error = parse(503, #"{"message": "Service is busy"}"#)
        #expect(error.code == "ServiceUnavailable")
        #expect(error.message == "Service is busy")
    }

    /// Hostile input: an endpoint answering a megabyte message must not flood the terminal (one line, 500 characters).
    @Test func aMegabyteMessageIsCut() {
        let huge = String(repeating: "a", count: 1 << 20)
        let error = parse(403, "<ErrorResponse><Error><Code>AccessDenied</Code><Message>\(huge)</Message></Error></ErrorResponse>")
        #expect(error.code == "AccessDenied")
        #expect(error.message?.hasSuffix("… (1048576 characters)") == true)
        #expect(error.description.count < 700)
    }
}

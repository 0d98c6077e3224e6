import AWSWire
import Foundation
import Testing

@Suite struct XMLElementNodeTests {
    static let describeStacks = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStacksResult>
            <Stacks>
              <member>
                <StackName>mlops-bootstrap</StackName>
                <StackStatus>CREATE_COMPLETE</StackStatus>
                <CreationTime>2026-11-29T00:39:00.679501Z</CreationTime>
                <Description><![CDATA[Bootstrap <stack> & friends]]></Description>
                <Outputs>
                  <member><OutputKey>BucketName</OutputKey><OutputValue>mlops-artifacts</OutputValue></member>
                  <member><OutputKey>RoleArn</OutputKey><OutputValue>arn:aws:iam::111111111111:role/x</OutputValue></member>
                </Outputs>
                <Tags/>
              </member>
            </Stacks>
          </DescribeStacksResult>
          <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
        </DescribeStacksResponse>
        """

    @Test func navigatesAQueryResponse() throws {
        let root = try XMLElementNode.parse(Self.describeStacks)
        #expect(root.name == "DescribeStacksResponse")
        let stacks = try #require(root.child("DescribeStacksResult")).members(of: "Stacks")
        #expect(stacks.count == 1)
        let stack = try #require(stacks.first)
        #expect(stack.text(of: "StackName") == "mlops-bootstrap")
        #expect(stack.text(of: "Description") == "Bootstrap <stack> & friends")
        #expect(stack.members(of: "Outputs").map { $0.text(of: "OutputKey") } == ["BucketName", "RoleArn"])
        #expect(stack.members(of: "Tags").isEmpty)
        #expect(stack.text(of: "Missing") == nil)
        #expect(root.child(path: "ResponseMetadata", "RequestId")?.text == "b9b4b068-3a41-11e5-94eb-example")
        #expect(root.first(named: "OutputValue")?.text == "mlops-artifacts")
        #expect(stack.text(of: "CreationTime").flatMap(AWSTimestamp.parse) != nil)
        // Whitespace between child elements is not text.
        #expect(stack.text == "")
    }

    @Test func namespacePrefixesAreIgnoredAndEntitiesDecoded() throws {
        let root = try XMLElementNode.parse(
            #"<s3:ListBucketResult xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/"><s3:Name>b</s3:Name><s3:Contents><s3:Key>a &amp; b &lt;c&gt;.txt</s3:Key></s3:Contents></s3:ListBucketResult>"#)
        #expect(root.name == "ListBucketResult")
        #expect(root.child(path: "Contents", "Key")?.text == "a & b <c>.txt")
        #expect(root.children("Contents").count == 1)
    }

    @Test func leafTextIsKeptExactly() throws {
        let root = try XMLElementNode.parse("<a><b>  padded value \n</b><c></c></a>")
        #expect(root.text(of: "b") == "  padded value \n")
        #expect(root.text(of: "c") == "")
    }

    @Test(arguments: ["", "<!doctype html><html><body>Internal Server Error", "<a><b></a>", "not xml at all"])
    func rejectsMalformedDocuments(text: String) {
        #expect(throws: XMLParseError.self) { try XMLElementNode.parse(text) }
    }

    /// Regression inputs of the fuzzer (fuzz/corpus/FuzzWireDecoders/regression-*): FoundationXML trapped on an
    /// element or attribute name that is not UTF-8, and read a NULL pointer for a processing instruction without data;
    /// such bodies are now refused as not well-formed, as is a DTD.
    @Test(arguments: [
        Data("<ErrorRes".utf8) + Data([0xF0]) + Data("onse><Code>x</Code></ErrorResponse>".utf8),
        Data("<Error ".utf8) + Data([0x87]) + Data("xmlns=\"a\"><Code>x</Code></Error>".utf8),
        Data("<a><b>".utf8) + Data([0xC3, 0x28]) + Data("</b></a>".utf8),
        // A processing instruction without data: FoundationXML read a NULL pointer (SEGV).
        Data("<?xrUTFs?>1.0+0+ ".utf8),
        Data("<a><?pi?></a>".utf8),
        Data("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"lol\">]><a>&x;</a>".utf8),
    ])
    func hostileBodiesAreRefusedNotATrap(body: Data) {
        #expect(throws: XMLParseError.self) { try XMLElementNode.parse(body) }
    }

    @Test func theXMLDeclarationIsStillAccepted() throws {
        let body = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code></Error>"
        #expect(try XMLElementNode.parse(body).text(of: "Code") == "NoSuchKey")
    }
}

import Foundation

/// S3 bodies for versions, batch deletes and multipart listings, after the API reference examples.
enum S3VersionResponses {
    static let owner = "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a</ID><DisplayName>mtd@amazon.com</DisplayName></Owner>"

    static func version(_ key: String, _ id: String, latest: Bool = true, size: Int = 434_234) -> String {
        """
        <Version><Key>\(key)</Key><VersionId>\(id)</VersionId><IsLatest>\(latest)</IsLatest>
        <LastModified>2009-10-12T17:50:30.000Z</LastModified><ETag>"fba9dede5f27731c9771645a39863328"</ETag><Size>\(size)</Size>
        <StorageClass>STANDARD</StorageClass>\(owner)</Version>
        """
    }

    static func deleteMarker(_ key: String, _ id: String, latest: Bool = true) -> String {
        """
        <DeleteMarker>\(owner)<Key>\(key)</Key><VersionId>\(id)</VersionId><IsLatest>\(latest)</IsLatest>
        <LastModified>2009-11-12T17:50:30.000Z</LastModified></DeleteMarker>
        """
    }

    /// A ListVersionsResult page; `encoded` adds `<EncodingType>url</EncodingType>` as S3 does when asked.
    static func page(
        _ entries: [String], next: (key: String, version: String)? = nil, encoded: Bool = false, keyMarker: String = "", versionIdMarker: String = ""
    ) -> String {
        let truncation = next.map { "<IsTruncated>true</IsTruncated><NextKeyMarker>\($0.key)</NextKeyMarker><NextVersionIdMarker>\($0.version)</NextVersionIdMarker>" }
            ?? "<IsTruncated>false</IsTruncated>"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListVersionsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Name>mlops-artifacts</Name><Prefix></Prefix><KeyMarker>\(keyMarker)</KeyMarker><VersionIdMarker>\(versionIdMarker)</VersionIdMarker>
              <MaxKeys>1000</MaxKeys>\(encoded ? "<EncodingType>url</EncodingType>" : "")\(truncation)
              \(entries.joined(separator: "\n"))
            </ListVersionsResult>
            """
    }

    static func deleteResult(deleted: [(key: String, version: String?)] = [], errors: [(key: String, version: String?, code: String)] = []) -> String {
        var body = #"<?xml version="1.0" encoding="UTF-8"?><DeleteResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">"#
        for item in deleted {
            body += "<Deleted><Key>\(item.key)</Key>" + (item.version.map { "<VersionId>\($0)</VersionId>" } ?? "") + "</Deleted>"
        }
        for item in errors {
            body += "<Error><Key>\(item.key)</Key>" + (item.version.map { "<VersionId>\($0)</VersionId>" } ?? "")
                + "<Code>\(item.code)</Code><Message>Access Denied</Message></Error>"
        }
        return body + "</DeleteResult>"
    }

    static let listMultipartUploadsTruncated = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Bucket>bucket</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>
          <NextKeyMarker>my-movie.m2ts</NextKeyMarker><NextUploadIdMarker>YW55IGlkZWEgd2h5IGVsdmluZydzIHVwbG9hZCBmYWlsZWQ</NextUploadIdMarker>
          <MaxUploads>3</MaxUploads><IsTruncated>true</IsTruncated>
          <Upload>
            <Key>my-divisor</Key><UploadId>XMgbGlrZSBlbHZpbmcncyBub3QgaGF2aW5nIG11Y2ggbHVjaw</UploadId>
            <Initiator><ID>arn:aws:iam::111122223333:user/user1-11111a31-17b5-4fb7-9df5-b111111f13de</ID><DisplayName>user1</DisplayName></Initiator>
            \(owner)<StorageClass>REDUCED_REDUNDANCY</StorageClass><Initiated>2010-11-10T20:48:33.000Z</Initiated>
          </Upload>
          <Upload>
            <Key>my-movie.m2ts</Key><UploadId>YW55IGlkZWEgd2h5IGVsdmluZydzIHVwbG9hZCBmYWlsZWQ</UploadId>
            <Initiator><ID>b1d16700c70b0b05597d7acd6a3f92be</ID><DisplayName>InitiatorDisplayName</DisplayName></Initiator>
            \(owner)<StorageClass>STANDARD</StorageClass><Initiated>2010-11-10T20:48:33.000Z</Initiated>
          </Upload>
        </ListMultipartUploadsResult>
        """

    static let listMultipartUploadsEmpty = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>bucket</Bucket><KeyMarker/><UploadIdMarker/>
        <MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>
        """

    static let policy = #"{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::mlops-artifacts","arn:aws:s3:::mlops-artifacts/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}"#
}

import Foundation

/// S3 response bodies in the shapes AWS documents, for scripted transports in several test targets.
public enum S3Responses {
    /// CreateMultipartUpload's `<InitiateMultipartUploadResult>`.
    public static func initiateMultipartUpload(bucket: String = "mlops-artifacts", key: String = "k", uploadId: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <InitiateMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Bucket>\(bucket)</Bucket>
          <Key>\(key)</Key>
          <UploadId>\(uploadId)</UploadId>
        </InitiateMultipartUploadResult>
        """
    }

    /// CompleteMultipartUpload's `<CompleteMultipartUploadResult>`; `eTag` quotes included (`"…-3"`).
    public static func completeMultipartUpload(bucket: String = "mlops-artifacts", key: String = "k", eTag: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <CompleteMultipartUploadResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
          <Location>https://\(bucket).s3.amazonaws.com/\(key)</Location>
          <Bucket>\(bucket)</Bucket>
          <Key>\(key)</Key>
          <ETag>\(eTag.replacingOccurrences(of: "\"", with: "&quot;"))</ETag>
        </CompleteMultipartUploadResult>
        """
    }

    /// GetBucketEncryption with one `aws:kms` rule, or `AES256` when `kmsKey` is nil.
    public static func bucketEncryption(kmsKey: String?, bucketKeyEnabled: Bool = false) -> String {
        let key = kmsKey.map { "<KMSMasterKeyID>\($0)</KMSMasterKeyID>" } ?? ""
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <ServerSideEncryptionConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Rule>
                <ApplyServerSideEncryptionByDefault><SSEAlgorithm>\(kmsKey == nil ? "AES256" : "aws:kms")</SSEAlgorithm>\(key)</ApplyServerSideEncryptionByDefault>
                <BucketKeyEnabled>\(bucketKeyEnabled)</BucketKeyEnabled>
              </Rule>
            </ServerSideEncryptionConfiguration>
            """
    }

    /// GetBucketVersioning; nil status is the empty document of a never-versioned bucket.
    public static func bucketVersioning(_ status: String?) -> String {
        guard let status else { return #"<?xml version="1.0" encoding="UTF-8"?><VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"/>"# }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>\(status)</Status></VersioningConfiguration>
            """
    }

    /// An S3 `<Error>` document.
    public static func error(code: String, message: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Error><Code>\(code)</Code><Message>\(message)</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>
        """
    }
}

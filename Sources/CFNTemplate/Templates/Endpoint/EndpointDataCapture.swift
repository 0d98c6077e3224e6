/// Capture of an endpoint's requests and responses to S3 (`dataCapture` in `config/<stage>.json`), as the seed's
/// deploy app renders it: input and output, CSV content type, at `samplingPercentage` of the requests.
public struct EndpointDataCapture: Sendable, Hashable {
    /// 1...100.
    public var samplingPercentage: Int
    /// `s3://bucket[/prefix]` in the stage's account.
    public var destinationS3Uri: String

    public init(samplingPercentage: Int = 100, destinationS3Uri: String) {
        self.samplingPercentage = samplingPercentage
        self.destinationS3Uri = destinationS3Uri
    }

    /// The EndpointConfig's `DataCaptureConfig`.
    var property: CFNValue {
        [
            "EnableCapture": true,
            "InitialSamplingPercentage": .int(samplingPercentage),
            "DestinationS3Uri": .string(destinationS3Uri),
            "CaptureOptions": [["CaptureMode": "Input"], ["CaptureMode": "Output"]],
            "CaptureContentTypeHeader": ["CsvContentTypes": ["text/csv"]],
        ]
    }

    /// `arn:${AWS::Partition}:s3:::bucket/prefix/*`: where the model's role may write captured data.
    var objectArn: CFNValue {
        let path = destinationS3Uri.hasPrefix("s3://") ? String(destinationS3Uri.dropFirst(5)) : destinationS3Uri
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return .sub("arn:${AWS::Partition}:s3:::\(trimmed)/*")
    }
}

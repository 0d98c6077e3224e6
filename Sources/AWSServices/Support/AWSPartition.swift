/// The AWS partition a region belongs to, and its DNS suffix: what ARNs and `AWS::Partition` / `AWS::URLSuffix` say.
public enum AWSPartition {
    public static func name(ofRegion region: String) -> String {
        if region.hasPrefix("cn-") { return "aws-cn" }
        if region.hasPrefix("us-gov-") { return "aws-us-gov" }
        if region.hasPrefix("us-isob-") { return "aws-iso-b" }
        if region.hasPrefix("us-iso-") { return "aws-iso" }
        return "aws"
    }

    public static func urlSuffix(ofRegion region: String) -> String {
        switch name(ofRegion: region) {
        case "aws-cn": "amazonaws.com.cn"
        case "aws-iso": "c2s.ic.gov"
        case "aws-iso-b": "sc2s.sgov.gov"
        default: "amazonaws.com"
        }
    }
}

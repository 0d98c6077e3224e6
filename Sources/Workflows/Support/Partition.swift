import AWSServices

/// The partition of a region (`aws`, `aws-cn`, `aws-us-gov`, …), for the ARNs mlopsctl builds.
enum Partition {
    static func of(region: String) -> String { AWSPartition.name(ofRegion: region) }
}

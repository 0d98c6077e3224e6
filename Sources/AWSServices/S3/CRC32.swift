import Foundation

/// CRC-32 (IEEE 802.3, the zlib/PKZIP polynomial), for the `x-amz-checksum-crc32` header that S3 requires
/// on some calls (PutBucketVersioning). AWSServices has no crypto dependency, and this is all S3 needs.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data { crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    /// The big-endian checksum in base64, as S3 wants it in `x-amz-checksum-crc32` (`C8vlPQ==`).
    static func base64(_ data: Data) -> String {
        let value = checksum(data)
        return Data([UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
            .base64EncodedString()
    }
}

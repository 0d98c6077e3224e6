import Foundation

/// RFC 3986 percent-encoding as botocore applies it (`urllib.parse.quote(s, safe="-_.~")`): only
/// `A-Z a-z 0-9 - _ . ~` stay literal, so a space is `%20` (never `+`) and hex digits are uppercase.
public enum PercentEncoding {
    /// Encodes a query or form key/value.
    public static func encode(_ string: String) -> String {
        encode(string, keepingSlash: false)
    }

    /// Encodes a path: each segment encoded, `/` kept (`a b/c+d` → `a%20b/c%2Bd`).
    public static func encodePath(_ string: String) -> String {
        encode(string, keepingSlash: true)
    }

    /// `key=value&…` in the given order; a nil value gives a bare `key` (S3 sub-resources like `?versions`).
    public static func formEncode(_ pairs: [(String, String?)]) -> String {
        pairs.map { key, value in
            guard let value else { return encode(key) }
            return "\(encode(key))=\(encode(value))"
        }.joined(separator: "&")
    }

    private static func encode(_ string: String, keepingSlash: Bool) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result += "%" + String(hexDigits[Int(byte >> 4)]) + String(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    private static let hexDigits = Array("0123456789ABCDEF")

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

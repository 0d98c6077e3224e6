import Foundation

/// One input is a topology file. Loading either gives a topology or a `TopologyError` whose text is printed to
/// the user, so the message is rendered too. Errors are fine, traps (and runaway memory) are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTopology(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let text = String(bytes: UnsafeBufferPointer(start: bytes, count: count), encoding: .utf8) else { return 0 }
    do {
        _ = try TopologyLoader.parse(yaml: text, file: "<fuzz>")
    } catch {
        _ = String(describing: error)
    }
    return 0
}

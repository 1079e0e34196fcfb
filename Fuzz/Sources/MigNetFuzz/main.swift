import Glibc
import MigNetKit

// The libFuzzer target: each input goes through the whole pipeline (FuzzHarness).
//
// libFuzzer, linked whole by -sanitize=fuzzer, has a main of its own, and SwiftPM points every
// executable's main at its module's top-level code; the build links with
// --allow-multiple-definition, so whichever main the linker keeps starts the same fuzzer: this
// one through LLVMFuzzerRunDriver, libFuzzer's through LLVMFuzzerTestOneInput.

/// libFuzzer's callback.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(runFuzzerDriver(&argc, &argv, fuzzTestOneInput))

import Foundation

/// Runs the built `mignet` binary and captures what it does.
struct MignetProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary beside this test bundle in the build folder.
    static let binary: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("mignet").path
    }()

    /// The package root.
    static let root: String = {
        var components = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/")
    }()

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil, in directory: String? = nil) throws -> Outcome {
        try runTool(binary, arguments, stdin: stdin, environment: environment, in: directory)
    }

    static func runTool(_ tool: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil, in directory: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? root)
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a large output cannot block the child.
        let errorReader = Thread.detachNewThreadWithResult { error.fileHandleForReading.readDataToEndOfFile() }
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        let stderrData = errorReader.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// The full path of a tool on PATH, if there is one.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mignet-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

extension Thread {
    /// Runs `body` on a new thread; `wait()` returns its result.
    final class Result<Value: Sendable>: @unchecked Sendable {
        private let condition = NSCondition()
        private var value: Value?

        func set(_ newValue: Value) {
            condition.lock()
            value = newValue
            condition.signal()
            condition.unlock()
        }

        func wait() -> Value {
            condition.lock()
            defer { condition.unlock() }
            while value == nil { condition.wait() }
            return value!
        }
    }

    static func detachNewThreadWithResult<Value: Sendable>(_ body: @escaping @Sendable () -> Value) -> Result<Value> {
        let result = Result<Value>()
        Thread.detachNewThread { result.set(body()) }
        return result
    }
}

extension MignetProcess {
    /// Runs a shell script with `$MIGNET` naming the binary, killed after `seconds` (exit 137),
    /// so that a run that would hang fails the test instead of the test run.
    static func shell(_ script: String, in directory: String, seconds: Int = 60) throws -> Outcome {
        var environment = ProcessInfo.processInfo.environment
        environment["MIGNET"] = binary
        return try runTool("/usr/bin/timeout", ["-s", "KILL", String(seconds), "/bin/sh", "-c", script], environment: environment, in: directory)
    }

    /// A spec named `name` with `vlan`.
    static func spec(_ name: String, vlan: Int = 100, extra: String = "") -> String {
        "apiVersion: mignet/v1\nkind: MigrationNetwork\n\(extra)metadata:\n  name: \(name)\nspec:\n  clusterNetwork: migration\n  vlan: \(vlan)\n  range: 10.1.2.0/24\n  nodes: 3\n"
    }

    /// Every file below `folder` (links and other entries by their type), by relative path.
    static func tree(_ folder: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            let path = folder + "/" + relative
            let type = try FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType
            switch type {
            case .typeRegular?: result[relative] = try String(contentsOfFile: path, encoding: .utf8)
            case .typeDirectory?: continue
            default: result[relative] = "<\(type?.rawValue ?? "?")>"
            }
        }
        return result
    }
}

import Foundation
import MigNetTestSupport

/// Runs the built `mignet` binary and captures what it does (through the shared `ProcessRunner`).
enum MignetProcess {
    typealias Outcome = ProcessRunner.Outcome

    /// The binary beside this test bundle in the build folder.
    static let binary: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("mignet").path
    }()

    /// The package root.
    static let root = Repository.root

    static func run(_ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil, in directory: String? = nil) throws -> Outcome {
        try runTool(binary, arguments, stdin: stdin, environment: environment, in: directory)
    }

    static func runTool(_ tool: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil, in directory: String? = nil) throws -> Outcome {
        try ProcessRunner.run(tool, arguments, stdin: stdin, environment: environment, in: directory ?? root)
    }

    /// The full path of a tool on PATH, if there is one.
    static func which(_ tool: String) -> String? { ProcessRunner.which(tool) }

    /// A new empty temporary directory.
    static func temporaryDirectory() throws -> String { try ProcessRunner.temporaryDirectory() }
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

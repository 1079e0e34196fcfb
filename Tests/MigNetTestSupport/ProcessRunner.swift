import Foundation

/// Runs a program and captures what it does: the process runner every test target shares.
package enum ProcessRunner {
    /// What a run did.
    package struct Outcome: Sendable {
        package var status: Int32
        package var stdout: String
        package var stderr: String

        package init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
    }

    /// Runs `tool` with `arguments` in `directory`, feeding `stdin`, reading both outputs to
    /// their end before waiting, so that a large output cannot block the child.
    package static func run(_ tool: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil, in directory: String) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let error = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stderrData = DataBox()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderrData.data = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdoutData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData.data, as: UTF8.self))
    }

    /// Bytes filled on another thread and read after it signalled.
    private final class DataBox: @unchecked Sendable {
        var data = Data()
    }

    /// The full path of a tool on PATH, if there is one.
    package static func which(_ tool: String, path: String? = nil) -> String? {
        let path = path ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A new empty temporary folder.
    package static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mignet-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

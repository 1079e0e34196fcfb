import ArgumentParser
import Glibc
import MigNetKit

/// The cluster facts preflight reads: the files and folders named with `--cluster`, or, with
/// `--live`, what the documented `kubectl get` commands print (kept with `--save`).
enum ClusterInput {
    /// Reads the named files and folders (a folder's `*.yaml`, `*.yml` and `*.json` files).
    /// Problems are located diagnostics; nothing is read past a file that cannot be used.
    static func read(_ paths: [String]) -> (facts: ClusterFacts, problems: [Diagnostic]) {
        var facts = ClusterFacts()
        var problems: [Diagnostic] = []
        for path in paths {
            var files: [(DiskPath, String)] = [(DiskPath(path), path)]
            if let status = DiskPath(path).linkStatus(), status.st_mode & S_IFMT == S_IFDIR {
                guard let entries = DiskPath(path).entries() else {
                    problems.append(.fileUnreadable(String(cString: strerror(errno)), file: path))
                    continue
                }
                files = entries.map { String(decoding: $0, as: UTF8.self) }
                    .filter { name in !name.hasPrefix(".") && [".yaml", ".yml", ".json"].contains { name.hasSuffix($0) } }
                    .sorted().map { (DiskPath(path).appending($0), path.hasSuffix("/") ? path + $0 : path + "/" + $0) }
            }
            for (file, shown) in files {
                switch SourceReader.read(file) {
                case .failure(let failure):
                    problems.append(Diagnostic.unreadable(failure, file: shown))
                case .success(let source):
                    do {
                        facts.add(try KubeObject.objects(in: SourceFile(path: shown, bytes: source.bytes)), fileName: String(shown.split(separator: "/").last ?? Substring(shown)))
                    } catch {
                        problems += error.diagnostics
                    }
                }
            }
        }
        return (facts, problems)
    }

    /// Runs the documented `kubectl get` of each of `sources` and reads what it prints; writes
    /// each output to `save` when given. A kubectl failure is thrown with its message and command.
    static func live(_ sources: [ClusterFacts.Source], kubectl: Kubectl, save: String?) throws -> (facts: ClusterFacts, problems: [Diagnostic]) {
        var facts = ClusterFacts()
        var problems: [Diagnostic] = []
        var saved: [(path: DiskPath, bytes: [UInt8], mode: mode_t)] = []
        for source in sources {
            switch try kubectl.get(source.arguments, mayBeMissing: source.mayBeMissing) {
            case .noSuchResource:
                continue
            case .printed(let output):
                let name = "kubectl " + source.arguments.joined(separator: " ")
                do {
                    facts.add(try KubeObject.objects(in: SourceFile(path: name, text: output)), fileName: source.fileName)
                } catch {
                    problems += error.diagnostics
                }
                if let save { saved.append((DiskPath(save).appending(source.fileName), Array(output.utf8), 0o644)) }
            }
        }
        if let save {
            if mkdir(save, 0o755) != 0 && errno != EEXIST {
                throw Kubectl.Failure(command: "mkdir \(save)", reason: "cannot create --save folder: \(String(cString: strerror(errno)))")
            }
            do {
                try FileTransaction.write(saved, inside: nil)
            } catch {
                throw Kubectl.Failure(command: "write \(save)", reason: "cannot save what kubectl printed: \(error)")
            }
        }
        return (facts, problems)
    }
}

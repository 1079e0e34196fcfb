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
        let disk = FileSystems.current
        for path in paths {
            var files: [(DiskPath, String)] = [(DiskPath(path), path)]
            if disk.existing(DiskPath(path))?.kind == .folder {
                let entries: [[UInt8]]
                switch disk.entries(DiskPath(path)) {
                case .success(let names): entries = names
                case .failure(let error):
                    problems.append(.fileUnreadable(error.description, file: path))
                    continue
                }
                files = entries.map { String(decoding: $0, as: UTF8.self) }
                    .filter { name in !name.hasPrefix(".") && [".yaml", ".yml", ".json"].contains { name.hasSuffix($0) } }
                    .sorted().map { (DiskPath(path).appending($0), path.hasSuffix("/") ? path + $0 : path + "/" + $0) }
            }
            for (file, shown) in files {
                switch SourceReader.read(file, kind: .kubectlOutput, in: disk) {
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

    /// Runs the documented `kubectl get` of each of `sources` and reads what it prints (kept in
    /// `save` when given), with the outputs themselves by file name. A kubectl failure is thrown
    /// with its message and command.
    static func live(_ sources: [ClusterFacts.Source], kubectl: Kubectl, save: String?) throws(Kubectl.Failure)
        -> (facts: ClusterFacts, problems: [Diagnostic], files: [String: SourceFile]) {
        let fetched = try kubectl.fetch(sources, save: save)
        var facts = ClusterFacts()
        var problems = fetched.problems
        for source in sources {
            guard let file = fetched.sources[source.fileName] else { continue }
            do {
                facts.add(try KubeObject.objects(in: file), fileName: source.fileName)
            } catch {
                problems += error.diagnostics
            }
        }
        return (facts, problems, fetched.sources)
    }
}

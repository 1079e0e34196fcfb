import ArgumentParser
import Glibc
import MigNetKit

/// The cluster facts preflight reads: the files and folders named with `--cluster`, or, with
/// `--live`, what the documented `kubectl get` commands print (kept with `--save`).
enum ClusterInput {
    /// Refuses, for a run over several clusters, a path that is not a folder: each cluster's
    /// facts come from its own folder inside one (`folder(_:for:list:)`).
    static func refuseFiles(_ paths: [String], option: String) throws(CommandFailure) {
        let disk = FileSystems.current
        if let file = paths.first(where: { disk.existing(DiskPath($0), followingLinks: true)?.kind != .folder }) {
            throw CommandFailure("\(option) \(TerminalText.escaped(file)) is not a folder, and this run reads several clusters: give a folder holding one folder of kubectl output per cluster, named after it", status: .usage)
        }
    }

    /// The folder of `cluster`'s own dump inside `path`, when `path` holds one named after it
    /// (`dumps/prod-east`); else `path` itself for a run over one cluster, and for a run over
    /// several (whose paths are folders: `refuseFiles`), the reason there is none.
    static func folder(_ path: String, for cluster: String?, list: Bool) throws(Missing) -> String {
        let disk = FileSystems.current
        guard let cluster, disk.existing(DiskPath(path), followingLinks: true)?.kind == .folder else { return path }
        let own = path.joiningPath(cluster)
        if disk.existing(DiskPath(own), followingLinks: true)?.kind == .folder { return own }
        if list {
            throw Missing(diagnostic: .unreadable(.unreadable("no folder named after the cluster: over several clusters, \(path) holds one folder of kubectl output per cluster"), file: own))
        }
        return path
    }

    /// A run over several clusters found no dump of one of them.
    struct Missing: Error {
        var diagnostic: Diagnostic
    }

    /// Reads the named files and folders (a folder's `*.yaml`, `*.yml` and `*.json` files), or
    /// where a folder holds one named after `cluster`, that one (`folder(_:for:list:)`).
    /// Problems are located diagnostics; nothing is read past a file that cannot be used.
    static func read(_ paths: [String], for cluster: String? = nil, list: Bool = false) -> (facts: ClusterFacts, problems: [Diagnostic]) {
        var facts = ClusterFacts()
        var problems: [Diagnostic] = []
        let disk = FileSystems.current
        for given in paths {
            let path: String
            do { path = try folder(given, for: cluster, list: list) } catch {
                problems.append(error.diagnostic)
                continue
            }
            var files: [(DiskPath, String)] = [(DiskPath(path), path)]
            if disk.existing(DiskPath(path))?.kind == .folder {
                let entries: [[UInt8]]
                switch disk.entries(DiskPath(path)) {
                case .success(let names): entries = names
                case .failure(let error):
                    problems.append(.unreadable(.unreadable(error.description), file: path))
                    continue
                }
                files = entries.map { String(decoding: $0, as: UTF8.self) }
                    .filter { name in !name.hasPrefix(".") && [".yaml", ".yml", ".json"].contains { name.hasSuffix($0) } }
                    .sorted().map { (DiskPath(path).appending($0), path.joiningPath($0)) }
            }
            for (file, shown) in files {
                switch SourceReader.read(file, kind: .kubectlOutput, in: disk) {
                case .failure(let failure):
                    problems.append(Diagnostic.unreadable(failure, file: shown))
                case .success(let source):
                    do {
                        try facts.read(SourceFile(path: shown, bytes: source.bytes), fileName: String(shown.split(separator: "/").last ?? Substring(shown)))
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
    static func live(_ sources: [KubectlGet], kubectl: Kubectl, save: String?) throws(Kubectl.Failure)
        -> (facts: ClusterFacts, problems: [Diagnostic], files: [String: SourceFile]) {
        let fetched = try kubectl.fetch(sources, save: save)
        var facts = ClusterFacts()
        var problems = fetched.problems
        for source in sources {
            guard let file = fetched.sources[source.fileName] else { continue }
            do {
                try facts.read(file, fileName: source.fileName)
            } catch {
                problems += error.diagnostics
            }
        }
        return (facts, problems, fetched.sources)
    }
}

import MigNetYAML

/// The output folder's expected contents: one folder per valid spec, for a delivery profile.
package enum OutputTree {
    /// The folders of `compilations` (invalid ones left out), in their order.
    package static func folders(_ compilations: [Compilation], delivery: Delivery, jobs: Int = 1) throws(YAMLEmitterError) -> [ClusterFolder] {
        let rendered = Parallel.map(compilations.compactMap { $0.render() }, jobs: jobs) { cluster in
            Result { () throws(YAMLEmitterError) in try delivery.folder(for: cluster) }
        }
        return try rendered.map { result throws(YAMLEmitterError) in try result.get() }
    }

    /// Whether a folder that no spec renders is one of mignet's (it holds a `setting.yaml`),
    /// and so an orphan left by a spec that was removed.
    static func isClusterFolder(_ fileNames: some Sequence<String>) -> Bool {
        fileNames.contains(Delivery.FileName.setting)
    }
}

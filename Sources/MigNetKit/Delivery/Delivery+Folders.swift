/// The output folder's expected contents: one folder per valid spec, for a delivery profile.
extension Delivery {
    /// How many compilations are turned into folders at a time.
    static let folderBatch = 1024

    /// The folders of `compilations` (invalid ones left out), in their order. The compilations
    /// are given up batch by batch as their folders are made (`compilations` is empty after), and
    /// each cluster is rendered only while its folder is written: a repository of thousands of
    /// clusters never holds every compilation, every rendered cluster and every folder at once.
    package func folders(draining compilations: inout [Compilation], jobs: Int = 1) -> [ClusterFolder] {
        var batches: [[ClusterFolder]] = []
        while !compilations.isEmpty {
            // From the end, so that giving a batch up frees it without moving the rest.
            let taken = Array(compilations.suffix(Self.folderBatch))
            compilations.removeLast(taken.count)
            let made = Parallel.map(taken, jobs: jobs) { compilation in
                compilation.render().map(folder(for:))
            }
            batches.append(made.compactMap { $0 })
        }
        return batches.reversed().flatMap { $0 }
    }
}

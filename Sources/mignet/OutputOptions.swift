import ArgumentParser
import MigNetKit

extension Delivery: ExpressibleByArgument {}

/// The output folder and delivery profile of `render` (`check` requires the folder).
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The output folder: one folder per cluster, DIR/<metadata.name>/.", valueName: "DIR"))
    var path: String?

    @Option(help: ArgumentHelp("The delivery profile: what goes into each cluster's folder, or which objects are printed without -o: argocd, fleet or kubectl (default: kubectl).", valueName: "profile"))
    var delivery: Delivery?

    /// The profile in force.
    var profile: Delivery { delivery ?? .default }
}
extension StarterKit.Mode: ExpressibleByArgument {}

import ArgumentParser
import MigNetKit

extension Delivery: ExpressibleByArgument {}

/// The output folder and delivery profile of `render` (`check` requires the folder).
struct OutputOptions: ParsableArguments {
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The output folder: one folder per cluster, DIR/<metadata.name>/.", valueName: "DIR"))
    var path: String?

    @OptionGroup var deliveryOption: DeliveryOption
}
extension StarterKit.Mode: ExpressibleByArgument {}

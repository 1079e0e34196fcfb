import ArgumentParser
import MigNetKit

extension ReportFormat: ExpressibleByArgument {
    /// None listed by the type: each command's help names the formats its report has
    /// (`ReportOptions`), which a list of every format would contradict.
    package static var allValueStrings: [String] { [] }
}

/// `--format`: how a command's report is written, among the formats that report has. The one
/// option group of every command that prints a report (explain, plan, preflight, verify).
struct ReportOptions<Printed: Report>: ParsableArguments {
    @Option(help: ArgumentHelp("How the report is written: \(Printed.formats.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var format: ReportFormat = .text

    func validate() throws {
        guard Printed.formats.contains(format) else {
            throw ValidationError("--format \(format.rawValue) is not a format of this report; expected \(Printed.formats.map(\.rawValue).joined(separator: " or "))")
        }
    }

    /// Writes `report` on stdout in the chosen format.
    func print(_ report: Printed) throws(Terminal.OutputFailure) {
        try Terminal.writeOutput(report.rendered(format))
    }
}

/// `--delivery`: the profile whose files a command renders or compares. The one option of every
/// command that takes a profile (render, check, plan, krm); `init` takes a mode, which may also
/// be `argocd-plugin`.
struct DeliveryOption: ParsableArguments {
    @Option(help: ArgumentHelp("The delivery profile: what goes into each cluster's folder, or which objects are printed: argocd, fleet or kubectl (default: kubectl).", valueName: "profile"))
    var delivery: Delivery?

    /// The profile in force.
    var profile: Delivery { delivery ?? .default }
}

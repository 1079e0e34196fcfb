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
    /// The profile where none is given by the flag, the repository file or the output folder.
    static let defaultProfile = Delivery.kubectl

    @Option(help: ArgumentHelp("The delivery profile: what goes into each cluster's folder, or which objects are printed: argocd, fleet or kubectl (default: \(defaultProfile.rawValue)).", valueName: "profile"))
    var delivery: Delivery?

    /// The profile in force where no output folder is read: the one given, else the repository
    /// file's, else the default.
    func profile(repository: RepositorySetup?) -> Delivery {
        delivery ?? repository?.file.delivery ?? Self.defaultProfile
    }

    /// The profile for the output folder `path`: the one its cluster folders hold when none is
    /// given, so that a command never switches a folder to another profile unseen; a profile
    /// given that contradicts the folder's is refused unless `switching` (render's
    /// `--switch-profile`, which then rewrites every cluster folder).
    func profile(for directory: OutputDirectory, switching: Bool = false, repository: RepositorySetup? = nil) throws(CommandFailure) -> Delivery {
        let path = directory.path
        // The repository file's profile for its own output folder: a flag may not contradict it.
        if let repository, repository.isOutput(path), let declared = repository.file.delivery {
            if let delivery, delivery != declared {
                throw CommandFailure("\(TerminalText.escaped(repository.file.deliveryLocation)): delivery is \(declared.rawValue) for \(TerminalText.escaped(path)); --delivery \(delivery.rawValue) contradicts it: leave it out, or change delivery there (then render --switch-profile)", status: .usage)
            }
            return try Self.profile(declared, for: directory, switching: switching)
        }
        return try Self.profile(delivery, for: directory, switching: switching)
    }

    /// `delivery` (nil: none given) checked against the profile `path`'s cluster folders hold.
    private static func profile(_ delivery: Delivery?, for directory: OutputDirectory, switching: Bool) throws(CommandFailure) -> Delivery {
        let path = directory.path
        let found = directory.profiles()
        let shown = found.map { "\($0.profile.rawValue) in \(TerminalText.escaped($0.folder))" }.joined(separator: ", ")
        guard let delivery else {
            if found.count > 1 {
                throw CommandFailure("\(TerminalText.escaped(path)) holds the files of more than one delivery profile (\(shown)); give --delivery PROFILE --switch-profile to render it as one", status: .usage)
            }
            return found.first?.profile ?? defaultProfile
        }
        if switching || found.allSatisfy({ $0.profile == delivery }) { return delivery }
        let current = found.first { $0.profile != delivery }!
        let which = found.count == 1 ? "the \(current.profile.rawValue) profile (\(TerminalText.escaped(current.folder)), for one)" : "more than one profile (\(shown))"
        throw CommandFailure("\(TerminalText.escaped(path)) holds the files of \(which), not \(delivery.rawValue)'s: leave --delivery out to keep \(current.profile.rawValue), or render with --delivery \(delivery.rawValue) --switch-profile to change the profile", status: .usage)
    }
}

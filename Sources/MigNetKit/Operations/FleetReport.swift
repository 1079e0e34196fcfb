/// One report command's reports over several clusters in one run (explain, preflight or verify
/// given folders or several specs): each cluster's report headed by its name, or why it has none,
/// with the exit status it alone would have given.
package struct FleetReport<Member: Report>: StructuredReport {
    /// One cluster of the run.
    struct Entry {
        /// The cluster's name; nil when its spec has none that could be read.
        var cluster: String?
        /// The spec file, as given or found.
        var spec: String
        /// The exit status this cluster alone would have given (0, 1 or 2).
        var exitStatus: Int32
        /// The cluster's report; nil when it could not be judged.
        var report: Member?
        /// Why it has no report (a kubectl failure, unusable input, a spec with errors).
        var problem: String?
    }

    var entries: [Entry]

    /// The run's clusters in the order given: each with its exit status and either its report or
    /// the reason it has none.
    package init(_ clusters: [(cluster: String?, spec: String, exitStatus: Int32, report: Member?, problem: String?)]) {
        entries = clusters.map { Entry(cluster: $0.cluster, spec: $0.spec, exitStatus: $0.exitStatus, report: $0.report, problem: $0.problem) }
    }

    /// Each cluster under a heading that names it and its spec, a blank line between clusters.
    var text: String {
        entries.map { entry in
            let name = entry.cluster ?? "(no name)"
            var output = "== \(name) (\(TerminalText.escaped(entry.spec))) ==\n"
            if let report = entry.report {
                output += (report as! any StructuredReport).text
            } else {
                // A kubectl failure's message and its command are lines of their own, each escaped.
                let problem = (entry.problem ?? "the spec has errors").split(separator: "\n", omittingEmptySubsequences: false)
                output += "not checked: " + problem.map { TerminalText.escaped(String($0)) }.joined(separator: "\n") + "\n"
            }
            return output
        }.joined(separator: "\n")
    }

    /// A list with one object per cluster: its name, spec, exit status, and its report (the
    /// object the command prints for one cluster) or the reason it has none.
    var json: JSONValue {
        .array(entries.map { entry in
            var members = [
                JSONMember("cluster", entry.cluster.map(JSONValue.string) ?? .null),
                JSONMember("spec", .string(entry.spec)),
                JSONMember("exit_status", .integer(Int(entry.exitStatus))),
            ]
            if let report = entry.report {
                members.append(JSONMember("report", (report as! any StructuredReport).json))
            } else {
                members.append(JSONMember("error", .string(entry.problem ?? "the spec has errors")))
            }
            return .object(members)
        })
    }
}

import Foundation

/// Outside tools integration tests need. A test that needs a missing tool is skipped, except
/// with `MIGNET_REQUIRE_INTEGRATION=1` (as `.ci/run` sets), where it runs and fails.
enum Integration {
    /// Whether missing tools are failures rather than skips.
    static let required = ProcessInfo.processInfo.environment["MIGNET_REQUIRE_INTEGRATION"] == "1"
    /// kubectl, if it is on PATH.
    static let kubectl = MignetProcess.which("kubectl")
    /// Whether kubectl tests run.
    static let runsKubectl = kubectl != nil || required
    /// The pre-commit framework, if it is on PATH.
    static let preCommit = MignetProcess.which("pre-commit")
    /// Whether pre-commit tests run.
    static let runsPreCommit = preCommit != nil || required
    /// python3 with the jsonschema and PyYAML modules, if it has them.
    static let pythonWithJSONSchema: String? = {
        guard let python = MignetProcess.which("python3"),
              let outcome = try? MignetProcess.runTool(python, ["-c", "import jsonschema, yaml"]), outcome.status == 0 else { return nil }
        return python
    }()
    /// check-jsonschema (PyPI), whose vendored schemas of GitHub workflows and GitLab CI check the CI templates.
    static let checkJSONSchema = MignetProcess.which("check-jsonschema")
    /// Whether the CI template tests run.
    static let runsCheckJSONSchema = checkJSONSchema != nil || required
    /// shellcheck, if it is on PATH.
    static let shellcheck = MignetProcess.which("shellcheck")
    /// Whether the shell script tests run.
    static let runsShellcheck = shellcheck != nil || required
    /// The folder `scripts/release.sh` (and `scripts/image.sh`) wrote, which `.ci/run`'s packaging
    /// step builds before the tests and names in `MIGNET_DIST`; `swift test` alone builds no release.
    static let dist = ProcessInfo.processInfo.environment["MIGNET_DIST"].flatMap { $0.isEmpty ? nil : $0 }
    /// Whether the packaging tests run.
    static let runsPackaging = dist != nil || required
    /// zsh, if it is on PATH (its completion script is tested in it).
    static let zsh = MignetProcess.which("zsh")
    /// buildah, if it is on PATH (the sidecar image is built and run with it).
    static let buildah = MignetProcess.which("buildah")
    /// man, if it is on PATH.
    static let man = MignetProcess.which("man")
    /// Whether JSON Schema tests run.
    static let runsJSONSchema = pythonWithJSONSchema != nil || required
}

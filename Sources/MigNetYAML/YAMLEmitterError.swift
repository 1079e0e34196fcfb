/// A failure of libyaml's emitter, which only happens on misuse or lack of memory.
package struct YAMLEmitterError: Error, CustomStringConvertible, Sendable {
    /// libyaml's own words.
    var problem: String

    /// Creates an error.
    init(problem: String) {
        self.problem = problem
    }

    package var description: String { "YAML emitter failed: \(problem)" }
}

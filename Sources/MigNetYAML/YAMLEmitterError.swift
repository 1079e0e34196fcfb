/// A failure of libyaml's emitter, which only happens on misuse or lack of memory.
public struct YAMLEmitterError: Error, CustomStringConvertible, Sendable {
    /// libyaml's own words.
    public var problem: String

    /// Creates an error.
    public init(problem: String) {
        self.problem = problem
    }

    public var description: String { "YAML emitter failed: \(problem)" }
}

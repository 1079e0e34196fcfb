/// A value from a spec with the place it was written.
struct Located<Value: Sendable>: Sendable {
    /// The value.
    var value: Value
    /// Where the value was written.
    var location: SourceLocation

    /// Creates a located value.
    init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}

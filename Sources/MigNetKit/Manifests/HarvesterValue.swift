import MigNetYAML

/// A `vm-migration-network` value read the way Harvester's controller reads it: Go's
/// `encoding/json` into `{clusterNetwork string, vlan uint16, exclusiveVlan bool, range string,
/// exclude []string}`, keys matched without regard to case, unknown keys ignored, a missing key
/// or `null` leaving the zero value. The JSON is read through libyaml (JSON is YAML's flow
/// style), holding it to JSON's forms: double-quoted strings, plain numbers and booleans.
package struct HarvesterValue: Sendable, Equatable {
    package var clusterNetwork = ""
    package var vlan = 0
    package var exclusiveVlan = false
    package var range = ""
    package var exclude: [String] = []
    /// Keys that Harvester ignores.
    package var unknownKeys: [String] = []

    /// Why a value is not one Harvester's controller can read.
    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        package var description: String
    }

    /// Reads `text`.
    package init(parsing text: String) throws(Failure) {
        guard text.drop(while: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).first == "{" else {
            throw Failure(description: "it is not a JSON object")
        }
        let parsed = YAMLParser(maximumDepth: 8).parse(Array(text.utf8))
        if let problem = parsed.problems.first {
            throw Failure(description: "it is not valid JSON (\(Self.describe(problem)))")
        }
        guard let pairs = parsed.root?.pairs else { throw Failure(description: "it is not a JSON object") }
        for pair in pairs {
            guard pair.keyStyle == .doubleQuoted else {
                throw Failure(description: "key \(pair.key) is not a JSON string")
            }
            let value = pair.value
            switch pair.key.lowercased() {
            case "clusternetwork": clusterNetwork = try Self.string(value, key: pair.key)
            case "range": range = try Self.string(value, key: pair.key)
            case "vlan":
                guard let scalar = value.scalar, scalar.isPlain else { throw Failure(description: "\(pair.key) is not a JSON number") }
                if scalar.value == "null" { vlan = 0; continue }
                guard let number = Int(scalar.value), (0...Int(UInt16.max)).contains(number) else {
                    throw Failure(description: "\(pair.key) \(scalar.value) is not a whole number 0...65535")
                }
                vlan = number
            case "exclusivevlan":
                guard let scalar = value.scalar, scalar.isPlain, ["true", "false", "null"].contains(scalar.value) else {
                    throw Failure(description: "\(pair.key) is not a JSON boolean")
                }
                exclusiveVlan = scalar.value == "true"
            case "exclude":
                if let scalar = value.scalar, scalar.isPlain, scalar.value == "null" { exclude = []; continue }
                guard let items = value.items else { throw Failure(description: "\(pair.key) is not a JSON array") }
                var strings: [String] = []
                for item in items { strings.append(try Self.string(item, key: pair.key)) }
                exclude = strings
            default:
                unknownKeys.append(pair.key)
            }
        }
    }

    private static func string(_ node: YAMLNode, key: String) throws(Failure) -> String {
        guard let scalar = node.scalar else { throw Failure(description: "\(key) is not a JSON string") }
        if scalar.isPlain && scalar.value == "null" { return "" }
        guard scalar.style == .doubleQuoted else { throw Failure(description: "\(key) is not a JSON string") }
        return scalar.value
    }

    private static func describe(_ problem: YAMLProblem) -> String {
        switch problem.kind {
        case .syntax(let text, _, _), .encoding(let text): return text
        case .duplicateKey(let key, _): return "key \(key) appears twice"
        default: return "not JSON"
        }
    }
}

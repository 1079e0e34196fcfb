/// The catalogue of diagnostics about the spec's shape and types.
extension Diagnostic {
    static func emptySpec(at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .emptySpec, "the file holds no YAML document; expected a \(MigrationNetworkSpec.kind) spec", at: location)
    }

    static func expectedMapping(_ name: String, found: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .expectedMapping, "\(name) is \(found); expected a mapping", at: location)
    }

    static func expectedSequence(_ key: String, found: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .expectedSequence, "\(key) is \(found); expected a list, one entry per line starting with '- '", at: location)
    }

    static func expectedString(_ key: String, found: String, text: String?, at location: SourceLocation) -> Diagnostic {
        if let text, found != "a mapping", found != "a sequence", found != "null" {
            return Diagnostic(.error, .expectedString, "\(key) '\(text)' is read by YAML as \(found); expected a string: quote it", at: location, fixIt: "\"\(text)\"")
        }
        return Diagnostic(.error, .expectedString, "\(key) is \(found); expected a string", at: location)
    }

    static func expectedInteger(_ key: String, found: String, text: String?, decimal: String?, at location: SourceLocation) -> Diagnostic {
        guard let text else {
            return Diagnostic(.error, .expectedInteger, "\(key) is \(found); expected a decimal integer", at: location)
        }
        if let decimal {
            return Diagnostic(.error, .expectedInteger, "\(key) '\(text)' is \(found); expected a plain decimal integer such as \(decimal)", at: location, fixIt: decimal)
        }
        return Diagnostic(.error, .expectedInteger, "\(key) '\(text)' is \(found); expected a plain decimal integer", at: location)
    }

    static func integerTooLarge(_ key: String, _ text: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .expectedInteger, "\(key) '\(text)' does not fit in 64 bits; expected a small decimal integer", at: location)
    }

    static func expectedBoolean(_ key: String, text: String?, found: String, at location: SourceLocation) -> Diagnostic {
        if let text {
            let guess = ["yes", "on", "y", "true"].contains(text.lowercased()) ? "true"
                : ["no", "off", "n", "false"].contains(text.lowercased()) ? "false" : nil
            return Diagnostic(.error, .expectedBoolean, "\(key) '\(text)' is not a boolean; expected true or false", at: location, fixIt: guess)
        }
        return Diagnostic(.error, .expectedBoolean, "\(key) is \(found); expected true or false", at: location)
    }

    static func unknownKey(_ key: String, in name: String, known: [String], at location: SourceLocation) -> Diagnostic {
        if let suggestion = Spelling.closest(to: key, among: known) {
            return Diagnostic(.error, .unknownKey, "unknown key '\(key)' in \(name); did you mean '\(suggestion)'?", at: location, fixIt: suggestion)
        }
        return Diagnostic(.error, .unknownKey, "unknown key '\(key)' in \(name); expected one of \(known.joined(separator: ", "))", at: location)
    }

    static func missingKey(_ key: String, in name: String, at location: SourceLocation, defaults: String? = nil) -> Diagnostic {
        let elsewhere = defaults.map { " (its defaults file \($0) has none either)" } ?? ""
        return Diagnostic(.error, .missingKey, "\(name) is missing the required key '\(key)'\(elsewhere)", at: location)
    }

    static func defaultsUnreadable(_ reference: Located<String>, resolved: String, reason: SourceLoadError) -> Diagnostic {
        let why: String
        switch reason {
        case .unreadable(let text): why = text
        case .tooLarge(let size, let kind): why = "it is \(size.map { "\($0) bytes" } ?? "more than \(kind.maximumSize >> 20) MiB"), over the \(kind.maximumSize)-byte limit"
        case .outsideRoot(let root):
            return Diagnostic(.error, .defaultsOutsideRoot, "defaults file '\(reference.value)' is outside the spec repository \(root); expected a file inside it, reached without leaving it through '..' or a symbolic link (--root names a wider folder)", at: reference.location)
        }
        let named = reference.value == resolved ? "'\(resolved)'" : "'\(reference.value)' (\(resolved))"
        return Diagnostic(.error, .defaultsUnreadable, "cannot read defaults file \(named): \(why); expected a path relative to this spec's folder", at: reference.location)
    }

    static func unsupportedAPIVersion(_ value: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .unsupportedAPIVersion, "apiVersion '\(value)' is not supported; expected \(MigrationNetworkSpec.apiVersion)", at: location, fixIt: MigrationNetworkSpec.apiVersion)
    }

    static func unsupportedKind(_ value: String, expected: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, .unsupportedKind, "kind '\(value)' is not supported here; expected \(expected)", at: location, fixIt: expected)
    }

    static func ignoredWhenSharing(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, .ignoredWhenShared, "rwxNetwork '\(key)' is ignored because shareStorageNetwork is true: Harvester then checks against the storage network only", at: location)
    }

    static func ignoredWhenDisabled(_ key: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, .ignoredWhenDisabled, "'\(key)' is ignored because enabled is false", at: location)
    }

    static func addressSyntax(_ key: String, _ text: String, _ error: AddressSyntaxError, expectingCIDR: Bool, release: HarvesterRelease?, at location: SourceLocation) -> Diagnostic {
        let example = expectingCIDR ? "a CIDR such as 10.1.2.0/24" : "an address (10.1.2.1), a CIDR (10.1.2.240/28) or a range (10.1.2.10-10.1.2.20)"
        if error == .ipv6, let ipv4 = IPv4Mapped.ipv4(text) {
            return Diagnostic(.error, .addressInvalid, "\(key) '\(text)' is an IPv4-mapped IPv6 address, which Harvester reads as \(ipv4) (every release accepts it); mignet takes IPv4 in its IPv4 form: write \(ipv4)", at: location, fixIt: ipv4)
        }
        if error == .ipv6 {
            let why = switch release {
            case nil: "v1.9 refuses IPv6 and the webhooks of v1.6 to v1.8 can hang on it"
            case let release? where release.refusesIPv6: "Harvester \(release) refuses IPv6"
            case let release?: "the webhook of Harvester \(release) (as of v1.6 to v1.8) can hang on IPv6 instead of refusing it"
            }
            return Diagnostic(.error, .addressIPv6Unsupported, "\(key) '\(text)' is IPv6; Harvester's migration network supports IPv4 only (\(why)), expected \(example)", at: location)
        }
        return Diagnostic(.error, .addressInvalid, "\(key) '\(text)' is not valid: \(error); expected \(example)", at: location)
    }
}

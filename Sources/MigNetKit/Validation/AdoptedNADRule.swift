/// `adoptedNAD` keeps a NAD Harvester's controller made (a random `vm-migration-network-`
/// name). A NAD's configuration never changes in place, so it may be kept only while the spec
/// renders the very value it was made for: once the configuration changes, the adoption is
/// stale and mignet's own NAD must take over (a value rule: `ValueRules`).
struct AdoptedNADRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let adopted = spec.adoptedNAD else { return [] }
        var diagnostics: [Diagnostic] = []
        let name = adopted.name.value
        if !name.hasPrefix(Harvester.settingName + "-") || !DNSLabel.isValid(name) {
            diagnostics.append(.adoptedNADInvalid("name '\(name)' is not a migration NAD's name; expected vm-migration-network- and a suffix, at most \(FieldBounds.dnsLabelLength) characters", at: adopted.name.location))
        }
        let hash = adopted.hash.value
        guard hash.count == 40, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            diagnostics.append(.adoptedNADInvalid("hash '\(hash)' is not a SHA-1; expected 40 lowercase hex digits", at: adopted.hash.location))
            return diagnostics
        }
        return diagnostics
    }
}

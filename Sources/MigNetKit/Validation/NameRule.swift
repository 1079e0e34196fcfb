/// `metadata.name` must be a DNS-1123 label: it names the cluster's output folder, so it can
/// never hold a `/`, `..` or anything else a path would interpret.
struct NameRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let name = spec.name, !DNSLabel.isValid(name.value) else { return [] }
        return [.nameInvalid(name.value, at: name.location, fixIt: DNSLabel.suggestion(for: name.value))]
    }
}

/// `clusterNetwork` must be a DNS-1123 label of at most 12 characters (its bridge
/// `<name>-br` must fit Linux's 15-character interface names); `mgmt` is allowed but warned about.
struct ClusterNetworkRule: ValidationRule {
    static let maximumLength = FieldBounds.clusterNetworkLength
    static let management = "mgmt"

    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let network = spec.clusterNetwork else { return [] }
        if !DNSLabel.isValid(network.value, maximumLength: Self.maximumLength) {
            return [.clusterNetworkInvalid(network.value, at: network.location,
                                           fixIt: DNSLabel.suggestion(for: network.value, maximumLength: Self.maximumLength))]
        }
        if network.value == Self.management {
            return [.clusterNetworkMgmt(at: network.location)]
        }
        return []
    }
}

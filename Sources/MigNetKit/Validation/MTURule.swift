/// `mtu` must be 576...9000: the range Harvester's cluster networks accept.
struct MTURule: ValidationRule {
    static let allowed = FieldBounds.mtu

    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let mtu = spec.mtu, !Self.allowed.contains(mtu.value) else { return [] }
        return [.mtuOutOfRange(mtu.value, allowed: Self.allowed, at: mtu.location)]
    }
}

/// No usable migration address may also be a usable address of a peer network setting:
/// Harvester's webhook refuses that, since both would hand the same address to different pods.
/// The peers are the storage network (every release) and, from v1.8 on, the rwx network unless
/// it shares the storage network (harvester/harvester pkg/webhook/resources/setting/validator.go,
/// `validateVMMigrationNetwork` and `getNetworkConfig`). A release without the rwx network is
/// told so by `ReleaseFeatureRule` alone.
struct PeerNetworkRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let range = plan.range, let rangeLocation = spec.range?.location else { return [] }
        var diagnostics: [Diagnostic] = []
        if let storage = spec.storageNetwork, let storageRange = storage.range,
           let (shared, first) = Self.shared(plan, storageRange, storage.exclude) {
            diagnostics.append(.rangeOverlapsStorageNetwork(range: range, storage: storageRange, shared: shared, first: first, at: rangeLocation))
        }
        // Before v1.8 (or with no release named) the rwx network is not there to overlap: the
        // spec's rwxNetwork is itself the error (`ReleaseFeatureRule`), said once.
        let named = spec.release.flatMap { $0 >= HarvesterRelease.oldestSupported ? $0 : nil }
        if let rwx = spec.rwxNetwork, named?.hasRWXNetwork ?? false, !rwx.sharesStorageNetwork, let rwxRange = rwx.range,
           let (shared, first) = Self.shared(plan, rwxRange, rwx.exclude) {
            diagnostics.append(.rangeOverlapsRWXNetwork(range: range, rwx: rwxRange, shared: shared, first: first, at: rangeLocation))
        }
        return diagnostics
    }

    /// How many usable addresses the migration plan shares with a peer's, and the first one.
    private static func shared(_ plan: AddressPlan, _ range: Located<IPv4CIDR>, _ exclude: [Located<AddressBlock>]) -> (UInt64, IPv4Address)? {
        let shared = plan.usable.intersection(AddressPlan(range: range.value, exclude: exclude).usable)
        return shared.first.map { (shared.count, $0) }
    }
}

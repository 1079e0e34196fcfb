/// No usable migration address may also be a usable storage-network address: Harvester's
/// webhook refuses that, since both would hand the same address to different pods.
struct StorageNetworkRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let storage = spec.storageNetwork, let storageRange = storage.range,
              let range = plan.range, let rangeLocation = spec.range?.location else { return [] }
        let storagePlan = AddressPlan(range: storageRange.value, exclude: storage.exclude)
        let shared = plan.usable.intersection(storagePlan.usable)
        guard let first = shared.first else { return [] }
        return [.rangeOverlapsStorageNetwork(range: range, storage: storageRange, shared: shared.count, first: first, at: rangeLocation)]
    }
}

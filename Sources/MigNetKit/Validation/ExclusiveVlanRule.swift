/// From v1.9, a storage network with `exclusiveVlan: true` keeps its VLAN to itself: the network
/// webhook refuses a NAD on that VLAN, and the setting webhook refuses the storage network while
/// any NAD but its own uses it (harvester/harvester pkg/webhook/resources/setting/validator.go
/// `checkExclusiveVlan`, which compares VLAN ids only, on any cluster network:
/// pkg/util/nad.go `IsVMNetworkVlan`). So the migration VLAN must differ from it. Earlier
/// releases know no `exclusiveVlan` (using it there is `ReleaseFeatureRule`'s error); a spec that
/// names no release is held to v1.9's rule.
struct ExclusiveVlanRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard spec.release?.hasExclusiveVlan ?? true,
              let storage = spec.storageNetwork, let exclusive = storage.exclusiveVlan, exclusive.value else { return [] }
        guard let storageVLAN = storage.vlan else {
            return [.missingKey("vlan", in: "storageNetwork (exclusiveVlan is true)", at: storage.location)]
        }
        guard let vlan = spec.vlan, vlan.value == storageVLAN.value else { return [] }
        return [.vlanExclusiveToStorage(vlan.value, storageVLAN: storageVLAN, exclusive: exclusive.location, at: vlan.location)]
    }
}

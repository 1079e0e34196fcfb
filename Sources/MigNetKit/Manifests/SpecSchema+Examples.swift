/// An example value of every key of a spec, for the spec reference: each is written in YAML as
/// it would stand after the key, and each validates when set in `exampleSpec` (with the keys a
/// mapping needs besides it), which `SpecExampleTests` checks key by key.
extension SpecSchema {
    /// The spec every example is set in.
    static let exampleSpec = """
        apiVersion: mignet/v1
        kind: MigrationNetwork
        metadata:
          name: east-1
        spec:
          harvesterVersion: v1.9
          clusterNetwork: migration
          vlan: 100
          range: 10.1.2.0/24
          nodes: 3

        """

    /// The value `exampleSpec` renders, as Harvester's UI writes it.
    static var exampleValue: SettingValue {
        SettingValue(text: #"{"clusterNetwork":"migration","vlan":100,"range":"10.1.2.0/24","exclude":[]}"#)
    }

    /// The example of the key at `path` (`spec.storageNetwork.vlan`).
    static func example(_ path: String) -> String? {
        switch path {
        case "apiVersion": MigrationNetworkSpec.apiVersion
        case "kind": MigrationNetworkSpec.kind
        case "metadata": "{name: east-1}"
        case "metadata.name": "east-1"
        case "metadata.annotations": "{config.kubernetes.io/local-config: 'true'}"
        case "metadata.labels": "{site: east}"
        case "defaults": "../defaults/site.yaml"
        case "spec": "{clusterNetwork: migration, vlan: 100, range: 10.1.2.0/24, nodes: 3}"
        case "spec.enabled": "false"
        case "spec.harvesterVersion": "v1.8.2"
        case "spec.clusterNetwork": "data"
        case "spec.vlan": "2012"
        case "spec.range": "10.1.2.0/25"
        case "spec.exclude": "[10.1.2.1, 10.1.2.16/28, 10.1.2.100-10.1.2.110]"
        case "spec.mtu": "9000"
        case "spec.nodes": "5"
        case "spec.plannedNodes": "12"
        case "spec.reserved": "[10.1.0.0/24, 10.1.3.1-10.1.3.9]"
        case "spec.clusterPodCIDR": "10.244.0.0/16"
        case "spec.clusterServiceCIDR": "10.96.0.0/12"
        case "spec.storageNetwork": "{range: 10.2.0.0/24, vlan: 200, exclusiveVlan: true}"
        case "spec.storageNetwork.range": "10.2.0.0/24"
        case "spec.storageNetwork.exclude": "[10.2.0.1]"
        case "spec.storageNetwork.vlan": "200"
        case "spec.storageNetwork.exclusiveVlan": "false"
        case "spec.rwxNetwork": "{range: 10.3.0.0/24}"
        case "spec.rwxNetwork.shareStorageNetwork": "true"
        case "spec.rwxNetwork.range": "10.3.0.0/24"
        case "spec.rwxNetwork.exclude": "[10.3.0.1]"
        case "spec.waitForMigrations": "{timeoutSeconds: 600, image: alpine/k8s:1.33.5}"
        case "spec.waitForMigrations.timeoutSeconds": "1800"
        case "spec.waitForMigrations.image": "registry.example.com/alpine/k8s:1.33.5"
        case "spec.adoptedNAD": "{name: vm-migration-network-x7k2p, hash: \(exampleValue.hash)}"
        case "spec.adoptedNAD.name": "vm-migration-network-x7k2p"
        case "spec.adoptedNAD.hash": exampleValue.hash
        case "spec.pinnedValue": "'\(exampleValue.text)'"
        default: nil
        }
    }
}

/// A validated migration network: what a spec means once every rule holds, and all that
/// rendering needs. Built only from a spec without errors.
struct MigrationNetwork: Sendable, Equatable {
    /// The cluster's name (`metadata.name`).
    var name: String
    /// The configuration, or nil when the spec disables the migration network.
    var configuration: Configuration?
    /// The argocd profile's PreSync hook, when the spec asks for it.
    var waitForMigrations: WaitForMigrations?

    /// A PreSync hook that waits until no migration runs.
    struct WaitForMigrations: Sendable, Equatable {
        var timeoutSeconds: Int
        var image: String

        init(timeoutSeconds: Int, image: String) {
            self.timeoutSeconds = timeoutSeconds
            self.image = image
        }
    }

    /// An enabled migration network's settings, in the form Harvester takes them.
    struct Configuration: Sendable, Equatable {
        /// The Harvester ClusterNetwork.
        var clusterNetwork: String
        /// The VLAN id, 1...4094.
        var vlan: Int
        /// The range, a network address.
        var range: IPv4CIDR
        /// The exclusions as CIDR blocks, in the spec's order, addresses and ranges expanded.
        var exclude: [IPv4CIDR]
        /// The cluster network's MTU.
        var mtu: Int
        /// The exact value string to render, when the spec pins one (validated to mean the same).
        var pinnedValue: String?
        /// The name of a live NAD to keep (validated to be for this value's hash), instead of
        /// the name mignet derives from the hash.
        var adoptedNADName: String?

        /// Creates a configuration.
        init(clusterNetwork: String, vlan: Int, range: IPv4CIDR, exclude: [IPv4CIDR], mtu: Int, pinnedValue: String? = nil) {
            self.clusterNetwork = clusterNetwork
            self.vlan = vlan
            self.range = range
            self.exclude = exclude
            self.mtu = mtu
            self.pinnedValue = pinnedValue
        }
    }

    /// Creates a migration network.
    init(name: String, configuration: Configuration?) {
        self.name = name
        self.configuration = configuration
    }

    /// The network a spec describes; nil when a field it needs is missing (the decoder has
    /// then reported it). Call only for a spec whose diagnostics hold no error.
    init?(validated spec: MigrationNetworkSpec) {
        guard let name = spec.name?.value else { return nil }
        let wait = spec.waitForMigrations.flatMap { wait in
            wait.timeoutSeconds.flatMap { timeout in wait.image.map { WaitForMigrations(timeoutSeconds: timeout.value, image: $0.value) } }
        }
        guard spec.isEnabled else {
            self.init(name: name, configuration: nil)
            waitForMigrations = wait
            return
        }
        guard let clusterNetwork = spec.clusterNetwork?.value, let vlan = spec.vlan?.value,
              let range = spec.range?.value else { return nil }
        var configuration = Configuration(
            clusterNetwork: clusterNetwork, vlan: vlan, range: range,
            exclude: spec.exclude.flatMap(\.value.cidrs), mtu: spec.effectiveMTU, pinnedValue: spec.pinnedValue?.value)
        configuration.adoptedNADName = spec.adoptedNAD?.name.value
        self.init(name: name, configuration: configuration)
        waitForMigrations = wait
    }
}

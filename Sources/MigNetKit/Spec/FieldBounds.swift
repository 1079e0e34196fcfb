/// The bounds of the spec's fields, from Harvester's webhook and UI (harvester/harvester
/// pkg/webhook/resources/setting/validator.go; the README's rule table): the one source the
/// validation rules, their messages and the JSON Schema read, so that they cannot disagree (a
/// test holds the three together).
enum FieldBounds {
    /// `vlan`: the UI offers 1...4094 (the webhook would also take 0).
    static let vlan = 1...4094
    /// `vlan` on the `mgmt` cluster network, where the webhook refuses VLAN 1.
    static let vlanOnManagement = 2...4094
    /// `mtu`: what Harvester's cluster networks accept.
    static let mtu = 576...9000
    /// The MTU Harvester assumes when none is set; the NAD config then has no `mtu`.
    static let defaultMTU = 1500
    /// `waitForMigrations.timeoutSeconds`: a minute to a day.
    static let waitTimeout = 60...86_400
    /// `clusterNetwork`: its bridge `<name>-br` must fit Linux's 15-character interface names.
    static let clusterNetworkLength = 12
    /// A DNS-1123 label: `metadata.name`, `adoptedNAD.name`.
    static let dnsLabelLength = 63
    /// `range` prefix lengths: Harvester refuses shorter ones; a /31 or /32 has no address to hand out.
    static let rangePrefix = 16...30
    /// `nodes` and `plannedNodes`: at least one.
    static let minimumNodes = 1
}

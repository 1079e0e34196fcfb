/// The keys each mapping of a spec may hold, in the order the reference documents them.
///
/// One table that the decoder checks unknown and missing keys against.
public enum SpecSchema {
    /// The top-level keys.
    public static let topLevel = ["apiVersion", "kind", "metadata", "defaults", "spec"]
    /// The top-level keys of a defaults file.
    public static let defaultsTopLevel = ["apiVersion", "kind", "spec"]
    /// The keys of `metadata`.
    public static let metadata = ["name"]
    /// The keys of `spec`.
    public static let spec = [
        "enabled", "clusterNetwork", "vlan", "range", "exclude", "mtu",
        "nodes", "plannedNodes", "reserved", "storageNetwork",
    ]
    /// The keys of `spec` an enabled spec must have.
    public static let requiredWhenEnabled = ["clusterNetwork", "vlan", "range", "nodes"]
    /// The keys of `spec.storageNetwork`.
    public static let storageNetwork = ["range", "exclude"]
}

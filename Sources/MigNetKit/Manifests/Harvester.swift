/// The names Harvester's controller and KubeVirt use for the objects mignet renders.
enum Harvester {
    /// The namespace of the NAD and the KubeVirt object.
    static let namespace = "harvester-system"
    /// The Setting's name, and the prefix of every NAD name.
    static let settingName = "vm-migration-network"
    /// The KubeVirt object's name.
    static let kubeVirtName = "kubevirt"
    /// The prefix of the controller's annotations and labels.
    static let annotationPrefix = "vm-migration-network.settings.harvesterhci.io"
    /// The Setting annotation and NAD label that hold the value's SHA-1.
    static let hashKey = annotationPrefix + "/hash"
    /// The Setting annotation that names the NAD, `namespace/name`.
    static let netAttachDefKey = annotationPrefix + "/net-attach-def"
    /// The NAD annotation that marks it as the migration network's.
    static let nadMarkerKey = annotationPrefix
    /// How many hex digits of the hash name a NAD.
    static let nadHashDigits = 8
}

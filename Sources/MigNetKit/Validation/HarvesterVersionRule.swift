/// `harvesterVersion` must name a Harvester release with the `vm-migration-network` setting:
/// v1.4 and v1.5 have no such setting, controller or webhook, so a rendering would set KubeVirt's
/// migration network behind Harvester's back. A release newer than the newest mignet knows is
/// checked with that newest release's rules, with a warning.
struct HarvesterVersionRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        guard let version = spec.harvesterVersion else { return [] }
        guard let release = spec.release else { return [.harvesterVersionInvalid(version.value, at: version.location)] }
        if release < HarvesterRelease.oldestSupported { return [.harvesterVersionUnsupported(version.value, at: version.location)] }
        if release > HarvesterRelease.newestKnown { return [.harvesterVersionUnknown(version.value, at: version.location)] }
        return []
    }
}

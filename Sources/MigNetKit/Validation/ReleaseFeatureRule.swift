/// A field that stands for something a Harvester release added may be used only with a spec
/// that names that release or a later one: `rwxNetwork` (the rwx-network setting, v1.8) and
/// `storageNetwork.exclusiveVlan` (v1.9). Without `harvesterVersion`, mignet cannot know the
/// cluster has them.
struct ReleaseFeatureRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let named = spec.release.flatMap { $0 >= HarvesterRelease.oldestSupported ? $0 : nil }
        if let rwx = spec.rwxNetwork, !(named?.hasRWXNetwork ?? false) {
            diagnostics.append(.releaseFeatureUnavailable("rwxNetwork", what: "the rwx-network setting", since: named?.firstWith(.rwxNetwork) ?? HarvesterRelease.rwxNetwork.description,
                                                          named: named == nil ? nil : spec.harvesterVersion, at: rwx.location))
        }
        if let exclusive = spec.storageNetwork?.exclusiveVlan, !(named?.hasExclusiveVlan ?? false) {
            diagnostics.append(.releaseFeatureUnavailable("storageNetwork.exclusiveVlan", what: "exclusiveVlan in network settings", since: HarvesterRelease.exclusiveVlan.description,
                                                          named: named == nil ? nil : spec.harvesterVersion, at: exclusive.location))
        }
        return diagnostics
    }
}

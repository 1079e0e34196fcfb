/// Which nodes run virt-handler, and so need a migration address and the VLAN, as Harvester's
/// setting webhook counts them for each release (harvester/harvester
/// pkg/webhook/resources/setting/validator.go, `checkVCSpansAllNodes`).
enum HarvesterNodes {
    static let witnessLabel = "node-role.harvesterhci.io/witness"
    static let promoteStatus = "harvesterhci.io/promote-status"

    /// Whether `node` is a witness node, which runs no virt-handler and is skipped.
    /// - v1.6 (`nodectl.IsWitnessNode`, pkg/controller/master/node/promote_controller.go line
    ///   379): the witness label is present, and the node has a management role (master,
    ///   control-plane or etcd label `true`) or a promote-status of complete, running, failed
    ///   or unknown;
    /// - v1.7 and later (`util.IsWitnessNodeWithoutPromotionStatus`, pkg/util/node.go): the
    ///   witness label is `true`;
    /// - no release named: a witness only where every release says so.
    static func isWitness(_ node: KubeObject, release: HarvesterRelease?) -> Bool {
        let labels = node.labels
        let v16: Bool = {
            guard labels[witnessLabel] != nil else { return false }
            let management = ["master", "control-plane", "etcd"].lazy.compactMap { labels["node-role.kubernetes.io/" + $0] }.first == "true"
            return management || ["complete", "running", "failed", "unknown"].contains(node.annotations[promoteStatus] ?? "")
        }()
        let v17 = labels[witnessLabel] == "true"
        switch release {
        case nil: return v16 && v17
        case let release? where release < HarvesterRelease(major: 1, minor: 7): return v16
        default: return v17
        }
    }

    /// The names of the nodes that run virt-handler, sorted.
    static func virtHandlerNodes(_ nodes: [KubeObject], release: HarvesterRelease?) -> [String] {
        nodes.filter { !isWitness($0, release: release) }.compactMap(\.name).sorted()
    }
}

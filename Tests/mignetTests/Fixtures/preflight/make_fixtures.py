#!/usr/bin/env python3
"""Writes the preflight fixtures: cluster dumps as `kubectl get ... -o yaml` prints them, one
folder per cluster, the file names preflight reads (clusternetworks.yaml, vlanconfigs.yaml,
vlanstatuses.yaml, nodes.yaml, migrations.yaml, settings.yaml, servicecidrs.yaml).

The objects follow the upstream types: harvester/network-controller-harvester
pkg/apis/network.harvesterhci.io/v1beta1 (ClusterNetwork, VlanConfig, VlanStatus; the
annotations network.harvesterhci.io/uplink-mtu and matched-nodes, the label
network.harvesterhci.io/clusternetwork), harvester/harvester (the node-role.harvesterhci.io/witness
label, the harvesterhci.io/promote-status annotation, the settings server-version,
storage-network and rwx-network with its default {"share-storage-network":false}), KubeVirt's
VirtualMachineInstanceMigration (status.phase: Pending, Scheduling, Scheduled, PreparingTarget,
TargetReady, Running, Succeeded, Failed), Kubernetes' Node and ServiceCIDR (networking.k8s.io/v1).

Run it from this folder after changing it; the tests read what it wrote, committed.
"""
import json
import os
import shutil

HEADER = "apiVersion: v1\nitems:\n"
FOOTER = "kind: List\nmetadata:\n  resourceVersion: \"\"\n"


def dump(items):
    if not items:
        return "apiVersion: v1\nitems: []\n" + FOOTER
    return HEADER + "".join(items) + FOOTER


def indent(text, prefix="  "):
    lines = text.rstrip("\n").split("\n")
    return "- " + lines[0] + "\n" + "".join(prefix + line + "\n" for line in lines[1:])


def quote(value):
    return "'" + value.replace("'", "''") + "'"


def node(name, index, witness=None, control_plane=True, promote=None):
    labels = {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
    }
    if control_plane:
        labels.update({"node-role.kubernetes.io/control-plane": "true", "node-role.kubernetes.io/etcd": "true", "node-role.kubernetes.io/master": "true"})
    if witness is not None:
        labels["node-role.harvesterhci.io/witness"] = witness
    annotations = {
        "rke2.io/node-args": json.dumps(["server", "--cluster-cidr", "10.52.0.0/16", "--service-cidr", "10.53.0.0/16", "--cluster-dns", "10.53.0.10"], separators=(",", ":")),
        "rke2.io/hostname": name,
        "rke2.io/internal-ip": "192.168.10.%d" % (10 + index),
    }
    if promote:
        annotations["harvesterhci.io/promote-status"] = promote
    text = "apiVersion: v1\nkind: Node\nmetadata:\n  annotations:\n"
    for key in sorted(annotations):
        text += "    %s: %s\n" % (key, quote(annotations[key]))
    text += "  creationTimestamp: \"2026-03-02T08:1%d:00Z\"\n  labels:\n" % index
    for key in sorted(labels):
        text += "    %s: \"%s\"\n" % (key, labels[key])
    text += "  name: %s\n  resourceVersion: \"%d\"\n  uid: 6a1c%04d-2b7e-4c55-9f0e-1d2c3b4a5f60\n" % (name, 9120 + index, index)
    text += "spec:\n  podCIDR: 10.52.%d.0/24\n  podCIDRs:\n  - 10.52.%d.0/24\n" % (index, index)
    text += "status:\n  addresses:\n  - address: 192.168.10.%d\n    type: InternalIP\n  - address: %s\n    type: Hostname\n" % (10 + index, name)
    text += "  conditions:\n  - lastHeartbeatTime: \"2026-11-30T09:00:00Z\"\n    lastTransitionTime: \"2026-03-02T08:20:00Z\"\n    message: kubelet is posting ready status\n    reason: KubeletReady\n    status: \"True\"\n    type: Ready\n"
    text += "  nodeInfo:\n    kubeletVersion: v1.33.5+rke2r1\n    osImage: Harvester v1.8.2\n"
    return indent(text)


def cluster_network(name, ready=True, mtu=None, message=None):
    text = "apiVersion: network.harvesterhci.io/v1beta1\nkind: ClusterNetwork\nmetadata:\n"
    if mtu is not None:
        text += "  annotations:\n    network.harvesterhci.io/uplink-mtu: \"%d\"\n" % mtu
    text += "  creationTimestamp: \"2026-03-02T09:00:00Z\"\n  generation: 1\n  name: %s\n  resourceVersion: \"10442\"\n  uid: 1f0e2d3c-%s-4b5a-8c7d-6e5f4a3b2c1d\n" % (name, "%04x" % len(name))
    text += "status:\n  conditions:\n  - lastUpdateTime: \"2026-03-02T09:01:00Z\"\n"
    if message:
        text += "    message: %s\n" % message
    text += "    status: \"%s\"\n    type: ready\n" % ("True" if ready else "False")
    return indent(text)


def vlan_config(name, network, nodes, mtu=1500, selector=None):
    text = "apiVersion: network.harvesterhci.io/v1beta1\nkind: VlanConfig\nmetadata:\n"
    if nodes is not None:
        text += "  annotations:\n    network.harvesterhci.io/matched-nodes: '%s'\n" % json.dumps(nodes, separators=(",", ":"))
    text += "  creationTimestamp: \"2026-03-02T09:00:30Z\"\n  generation: 1\n  labels:\n    network.harvesterhci.io/clusternetwork: %s\n" % network
    text += "  name: %s\n  resourceVersion: \"10460\"\n  uid: 2e1d0c9b-8a7f-4e6d-5c4b-3a2f1e0d9c8b\n" % name
    text += "spec:\n  clusterNetwork: %s\n" % network
    if selector:
        text += "  nodeSelector:\n"
        for key in sorted(selector):
            text += "    %s: %s\n" % (key, selector[key])
    text += "  uplink:\n    bondOptions:\n      miimon: -1\n      mode: active-backup\n    linkAttributes:\n      mtu: %d\n      txQLen: -1\n    nics:\n    - ens5f0\n    - ens5f1\n" % mtu
    return indent(text)


def vlan_status(network, config, node_name, ready=True, message=None):
    name = "%s-%s-5d8f2" % (config, node_name)
    text = "apiVersion: network.harvesterhci.io/v1beta1\nkind: VlanStatus\nmetadata:\n  labels:\n"
    text += "    network.harvesterhci.io/clusternetwork: %s\n    network.harvesterhci.io/node: %s\n    network.harvesterhci.io/vlanconfig: %s\n" % (network, node_name, config)
    text += "  name: %s\n  resourceVersion: \"10471\"\n  uid: 3d2c1b0a-9f8e-4d7c-6b5a-4f3e2d1c0b9a\n" % name
    text += "status:\n  clusterNetwork: %s\n  conditions:\n  - lastUpdateTime: \"2026-03-02T09:01:10Z\"\n" % network
    if message:
        text += "    message: %s\n" % message
    text += "    status: \"%s\"\n    type: ready\n  linkMonitor: %s\n  node: %s\n  vlanConfig: %s\n" % ("True" if ready else "False", network, node_name, config)
    return indent(text)


def migration(name, vmi, phase, namespace="default"):
    text = "apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstanceMigration\nmetadata:\n"
    text += "  creationTimestamp: \"2026-11-30T10:15:00Z\"\n  generateName: %s-\n  generation: 1\n  labels:\n    kubevirt.io/vmi-name: %s\n" % (vmi, vmi)
    text += "  name: %s\n  namespace: %s\n  resourceVersion: \"88231\"\n  uid: 4c3b2a1f-0e9d-4c8b-7a6f-5e4d3c2b1a0f\n" % (name, namespace)
    text += "spec:\n  vmiName: %s\nstatus:\n" % vmi
    if phase in ("Succeeded", "Failed"):
        text += "  migrationState:\n    completed: true\n    endTimestamp: \"2026-11-30T10:16:02Z\"\n    %s\n    startTimestamp: \"2026-11-30T10:15:04Z\"\n" % ("failed: true" if phase == "Failed" else "mode: PreCopy")
    elif phase in ("Running",):
        text += "  migrationState:\n    mode: PreCopy\n    sourceNode: harvester-node-1\n    startTimestamp: \"2026-11-30T10:15:04Z\"\n    targetNode: harvester-node-2\n"
    text += "  phase: %s\n" % phase
    return indent(text)


def setting(name, value=None, default=""):
    text = "apiVersion: harvesterhci.io/v1beta1\ndefault: %s\nkind: Setting\nmetadata:\n" % quote(default)
    text += "  creationTimestamp: \"2026-03-02T08:30:00Z\"\n  generation: 2\n  name: %s\n  resourceVersion: \"5512\"\n  uid: 5b4a3f2e-1d0c-4b9a-8f7e-6d5c4b3a2f1e\n" % name
    if value is not None:
        text += "value: %s\n" % quote(value)
    return indent(text)


def service_cidr(cidrs):
    text = "apiVersion: networking.k8s.io/v1\nkind: ServiceCIDR\nmetadata:\n  creationTimestamp: \"2026-03-02T08:10:00Z\"\n  generation: 1\n  name: kubernetes\n  resourceVersion: \"201\"\n  uid: 6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d\n"
    text += "spec:\n  cidrs:\n" + "".join("  - %s\n" % c for c in cidrs)
    text += "status:\n  conditions:\n  - lastTransitionTime: \"2026-03-02T08:10:00Z\"\n    message: Kubernetes Service CIDR is ready\n    reason: \"\"\n    status: \"True\"\n    type: Ready\n"
    return indent(text)


NODES = ["harvester-node-1", "harvester-node-2", "harvester-node-3"]
STORAGE = '{"vlan":200,"clusterNetwork":"storage","range":"10.1.3.0/24","exclude":[]}'


def healthy():
    return {
        "clusternetworks": [cluster_network("mgmt", mtu=1500), cluster_network("migration", mtu=1500)],
        "vlanconfigs": [vlan_config("migration-all", "migration", NODES)],
        "vlanstatuses": [vlan_status("migration", "migration-all", n) for n in NODES],
        "nodes": [node(n, i + 1) for i, n in enumerate(NODES)],
        "migrations": [migration("vm-web-01-mig-4x7qz", "vm-web-01", "Succeeded")],
        "settings": [setting("rwx-network", "", '{"share-storage-network":false}'), setting("server-version", "v1.8.2", "dev"),
                     setting("storage-network", STORAGE), setting("vm-migration-network", "")],
        "servicecidrs": [service_cidr(["10.53.0.0/16"])],
    }


def write(name, objects, drop=()):
    folder = os.path.join("clusters", name)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for source, items in objects.items():
        if source in drop:
            continue
        with open(os.path.join(folder, source + ".yaml"), "w") as f:
            f.write(dump(items))


def main():
    write("healthy", healthy())
    # A fourth node is a witness (Harvester's witness node: etcd only, label "true", promoted);
    # the VLAN config covers the three others, which is enough.
    witness = healthy()
    witness["nodes"].append(node("harvester-witness", 4, witness="true", promote="complete"))
    write("witness", witness)
    # A node labelled witness but never promoted and without a management role: v1.6 counts it
    # (it runs virt-handler there), v1.7 and later do not.
    unpromoted = healthy()
    unpromoted["nodes"].append(node("harvester-node-4", 4, witness="true", control_plane=False))
    write("unpromoted-witness", unpromoted)
    # The VLAN config's node selector misses a node.
    missing = healthy()
    missing["vlanconfigs"] = [vlan_config("migration-rack-a", "migration", NODES[:2], selector={"topology.kubernetes.io/zone": "rack-a"})]
    missing["vlanstatuses"] = [vlan_status("migration", "migration-rack-a", n) for n in NODES[:2]]
    write("vlan-misses-node", missing)
    # The cluster network runs jumbo frames; the spec says nothing, so 1500.
    jumbo = healthy()
    jumbo["clusternetworks"] = [cluster_network("mgmt", mtu=1500), cluster_network("migration", mtu=9000)]
    jumbo["vlanconfigs"] = [vlan_config("migration-all", "migration", NODES, mtu=9000)]
    write("mtu-mismatch", jumbo)
    # A migration is running.
    running = healthy()
    running["migrations"].append(migration("vm-db-02-mig-9kq2d", "vm-db-02", "Running", namespace="prod"))
    write("migration-running", running)
    # Five nodes where the spec says three.
    grown = healthy()
    grown["nodes"] += [node("harvester-node-4", 4), node("harvester-node-5", 5)]
    grown["vlanconfigs"] = [vlan_config("migration-all", "migration", NODES + ["harvester-node-4", "harvester-node-5"])]
    write("nodes-above-spec", grown)
    # The cluster network is not ready, a node's uplink is down.
    down = healthy()
    down["clusternetworks"] = [cluster_network("mgmt", mtu=1500), cluster_network("migration", ready=False, mtu=1500, message="vlan status harvester-node-2 is not ready")]
    down["vlanstatuses"][1] = vlan_status("migration", "migration-all", NODES[1], ready=False, message="uplink ens5f0 is down")
    write("network-not-ready", down)
    # Peers and release differ from the spec: another storage range, another release.
    drifted = healthy()
    drifted["settings"] = [setting("rwx-network", '{"share-storage-network":true}', '{"share-storage-network":false}'), setting("server-version", "v1.9.0", "dev"),
                           setting("storage-network", '{"vlan":200,"clusterNetwork":"storage","range":"10.1.4.0/24","exclude":[]}'), setting("vm-migration-network", "")]
    write("peers-and-release-differ", drifted)
    # A second VLAN config whose selector matches no node (no matched-nodes annotation yet):
    # v1.6 to v1.8 refuse the setting, v1.9 skips it.
    idle = healthy()
    idle["vlanconfigs"].append(vlan_config("migration-rack-c", "migration", None, selector={"topology.kubernetes.io/zone": "rack-c"}))
    write("vlan-config-matches-nothing", idle)
    # The cluster was installed with its service network where the spec's range is.
    moved = healthy()
    moved["servicecidrs"] = [service_cidr(["10.1.0.0/16"])]
    write("service-cidr-overlaps", moved)
    # Only the nodes were dumped: every other fact is a warning.
    write("nodes-only", healthy(), drop=("clusternetworks", "vlanconfigs", "vlanstatuses", "migrations", "settings", "servicecidrs"))


if __name__ == "__main__":
    main()

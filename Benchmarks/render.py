#!/usr/bin/env python3
"""What a user would otherwise write: read a spec with PyYAML, build the value, its SHA-1 and the
NAD config, and print the NAD, the Setting and the KubeVirt patch. The benchmark's baseline;
it checks nothing but the shape it needs."""
import hashlib
import ipaddress
import json
import sys

import yaml

P = "vm-migration-network.settings.harvesterhci.io"

for path in sys.argv[1:]:
    with open(path) as handle:
        spec = yaml.safe_load(handle)
    body = spec["spec"]
    documents = []
    if body.get("enabled", True):
        exclude = []
        for entry in body.get("exclude", []):
            if "-" in entry:
                first, last = (ipaddress.IPv4Address(part) for part in entry.split("-"))
                exclude += [str(net) for net in ipaddress.summarize_address_range(first, last)]
            elif "/" in entry:
                exclude.append(entry)
            else:
                exclude.append(entry + "/32")
        value = json.dumps({"clusterNetwork": body["clusterNetwork"], "vlan": body["vlan"], "range": body["range"],
                            "exclude": exclude}, separators=(",", ":"))
        digest = hashlib.sha1(value.encode()).hexdigest()
        nad = "vm-migration-network-" + digest[:8]
        ipam = {"type": "whereabouts", "range": body["range"]}
        if exclude:
            ipam["exclude"] = exclude
        config = {"cniVersion": "0.3.1", "type": "bridge", "bridge": body["clusterNetwork"] + "-br", "promiscMode": True,
                  "vlan": body["vlan"] or 1, "ipam": ipam}
        if body.get("mtu", 1500) != 1500:
            config["mtu"] = body["mtu"]
        documents.append({"apiVersion": "k8s.cni.cncf.io/v1", "kind": "NetworkAttachmentDefinition",
                          "metadata": {"name": nad, "namespace": "harvester-system", "annotations": {P: "true"},
                                       "labels": {P + "/hash": digest}},
                          "spec": {"config": json.dumps(config, separators=(",", ":"))}})
        attached, network = "harvester-system/" + nad, nad
    else:
        value, attached, network = "", "", None
        digest = hashlib.sha1(b"").hexdigest()
    documents.append({"apiVersion": "harvesterhci.io/v1beta1", "kind": "Setting",
                      "metadata": {"name": "vm-migration-network",
                                   "annotations": {P + "/hash": digest, P + "/net-attach-def": attached}},
                      "value": value})
    documents.append({"apiVersion": "kubevirt.io/v1", "kind": "KubeVirt",
                      "metadata": {"name": "kubevirt", "namespace": "harvester-system"},
                      "spec": {"configuration": {"migrations": {"network": network}}}})
    sys.stdout.write(yaml.safe_dump_all(documents, sort_keys=False, explicit_start=True, width=float("inf")))

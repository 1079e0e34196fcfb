#!/bin/sh
# Applies the VM migration network of cluster staging. Written by mignet: do not edit.
# The NAD goes first, so that the Setting never names a missing NAD; KubeVirt is patched
# last; then the NADs of earlier configurations are deleted. Stops at the first failure.
# Usage: ./apply.sh [KUBECTL-OPTION...], such as --context prod or --dry-run=server: every
# kubectl call gets them. KUBECTL names the kubectl to run, with arguments of its own if
# need be (KUBECTL='kubectl --context prod'): split on blanks, never expanded as a pattern.
set -euf
cd "$(dirname "$0")"
kubectl=${KUBECTL:-kubectl}
$kubectl apply -f setting.yaml "$@"
$kubectl patch kubevirt kubevirt -n harvester-system --type merge --patch-file kubevirt-patch.yaml "$@"
$kubectl delete network-attachment-definitions.k8s.cni.cncf.io -n harvester-system -l 'vm-migration-network.settings.harvesterhci.io/hash' --ignore-not-found "$@"

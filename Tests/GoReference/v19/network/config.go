// Package network has the shape of Harvester's networkutil.Config from v1.9 on
// (harvester/harvester pkg/util/network/common.go lines 17-23 at tag v1.9.0-rc6), which adds
// exclusiveVlan.
package network

type Config struct {
	ClusterNetwork string   `json:"clusterNetwork,omitempty"`
	Vlan           uint16   `json:"vlan,omitempty"`
	ExclusiveVlan  bool     `json:"exclusiveVlan,omitempty"`
	Range          string   `json:"range,omitempty"`
	Exclude        []string `json:"exclude,omitempty"`
}

// Package network has the shape of Harvester's networkutil.Config from v1.6 to v1.8
// (harvester/harvester pkg/util/network/common.go at tag v1.8.2): the struct a network
// setting's value is decoded into. Only the shape is restated here, for decoding tests.
package network

type Config struct {
	ClusterNetwork string   `json:"clusterNetwork,omitempty"`
	Vlan           uint16   `json:"vlan,omitempty"`
	Range          string   `json:"range,omitempty"`
	Exclude        []string `json:"exclude,omitempty"`
}

// Decodes setting values with Go's encoding/json into the shapes of Harvester's network config,
// as Harvester's webhook and controller do (json.Unmarshal into networkutil.Config), and prints
// one line per value and release for mignet's tests to compare with its own reading:
//
//	v18|ok|<clusterNetwork>|<vlan>|<exclusiveVlan>|<range>|<exclude count>:<exclude, comma-separated>
//	v19|refused|<err.Error()>|<syntax error offset, or 0>
//
// The input file holds one JSON string literal per line: the value's exact text.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	v18 "mignet.test/goreference/v18/network"
	v19 "mignet.test/goreference/v19/network"
)

// escape writes every byte outside printable ASCII, and the separators, as %XX.
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == '|' || c == ',' || c == '%' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func refused(err error) string {
	offset := int64(0)
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) {
		offset = syntax.Offset
	}
	return fmt.Sprintf("refused|%s|%d", escape(err.Error()), offset)
}

func parsed(clusterNetwork string, vlan uint16, exclusiveVlan bool, rng string, exclude []string) string {
	items := make([]string, len(exclude))
	for i, e := range exclude {
		items[i] = escape(e)
	}
	return fmt.Sprintf("ok|%s|%d|%t|%s|%d:%s", escape(clusterNetwork), vlan, exclusiveVlan, escape(rng), len(exclude), strings.Join(items, ","))
}

func main() {
	file, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	scanner := bufio.NewScanner(file)
	scanner.Buffer(make([]byte, 1<<20), 1<<24)
	for scanner.Scan() {
		var value string
		if err := json.Unmarshal(scanner.Bytes(), &value); err != nil {
			fmt.Fprintln(os.Stderr, "bad input line:", err)
			os.Exit(1)
		}
		var c18 v18.Config
		if err := json.Unmarshal([]byte(value), &c18); err != nil {
			fmt.Println("v18|" + refused(err))
		} else {
			fmt.Println("v18|" + parsed(c18.ClusterNetwork, c18.Vlan, false, c18.Range, c18.Exclude))
		}
		var c19 v19.Config
		if err := json.Unmarshal([]byte(value), &c19); err != nil {
			fmt.Println("v19|" + refused(err))
		} else {
			fmt.Println("v19|" + parsed(c19.ClusterNetwork, c19.Vlan, c19.ExclusiveVlan, c19.Range, c19.Exclude))
		}
	}
	if err := scanner.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

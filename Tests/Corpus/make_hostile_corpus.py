#!/usr/bin/env python3
"""Writes Tests/Corpus/hostile/: broken and hostile spec files, and EXPECTED.tsv, which names for
each file the diagnostic it must produce (code, 1-based line and column).

The positions are worked out here from where each case puts its fault, not taken from mignet's
output, so the corpus tests can fail. YAML syntax errors are the exception: where libyaml reports
them is libyaml's choice, so those positions were read once from libyaml and checked by hand
(each points at or just after the fault; libyaml takes a `]` inside a block-context plain scalar as
text, and limits an implicit key to 1024 characters). Run it from the repository root; it is deterministic.
"""
import os
import shutil

OUT = "Tests/Corpus/hostile"
cases = []  # (name, bytes, code, line, column)


def add(name, data, code, line, column):
    if isinstance(data, str):
        data = data.encode("utf-8")
    cases.append((name, data, code, line, column))


HEAD = ["apiVersion: mignet/v1", "kind: MigrationNetwork", "metadata:", "  name: hostile", "spec:"]
BODY = {"clusterNetwork": "migration", "vlan": "100", "range": "10.1.2.0/24", "nodes": "3"}


def spec(overrides=None, extra=(), drop=(), name="hostile"):
    """A spec whose spec fields start on line 6, in BODY's order; returns (text, {key: line})."""
    lines = list(HEAD)
    lines[3] = "  name: " + name
    where = {}
    for key, value in {**BODY, **(overrides or {})}.items():
        if key in drop:
            continue
        where[key] = len(lines) + 1
        lines.append("  %s: %s" % (key, value))
    for line in extra:
        lines.append(line)
    return "\n".join(lines) + "\n", where


def at_value(key, where):
    """Line and column of a spec field's value."""
    return where[key], len("  %s: " % key) + 1


# --- YAML syntax, as libyaml reports it -------------------------------------------------------
syntax = [
    ("unclosed-flow-sequence", "apiVersion: mignet/v1\nkind: [MigrationNetwork\nmetadata:\n  name: x\n", 3, 9),
    ("unclosed-double-quote", 'apiVersion: "mignet/v1\nkind: MigrationNetwork\n', 3, 1),
    ("unclosed-single-quote", "apiVersion: 'mignet/v1\nkind: MigrationNetwork\n", 3, 1),
    ("mapping-in-plain-scalar", "apiVersion: mignet/v1: x\n", 1, 22),
    ("bad-indentation", "apiVersion: mignet/v1\nkind: MigrationNetwork\nmetadata:\n  name: x\n    other: y\n", 5, 10),
    ("sequence-at-mapping-level", "apiVersion: mignet/v1\n- kind\n", 2, 1),
    ("reserved-at", "apiVersion: @mignet\n", 1, 13),
    ("reserved-backtick", "apiVersion: `mignet`\n", 1, 13),
    ("invalid-escape", 'apiVersion: "mignet\\q"\n', 1, 20),
    ("tab-indentation", "apiVersion: mignet/v1\nmetadata:\n\tname: x\n", 3, 1),
    ("tab-indentation-in-spec", spec()[0].replace("  vlan: 100", "\tvlan: 100"), 7, 1),
    ("unterminated-flow-mapping", "spec: {vlan: 100\n", 2, 1),
    ("block-in-flow", "spec: [\n- a\n]\n", 2, 1),
    ("directive-after-content", "apiVersion: mignet/v1\n%YAML 1.1\n", 3, 1),
    ("key-without-value-then-indent", "apiVersion\n  kind: x\n", 2, 7),
]
for name, text, line, column in syntax:
    add("yaml-" + name, text, "yaml-syntax", line, column)

# --- Encoding ---------------------------------------------------------------------------------
text, where = spec({"vlan": "4095"})
add("closing-bracket", "apiVersion: mignet/v1]\n", "unsupported-api-version", 1, 13)
add("bom-then-error", b"\xef\xbb\xbf" + text.encode(), "vlan-out-of-range", *at_value("vlan", where))
add("crlf-then-error", text.replace("\n", "\r\n"), "vlan-out-of-range", *at_value("vlan", where))
add("bom-crlf-then-error", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "vlan-out-of-range", *at_value("vlan", where))
text, where = spec()
for label, bad, line_text in [("ff", b"\xff", "  clusterNetwork: mig"), ("lone-continuation", b"\x80", "  clusterNetwork: mig"),
                              ("truncated-sequence", b"\xc3(", "  clusterNetwork: mig"), ("overlong", b"\xc0\xaf", "  clusterNetwork: mig")]:
    data = text.replace("  clusterNetwork: migration", line_text + "\x00MARK").encode().replace(b"\x00MARK", bad + b"ration")
    add("utf8-" + label, data, "yaml-encoding", 6, len(line_text) + 1)
add("nul-byte", text.replace("  vlan: 100", "  vlan: 1\x0000").encode(), "yaml-encoding", 7, 10)
add("utf16-without-spec", "\ufeffa: [".encode("utf-16-le"), "yaml-syntax", 2, 1)

# --- Empty and odd documents --------------------------------------------------------------------
add("empty-file", b"", "empty-spec", 1, 1)
add("only-comments", "# a comment\n# another\n", "empty-spec", 1, 1)
add("only-whitespace", "\n\n   \n", "empty-spec", 1, 1)
add("only-document-start", "---\n", "expected-mapping", 2, 1)
add("only-document-end", "...\n", "yaml-syntax", 1, 1)
add("top-level-sequence", "- apiVersion: mignet/v1\n", "expected-mapping", 1, 1)
add("top-level-scalar", "MigrationNetwork\n", "expected-mapping", 1, 1)
add("top-level-null", "~\n", "expected-mapping", 1, 1)
text, _ = spec()
add("two-documents", text + "---\n" + text, "yaml-multiple-documents", 10, 1)
add("two-documents-explicit", "---\n" + text + "---\nother: 1\n", "yaml-multiple-documents", 11, 1)

# --- Anchors, aliases, merge keys, tags ---------------------------------------------------------
text, where = spec({"clusterNetwork": "&net migration"})
add("anchor", text, "yaml-anchor", *at_value("clusterNetwork", where))
text, where = spec(extra=["  mtu: *m"])
add("alias-unknown", text, "yaml-alias", 10, 8)
text, where = spec({"vlan": "&v 100", "nodes": "*v"})
add("alias-known", text, "yaml-alias", *at_value("nodes", where))
text, where = spec(extra=["  <<: {mtu: 9000}"])
add("merge-key-inline", text, "unknown-key", 10, 3)
text = "base: &base\n  vlan: 100\n" + spec()[0].replace("spec:\n", "spec:\n  <<: *base\n")
add("merge-key-alias", text, "yaml-anchor", 1, 7)
laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
for level in range(1, 10):
    previous, current = chr(96 + level), chr(97 + level)
    laughs += "%s: &%s [%s]\n" % (current, current, ",".join(["*" + previous] * 9))
add("billion-laughs", laughs, "yaml-anchor", 1, 4)
for index, tag in enumerate(["!!str", "!!int", "!!binary", "!custom", "!<tag:example.com,2000:app/foo>", "!"]):
    text, where = spec({"clusterNetwork": "%s migration" % tag})
    add("tag-%d" % index, text, "yaml-tag", *at_value("clusterNetwork", where))
text, where = spec()
add("tag-on-mapping", text.replace("spec:\n", "spec: !!map\n"), "yaml-tag", 5, 7)
add("tag-on-document-root", "--- !!map\n" + text, "yaml-tag", 1, 5)

# --- Duplicate keys at every level -------------------------------------------------------------
text, _ = spec()
add("duplicate-top-level", text.replace("kind: MigrationNetwork\n", "kind: MigrationNetwork\napiVersion: mignet/v1\n"), "yaml-duplicate-key", 3, 1)
add("duplicate-metadata", text.replace("  name: hostile\n", "  name: hostile\n  name: other\n"), "yaml-duplicate-key", 5, 3)
add("duplicate-spec", text + "  vlan: 200\n", "yaml-duplicate-key", 10, 3)
add("duplicate-storage", text + "  storageNetwork:\n    range: 10.2.0.0/24\n    range: 10.3.0.0/24\n", "yaml-duplicate-key", 12, 5)
add("duplicate-flow", text.replace("  vlan: 100\n", "  vlan: 100\n").replace("spec:\n", "spec:\n") + "  reserved: [10.9.0.0/24]\n  reserved: [10.8.0.0/24]\n", "yaml-duplicate-key", 11, 3)

# --- Keys that are not strings, and odd keys ----------------------------------------------------
add("sequence-key", text + "  ? [a, b]\n  : c\n", "yaml-non-scalar-key", 10, 5)
add("mapping-key", text + "  ? {a: 1}\n  : c\n", "yaml-non-scalar-key", 10, 5)
add("integer-key", text + "  1: one\n", "unknown-key", 10, 3)
add("boolean-key", text + "  true: yes\n", "unknown-key", 10, 3)
add("null-key", text + "  ~: x\n", "unknown-key", 10, 3)
add("case-key", text.replace("  vlan: 100", "  VLAN: 100"), "unknown-key", 7, 3)
add("typo-top-level", text.replace("metadata:", "metdata:"), "unknown-key", 3, 1)
add("unknown-metadata", text.replace("  name: hostile\n", "  name: hostile\n  namespace: default\n"), "unknown-key", 5, 3)

# --- YAML 1.1 look-alikes and other non-decimal integers ----------------------------------------
lookalikes = ["yes", "on", "0x64", "0o144", "0144", "1_000", ".inf", "-.inf", ".nan", "~", "null", '"100"', "'100'",
              "1e2", "100.0", "+100", "99999999999999999999999", "[100]", "{v: 100}", "1:40"]
for field in ["vlan", "mtu", "nodes", "plannedNodes"]:
    for index, value in enumerate(lookalikes):
        if field in BODY:
            text, where = spec({field: value})
            line, column = at_value(field, where)
        else:
            text, where = spec(extra=["  %s: %s" % (field, value)])
            line, column = 10, len("  %s: " % field) + 1
        add("integer-%s-%02d" % (field, index), text, "expected-integer", line, column)
for index, value in enumerate(["yes", "no", "on", "off", "True", "FALSE", "1", "0", '"true"', "y", "~"]):
    text, where = spec(extra=["  enabled: %s" % value])
    add("boolean-%02d" % index, text, "expected-boolean", 10, 12)

# --- Address oddities ------------------------------------------------------------------------------
range_cases = [
    ('"10.1.2.0/24 "', "address-invalid"), ("10.1.2/24", "address-invalid"), ("010.1.2.0/24", "address-invalid"),
    ("10.1.2.0/033", "address-invalid"), ("::ffff:10.1.2.0/120", "address-invalid"), ("10.1.2.0/-1", "address-invalid"),
    ("256.1.2.0/24", "address-invalid"), ('"10.1.2.0 /24"', "address-invalid"), ("10.1.2.0/", "address-invalid"),
    ("10.1.2.0", "address-invalid"), ("fd00::/64", "address-ipv6-unsupported"), ('""', "address-invalid"),
    ("10.0.0.0/8", "range-prefix-out-of-range"), ("10.1.2.0/31", "range-prefix-out-of-range"), ("10.1.2.0/32", "range-prefix-out-of-range"),
    ("10.1.2.5/24", "host-bits-set"), ("0x0a010200/24", "address-invalid"), ("10.1.2.0/24/24", "address-invalid"),
    ("10.1.2.0-10.1.2.255", "address-invalid"), ("10.42.1.0/24", "range-overlaps-harvester-network"),
    ("10.53.0.0/16", "range-overlaps-harvester-network"), ("１０.1.2.0/24", "address-invalid"),
]
for index, (value, code) in enumerate(range_cases):
    text, where = spec({"range": value})
    add("range-%02d" % index, text, code, *at_value("range", where))
exclude_cases = [
    ("10.1.2.20-10.1.2.10", "exclude-range-reversed"), ("10.1.3.1", "exclude-outside-range"), ("10.1.2.0/24", "exclude-outside-range"),
    ("10.1.2.5/28", "host-bits-set"), ("10.1.2.250-10.1.3.4", "exclude-outside-range"), ("10.1.2.1-", "address-invalid"),
    ("-10.1.2.1", "address-invalid"), ("10.1.2.1 - 10.1.2.5", "address-invalid"), ("fe80::1", "address-ipv6-unsupported"),
    ("10.1.2.0/23", "exclude-outside-range"), ("1.2.3.4/32", "exclude-outside-range"),
]
for index, (value, code) in enumerate(exclude_cases):
    text, _ = spec(extra=["  exclude:", "    - " + value])
    add("exclude-%02d" % index, text, code, 11, 7)
text, _ = spec(extra=["  exclude:", "    - 10.1.2.0/28", "    - 10.1.2.100", "    - 10.1.2.9"])
add("exclude-overlap-non-adjacent", text, "exclude-overlap", 13, 7)
text, _ = spec(extra=["  exclude:", "    - 10.1.2.0/25", "    - 10.1.2.128/25"])
add("exclude-everything", text, "exclude-leaves-no-addresses", 11, 7)
text, where = spec({"range": "10.1.2.0/30", "nodes": "3"})
add("too-few-addresses", text, "insufficient-addresses", *at_value("nodes", where))
text, where = spec({"vlan": "1", "clusterNetwork": "mgmt"})
add("vlan-one-on-mgmt", text, "vlan-out-of-range", *at_value("vlan", where))
for index, value in enumerate(["0", "4095", "-1", "65536"]):
    text, where = spec({"vlan": value})
    add("vlan-%d" % index, text, "vlan-out-of-range", *at_value("vlan", where))

# --- Names --------------------------------------------------------------------------------------------
for index, value in enumerate(["prod.east", "Prod", "..", "a/b", "a" * 64, "-east", "east-", "ëast", "east_1", '""', "../../etc"]):
    text, _ = spec(name=value)
    add("name-%02d" % index, text, "name-invalid", 4, 9)
for index, value in enumerate(["migration-net", "Migration", "mig.ration", "a" * 13]):
    text, where = spec({"clusterNetwork": value})
    add("cluster-network-%d" % index, text, "cluster-network-invalid", *at_value("clusterNetwork", where))

# --- Shape ---------------------------------------------------------------------------------------------
text, _ = spec()
add("wrong-api-version", text.replace("mignet/v1", "mignet/v2"), "unsupported-api-version", 1, 13)
add("wrong-kind", text.replace("kind: MigrationNetwork", "kind: Setting"), "unsupported-kind", 2, 7)
add("no-kind", text.replace("kind: MigrationNetwork\n", ""), "missing-key", 1, 1)
add("no-spec", "\n".join(HEAD[:4]) + "\n", "missing-key", 1, 1)
text, _ = spec(drop=("vlan",))
add("no-vlan", text, "missing-key", 5, 1)
add("spec-is-a-list", "\n".join(HEAD) + "\n  - vlan: 100\n", "expected-mapping", 6, 3)
text, _ = spec(extra=["  exclude: 10.1.2.1"])
add("exclude-not-a-list", text, "expected-sequence", 10, 12)
text, _ = spec(extra=["  storageNetwork: 10.2.0.0/24"])
add("storage-not-a-mapping", text, "expected-mapping", 10, 19)

# --- Size and depth ----------------------------------------------------------------------------------
add("deep-flow-nesting", "spec: " + "[" * 100000 + "]" * 100000 + "\n", "yaml-too-deep", 1, 70)
add("deep-block-nesting", "".join("  " * depth + "k%d:\n" % depth for depth in range(200)), "yaml-too-deep", 65, 129)
text, where = spec({"clusterNetwork": "x" * 200000})
add("very-long-value", text, "cluster-network-invalid", *at_value("clusterNetwork", where))
add("very-long-line", "# " + "x" * 300000 + "\n" + spec({"vlan": "5000"})[0], "vlan-out-of-range", 8, 9)
add("very-long-key", spec(extra=["  " + "k" * 100000 + ": 1"])[0], "yaml-syntax", 10, 100003)

# --- Many diagnostics: bounded output, linear time (the trust issue, points 5 and 6) ----------------
# 40,000 invalid reserved entries on one 300 KB flow line: each excerpt is a window of that line.
add("many-reserved-on-one-line", spec(extra=["  reserved: [" + ", ".join("x%d" % i for i in range(40000)) + "]"])[0],
    "address-invalid", 10, 14)
# 64,000 unknown keys, each with a spelling hint looked for.
add("many-unknown-keys", spec(extra=["  k%d: 1" % i for i in range(64000)])[0], "unknown-key", 10, 3)

# --- Control characters and bidirectional overrides (point 2): reported, printed escaped ----------
add("escape-and-newline-in-key", spec(extra=['  "k\\e[31m\\r\\n::error::pwned": 1'])[0], "unknown-key", 10, 3)
text, where = spec({"clusterNetwork": '"mig\\u202Eration"'})
add("bidi-override-in-value", text, "cluster-network-invalid", *at_value("clusterNetwork", where))

shutil.rmtree(OUT, ignore_errors=True)
os.makedirs(OUT)
names = set()
with open(os.path.join(OUT, "EXPECTED.tsv"), "w") as manifest:
    manifest.write("# file\tcode\tline\tcolumn (written by make_hostile_corpus.py)\n")
    for name, data, code, line, column in cases:
        assert name not in names, name
        names.add(name)
        with open(os.path.join(OUT, name + ".yaml"), "wb") as handle:
            handle.write(data)
        manifest.write("%s.yaml\t%s\t%d\t%d\n" % (name, code, line, column))
print("%d cases" % len(cases))

/// A network setting's value read the way Harvester's webhook and controller read it: Go's
/// `encoding/json` into `networkutil.Config` (pkg/util/network/common.go),
/// `{clusterNetwork string, vlan uint16, range string, exclude []string}`, with
/// `exclusiveVlan bool` from v1.9 on.
///
/// Go's rules, from `encoding/json`'s `decode.go` and `fold.go`:
/// - the text must be valid JSON (`GoJSON`), else the value is refused;
/// - a key matches a field without regard to case, by Unicode simple folding: `VLAN`, and
///   `clu\u017Fter`... (U+017F, long s) and the Kelvin sign U+212A for `k`, match too;
/// - a key matching no field is skipped, its value still valid JSON;
/// - a repeated key decodes again over the field, so the last one counts; `null` leaves a
///   string, number or bool field as it was and empties a list;
/// - a number for `vlan` must be what `strconv.ParseUint` reads and fit 16 bits: `1e2`, `-0`,
///   `100.0` and `65536` are refused; a value of the wrong type (`"vlan":"100"`) is refused;
/// - a top-level `null` decodes to the empty config without error.
struct HarvesterValue: Sendable, Equatable {
    var clusterNetwork = ""
    var vlan = 0
    var exclusiveVlan = false

    /// The VLAN Harvester's NAD builder uses for this value: its default PVID, 1, for a VLAN of
    /// 0 (which its webhook accepts off `mgmt`, and which the value stores as no `vlan` key, the
    /// field being `omitempty`): harvester/harvester pkg/util/network/common.go,
    /// `if config.Vlan == 0 { config.Vlan = DefaultPVID }`.
    var effectiveVLAN: Int { vlan == 0 ? Self.defaultPVID : vlan }

    /// Harvester's `DefaultPVID`.
    static let defaultPVID = 1
    var range = ""
    var exclude: [String] = []
    /// Keys that Harvester ignores, as written.
    var unknownKeys: [String] = []

    /// Why a value is not one Harvester can read.
    struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// What Go's `json.Unmarshal` returns, word for word.
        var goError: String
        /// The same for a diagnostic.
        var description: String

        init(goError: String, description: String? = nil) {
            self.goError = goError
            self.description = description ?? goError
        }
    }

    /// The fields of Harvester's `networkutil.Config`, by Go's folded name.
    private enum Field: CaseIterable {
        case clusterNetwork, vlan, exclusiveVlan, range, exclude

        var name: String {
            switch self {
            case .clusterNetwork: "clusterNetwork"
            case .vlan: "vlan"
            case .exclusiveVlan: "exclusiveVlan"
            case .range: "range"
            case .exclude: "exclude"
            }
        }

        /// The field a key names in `release`'s struct (nil: any release, read as the newest,
        /// whose struct has every field).
        static func named(_ key: String, release: HarvesterRelease?) -> Field? {
            let folded = HarvesterValue.fold(key)
            return allCases.first { field in
                HarvesterValue.fold(field.name) == folded && (field != .exclusiveVlan || release.map(\.hasExclusiveVlan) ?? true)
            }
        }
    }

    /// Reads `text` as `release` does; without a release, as every supported release must
    /// (with v1.9's struct, whose `exclusiveVlan` must then be a bool).
    init(parsing text: String, release: HarvesterRelease? = nil) throws(Failure) {
        try self.init(decoding: try Self.document(text), release: release)
    }

    /// The JSON document of a setting's value, or why Go refuses it.
    static func document(_ text: String) throws(Failure) -> GoJSON.Value {
        do {
            return try GoJSON.parse(text)
        } catch {
            throw Failure(goError: error.message, description: "it is not valid JSON: \(error)")
        }
    }

    /// Decodes a parsed JSON value into the struct, as Go's `json.Unmarshal` does.
    init(decoding document: GoJSON.Value, release: HarvesterRelease?) throws(Failure) {
        switch document {
        case .null:
            return
        case .object(let members):
            // Go's `d.array` keeps a slice's backing array across a repeated key: `null` items
            // of a later, shorter list show what an earlier list left there.
            var excludeBacking: [String] = []
            for member in members {
                guard let field = Field.named(member.key, release: release) else {
                    unknownKeys.append(member.key)
                    continue
                }
                let value = member.value
                if value == .null {
                    if field == .exclude { exclude = []; excludeBacking = [] }
                    continue
                }
                switch field {
                case .clusterNetwork: clusterNetwork = try Self.string(value, field)
                case .range: range = try Self.string(value, field)
                case .vlan:
                    guard case .number(let number) = value else { throw Self.typeError(value, field, "uint16") }
                    // strconv.ParseUint takes digits only; Swift's UInt64(_:) would take "-0" and "+1".
                    guard number.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                          let parsed = UInt64(number), parsed <= UInt64(UInt16.max) else { throw Self.typeError("number \(number)", field, "uint16") }
                    vlan = Int(parsed)
                case .exclusiveVlan:
                    guard case .boolean(let flag) = value else { throw Self.typeError(value, field, "bool") }
                    exclusiveVlan = flag
                case .exclude:
                    guard case .array(let items) = value else { throw Self.typeError(value, field, "[]string") }
                    if items.isEmpty {
                        excludeBacking = []
                        exclude = []
                        continue
                    }
                    for (index, item) in items.enumerated() {
                        // Go grows the backing array when the index passes its capacity, with
                        // a zero string; what it held before is kept.
                        if index >= excludeBacking.count { excludeBacking.append("") }
                        if item == .null { continue }
                        guard case .string(let entry) = item else { throw Self.typeError(item, field, "string") }
                        excludeBacking[index] = entry
                    }
                    exclude = Array(excludeBacking.prefix(items.count))
                }
            }
        default:
            throw Failure(goError: "json: cannot unmarshal \(document.kindName) into Go value of type network.Config")
        }
    }

    private static func string(_ value: GoJSON.Value, _ field: Field) throws(Failure) -> String {
        guard case .string(let text) = value else { throw typeError(value, field, "string") }
        return text
    }

    private static func typeError(_ value: GoJSON.Value, _ field: Field, _ type: String) -> Failure {
        typeError(value.kindName, field, type)
    }

    private static func typeError(_ valueName: String, _ field: Field, _ type: String) -> Failure {
        Failure(goError: "json: cannot unmarshal \(valueName) into Go struct field Config.\(field.name) of type \(type)")
    }

    /// Go's `foldName`: ASCII letters upper-cased, any other character replaced by the smallest
    /// of its simple case folding orbit. Of the characters outside ASCII only two fold into
    /// ASCII letters (Unicode's CaseFolding.txt): U+017F (long s, orbit S s ſ) and U+212A
    /// (Kelvin sign, orbit K k K); the field names are ASCII, so no other character can match.
    static func fold(_ key: String) -> String {
        String(String.UnicodeScalarView(key.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "a"..."z": Unicode.Scalar(scalar.value - 32)!
            case "\u{017F}": "S"
            case "\u{212A}": "K"
            default: scalar
            }
        }))
    }
}

/// The `rwx-network` setting's value (Harvester v1.8 and later), read as Harvester reads it:
/// Go's `encoding/json` into `settings.RWXNetworkConfig`,
/// `{ShareStorageNetwork bool "share-storage-network"; Network *networkutil.Config "network"}`
/// (harvester/harvester pkg/settings/settings_helper.go line 401 at v1.8.2).
struct RWXNetworkValue: Sendable, Equatable {
    /// `share-storage-network`.
    var shareStorageNetwork = false
    /// `network`, when present and not null.
    var network: HarvesterValue?

    /// Reads `text`, as `release` does.
    init(parsing text: String, release: HarvesterRelease? = nil) throws(HarvesterValue.Failure) {
        switch try HarvesterValue.document(text) {
        case .null:
            return
        case .object(let members):
            for member in members {
                switch HarvesterValue.fold(member.key) {
                case "SHARE-STORAGE-NETWORK":
                    switch member.value {
                    case .null: continue
                    case .boolean(let flag): shareStorageNetwork = flag
                    default:
                        throw HarvesterValue.Failure(goError: "json: cannot unmarshal \(member.value.kindName) into Go struct field RWXNetworkConfig.share-storage-network of type bool")
                    }
                case "NETWORK":
                    network = member.value == .null ? nil : try HarvesterValue(decoding: member.value, release: release)
                default:
                    continue
                }
            }
        case let document:
            throw HarvesterValue.Failure(goError: "json: cannot unmarshal \(document.kindName) into Go value of type settings.RWXNetworkConfig")
        }
    }
}

/// Each `exclude` entry must be well formed (host bits zero, ranges forwards), lie strictly
/// inside the range, and overlap no other entry. Harvester's webhook compares only neighbouring
/// entries; mignet compares every pair, in n log n by sweeping the entries in address order.
struct ExcludeRule: ValidationRule {
    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan) -> [Diagnostic] {
        var diagnostics = DiagnosticCollector()
        check(spec, plan: plan, into: &diagnostics)
        return diagnostics.kept
    }

    func check(_ spec: MigrationNetworkSpec, plan: AddressPlan, into diagnostics: inout DiagnosticCollector) {
        for entry in spec.exclude {
            let file = entry.location.file
            switch entry.value {
            case .cidr(let cidr) where cidr.hasHostBits:
                diagnostics.append(.hostBitsSet, .error, file: file) { .hostBitsSet("exclude", cidr, at: entry.location) }
            case .range(let first, let last) where first > last:
                diagnostics.append(.excludeRangeReversed, .error, file: file) { .excludeRangeReversed(first: first, last: last, at: entry.location) }
            default:
                break
            }
        }
        if let range = plan.range, let rangeLocation = spec.range?.location {
            for (entry, interval) in plan.exclusions where !range.interval.contains(interval) || range.interval == interval {
                diagnostics.append(.excludeOutsideRange, .error, file: entry.location.file) {
                    .excludeOutsideRange(entry.value, range: range, equal: range.interval == interval, at: entry.location, rangeLocation: rangeLocation)
                }
            }
        }
        overlaps(plan.exclusions, into: &diagnostics)
    }

    /// One diagnostic for every entry that overlaps an entry before it in address order; it is
    /// reported at whichever of the two the spec writes later, with a note at the other.
    private func overlaps(_ exclusions: [(entry: Located<AddressBlock>, interval: IPv4Interval)], into diagnostics: inout DiagnosticCollector) {
        let order = exclusions.indices.sorted { exclusions[$0].interval.lower < exclusions[$1].interval.lower || (exclusions[$0].interval.lower == exclusions[$1].interval.lower && $0 < $1) }
        var reach: Int?
        for index in order {
            if let widest = reach, exclusions[index].interval.overlaps(exclusions[widest].interval) {
                let (later, earlier) = index > widest ? (index, widest) : (widest, index)
                diagnostics.append(.excludeOverlap, .error, file: exclusions[later].entry.location.file) {
                    .excludeOverlap(exclusions[later].entry, with: exclusions[earlier].entry)
                }
            }
            if reach == nil || exclusions[index].interval.upper > exclusions[reach!].interval.upper {
                reach = index
            }
        }
    }
}

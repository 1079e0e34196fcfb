import Dispatch

/// Work spread over threads with results kept in input order, so that output never depends
/// on how many threads ran or which finished first.
public enum Parallel {
    /// `items.map(transform)`, computed on up to `jobs` threads.
    public static func map<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result) -> [Result] {
        let workers = max(1, min(jobs, items.count))
        guard workers > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each worker writes only the slots of its own stride, so no two threads share a slot.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: items.count, by: workers) {
                slots[index] = transform(items[index])
            }
        }
        return results.map { $0! }
    }
}

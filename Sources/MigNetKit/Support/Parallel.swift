import Glibc
import Synchronization

/// Work spread over threads with results kept in input order, so that output never depends
/// on how many threads ran or which finished first.
///
/// The calling thread always works too, and the helper threads are started with
/// `pthread_create`: where none can be created (a process limit, as in containers), the calling
/// thread does all the work alone instead of waiting for a thread that never comes.
package enum Parallel {
    /// `items.map(transform)`, computed on up to `jobs` threads.
    package static func map<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result) -> [Result] {
        let workers = max(1, min(jobs, items.count))
        guard workers > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each index is taken once from the shared counter, so no two threads share a slot.
        nonisolated(unsafe) let slots = results
        let next = Counter()
        withoutActuallyEscaping(transform) { transform in
            let work = {
                while true {
                    let index = next.take()
                    guard index < items.count else { return }
                    slots[index] = transform(items[index])
                }
            }
            withoutActuallyEscaping(work) { work in
                let helpers = (1..<workers).compactMap { _ in HelperThread.start(work) }
                work()
                for helper in helpers { helper.join() }
            }
        }
        return results.map { $0! }
    }
}

/// The next index to work on, shared by the threads of one `Parallel.map`.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    /// The next index; each is returned once.
    func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// One joinable POSIX thread running a closure.
private struct HelperThread {
    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private let thread: pthread_t

    /// Starts `body` on a new thread; nil when the system refuses one.
    static func start(_ body: @escaping () -> Void) -> HelperThread? {
        let box = Unmanaged.passRetained(Box(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { context in
            let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
            box.body()
            return nil
        }, box.toOpaque())
        guard status == 0 else {
            box.release()
            return nil
        }
        return HelperThread(thread: thread)
    }

    func join() {
        pthread_join(thread, nil)
    }
}

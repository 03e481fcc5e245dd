#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A flag with a value per thread (POSIX thread-specific data). Swift's task locals do not reach
/// the pool threads `DispatchQueue.concurrentPerform` runs on, so the mark that a thread is
/// running a parallel section's piece lives here.
final class ThreadFlag: @unchecked Sendable {
    private var key = pthread_key_t()

    init() {
        // Keys are few (PTHREAD_KEYS_MAX is at least 128) and this one lives as long as the process.
        precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key left")
    }

    var isSet: Bool { pthread_getspecific(key) != nil }

    func set(_ on: Bool) {
        pthread_setspecific(key, on ? UnsafeRawPointer(bitPattern: 1) : nil)
    }
}

import Foundation

/// Carries records from the thread that parses a file to the thread that owns the store, in
/// batches, holding at most `capacity` batches so a large file never piles up in memory.
/// Parsing and writing then overlap on two cores.
final class ItemPipe: @unchecked Sendable {
  /// Thrown to the reading thread when the writing side stopped early.
  struct Cancelled: Error {}

  static let batchSize = 512

  private let condition = NSCondition()
  private var batches: [[ImportItem]] = []
  private var finished = false
  private var failure: (any Error)?
  private var cancelled = false
  private let capacity: Int

  init(capacity: Int = 8) {
    self.capacity = capacity
  }

  /// Reading side: waits while the pipe is full; throws `Cancelled` once the writer stopped.
  func put(_ batch: [ImportItem]) throws {
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= capacity && !cancelled { condition.wait() }
    if cancelled { throw Cancelled() }
    batches.append(batch)
    condition.broadcast()
  }

  /// Reading side: no more batches; `error` is handed to the writer after the last batch.
  func finish(_ error: (any Error)?) {
    condition.lock()
    finished = true
    failure = error
    condition.broadcast()
    condition.unlock()
  }

  /// Writing side: the next batch, nil at the end, or the reader's error.
  func take() throws -> [ImportItem]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !finished { condition.wait() }
    if !batches.isEmpty {
      condition.broadcast()
      return batches.removeFirst()
    }
    if let failure, !(failure is Cancelled) { throw failure }
    return nil
  }

  /// Writing side: stop the reader (it gets `Cancelled` at its next `put`).
  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }

  /// Runs `reader` on its own thread and hands each record to `handle` on this one, returning
  /// once the reader is done and every record is handled; rethrows what either side throws.
  /// `prepare` sees each batch of up to `batchSize` items before they are handled.
  static func stream(
    _ reader: FormatReader, ringFrom: String?,
    prepare: ([ImportItem]) throws -> Void = { _ in },
    into handle: (ImportItem) throws -> Void
  ) throws {
    let pipe = ItemPipe()
    let done = DispatchSemaphore(value: 0)
    let job = UncheckedSendable((reader, ringFrom))
    let thread = Thread {
      var batch: [ImportItem] = []
      batch.reserveCapacity(batchSize)
      do {
        try job.value.0.read(ringFrom: job.value.1) { item in
          batch.append(item)
          if batch.count == batchSize {
            try pipe.put(batch)
            batch.removeAll(keepingCapacity: true)
          }
        }
        if !batch.isEmpty { try pipe.put(batch) }
        pipe.finish(nil)
      } catch {
        if !(error is Cancelled) && !batch.isEmpty { try? pipe.put(batch) }
        pipe.finish(error)
      }
      done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    defer {
      pipe.cancel()
      done.wait()
    }
    while let batch = try pipe.take() {
      try prepare(batch)
      for item in batch { try handle(item) }
    }
  }
}

/// Moves a value that is only ever used by one thread at a time across a thread boundary.
struct UncheckedSendable<Value>: @unchecked Sendable {
  let value: Value

  init(_ value: Value) { self.value = value }
}

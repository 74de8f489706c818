/// Collects output and hands it to the context in large chunks, so printing a million rows
/// costs a few hundred writes, not a million.
final class BufferedOutput {
  private let context: CommandContext
  private var buffer = ""
  private let limit: Int

  init(_ context: CommandContext, limit: Int = 64 * 1024) {
    self.context = context
    self.limit = limit
    buffer.reserveCapacity(limit + 1024)
  }

  func line(_ text: String) {
    buffer += text
    buffer += "\n"
    if buffer.utf8.count >= limit { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    context.write(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

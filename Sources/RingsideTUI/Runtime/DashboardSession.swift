import Foundation

/// Runs the dashboard: reads input, updates the state, performs effects, draws. Drawing waits
/// briefly for store answers, so a fast query shows in the same frame as its key, and a slow
/// one never freezes the keyboard.
public final class DashboardSession {
  public private(set) var state: DashboardState
  let terminal: TerminalIO
  let runner: EffectRunner
  let themes: ThemeLocator
  let clock: () -> Date
  /// How long a frame waits for store answers before drawing what it has.
  let frameWaitMS: Int
  /// How often to ask the store whether another process changed it.
  let tickSeconds: Double
  private var lastTick: Date

  /// The signal that ended the session, if any.
  public private(set) var endedBySignal: Int32?
  /// Receives timing lines (`RINGSIDE_TRACE`): the first frame and every key to its frame.
  public var trace: ((String) -> Void)?
  /// When the program started, for the first-frame time.
  public var startedAt: Date?
  /// True when `start(_:runner:)` already sent the first frame's store work, so `run()` does
  /// not send it again.
  public var startSubmitted = false

  /// Sends the first frame's store work for `state` to `runner` before a session (and its
  /// terminal) exists, so the store answers while the terminal starts. A session built with
  /// this state and runner then runs with `startSubmitted` set.
  public static func start(_ state: inout DashboardState, runner: EffectRunner) {
    runner.submit(Dashboard.start(&state))
  }

  public init(
    state: DashboardState, terminal: TerminalIO, runner: EffectRunner, themes: ThemeLocator,
    clock: @escaping () -> Date = Date.init, frameWaitMS: Int = 40, tickSeconds: Double = 1
  ) {
    self.state = state
    self.state.canSetClipboard = terminal.canSetClipboard
    self.terminal = terminal
    self.runner = runner
    self.themes = themes
    self.clock = clock
    self.frameWaitMS = frameWaitMS
    self.tickSeconds = tickSeconds
    lastTick = clock()
  }

  /// Runs until quit, a signal, or the end of scripted input; returns the last screen.
  @discardableResult
  public func run() -> CellGrid {
    var effects = startSubmitted ? [] : Dashboard.start(&state)
    perform(effects)
    if startSubmitted && (state.width != terminal.width || state.height != terminal.height) {
      perform(dispatch(.resize(width: terminal.width, height: terminal.height)))
    }
    settle(waitMS: frameWaitMS)
    var frame = Renderer.render(state, asciiOnly: terminal.asciiOnly)
    terminal.draw(frame)
    if let trace, let startedAt {
      trace(
        String(
          format: "first-frame %.1f ms%@", clock().timeIntervalSince(startedAt) * 1000,
          runner.isBusy ? " (queries pending)" : ""))
    }
    var pendingSince: (Date, String)? = runner.isBusy ? startedAt.map { ($0, "first frame") } : nil
    var keyStarted: Date?
    var keyName = ""
    while !state.quitting {
      let input = terminal.read(timeoutMS: runner.isBusy ? 20 : 250)
      switch input {
      case .end:
        settle(waitMS: -1)
        return Renderer.render(state, asciiOnly: terminal.asciiOnly)
      case .signal(let signal):
        endedBySignal = signal
        return frame
      case .timeout:
        effects = []

        if clock().timeIntervalSince(lastTick) >= tickSeconds {
          lastTick = clock()
          effects = dispatch(.tick(lastTick))
        }
      case .key(let key):
        keyStarted = clock()
        keyName = key.label
        effects = dispatch(.key(key))
        // Keys already typed (a paste) are taken before the frame waits for the store, so
        // the keyboard never waits for a query: one frame for the whole batch.
        switch terminal.batchesTypeahead ? drainTypeahead(into: &effects) : nil {
        case .end?:
          perform(effects)
          settle(waitMS: -1)
          return Renderer.render(state, asciiOnly: terminal.asciiOnly)
        case .signal(let signal)?:
          endedBySignal = signal
          return frame
        default: break
        }
      case .resize(let width, let height): effects = dispatch(.resize(width: width, height: height))
      }
      perform(effects)
      settle(waitMS: frameWaitMS)
      let next = Renderer.render(state, asciiOnly: terminal.asciiOnly)
      if next != frame {
        terminal.draw(next)
        frame = next
      }
      if let started = keyStarted {
        let busy = runner.isBusy
        trace?(
          String(
            format: "key %@ to frame %.1f ms%@", keyName, clock().timeIntervalSince(started) * 1000,
            busy ? " (queries pending)" : ""))
        if busy { pendingSince = (started, "key \(keyName)") }
        keyStarted = nil
      } else if let (since, what) = pendingSince, !runner.isBusy {
        trace?(String(format: "%@ complete %.1f ms", what, clock().timeIntervalSince(since) * 1000))
        pendingSince = nil
      }
    }
    return frame
  }

  /// The most keys taken in one frame, and how long taking them may last, so a huge paste
  /// still draws now and then.
  static let typeaheadKeys = 8192
  static let typeaheadSeconds = 0.1

  /// Dispatches keys and resizes that are already waiting, without blocking; stops at the
  /// first pause, at a quit, or at the end of input or a signal, which it returns.
  private func drainTypeahead(into effects: inout [Effect]) -> InputEvent? {
    let started = clock()
    var taken = 0
    while !state.quitting, taken < Self.typeaheadKeys,
      clock().timeIntervalSince(started) < Self.typeaheadSeconds
    {
      let input = terminal.read(timeoutMS: 0)
      switch input {
      case .key(let key): effects += dispatch(.key(key))
      case .resize(let width, let height):
        effects += dispatch(.resize(width: width, height: height))
      case .timeout: return nil
      case .end, .signal: return input
      }
      taken += 1
    }
    return nil
  }

  private func dispatch(_ event: Event) -> [Effect] {
    let (next, effects) = Dashboard.update(state, event)
    state = next
    return effects
  }

  /// Performs effects: store queries go to the runner, themes are loaded here.
  private func perform(_ effects: [Effect]) {
    var store: [Effect] = []
    for effect in effects {
      switch effect {
      case .loadTheme(let name):
        do {
          let theme = try themes.load(name)
          terminal.apply(theme)
          perform(dispatch(.themeLoaded(theme.name)))
        } catch {
          perform(dispatch(.failed(error.description)))
        }
      case .setClipboard(let text): terminal.setClipboard(text)
      case .quit: break
      default: store.append(effect)
      }
    }
    if !store.isEmpty { runner.submit(store) }
  }

  /// Feeds store answers back into the state while work the frame needs is pending, for at
  /// most `waitMS` (-1: until everything is answered). Answers that arrive later are drawn
  /// by later turns of the loop.
  private func settle(waitMS: Int) {
    let deadline = clock().addingTimeInterval(Double(max(0, waitMS)) / 1000)
    while waitMS < 0 ? runner.isBusy : runner.hasUrgentWork {
      let remaining = waitMS < 0 ? -1 : Int(deadline.timeIntervalSince(clock()) * 1000)
      if waitMS >= 0 && remaining <= 0 { break }
      for event in runner.collect(timeoutMS: remaining) { perform(dispatch(event)) }
    }
    for event in runner.collect(timeoutMS: 0) { perform(dispatch(event)) }
  }
}

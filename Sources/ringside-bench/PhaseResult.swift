import Foundation

/// What a phase child prints on standard output: its figures, as JSON.
struct PhaseResult: Codable, Sendable {
  var figures: [CodableFigure]
}

/// `Figure` in the form that crosses the process boundary and goes into `--json`.
struct CodableFigure: Codable, Sendable {
  let key: String
  let title: String
  let unit: String
  let samples: [Double]

  init(_ f: Figure) {
    key = f.key
    title = f.title
    unit = f.unit
    samples = f.samples
  }

  var figure: Figure { Figure(key: key, title: title, unit: unit, samples: samples) }
}

/// Collects the figures of one phase under their keys, in the order first seen.
struct FigureSet: Sendable {
  private(set) var figures: [Figure] = []

  mutating func add(_ key: String, _ title: String, _ unit: String, _ sample: Double) {
    if let i = figures.firstIndex(where: { $0.key == key }) {
      let f = figures[i]
      figures[i] = Figure(key: key, title: title, unit: unit, samples: f.samples + [sample])
    } else {
      figures.append(Figure(key: key, title: title, unit: unit, samples: [sample]))
    }
  }

  mutating func add(_ other: [Figure]) { figures += other }

  /// Prints the figures as one JSON line, for the parent process.
  func emit() throws {
    let data = try JSONEncoder().encode(PhaseResult(figures: figures.map(CodableFigure.init)))
    FileHandle.standardOutput.write(data + Data("\n".utf8))
  }
}

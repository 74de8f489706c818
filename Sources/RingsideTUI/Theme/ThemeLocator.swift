import Foundation

/// Finds themes: `--theme PATH` as a file; a name in `$XDG_CONFIG_HOME/ringside/themes/`,
/// then `$RINGSIDE_THEMES`, then the shipped `Themes/` folder next to the binary (or in the
/// package a `swift run` binary was built from), then the copies compiled into the program.
public struct ThemeLocator: Sendable {
  public let environment: [String: String]
  /// The running binary, to find the shipped `Themes/` beside it.
  public let executablePath: String?

  public init(environment: [String: String], executablePath: String?) {
    self.environment = environment
    self.executablePath = executablePath
  }

  /// The built-in default every theme starts from.
  public static let builtinDefault: Theme = {
    do {
      return try Theme.parse(
        ShippedThemes.defaultText, name: "default", file: "built-in default.theme")
    } catch {
      preconditionFailure("the built-in default theme is malformed: \(error)")
    }
  }()

  /// The built-in monochrome theme, for `NO_COLOR` and terminals without colours.
  public static let builtinMono: Theme = {
    do {
      return try Theme.parse(
        ShippedThemes.monoText, name: "mono", file: "built-in mono.theme", over: builtinDefault)
    } catch {
      preconditionFailure("the built-in mono theme is malformed: \(error)")
    }
  }()

  /// Folders searched for `NAME.theme`, in order.
  public var searchDirectories: [String] {
    var dirs: [String] = []
    let config =
      environment["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
      ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
    dirs.append(config + "/ringside/themes")
    if let shipped = environment["RINGSIDE_THEMES"], !shipped.isEmpty { dirs.append(shipped) }
    if let executablePath {
      let exeDir = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()
      dirs.append(exeDir.appendingPathComponent("Themes").path)
      dirs.append(exeDir.appendingPathComponent("../share/ringside/themes").standardized.path)
      var dir = exeDir
      for _ in 0..<6 {
        dir = dir.deletingLastPathComponent()
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path)
        {
          dirs.append(dir.appendingPathComponent("Themes").path)
          break
        }
      }
    }
    return dirs
  }

  /// Every theme name `--theme` takes here: the shipped ones and each `NAME.theme` in the
  /// search folders whose name is plain text, sorted, each once.
  public func availableNames() -> [String] {
    var names = Set(ShippedThemes.all.map(\.name))
    for directory in searchDirectories {
      let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      for file in files.prefix(1000) where file.hasSuffix(".theme") {
        let name = String(file.dropLast(".theme".count))
        let plain = name.unicodeScalars.allSatisfy {
          $0.isASCII
            && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0))
        }
        if plain && !name.isEmpty && name.count <= 64 { names.insert(name) }
      }
    }
    return names.sorted()
  }

  /// Loads a theme by name or path over the built-in default.
  public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
    if nameOrPath.contains("/") || nameOrPath.hasSuffix(".theme") {
      return try loadFile(
        nameOrPath, name: URL(fileURLWithPath: nameOrPath).deletingPathExtension().lastPathComponent
      )
    }
    guard !nameOrPath.isEmpty,
      nameOrPath.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    else {
      throw ThemeError(
        file: nameOrPath, line: 0, message: "a theme name uses letters, digits, - and _")
    }
    for dir in searchDirectories {
      let path = dir + "/" + nameOrPath + ".theme"
      if FileManager.default.fileExists(atPath: path) {
        return try loadFile(path, name: nameOrPath)
      }
    }
    if let text = ShippedThemes.text(named: nameOrPath) {
      return try Theme.parse(
        text, name: nameOrPath, file: "built-in \(nameOrPath).theme",
        over: ThemeLocator.builtinDefault)
    }
    throw ThemeError(
      file: nameOrPath, line: 0,
      message:
        "no theme of that name in \(searchDirectories.joined(separator: ", ")); shipped themes: \(ShippedThemes.all.map(\.name).joined(separator: ", "))"
    )
  }

  private func loadFile(_ path: String, name: String) throws(ThemeError) -> Theme {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ThemeError(file: path, line: 0, message: "cannot read the theme file")
    }
    guard let text = String(data: data, encoding: .utf8) else {
      throw ThemeError(file: path, line: 0, message: "the theme file is not UTF-8 text")
    }
    return try Theme.parse(text, name: name, file: path, over: ThemeLocator.builtinDefault)
  }
}

/// Which hardware a release installs on: every model of its platform, a list of model
/// identifiers as Apple's GDMF feed gives them (`iPhone15,2`, `iPad13,18`, `Mac17,5`), Macs
/// with Apple silicon, or a macOS major's Macs: every Mac with Apple silicon and the Intel
/// models listed. A device whose model is not an identifier (Intune reports marketing names
/// such as "iPhone 14") is judged by its platform alone.
///
/// In the catalog CSV's text form, `@apple-silicon` limits the scope to Apple silicon (alone:
/// every such Mac; with identifiers: those of them with Apple silicon), and a `@macosNN` set
/// adds every Mac with Apple silicon to the Intel Macs it lists.
public struct HardwareScope: Sendable, Hashable {
  /// nil: every model of the platform.
  public let models: Set<String>?
  /// Only Macs with Apple silicon (of `models`, when there is a list).
  public let appleSiliconOnly: Bool
  /// Every Mac with Apple silicon is in scope besides `models` (a `@macosNN` set).
  public let includesAppleSilicon: Bool
  /// The models of `models` that are in scope by the catalog's assumption, not because a
  /// source lists them (`@ios27`'s iPads).
  public let assumedModels: Set<String>
  /// The text form: `@set` names and identifiers, as the catalog CSV writes them.
  public let text: String

  public static let all = HardwareScope(models: nil, appleSiliconOnly: false, text: "")

  init(
    models: Set<String>?, appleSiliconOnly: Bool, includesAppleSilicon: Bool = false,
    assumedModels: Set<String> = [], text: String
  ) {
    self.models = models
    self.appleSiliconOnly = appleSiliconOnly
    self.includesAppleSilicon = includesAppleSilicon
    self.assumedModels = assumedModels
    self.text = text
  }

  /// Reads `@ios26 iPhone19.2 Mac17.5`: builtin set names and identifiers written with "."
  /// for ",". Unknown set names are an error naming them.
  public init(parsing text: String) throws(CatalogError) {
    let tokens = text.split(separator: " ").map(String.init)
    guard !tokens.isEmpty else {
      self = .all
      return
    }
    var models: Set<String> = []
    var silicon = false
    var plusSilicon = false
    var assumed: Set<String> = []
    var listed: Set<String> = []
    for token in tokens {
      if token == "@apple-silicon" {
        silicon = true
      } else if token.hasPrefix("@") {
        let name = String(token.dropFirst())
        guard let set = BuiltinDeviceSets.sets[name] else {
          throw CatalogError(
            file: "", location: "devices",
            reason: "unknown device set \(Sanitized.text(token, limit: 30))")
        }
        models.formUnion(set)
        let guessed = BuiltinDeviceSets.assumed[name] ?? []
        assumed.formUnion(guessed)
        listed.formUnion(Set(set).subtracting(guessed))
        if BuiltinDeviceSets.withAppleSilicon.contains(name) { plusSilicon = true }
      } else {
        let model = HardwareScope.identifier(fromCSV: token)
        models.insert(model)
        listed.insert(model)
      }
    }
    self.init(
      models: models.isEmpty ? nil : models, appleSiliconOnly: silicon,
      includesAppleSilicon: plusSilicon, assumedModels: assumed.subtracting(listed), text: text)
  }

  /// A scope listing exactly these identifiers (from a feed).
  public init(identifiers: [String]) {
    let ids = identifiers.filter(ModelIdentifier.isIdentifier)
    let text = ids.sorted().map { $0.replacingAll(",", with: ".") }.joined(separator: " ")
    self.init(models: ids.isEmpty ? nil : Set(ids), appleSiliconOnly: false, text: text)
  }

  static func identifier(fromCSV token: String) -> String {
    token.replacingAll(".", with: ",")
  }

  public var isAll: Bool { models == nil && !appleSiliconOnly }

  /// Whether a device of this model and platform can install the release: `true` or `false`
  /// when the model decides it, `nil` when the model is not an identifier and the platform's
  /// devices are only partly in scope, or when a Mac's identifier is of a family whose
  /// processor is not known (neither listed nor known to have Apple silicon).
  public func includes(model text: String?, platform: Platform) -> Bool? {
    if isAll { return true }
    guard let model = ModelIdentifier.extract(from: text) else {
      guard let models else { return nil }
      let prefixes = ModelIdentifier.prefixes(of: platform)
      let any =
        (includesAppleSilicon && platform == .macOS)
        || models.contains { m in prefixes.contains { m.hasPrefix($0) } }
      return any ? nil : false
    }
    let silicon = ModelIdentifier.isAppleSilicon(model)
    if appleSiliconOnly, silicon == false { return false }
    guard let models else { return true }
    if models.contains(model) { return true }
    guard includesAppleSilicon, platform == .macOS else { return false }
    return silicon
  }

  /// Whether the scope reaches this device only by the catalog's assumption: its model is an
  /// assumed one, or, for a device whose model is not an identifier, every model of its
  /// platform in scope is.
  public func isAssumed(model text: String?, platform: Platform) -> Bool {
    guard !assumedModels.isEmpty else { return false }
    if let model = ModelIdentifier.extract(from: text) { return assumedModels.contains(model) }
    let prefixes = ModelIdentifier.prefixes(of: platform)
    let mine = (models ?? []).filter { m in prefixes.contains { m.hasPrefix($0) } }
    return !mine.isEmpty && mine.isSubset(of: assumedModels)
  }

  /// How many models the scope holds, for comparing releases of one major: `.max` for every
  /// model of a platform, and for every Mac with Apple silicon.
  var breadth: Int {
    guard let models, !includesAppleSilicon else { return .max }
    return models.count
  }

  /// Whether some devices of this platform are in scope at all.
  public func reaches(_ platform: Platform) -> Bool {
    includes(model: nil, platform: platform) != false
  }
}

/// Facts read from Apple's model identifiers (`iPhone15,2`, `MacBookPro18,3`, `Mac14,2`).
public enum ModelIdentifier {
  /// `Name12,3`: letters, a major number, a comma, a minor number; at most 24 characters
  /// (`RealityDevice14,1` is 17), so a long text of that shape is no identifier.
  public static func isIdentifier(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count <= 24, let comma = scalars.firstIndex(of: ","), comma > 1,
      comma < scalars.count - 1
    else {
      return false
    }
    let head = scalars[..<comma]
    let letters = head.prefix { $0.properties.isAlphabetic && $0.isASCII }
    let digits = head.dropFirst(letters.count)
    return !letters.isEmpty && !digits.isEmpty && digits.allSatisfy(\.isASCIIDigit)
      && scalars[(comma + 1)...].allSatisfy(\.isASCIIDigit)
  }

  /// The identifier in a model text: the text itself, or one in parentheses as in
  /// "iPhone 14 (iPhone14,7)"; nil for a marketing name alone.
  public static func extract(from text: String?) -> String? {
    guard let text else { return nil }
    if isIdentifier(text) { return text }
    guard let open = text.lastIndex(of: "("), let close = text.lastIndex(of: ")"), open < close
    else { return nil }
    let inner = String(text[text.index(after: open)..<close])
    return isIdentifier(inner) ? inner : nil
  }

  /// The identifier prefixes of a platform's devices.
  static func prefixes(of platform: Platform) -> [String] {
    switch platform {
    case .iOS: ["iPhone", "iPod"]
    case .iPadOS: ["iPad"]
    case .macOS: ["Mac", "iMac"]
    }
  }

  /// `true` for Apple silicon Macs, `false` for Intel ones, nil when the identifier is not a
  /// Mac's. Every `MacNN,N` is Apple silicon; of the older families, Apple silicon starts at
  /// MacBookAir10, MacBookPro17, Macmini9 and iMac21. `VirtualMac2,1` is a macOS virtual
  /// machine on an Apple silicon host (AppleDB lists it for macOS 27, which runs on Apple
  /// silicon only: osFiles/macOS/26x - 27.x/26A434.json at 20e619bb).
  public static func isAppleSilicon(_ model: String) -> Bool? {
    guard isIdentifier(model) else { return nil }
    let name = String(model.prefix { $0.isLetter })
    let major = Int(model.dropFirst(name.count).prefix { $0.isNumber }) ?? 0
    switch name {
    case "Mac": return true
    case "MacBookAir": return major >= 10
    case "MacBookPro": return major >= 17
    case "Macmini": return major >= 9
    case "iMac": return major >= 21
    case "VirtualMac": return major >= 2
    case "MacPro", "iMacPro", "MacBook": return false
    default: return nil
    }
  }
}

extension Unicode.Scalar {
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

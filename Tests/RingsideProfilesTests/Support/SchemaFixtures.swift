import Foundation
import RingsideDomain

/// Apple's schema YAML files copied into `Fixtures/`, and the rules of `docs/schema.md` for
/// reading them: a key inherits its payload's `supportedOS` per platform, overriding only the
/// values it names; `introduced: n/a` means the platform does not support it.
enum SchemaFixtures {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures")

  static let files = [
    "com.apple.applicationaccess.yaml", "com.apple.SoftwareUpdate.yaml", "TopLevel.yaml",
    "CommonPayloadKeys.yaml", "softwareupdate.settings.yaml",
  ]

  /// Every fixture by its `payloadtype` or `declarationtype`.
  static let documents: [String: YAMLNode] = {
    var out: [String: YAMLNode] = [:]
    for file in files {
      let text =
        (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? ""
      let node = YAMLNode.parse(text)
      let type =
        node["payload"]?["payloadtype"]?.string ?? node["payload"]?["declarationtype"]?.string
      if let type { out[type] = node }
    }
    return out
  }()

  static let platformNames: [PlatformFamily: String] = [.iOS: "iOS", .macOS: "macOS"]

  /// The key at `path` inside the document for `container`, with the supportedOS chain from the
  /// payload down to it.
  static func key(_ path: [String], in container: String) -> (node: YAMLNode, chain: [YAMLNode])? {
    guard let document = documents[container], let payload = document["payload"] else { return nil }
    var chain = [payload]
    var candidates = document["payloadkeys"]?.items ?? []
    var found: YAMLNode?
    for name in path {
      guard let node = candidates.first(where: { $0["key"]?.string == name }) else { return nil }
      chain.append(node)
      found = node
      candidates = node["subkeys"]?.items ?? []
    }
    return found.map { ($0, chain) }
  }

  /// The effective supportedOS values of the last element of `chain` for one platform; nil
  /// when the platform is not listed anywhere in the chain.
  static func support(_ chain: [YAMLNode], family: PlatformFamily) -> [String: YAMLNode]? {
    let name = platformNames[family]!
    var merged: [String: YAMLNode]?
    for node in chain {
      guard let os = node["supportedOS"]?[name] else { continue }
      var values = merged ?? [:]
      for (key, value) in os.pairs { values[key] = value }
      merged = values
    }
    return merged
  }

  /// The version the chain is introduced in on `family`, or nil when unsupported there.
  static func introduced(_ chain: [YAMLNode], family: PlatformFamily) -> OSVersionNumber? {
    guard let values = support(chain, family: family),
      let text = values["introduced"]?.string, text != "n/a"
    else { return nil }
    return OSVersionNumber(text)
  }

  /// Whether the schema limits the chain to supervised devices on `family` (`supervised: true`,
  /// or declarative `allowed-enrollments` of only `supervised`).
  static func supervisedOnly(_ chain: [YAMLNode], family: PlatformFamily) -> Bool {
    guard let values = support(chain, family: family) else { return false }
    if values["supervised"]?.string == "true" { return true }
    if let enrollments = values["allowed-enrollments"]?.items.compactMap(\.string) {
      return enrollments == ["supervised"]
    }
    return false
  }
}

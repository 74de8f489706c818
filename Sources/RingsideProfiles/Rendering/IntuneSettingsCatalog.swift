/// Where each `softwareupdate.settings` key Ringside writes lives in Microsoft Intune, which
/// takes no custom declaration file: its settings catalog offers the declaration's keys as
/// settings of its own ("Declarative Device Management (DDM)", "Software Update Settings").
/// Each setting's definition ID is `softwareupdate_` followed by the key path in lower case
/// joined by `_`; a boolean is a choice whose value is the ID plus `_true` or `_false`, an
/// enumeration a choice whose value is the ID plus the value's position in Apple's list
/// (`installsecurityupdate_1` is `AlwaysOn`), a number the number itself. These are the IDs
/// Intune's policies carry in Microsoft Graph (`deviceManagement/configurationPolicies`), as
/// published policies show them (e.g. the macOS DDM software update example of
/// deploymenttheory/terraform-provider-microsoft365).
public enum IntuneSettingsCatalog {
  /// One setting as Intune's settings catalog holds it.
  public struct Entry: Sendable, Hashable {
    /// The setting definition ID (`softwareupdate_rapidsecurityresponse_enable`).
    public let settingID: String
    /// The value as Graph stores it (`softwareupdate_rapidsecurityresponse_enable_true`, `7`).
    public let value: String
    /// The value as the admin center offers it (`true`, `AlwaysOn`, `7`).
    public let displayValue: String
  }

  /// The settings-catalog entry for one declaration setting, or nil for a key Ringside does
  /// not write to that declaration or a value the key's schema does not allow.
  public static func entry(for setting: DeclarationSetting) -> Entry? {
    guard
      let key = SoftwareUpdateSchema.allKeys.first(where: {
        $0.container == SoftwareUpdateSchema.settingsDeclaration && $0.path == setting.keyPath
      })
    else { return nil }
    let id = "softwareupdate_" + key.path.map { $0.lowercased() }.joined(separator: "_")
    switch (key.type, setting.scalar) {
    case (.boolean, .boolean(let flag)):
      return Entry(
        settingID: id, value: id + (flag ? "_true" : "_false"), displayValue: String(flag))
    case (.integer, .integer(let number)):
      return Entry(settingID: id, value: String(number), displayValue: String(number))
    case (.string, .string(let text)):
      guard let position = key.allowedValues.firstIndex(of: text) else { return nil }
      return Entry(settingID: id, value: "\(id)_\(position)", displayValue: text)
    default:
      return nil
    }
  }

  /// `ID = value` (the value as the admin center offers it) for every setting of a declaration that has an Intune equivalent, and the
  /// key paths of those that have none.
  public static func lines(ofDeclaration text: String) -> (entries: [String], unmapped: [String]) {
    var entries: [String] = []
    var unmapped: [String] = []
    for setting in DeclarationSettings.settings(ofDeclaration: text) {
      if let entry = entry(for: setting) {
        entries.append("\(entry.settingID) = \(entry.displayValue)")
      } else {
        unmapped.append(setting.keyPath.joined(separator: "."))
      }
    }
    return (entries, unmapped)
  }
}

import RingsideDomain
import RingsideProfiles
import RingsideStore

/// Profiles already written keep their identifiers. A change of organisation or identifier
/// prefix that gives them new ones, whether by `config`, by the first `apply --org` or by the
/// dashboard's `--org`, would leave the MDM a second profile per ring (each Mac with two
/// `com.apple.SoftwareUpdate` payloads), so it needs `--force`.
enum IdentifierGuard {
  /// Refuses `new` when its identifiers differ from those of `current` and the store has
  /// written a profile or declaration, unless `force`. `fix` says how to go ahead on purpose.
  static func check(
    from current: ProfileSettings, to new: ProfileSettings, store: InventoryStore, force: Bool,
    fix: String
  ) throws(CLIError) {
    guard !force, let before = root(current), let after = root(new), before != after else {
      return
    }
    let written: [String]
    do { written = try store.writtenProfileFileNames() } catch { throw CLIError.store(error) }
    guard written.contains(where: ProfileFile.carriesIdentifiers) else { return }
    throw CLIError(
      .usage,
      "profiles were written with identifiers \(Sanitized.text(before)).RING…; this gives "
        + "\(Sanitized.text(after)).RING…, so the MDM would get a second profile per ring next "
        + "to the first (each Mac with two com.apple.SoftwareUpdate payloads): remove the old "
        + "profiles from the MDM, then \(fix)")
  }

  /// `ringside.SLUG` or `PREFIX.ringside` for the settings; nil for an organisation that is
  /// not valid (refused elsewhere).
  static func root(_ settings: ProfileSettings) -> String? {
    (try? ProfileOrganization(settings.organization ?? ProfileOrganization.defaultName))?
      .withIdentifierPrefix(settings.identifierPrefix).identifierRoot
  }
}

import RingsideDomain

/// Plain words for what a written key does, for profile descriptions.
enum PolicyWording {
  /// One phrase per setting among `keys`, in policy order.
  static func phrases(for keys: [SchemaKey], policy: RingPolicy) -> [String] {
    let names = Set(keys.map(\.name))
    var out: [String] = []
    if names.contains(SoftwareUpdateSchema.allowInstallation.name) {
      out.append("RSR/BSI installation " + verb(policy.rsrInstallation))
    }
    if names.contains(SoftwareUpdateSchema.allowRemoval.name) {
      out.append("RSR/BSI removal " + verb(policy.rsrRemoval))
    }
    if names.contains(SoftwareUpdateSchema.updateDelay.name), let days = policy.deferralDays {
      out.append("minor and major OS updates deferred \(days) day" + (days == 1 ? "" : "s"))
    }
    if names.contains(SoftwareUpdateSchema.criticalUpdateInstall.name) {
      out.append(
        policy.criticalUpdateInstall == .on
          ? "critical updates installed automatically"
          : "automatic critical updates turned off")
    }
    return out
  }

  private static func verb(_ setting: PolicySetting) -> String {
    setting == .block ? "blocked" : "allowed"
  }
}

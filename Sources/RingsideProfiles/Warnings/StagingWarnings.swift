import RingsideDomain

/// Finds where the staged policies will not do what an admin expects, from Apple's schema facts
/// and the devices in each ring (with staged moves already applied to `segments`).
public enum StagingWarnings {
  /// The warnings for every ring with a policy, ring by ring.
  public static func evaluate(rings: [Ring], segments: [FleetSegment]) -> [StagingWarning] {
    let byRing = Dictionary(grouping: segments, by: \.ring)
    return rings.filter { !$0.policy.isUnset }.flatMap { ring in
      warnings(for: ring, segments: byRing[ring.name] ?? [])
    }
  }

  static func warnings(for ring: Ring, segments: [FleetSegment]) -> [StagingWarning] {
    var out: [StagingWarning] = []
    let policy = ring.policy
    let blocked: [(PolicyField, PolicySetting, String)] = [
      (.rsrInstallation, policy.rsrInstallation, "installation"),
      (.rsrRemoval, policy.rsrRemoval, "removal"),
    ]
    for (field, setting, what) in blocked where setting == .block {
      // One count: the devices that do not enforce the block, split into parts that add up
      // to it (the same devices Overview and report count as not enforced).
      var parts = NotEnforcedParts()
      for segment in segments where !SettingReach.enforces(field, segment) {
        parts.add(segment)
      }
      guard parts.total > 0 else { continue }
      out.append(
        StagingWarning(
          kind: .restrictionNotEnforced, ring: ring.name, devices: parts.total,
          message:
            "ring \(ring.name) blocks RSR/BSI \(what), but it is not enforced on "
            + "\(devices(parts.total)): \(parts.text)."))
    }
    if let days = policy.deferralDays {
      let total = count(segments) { _ in true }
      out.append(
        StagingWarning(
          kind: .deferralHoldsRSR, ring: ring.name, devices: total,
          message:
            "ring \(ring.name) defers OS updates \(days) day\(days == 1 ? "" : "s") for \(devices(total)): RSR/BSIs apply only "
            + "to the latest minor OS, so a device held on an older minor also waits for RSR/BSIs.")
      )
    }
    let reach = ProfileReach(policy: policy)
    let modern = count(segments) {
      reach.hasProfile($0.platform.family)
        && ($0.osVersion?.major ?? 0) >= SoftwareUpdateSchema.profileKeysRemovedMajor
    }
    let unsupervisedModernMacs = count(segments) {
      $0.platform == .macOS && reach.hasProfile(.macOS) && $0.supervised != true
        && ($0.osVersion?.major ?? 0) >= SoftwareUpdateSchema.profileKeysRemovedMajor
    }
    if modern > 0 {
      out.append(
        StagingWarning(
          kind: .profileKeysRemoved, ring: ring.name, devices: modern,
          message:
            "\(devices(modern)) in ring \(ring.name) run OS \(SoftwareUpdateSchema.profileKeysRemovedMajor) "
            + "or later, where Apple removed the profile keys: only the \(ring.name)-*.ddm.json declaration reaches them"
            + (unsupervisedModernMacs > 0
              ? ", and not the \(unsupervisedModernMacs) unsupervised (or not reported) Macs among them: macOS takes it from supervised Macs only."
              : ".")
        ))
    }
    let legacy = count(segments) { segment in
      guard reach.hasDeclaration(segment.platform.family), let os = segment.osVersion else {
        return false
      }
      return os < SoftwareUpdateSchema.declarationMinimum(segment.platform.family)
    }
    if legacy > 0 {
      let ios = SoftwareUpdateSchema.declarationMinimum(.iOS)
      let mac = SoftwareUpdateSchema.declarationMinimum(.macOS)
      out.append(
        StagingWarning(
          kind: .declarationUnsupported, ring: ring.name, devices: legacy,
          message:
            "\(devices(legacy)) in ring \(ring.name) run iOS/iPadOS before \(ios.major) or macOS before "
            + "\(mac.major), which do not accept the declaration: only the \(ring.name)-*.mobileconfig profile reaches them."
        ))
    }
    for family in PlatformFamily.allCases {
      for type in reach.singleCopyPayloads(family) {
        let reached = count(segments) { $0.platform.family == family }
        // Nothing to collide on a ring without devices of the family; and Ringside cannot see
        // the MDM's profiles, so the conflict is a condition, not a finding.
        guard reached > 0 else { continue }
        let file = ProfileFile.name(ring: ring.name, family: family, kind: .configurationProfile)
        out.append(
          StagingWarning(
            kind: .singlePayloadConflict, ring: ring.name, devices: reached,
            message:
              "ring \(ring.name)'s \(type) payload (\(file), \(devices(reached))) conflicts "
              + "with any second one the MDM sends them: \(family == .macOS ? "macOS" : "iOS") "
              + "installs only one."))
      }
    }
    return out
  }

  private static func count(_ segments: [FleetSegment], where include: (FleetSegment) -> Bool)
    -> Int
  {
    segments.reduce(0) { $0 + (include($1) ? $1.count : 0) }
  }

  private static func devices(_ n: Int) -> String { n == 1 ? "1 device" : "\(n.grouped) devices" }
}

/// The devices that do not enforce a block, by why: user-enrolled, unsupervised iPhones and
/// iPads, unsupervised Macs on macOS 27 or later. The total is the sum of the parts.
private struct NotEnforcedParts {
  var userEnrolled = 0
  var mobile = 0
  var modernMacs = 0

  var total: Int { userEnrolled + mobile + modernMacs }

  /// Counts a segment that does not enforce the block under its reason.
  mutating func add(_ segment: FleetSegment) {
    if segment.userEnrolled {
      userEnrolled += segment.count
    } else if segment.platform.family == .iOS {
      mobile += segment.count
    } else {
      modernMacs += segment.count
    }
  }

  /// "183 unsupervised (or not reported) iPhones/iPads, 43 user-enrolled".
  var text: String {
    var parts: [String] = []
    if mobile > 0 { parts.append("\(mobile.grouped) unsupervised (or not reported) iPhones/iPads") }
    if modernMacs > 0 {
      parts.append(
        "\(modernMacs.grouped) unsupervised (or not reported) Macs on macOS \(SoftwareUpdateSchema.profileKeysRemovedMajor) or later"
      )
    }
    if userEnrolled > 0 { parts.append("\(userEnrolled.grouped) user-enrolled") }
    return parts.joined(separator: ", ")
  }
}

/// Which file kinds, and which payload types in the profile, a policy produces for each family.
struct ProfileReach {
  private let payloadTypes: [PlatformFamily: [String]]
  private let declarations: Set<PlatformFamily>

  init(policy: RingPolicy) {
    let identities = PlatformFamily.allCases.map {
      ProfileIdentity(organization: .default, ring: "ring", family: $0)
    }
    var types: [PlatformFamily: [String]] = [:]
    for identity in identities {
      guard
        case .dictionary(let profile)? = ConfigurationProfileBuilder.profile(
          for: policy, identity: identity),
        case .array(let content)? = profile["PayloadContent"]
      else { continue }
      types[identity.family] = content.compactMap {
        guard case .dictionary(let payload) = $0, case .string(let type)? = payload["PayloadType"]
        else { return nil }
        return type
      }
    }
    payloadTypes = types
    declarations = Set(
      identities.filter { DeclarationBuilder.declaration(for: policy, identity: $0) != nil }
        .map(\.family))
  }

  func hasProfile(_ family: PlatformFamily) -> Bool { payloadTypes[family] != nil }
  func hasDeclaration(_ family: PlatformFamily) -> Bool { declarations.contains(family) }

  /// The payload types in the family's profile that a device installs only once.
  func singleCopyPayloads(_ family: PlatformFamily) -> [String] {
    let single = SoftwareUpdateSchema.singleCopyPayloads[family] ?? []
    return (payloadTypes[family] ?? []).filter(single.contains)
  }
}

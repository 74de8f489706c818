/// What Jamf's ownership field (`deviceOwnershipType`, `deviceOwnershipLevel`) says about
/// enrollment, the same in every mobile-device shape Jamf returns.
enum JamfOwnership {
  /// The ownership values of a User Enrollment (the profile-based and the account-driven one).
  static let userEnrollments: Set<String> = ["userenrollment", "accountdrivenuserenrollment"]

  /// True for a User Enrollment: the ownership says so, or the record has neither serial nor
  /// UDID, which only a User Enrollment hides.
  static func isUserEnrolled(ownership: String, serial: String?, udid: String?) -> Bool {
    userEnrollments.contains(ownership.lowercased()) || (serial == nil && udid == nil)
  }
}

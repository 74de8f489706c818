import Foundation

extension InventoryStore {
  /// Who a change is recorded as, on this store. On SQLite the unix user `actor` names. On
  /// PostgreSQL the database login: roles replace unix groups there, so the login is who may
  /// write, and two admins sharing a unix account on a jump host (or one admin on two hosts)
  /// are told apart by it, in the audit log and as owners of staged changes; the unix user
  /// follows the origin (`local, unix root`) when it is another name.
  public func attributed(_ actor: AuditActor) -> AuditActor {
    guard database.dialect == .postgres,
      let login = try? database.scalar("SELECT session_user::text")?.string, !login.isEmpty,
      login != actor.user
    else { return actor }
    return AuditActor(user: login, role: actor.role, origin: "\(actor.origin), unix \(actor.user)")
  }
}

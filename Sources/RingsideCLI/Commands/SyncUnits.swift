import Foundation

/// The systemd template units `ringside install` writes for `ringside sync`:
/// `ringside-sync@SOURCE.timer` runs `ringside sync SOURCE --quiet` hourly as the `ringside`
/// user, with the source's variables from `/etc/ringside/sources/SOURCE.env` when that exists
/// (else the user's `~/.config/ringside/sources/SOURCE.conf`).
enum SyncUnits {
  static let servicePath = "lib/systemd/system/ringside-sync@.service"
  static let timerPath = "lib/systemd/system/ringside-sync@.timer"

  /// The service, starting the program installed at `binary`.
  static func service(binary: String) -> String {
    let quoted =
      "\""
      + binary.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    return """
      # Installed by `ringside install`. Enable with: systemctl enable --now ringside-sync@jamf.timer
      # (graph, jamf, fleet or kandji). Override with: systemctl edit ringside-sync@jamf.service
      [Unit]
      Description=Sync %i devices into Ringside
      Documentation=man:ringside(1)
      Wants=network-online.target
      After=network-online.target

      [Service]
      Type=oneshot
      User=ringside
      # KEY=VALUE lines such as RINGSIDE_JAMF_URL=... RINGSIDE_JAMF_CLIENT_SECRET=... (mode 0600)
      EnvironmentFile=-/etc/ringside/sources/%i.env
      ExecStart=\(quoted) sync %i --quiet
      NoNewPrivileges=yes
      PrivateTmp=yes

      """
  }

  static let timer = """
    # Installed by `ringside install`: syncs SOURCE every hour (ringside-sync@SOURCE.timer).
    [Unit]
    Description=Sync %i devices into Ringside every hour
    Documentation=man:ringside(1)

    [Timer]
    OnCalendar=hourly
    RandomizedDelaySec=5min
    Persistent=true

    [Install]
    WantedBy=timers.target

    """
}

/// Namespace marker until the module has its first type; replace when adding code.
enum RingsideTerminalModule {}

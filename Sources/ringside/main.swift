import Foundation
import RingsideCLI

setlocale(LC_ALL, "")
exit(
  Ringside.run(Array(CommandLine.arguments.dropFirst()), context: .standard()))

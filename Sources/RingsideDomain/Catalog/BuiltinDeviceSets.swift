/// Named sets of model identifiers that releases in the builtin catalog list as their supported
/// devices, from Apple's GDMF feed (shared/reference/gdmf/gdmf-pmv-sample.json, 2026-08-22):
/// `ios26` is iOS 26.6.1's list, `ios18` 18.7.8's (without the iPhone XS and XR, which got
/// 18.7.9 and 18.7.10 instead), each `-final` set the list of the last release of an older line
/// (only the devices that cannot run a newer major still get it). A release of an older major
/// that Apple's feed no longer lists runs on the devices of its major's sets together. `ios27` is
/// `ios26` plus the iPhone 19 models (AppleDB lists "iPhone12,1 and later" for iOS 27; its iPad
/// list is assumed to be iOS 26's). `apple-silicon` is a rule, not a list: macOS 27 runs only on
/// Macs with Apple silicon.
///
/// Each `macosNN` set is a macOS major's hardware: every Mac with Apple silicon (by rule, as
/// `apple-silicon`, so a Mac released later needs no new list) and the Intel Macs AppleDB's
/// `deviceMap` lists for the newest build of that major, with its variant suffixes ("-2018",
/// "-Rack", "-4K") dropped. Apple's feed names Macs by board ID, which devices do not report.
enum BuiltinDeviceSets {
  static let sets: [String: [String]] = listed.merging([
    "ios27": (listed["ios26"] ?? []) + ["iPhone19,2", "iPhone19,3", "iPhone19,7"]
  ]) { $1 }.merging(macOSIntel) { $1 }

  /// The sets that hold every Mac with Apple silicon besides the models they list.
  static let withAppleSilicon = Set(macOSIntel.keys)

  /// The models a set holds by assumption, not because a source lists them: `ios27`'s iPads,
  /// taken from iOS 26 while AppleDB's iOS 27 files list iPhones only.
  static let assumed: [String: Set<String>] = [
    "ios27": Set((listed["ios26"] ?? []).filter { $0.hasPrefix("iPad") })
  ]

  /// The Intel Macs of each macOS major, newest major first.
  private static let macOSIntel: [String: [String]] = [
    // 26.7.1: littlebyteorg/appledb osFiles/macOS/25x - 26.x/25G241.json,
    // read at commit 20e619bbc9856fe762cf062c84798f7038191328
    "macos26": [
      "iMac20,1", "iMac20,2", "MacBookPro16,1", "MacBookPro16,2", "MacBookPro16,4", "MacPro7,1",
    ],
    // 15.8.1: littlebyteorg/appledb osFiles/macOS/24x - 15.x/24H32.json,
    // read at commit 20e619bbc9856fe762cf062c84798f7038191328
    "macos15": [
      "iMac19,1", "iMac19,2", "iMac20,1", "iMac20,2", "iMacPro1,1", "MacBookAir9,1",
      "MacBookPro15,1", "MacBookPro15,2", "MacBookPro15,3", "MacBookPro15,4", "MacBookPro16,1",
      "MacBookPro16,2", "MacBookPro16,3", "MacBookPro16,4", "Macmini8,1", "MacPro7,1",
    ],
    // 14.8.9: littlebyteorg/appledb osFiles/macOS/23x - 14.x/23J631.json,
    // read at commit 0da46026074a20bdbc81d69a256174dc73621b67
    "macos14": [
      "iMac19,1", "iMac19,2", "iMac20,1", "iMac20,2", "iMacPro1,1", "MacBookAir8,1",
      "MacBookAir8,2", "MacBookAir9,1", "MacBookPro15,1", "MacBookPro15,2", "MacBookPro15,3",
      "MacBookPro15,4", "MacBookPro16,1", "MacBookPro16,2", "MacBookPro16,3", "MacBookPro16,4",
      "Macmini8,1", "MacPro7,1",
    ],
    // 13.7.8: littlebyteorg/appledb osFiles/macOS/22x - 13.x/22H730.json,
    // read at commit 3bd9c56f8285331ece171d57df4b0c0bfe27c429
    "macos13": [
      "iMac18,1", "iMac18,2", "iMac18,3", "iMac19,1", "iMac19,2", "iMac20,1", "iMac20,2",
      "iMacPro1,1", "MacBook10,1", "MacBookAir8,1", "MacBookAir8,2", "MacBookAir9,1",
      "MacBookPro14,1", "MacBookPro14,2", "MacBookPro14,3", "MacBookPro15,1", "MacBookPro15,2",
      "MacBookPro15,3", "MacBookPro15,4", "MacBookPro16,1", "MacBookPro16,2", "MacBookPro16,3",
      "MacBookPro16,4", "Macmini8,1", "MacPro7,1",
    ],
    // 12.7.6: littlebyteorg/appledb osFiles/macOS/21x - 12.x/21H1320.json,
    // read at commit 386dc0d9c9773a4182419b46d3b4fd3bc13c5806
    "macos12": [
      "iMac16,1", "iMac16,2", "iMac17,1", "iMac18,1", "iMac18,2", "iMac18,3", "iMac19,1",
      "iMac19,2", "iMac20,1", "iMac20,2", "iMacPro1,1", "MacBook9,1", "MacBook10,1",
      "MacBookAir7,1", "MacBookAir7,2", "MacBookAir8,1", "MacBookAir8,2", "MacBookAir9,1",
      "MacBookPro11,4", "MacBookPro11,5", "MacBookPro12,1", "MacBookPro13,1", "MacBookPro13,2",
      "MacBookPro13,3", "MacBookPro14,1", "MacBookPro14,2", "MacBookPro14,3", "MacBookPro15,1",
      "MacBookPro15,2", "MacBookPro15,3", "MacBookPro15,4", "MacBookPro16,1", "MacBookPro16,2",
      "MacBookPro16,3", "MacBookPro16,4", "Macmini7,1", "Macmini8,1", "MacPro6,1", "MacPro7,1",
    ],
    // 11.7.11: littlebyteorg/appledb osFiles/macOS/20x - 11.x/20G1443.json,
    // read at commit 17b73b411d06f388c11a71eaaae06edd136a0939
    "macos11": [
      "iMac14,4", "iMac15,1", "iMac16,1", "iMac16,2", "iMac17,1", "iMac18,1", "iMac18,2",
      "iMac18,3", "iMac19,1", "iMac19,2", "iMac20,1", "iMac20,2", "iMacPro1,1", "MacBook8,1",
      "MacBook9,1", "MacBook10,1", "MacBookAir6,1", "MacBookAir6,2", "MacBookAir7,1",
      "MacBookAir7,2", "MacBookAir8,1", "MacBookAir8,2", "MacBookAir9,1", "MacBookPro11,1",
      "MacBookPro11,2", "MacBookPro11,3", "MacBookPro11,4", "MacBookPro11,5", "MacBookPro12,1",
      "MacBookPro13,1", "MacBookPro13,2", "MacBookPro13,3", "MacBookPro14,1", "MacBookPro14,2",
      "MacBookPro14,3", "MacBookPro15,1", "MacBookPro15,2", "MacBookPro15,3", "MacBookPro15,4",
      "MacBookPro16,1", "MacBookPro16,2", "MacBookPro16,3", "MacBookPro16,4", "Macmini7,1",
      "Macmini8,1", "MacPro6,1", "MacPro7,1",
    ],
  ]

  private static let listed: [String: [String]] = [
    "ios26": [
      "iPad8,1", "iPad8,2", "iPad8,3", "iPad8,4", "iPad8,5", "iPad8,6", "iPad8,7", "iPad8,8",
      "iPad8,9", "iPad8,10", "iPad8,11", "iPad8,12", "iPad11,1", "iPad11,2", "iPad11,3",
      "iPad11,4", "iPad11,6", "iPad11,7", "iPad12,1", "iPad12,2", "iPad13,1", "iPad13,2",
      "iPad13,4", "iPad13,5", "iPad13,6", "iPad13,7", "iPad13,8", "iPad13,9", "iPad13,10",
      "iPad13,11", "iPad13,16", "iPad13,17", "iPad13,18", "iPad13,19", "iPad14,1", "iPad14,2",
      "iPad14,3", "iPad14,4", "iPad14,5", "iPad14,6", "iPad14,8", "iPad14,9", "iPad14,10",
      "iPad14,11", "iPad15,3", "iPad15,4", "iPad15,5", "iPad15,6", "iPad15,7", "iPad15,8",
      "iPad16,1", "iPad16,2", "iPad16,3", "iPad16,4", "iPad16,5", "iPad16,6", "iPad16,8",
      "iPad16,9", "iPad16,10", "iPad16,11", "iPad17,1", "iPad17,2", "iPad17,3", "iPad17,4",
      "iPhone12,1", "iPhone12,3", "iPhone12,5", "iPhone12,8", "iPhone13,1", "iPhone13,2",
      "iPhone13,3", "iPhone13,4", "iPhone14,2", "iPhone14,3", "iPhone14,4", "iPhone14,5",
      "iPhone14,6", "iPhone14,7", "iPhone14,8", "iPhone15,2", "iPhone15,3", "iPhone15,4",
      "iPhone15,5", "iPhone16,1", "iPhone16,2", "iPhone17,1", "iPhone17,2", "iPhone17,3",
      "iPhone17,4", "iPhone17,5", "iPhone18,1", "iPhone18,2", "iPhone18,3", "iPhone18,4",
      "iPhone18,5",
    ],
    "ios26-iphone18": [
      "iPhone18,1", "iPhone18,2", "iPhone18,3", "iPhone18,4", "iPhone18,5",
    ],
    "ios18": [
      "iPad8,1", "iPad8,2", "iPad8,3", "iPad8,4", "iPad8,5", "iPad8,6", "iPad8,7", "iPad8,8",
      "iPad8,9", "iPad8,10", "iPad8,11", "iPad8,12", "iPad11,1", "iPad11,2", "iPad11,3",
      "iPad11,4", "iPad11,6", "iPad11,7", "iPad12,1", "iPad12,2", "iPad13,1", "iPad13,2",
      "iPad13,4", "iPad13,5", "iPad13,6", "iPad13,7", "iPad13,8", "iPad13,9", "iPad13,10",
      "iPad13,11", "iPad13,16", "iPad13,17", "iPad13,18", "iPad13,19", "iPad14,1", "iPad14,2",
      "iPad14,3", "iPad14,4", "iPad14,5", "iPad14,6", "iPad14,8", "iPad14,9", "iPad14,10",
      "iPad14,11", "iPad15,3", "iPad15,4", "iPad15,5", "iPad15,6", "iPad15,7", "iPad15,8",
      "iPad16,1", "iPad16,2", "iPad16,3", "iPad16,4", "iPad16,5", "iPad16,6", "iPhone12,1",
      "iPhone12,3", "iPhone12,5", "iPhone12,8", "iPhone13,1", "iPhone13,2", "iPhone13,3",
      "iPhone13,4", "iPhone14,2", "iPhone14,3", "iPhone14,4", "iPhone14,5", "iPhone14,6",
      "iPhone14,7", "iPhone14,8", "iPhone15,2", "iPhone15,3", "iPhone15,4", "iPhone15,5",
      "iPhone16,1", "iPhone16,2", "iPhone17,1", "iPhone17,2", "iPhone17,3", "iPhone17,4",
      "iPhone17,5",
    ],
    "ios18-final": [
      "iPad7,11", "iPad7,12", "iPhone11,2", "iPhone11,4", "iPhone11,6", "iPhone11,8",
    ],
    "ios17-final": [
      "iPad7,1", "iPad7,2", "iPad7,3", "iPad7,4", "iPad7,5", "iPad7,6",
    ],
    "ios16-final": [
      "iPad6,3", "iPad6,4", "iPad6,7", "iPad6,8", "iPad6,11", "iPad6,12", "iPhone10,1",
      "iPhone10,2", "iPhone10,3", "iPhone10,4", "iPhone10,5", "iPhone10,6",
    ],
    "ios15-final": [
      "iPad5,1", "iPad5,2", "iPad5,3", "iPad5,4", "iPhone8,1", "iPhone8,2", "iPhone8,4",
      "iPhone9,1", "iPhone9,2", "iPhone9,3", "iPhone9,4", "iPod9,1",
    ],
    "ios12-final": [
      "iPad4,1", "iPad4,2", "iPad4,3", "iPad4,4", "iPad4,5", "iPad4,6", "iPad4,7", "iPad4,8",
      "iPad4,9", "iPhone6,1", "iPhone6,2", "iPhone7,1", "iPhone7,2", "iPod7,1",
    ],
  ]
}

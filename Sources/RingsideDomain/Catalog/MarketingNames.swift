/// iPhone marketing names that name one model family exactly, with its model identifiers, for
/// sources that report the name only (Intune and Graph say "iPhone 8", not `iPhone10,1`).
///
/// From AppleDB (littlebyteorg/appledb): a family's `deviceGroupFiles/iPhone/<name>.json`
/// subgroup names and devices, or for a model without a group `deviceFiles/iPhone/<id>.json`,
/// at the commits given per line. Names that are not one family ("iPhone", "iPhone SE", an iPad
/// or Mac name) are not here: the device's release narrows those down instead.
public enum MarketingNames {
  /// The identifiers an iPhone's marketing name stands for ("iPhone 8": iPhone10,1 and
  /// iPhone10,4), or nil for any other text: a name that is not one family's ("iPhone SE"), an
  /// identifier. Case and runs of spaces do not matter.
  public static func iPhoneModels(named text: String?) -> Set<String>? {
    guard let text else { return nil }
    let key = text.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    return byName[key]
  }

  private static let byName: [String: Set<String>] = Dictionary(
    uniqueKeysWithValues: iPhones.map { ($0.name.lowercased(), Set($0.models)) })

  private static let iPhones: [(name: String, models: [String])] = [
    // deviceGroupFiles/iPhone/iPhone 6s.json @040f6bd9
    ("iPhone 6s", ["iPhone8,1"]), ("iPhone 6s Plus", ["iPhone8,2"]),
    // deviceGroupFiles/iPhone/iPhone SE (1st generation).json @3c7e07e4
    ("iPhone SE (1st generation)", ["iPhone8,4"]),
    // deviceGroupFiles/iPhone/iPhone 7.json @040f6bd9
    ("iPhone 7", ["iPhone9,1", "iPhone9,3"]), ("iPhone 7 Plus", ["iPhone9,2", "iPhone9,4"]),
    // deviceGroupFiles/iPhone/iPhone 8.json @4201822c
    ("iPhone 8", ["iPhone10,1", "iPhone10,4"]), ("iPhone 8 Plus", ["iPhone10,2", "iPhone10,5"]),
    // deviceGroupFiles/iPhone/iPhone X.json @040f6bd9
    ("iPhone X", ["iPhone10,3", "iPhone10,6"]),
    // deviceGroupFiles/iPhone/iPhone XS.json @040f6bd9
    ("iPhone XS", ["iPhone11,2"]), ("iPhone XS Max", ["iPhone11,4", "iPhone11,6"]),
    // deviceFiles/iPhone/iPhone11,8.json @0671ff8f
    ("iPhone XR", ["iPhone11,8"]),
    // deviceGroupFiles/iPhone/iPhone 11.json @1c50ed0d
    ("iPhone 11", ["iPhone12,1"]), ("iPhone 11 Pro", ["iPhone12,3"]),
    ("iPhone 11 Pro Max", ["iPhone12,5"]),
    // deviceGroupFiles/iPhone/iPhone SE (2nd generation).json @1c50ed0d
    ("iPhone SE (2nd generation)", ["iPhone12,8"]),
    // deviceGroupFiles/iPhone/iPhone 12.json and iPhone 12 Pro.json @340a7df0
    ("iPhone 12", ["iPhone13,2"]), ("iPhone 12 mini", ["iPhone13,1"]),
    ("iPhone 12 Pro", ["iPhone13,3"]), ("iPhone 12 Pro Max", ["iPhone13,4"]),
    // deviceGroupFiles/iPhone/iPhone 13.json and iPhone 13 Pro.json @040f6bd9
    ("iPhone 13", ["iPhone14,5"]), ("iPhone 13 mini", ["iPhone14,4"]),
    ("iPhone 13 Pro", ["iPhone14,2"]), ("iPhone 13 Pro Max", ["iPhone14,3"]),
    // deviceGroupFiles/iPhone/iPhone SE (3rd generation).json @0e32b2b0
    ("iPhone SE (3rd generation)", ["iPhone14,6"]),
    // deviceGroupFiles/iPhone/iPhone 14.json @4201822c, iPhone 14 Pro.json @34aec341
    ("iPhone 14", ["iPhone14,7"]), ("iPhone 14 Plus", ["iPhone14,8"]),
    ("iPhone 14 Pro", ["iPhone15,2"]), ("iPhone 14 Pro Max", ["iPhone15,3"]),
    // deviceGroupFiles/iPhone/iPhone 15.json @040f6bd9, iPhone 15 Pro.json @34aec341
    ("iPhone 15", ["iPhone15,4"]), ("iPhone 15 Plus", ["iPhone15,5"]),
    ("iPhone 15 Pro", ["iPhone16,1"]), ("iPhone 15 Pro Max", ["iPhone16,2"]),
    // deviceGroupFiles/iPhone/iPhone 16.json and iPhone 16 Pro.json @040f6bd9
    ("iPhone 16", ["iPhone17,3"]), ("iPhone 16 Plus", ["iPhone17,4"]),
    ("iPhone 16 Pro", ["iPhone17,1"]), ("iPhone 16 Pro Max", ["iPhone17,2"]),
    // deviceFiles/iPhone/iPhone17,5.json @058a50fa
    ("iPhone 16e", ["iPhone17,5"]),
    // deviceFiles/iPhone/iPhone18,3.json @575b2368, iPhone18,4.json @41e8fb88
    ("iPhone 17", ["iPhone18,3"]), ("iPhone Air", ["iPhone18,4"]),
    // deviceGroupFiles/iPhone/iPhone 17 Pro.json @b5d366d9
    ("iPhone 17 Pro", ["iPhone18,1"]), ("iPhone 17 Pro Max", ["iPhone18,2"]),
    // deviceFiles/iPhone/iPhone18,5.json @18886241
    ("iPhone 17e", ["iPhone18,5"]),
  ]
}

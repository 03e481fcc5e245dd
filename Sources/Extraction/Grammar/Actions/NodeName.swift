/// A semiconductor process node's name split as foundries write it: letters, one or two digits,
/// at most one letter (TSMC N3, N2P; Samsung SF2; TSMC A16, Intel 18A). Which letters mean
/// nanometres and which ångströms is the rule's (`figure.node m N=1e-9 A=1e-10`), not this
/// type's: analysts compare nodes with "3nm", so both become one figure in metres.
struct NodeName {
    /// The letters the factor is looked up by: the prefix, else the suffix (18A → A).
    let letters: String
    let number: Double

    init?(_ name: String) {
        let prefix = name.prefix { $0.isASCII && $0.isUppercase }
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        let suffix = name.dropFirst(prefix.count + digits.count)
        guard (1...2).contains(digits.count), prefix.count <= 2, suffix.count <= 1,
              suffix.allSatisfy({ $0.isASCII && $0.isUppercase }), !(prefix.isEmpty && suffix.isEmpty),
              let n = Double(String(digits)), n > 0 else { return nil }
        letters = String(prefix.isEmpty ? suffix : prefix)
        number = n
    }
}

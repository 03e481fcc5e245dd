/// A semiconductor process node's name read as a length: foundries name nodes by a letter and
/// a number (TSMC N3, N2P; Samsung SF2; TSMC A16 and Intel 18A in ångströms), and analysts
/// compare them with "3nm", so both become one figure in metres.
struct NodeName {
    let metres: Double

    /// Nil unless `name` is letters, one or two digits, then at most one letter (N3E, SF2, 18A).
    init?(_ name: String) {
        let prefix = name.prefix { $0.isASCII && $0.isUppercase }
        let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        let suffix = name.dropFirst(prefix.count + digits.count)
        guard (1...2).contains(digits.count), prefix.count <= 2, suffix.count <= 1,
              suffix.allSatisfy({ $0.isASCII && $0.isUppercase }), !(prefix.isEmpty && suffix.isEmpty),
              let n = Double(String(digits)), n > 0 else { return nil }
        let angstroms = prefix == "A" || (prefix.isEmpty && suffix == "A")
        metres = n * (angstroms ? 1e-10 : 1e-9)
    }
}

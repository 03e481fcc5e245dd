import CLibXML2
import Foundation
import NoteGraphCore

/// Reads saved web pages with libxml2's HTML parser and keeps only what a reader of the page sees.
///
/// Safety first: the bytes are decoded by `EncodingDetector` and handed to libxml2 as UTF-8
/// (libxml2 would otherwise re-read invalid UTF-8 as Latin-1), the page's own charset hint is
/// ignored, the network and external entities are off and entities are never substituted
/// (no NOENT, no HUGE), markup errors are recovered from, and the parse is fed in chunks against a
/// deadline. libxml2's own limits (depth, huge text nodes) arrive through a structured error
/// handler and become warnings. The tree is walked iteratively, so depth costs no stack.
public struct HTMLReader: Sendable {
    public var detector: EncodingDetector
    public var limits: HTMLLimits

    public init(options: ReaderOptions = ReaderOptions()) {
        detector = EncodingDetector(options: options)
        limits = options.html
    }

    public func read(_ bytes: [UInt8], path: String) throws -> RawNote {
        let decoded = try detector.decode(bytes, path: path, htmlDeclaredCharset: HTMLPreflight.declaredCharset(bytes))
        var utf8 = Array(String(decoding: decoded.utf16, as: UTF16.self).utf8)
        let preflight = HTMLPreflight(maxAttributes: limits.maxAttributes, maxDepth: min(limits.maxDepth, 250)).run(utf8)
        utf8 = preflight.bytes
        var warnings = preflight.warnings
        HTMLReader.installSafeEntityLoader()

        let errors = HTMLErrorCollector()
        let box = Unmanaged.passRetained(errors)
        defer { box.release() }
        xmlSetStructuredErrorFunc(box.toOpaque(), { context, error in
            guard let context, let error else { return }
            Unmanaged<HTMLErrorCollector>.fromOpaque(context).takeUnretainedValue().add(error.pointee)
        })
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        guard let ctxt = htmlCreatePushParserCtxt(nil, nil, nil, 0, path, XML_CHAR_ENCODING_UTF8) else {
            throw InternalError("HTMLReader", "libxml2 could not create a parser")
        }
        defer { htmlFreeParserCtxt(ctxt) }
        let options = HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue
        htmlCtxtUseOptions(ctxt, Int32(options))

        let deadline = Date().addingTimeInterval(limits.timeoutSeconds)
        let chunk = 64 * 1024
        var offset = 0
        var timedOut = false
        utf8.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                while offset < chars.count {
                    let size = min(chunk, chars.count - offset)
                    htmlParseChunk(ctxt, chars.baseAddress! + offset, Int32(size), 0)
                    offset += size
                    if Date() > deadline, offset < chars.count { timedOut = true; break }
                }
                if !timedOut { htmlParseChunk(ctxt, nil, 0, 1) } else { xmlStopParser(ctxt) }
            }
        }
        if timedOut {
            warnings.append("parsing stopped after \(limits.timeoutSeconds) s at byte \(offset) of \(utf8.count): the rest of the page is not imported")
        }
        warnings.append(contentsOf: errors.limitWarnings)
        guard let doc = ctxt.pointee.myDoc else {
            throw InputError(path: path, "HTML could not be parsed: \(errors.firstMessage ?? "no document produced")")
        }
        ctxt.pointee.myDoc = nil
        defer { xmlFreeDoc(doc) }

        var walker = HTMLTextWalker()
        walker.walk(doc)
        return RawNote(format: .html, text: walker.text, anchors: walker.anchors, encoding: decoded.encoding,
                       title: walker.title, declaredLanguage: walker.language, metaDates: walker.metaDates,
                       times: walker.times, warnings: warnings)
    }

    /// External entities and DTDs are never fetched, whatever the page asks for. libxml2 is set
    /// up here once (a Swift static is initialised by one thread while the others wait): pages
    /// of a batch are parsed on several cores, and libxml2 asks for its set-up before threads.
    private static let entityLoaderInstalled: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    static func installSafeEntityLoader() { _ = entityLoaderInstalled }
}

/// Collects libxml2's structured errors during one parse. Markup errors a browser would also
/// recover from (unknown HTML5 tags, unclosed elements) are only counted; limits that cut content
/// (depth, huge text nodes, memory) become warnings, because text was lost.
final class HTMLErrorCollector {
    var limitWarnings: [String] = []
    var recovered = 0
    var firstMessage: String?

    func add(_ error: xmlError) {
        let message = error.message.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? "error \(error.code)"
        if firstMessage == nil { firstMessage = message }
        let lower = message.lowercased()
        if ["depth", "huge", "limit", "memory", "too long", "truncat", "excessive"].contains(where: lower.contains) {
            let text = "line \(error.line): libxml2: \(message)"
            if !limitWarnings.contains(text), limitWarnings.count < 20 { limitWarnings.append(text) }
        } else {
            recovered += 1
        }
    }
}

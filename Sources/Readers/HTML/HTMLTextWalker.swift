import CLibXML2
import Foundation
import NoteGraphCore

/// Walks a libxml2 HTML tree without recursion and writes the visible text: one line per block
/// (so "Basket" and "209.7" in adjacent divs never glue together), boilerplate and hidden
/// elements left out, entities already decoded by the parser. Also picks up the title, the
/// page language, meta dates and `<time datetime>` values. Depth needs no bound here: the walk
/// keeps no stack, and `HTMLPreflight` has already capped nesting below libxml2's limit.
struct HTMLTextWalker {
    var text: [UInt16] = []
    var anchors: [SourceMap.Anchor] = []
    var title: String?
    var language: String?
    var metaDates: [String] = []
    var times: [(datetime: String, offset: Int32)] = []

    /// Elements whose whole subtree is not content.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "nav", "footer", "aside", "head",
                                       "iframe", "object", "embed", "svg", "canvas", "select", "button", "math", "map"]
    /// Elements that start and end a line of text.
    static let blocks: Set<String> = ["p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
                                      "tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption", "section", "article",
                                      "header", "main", "blockquote", "pre", "figure", "figcaption", "time", "hr", "address",
                                      "details", "summary", "form", "fieldset", "legend", "center", "body", "html", "br",
                                      "hgroup", "menu", "dialog", "label", "option", "textarea"]
    /// Meta names and properties that date the page, best first.
    static let dateMetas = ["article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
                            "publish-date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "sailthru.date",
                            "parsely-pub-date", "article:modified_time", "datemodified"]

    mutating func walk(_ doc: htmlDocPtr) {
        var foundDates: [(Int, String)] = []
        var node: xmlNodePtr? = doc.pointee.children
        var preDepth = 0
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                let name = Self.name(current)
                if name == "html", language == nil { language = Self.attribute(current, "lang") ?? Self.attribute(current, "xml:lang") }
                if name == "head" { readHead(current, dates: &foundDates) }
                if name == "meta" { readMeta(current, dates: &foundDates) }
                if name == "title", title == nil { title = Self.content(current) }
                if Self.skipped.contains(name) || Self.isHidden(current) { break }
                if Self.cells.contains(name) { openCell() } else if name == "tr" { openRow() } else if Self.blocks.contains(name) { newline() }
                if name == "br" || name == "hr" { newline() }
                if name == "time", let dt = Self.attribute(current, "datetime") { times.append((dt, Int32(text.count))) }
                if name == "pre" || name == "textarea" { preDepth += 1 }
                descend = current.pointee.children != nil
                if !descend { leave(current, preDepth: &preDepth) }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    append(content, line: Int32(truncatingIfNeeded: xmlGetLineNo(current)), preserve: preDepth > 0)
                }
            default:
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            // Next sibling, or climb until an ancestor has one, closing blocks on the way.
            var climb: xmlNodePtr? = current
            node = nil
            while let c = climb {
                if let next = c.pointee.next { node = next; break }
                guard let parent = c.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                leave(parent, preDepth: &preDepth)
                climb = parent
            }
        }
        if let last = text.last, last == 0x0A { text.removeLast() }
        metaDates = foundDates.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private mutating func leave(_ element: xmlNodePtr, preDepth: inout Int) {
        let name = Self.name(element)
        if name == "pre" || name == "textarea" { preDepth = max(0, preDepth - 1) }
        if Self.cells.contains(name) { closeCell() } else if name == "tr" { closeRow() } else if Self.blocks.contains(name) { newline() }
    }

    /// Table rows are written as pipe rows (`| a | b |`, one per line), the form Markdown notes
    /// use, so that later stages read the cells of both the same way (`TableGrid`). Inside a
    /// cell, block breaks become spaces: a `<p>` in a `<td>` must not cut the row.
    static let cells: Set<String> = ["td", "th"]
    private var rowDepth = 0
    private var cellDepth = 0

    private mutating func openRow() {
        if cellDepth > 0 { return }   // a table inside a cell: its rows stay in that cell
        newline()
        text.append(Self.pipe)
        rowDepth += 1
    }

    private mutating func closeRow() {
        guard cellDepth == 0, rowDepth > 0 else { return }
        rowDepth -= 1
        newline()
    }

    private mutating func openCell() {
        if rowDepth == 0 { newline(); return }   // a cell outside any row: a block, as before
        cellDepth += 1
        if cellDepth == 1 { text.append(0x20) } else { space() }
    }

    private mutating func closeCell() {
        if rowDepth == 0 { newline(); return }
        cellDepth -= 1
        if cellDepth == 0 {
            if let last = text.last, last != 0x20 { text.append(0x20) }
            text.append(Self.pipe)
        }
    }

    static let pipe: UInt16 = 0x7C

    private mutating func space() {
        if let last = text.last, last != 0x20, last != 0x0A { text.append(0x20) }
    }

    private mutating func newline() {
        if cellDepth > 0 { space(); return }
        if let last = text.last, last != 0x0A { text.append(0x0A) }
    }

    /// Appends a text node, folding its whitespace as a browser does (outside `<pre>`).
    private mutating func append(_ content: UnsafePointer<xmlChar>, line: Int32, preserve: Bool) {
        let string = String(cString: content)
        var pendingSpace = false
        var wroteAny = false
        for unit in string.utf16 {
            let isSpace = unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D || unit == 0x0C
            if isSpace && !preserve { pendingSpace = true; continue }
            if !wroteAny { anchors.append(SourceMap.Anchor(offset: Int32(text.count), line: line, column: 0)); wroteAny = true }
            if pendingSpace {
                if let last = text.last, last != 0x0A, last != 0x20 { text.append(0x20) }
                pendingSpace = false
            }
            text.append(unit)
        }
        if pendingSpace, let last = text.last, last != 0x0A, last != 0x20 { text.append(0x20) }
    }

    private mutating func readHead(_ head: xmlNodePtr, dates: inout [(Int, String)]) {
        var child = head.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE {
                let name = Self.name(c)
                if name == "title", title == nil { title = Self.content(c) }
                if name == "meta" { readMeta(c, dates: &dates) }
            }
            child = c.pointee.next
        }
    }

    private mutating func readMeta(_ meta: xmlNodePtr, dates: inout [(Int, String)]) {
        let key = (Self.attribute(meta, "property") ?? Self.attribute(meta, "name") ?? Self.attribute(meta, "itemprop"))?.lowercased()
        guard let key, let rank = Self.dateMetas.firstIndex(of: key), let value = Self.attribute(meta, "content") else { return }
        if !dates.contains(where: { $0.1 == value }) { dates.append((rank, value)) }
        if key == "content-language", language == nil { language = value }
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let n = node.pointee.name else { return "" }
        return String(cString: n).lowercased()
    }

    /// An attribute's value, read from the attribute's text children (no allocation by libxml2).
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let n = a.pointee.name, String(cString: n).lowercased() == name {
                var value = ""
                var child = a.pointee.children
                while let c = child {
                    if let content = c.pointee.content { value += String(cString: content) }
                    child = c.pointee.next
                }
                return value
            }
            attr = a.pointee.next
        }
        return nil
    }

    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if attribute(node, "hidden") != nil { return true }
        if attribute(node, "aria-hidden")?.lowercased() == "true" { return true }
        if name(node) == "input", attribute(node, "type")?.lowercased() == "hidden" { return true }
        if let style = attribute(node, "style")?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") { return true }
        return false
    }

    /// The text of an element's text children (enough for `<title>`, which holds only text).
    static func content(_ node: xmlNodePtr) -> String? {
        var raw = ""
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_TEXT_NODE || c.pointee.type == XML_CDATA_SECTION_NODE, let content = c.pointee.content {
                raw += String(cString: content)
            }
            child = c.pointee.next
        }
        let s = raw.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return s.isEmpty ? nil : s
    }
}

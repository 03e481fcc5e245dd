// libxml2's HTML parser for Swift. Debian builds libxml2 with ICU, and its headers would then
// pull in ICU's, which clash with Foundation's own ICU: switch that include off first.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>

// SPDX-License-Identifier: Apache-2.0
#include "outputs/brief.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include <cpl_conv.h>
#include <cpl_string.h>
#include <fmt/format.h>

namespace hotspot {
namespace {

// Screen: one readable column; print: A4 with the marking and title repeated on every page
// (fixed elements repeat on each printed page), tables kept whole where they fit.
constexpr const char* kStyle = R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 15px; line-height: 1.45; color: #1a1a1a;
       margin: 0 auto; padding: 3.5em 1em 3em; max-width: 60em; }
header.marking, footer.marking { position: fixed; left: 0; right: 0; text-align: center; font-weight: bold;
       letter-spacing: 0.05em; background: #fff; padding: 0.3em; z-index: 2; }
header.marking { top: 0; border-bottom: 1px solid #999; }
footer.marking { bottom: 0; border-top: 1px solid #999; font-weight: normal; font-size: 0.8em; }
h1 { font-size: 1.6em; margin: 0.2em 0; }
h2 { font-size: 1.25em; border-bottom: 2px solid #b2182b; padding-bottom: 0.15em; margin-top: 1.6em; }
p.period { color: #444; margin-top: 0; }
nav ol { columns: 2; padding-left: 1.2em; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 0.92em; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.n { white-space: nowrap; }
.rag { display: inline-block; min-width: 4.2em; padding: 0 0.3em; border-radius: 3px; font-weight: bold; text-align: center; }
.rag.red { background: #d7301f; color: #fff; } .rag.amber { background: #fdae61; color: #000; } .rag.green { background: #1a9850; color: #fff; }
.scroll { overflow-x: auto; }
figure { margin: 0.8em 0; }
figure img { width: 100%; height: auto; border: 1px solid #bbb; }
figcaption { font-size: 0.85em; color: #444; }
img.spark { width: 90px; height: 21px; vertical-align: middle; }
table.heat { table-layout: fixed; font-size: 0.78em; }
table.heat th, table.heat td { text-align: center; padding: 0.2em 0; border: 1px solid #fff; }
table.heat th:first-child { width: 6.5em; text-align: left; }
table.heat td { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
@media (max-width: 40em) { body { font-size: 14px; } nav ol { columns: 1; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  table { font-size: 9pt; }
  header.marking, footer.marking { display: none; }
  nav { display: none; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  h2 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  figure img { max-height: 170mm; object-fit: contain; }
  .scroll { overflow: visible; }
}
)css";

// A CSS string literal of plain text: quotes, backslashes and '<' escaped, control characters as spaces.
std::string css_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '<') {
      out += "\\3C ";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// The printed page: A4, the marking at the head and foot of every page, the title, period and
// page number at the foot (page margin boxes).
std::string page_rule(const BriefPage& page) {
  std::string foot = page.title + (page.period.empty() ? "" : " · " + page.period) + (page.footer.empty() ? "" : " · " + page.footer);
  std::string rule = "@page { size: A4; margin: 18mm 14mm 18mm;\n";
  const std::string box = " { font-family: \"DejaVu Sans\", Arial, sans-serif; font-size: 8pt; color: #333; ";
  if (!page.marking.empty()) {
    rule += "  @top-center" + box + "font-weight: bold; font-size: 10pt; content: " + css_string(page.marking) + "; }\n";
    rule += "  @bottom-left" + box + "font-weight: bold; content: " + css_string(page.marking) + "; }\n";
  }
  rule += "  @bottom-center" + box + "content: " + css_string(foot) + "; }\n";
  rule += "  @bottom-right" + box + "content: \"page \" counter(page) \" of \" counter(pages); }\n}\n";
  return rule;
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string html_rag(const std::string& rag) {
  const std::string label = rag.empty() ? rag : std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(rag[0])))) + rag.substr(1);
  return "<span class=\"rag " + html_escape(rag) + "\">" + html_escape(label) + "</span>";
}

std::string html_subheading(const std::string& text) { return "<h3>" + html_escape(text) + "</h3>\n"; }

std::string html_paragraph(const std::string& text) { return "<p>" + html_escape(text) + "</p>\n"; }

std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<size_t>& numeric, const std::vector<size_t>& markup) {
  const auto cls = [&](size_t k) {
    return std::find(numeric.begin(), numeric.end(), k) != numeric.end() ? " class=\"n\"" : "";
  };
  const auto cell = [&](size_t k, const std::string& text) {
    return std::find(markup.begin(), markup.end(), k) != markup.end() ? text : html_escape(text);
  };
  std::string out = "<div class=\"scroll\"><table>\n<thead><tr>";
  for (size_t k = 0; k < header.size(); ++k) out += "<th" + std::string(cls(k)) + ">" + html_escape(header[k]) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (size_t k = 0; k < row.size(); ++k) out += "<td" + std::string(cls(k)) + ">" + cell(k, row[k]) + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string html_heat_table(const std::string& corner, const std::vector<std::string>& rows,
                            const std::vector<std::string>& columns, const std::vector<double>& values,
                            const std::vector<std::string>& text) {
  double top = 0;
  for (double v : values) top = std::max(top, v);
  std::string out = "<div class=\"scroll\"><table class=\"heat\">\n<thead><tr><th>" + html_escape(corner) + "</th>";
  for (const auto& c : columns) out += "<th>" + html_escape(c) + "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    out += "<tr><th>" + html_escape(rows[r]) + "</th>";
    for (size_t c = 0; c < columns.size(); ++c) {
      const size_t k = r * columns.size() + c;
      const double share = top > 0 ? values[k] / top : 0;  // white (255,255,255) to #b2182b (178,24,43)
      const auto mix = [&](int to) { return static_cast<int>(std::lround(255 + (to - 255) * share)); };
      out += fmt::format("<td style=\"background:#{:02x}{:02x}{:02x};color:{}\">{}</td>", mix(178), mix(24), mix(43),
                         share > 0.55 ? "#fff" : "#000", html_escape(text[k]));
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string html_image(const std::string& png, const std::string& alt, const std::string& css_class) {
  char* base64 = CPLBase64Encode(static_cast<int>(png.size()), reinterpret_cast<const GByte*>(png.data()));
  std::string out = "<img" + (css_class.empty() ? "" : " class=\"" + html_escape(css_class) + "\"") + " alt=\"" +
                    html_escape(alt) + "\" src=\"data:image/png;base64," + base64 + "\">";
  CPLFree(base64);
  return out;
}

std::string brief_html(const BriefPage& page) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
                    "<title>" + html_escape(page.title) + "</title>\n<style>" + kStyle + page_rule(page) + "</style>\n</head>\n<body>\n";
  if (!page.marking.empty()) out += "<header class=\"marking\">" + html_escape(page.marking) + "</header>\n";
  out += "<footer class=\"marking\">" + html_escape((page.marking.empty() ? "" : page.marking + " · ") + page.title +
                                                    (page.period.empty() ? "" : " · " + page.period) +
                                                    (page.footer.empty() ? "" : " · " + page.footer)) + "</footer>\n";
  out += "<main>\n<h1>" + html_escape(page.title) + "</h1>\n";
  if (!page.period.empty()) out += "<p class=\"period\">" + html_escape(page.period) + "</p>\n";
  out += "<nav><ol>\n";
  for (const BriefSection& s : page.sections) out += "<li><a href=\"#" + html_escape(s.id) + "\">" + html_escape(s.title) + "</a></li>\n";
  out += "</ol></nav>\n";
  for (const BriefSection& s : page.sections) {
    out += "<section id=\"" + html_escape(s.id) + "\">\n<h2>" + html_escape(s.title) + "</h2>\n";
    for (const BriefFigure& f : s.figures) {
      out += "<figure>" + html_image(f.png, f.caption) + "<figcaption>" + html_escape(f.caption) + "</figcaption></figure>\n";
    }
    out += s.html + "</section>\n";
  }
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace hotspot

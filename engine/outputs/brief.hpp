// SPDX-License-Identifier: Apache-2.0
#pragma once
#include <string>
#include <vector>

namespace hotspot {

// brief.html: the pack people read. One self-contained page (inline CSS, nothing fetched),
// readable on a laptop or a phone and printable on A4, with the title, the period, the page
// number and an optional protective marking on every printed page (CSS page margin boxes; on
// screen the marking heads the window). Each stage writes its own section from the
// figures it computed.
// A picture heading a section: a map or a chart, embedded as a PNG.
struct BriefFigure {
  std::string png;      // the bytes
  std::string caption;  // plain text; also the image's alternative text
};

struct BriefSection {
  std::string id;     // the anchor: "hotspots"
  std::string title;  // "Tasking hotspots"
  std::string html;   // the body, built with the helpers below (text already escaped)
  std::vector<BriefFigure> figures;  // drawn above the body, in order
};

struct BriefPage {
  std::string title, period, marking, footer;
  std::vector<BriefSection> sections;
};

// Text for HTML: & < > " ' escaped.
std::string html_escape(const std::string& text);

// A paragraph of plain text.
std::string html_paragraph(const std::string& text);

// A heading inside a section (<h3>).
std::string html_subheading(const std::string& text);

// A RAG status ("red", "amber", "green") as a coloured label, for a markup column of html_table.
std::string html_rag(const std::string& rag);

// A table of plain text cells; the columns named in `numeric` are right-aligned; the cells of
// the columns named in `markup` are HTML already (e.g. html_image's).
std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<size_t>& numeric = {}, const std::vector<size_t>& markup = {});

// A heat table: a row per row label, a column per column label, each cell its value as `text`
// gives it on a colour from white (0) to dark red (the largest value), printed in colour too.
std::string html_heat_table(const std::string& corner, const std::vector<std::string>& rows,
                            const std::vector<std::string>& columns, const std::vector<double>& values,
                            const std::vector<std::string>& text);

// An <img> of PNG bytes, embedded as a data: URI.
std::string html_image(const std::string& png, const std::string& alt, const std::string& css_class = "");

std::string brief_html(const BriefPage& page);

}  // namespace hotspot

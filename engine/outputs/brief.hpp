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
struct BriefSection {
  std::string id;     // the anchor: "hotspots"
  std::string title;  // "Tasking hotspots"
  std::string html;   // the body, built with the helpers below (text already escaped)
};

struct BriefPage {
  std::string title, period, marking, footer;
  std::vector<BriefSection> sections;
};

// Text for HTML: & < > " ' escaped.
std::string html_escape(const std::string& text);

// A paragraph of plain text.
std::string html_paragraph(const std::string& text);

// A table of plain text cells; the columns named in `numeric` are right-aligned.
std::string html_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                       const std::vector<size_t>& numeric = {});

std::string brief_html(const BriefPage& page);

}  // namespace hotspot
